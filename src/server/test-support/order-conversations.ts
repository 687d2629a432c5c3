// Test helper: an agent on a real order API with a scripted model, and the admin calls the turn tests
// make on its conversations.
import type { FakeModelServer } from '../../agent/test-support/start-fake-model-server.js';
import type { Message, TurnTrace } from '../../store/index.js';
import type { OrderApi } from './start-order-api.js';
import type { TestApp } from './test-app.js';

/** Connects the order API to a new agent using the fake model; returns the agent. */
export async function connectAgent(test: TestApp, api: OrderApi, model: FakeModelServer) {
  const property = (
    await test.call({ method: 'POST', url: '/api/v1/properties', payload: { name: 'Shop' } })
  ).json();
  const integration = (
    await test.call({
      method: 'POST',
      url: `/api/v1/properties/${property.id}/integrations`,
      // The longest timeout: the tests make the API slow on purpose and decide themselves when a call ends.
      payload: { name: 'Orders', schemaText: api.schema, timeoutMs: 60_000 },
    })
  ).json();
  const agent = (
    await test.call({
      method: 'POST',
      url: `/api/v1/properties/${property.id}/agents`,
      payload: {
        name: 'Assistant',
        model: { provider: 'openai-compatible', baseUrl: model.baseUrl, model: 'llama-fake' },
      },
    })
  ).json();
  await test.call({
    method: 'PUT',
    url: `/api/v1/agents/${agent.id}/integrations/${integration.id}`,
    payload: { enabled: true },
  });
  return agent as { id: string; publicKey: string };
}

/** Starts a conversation with the agent; returns its id. */
export async function newConversation(test: TestApp, agentId: string): Promise<string> {
  return (
    await test.call({ method: 'POST', url: `/api/v1/agents/${agentId}/conversations`, payload: {} })
  ).json().id;
}

/** Sends a customer message through the admin chat API. */
export function say(test: TestApp, conversationId: string, text: string) {
  return test.call({
    method: 'POST',
    url: `/api/v1/conversations/${conversationId}/messages`,
    payload: { text },
  });
}

/** The conversation as the business sees it. */
export async function readConversation(test: TestApp, conversationId: string) {
  return (await test.call({ method: 'GET', url: `/api/v1/conversations/${conversationId}` })).json() as {
    status: string;
    pendingAction: unknown;
    messages: Message[];
    traces: TurnTrace[];
  };
}
