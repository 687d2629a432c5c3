// One customer message through the agent: load what the turn needs, run it, store what it produced.
import type { LanguageModel } from 'ai';
import {
  type AgentTool,
  type HistoryMessage,
  runTurn,
  type TraceStep,
  type TurnEvent,
} from '../agent/index.js';
import type { Executor } from '../executor/index.js';
import { createLanguageModel, type ModelSettings } from '../providers/index.js';
import type { Agent, Conversation, Message, Store } from '../store/index.js';
import type { CatalogReader } from './create-catalog-reader.js';
import { ConflictError } from './http-errors.js';
import { toToolCallIntegration } from './integration-calls.js';

/** What the chat routes need to run turns. */
export interface ConversationTurnContext {
  store: Store;
  executor: Executor;
  /** Reads (and caches) the integrations' tool catalogs. */
  catalogs: CatalogReader;
  /** The model used by agents without a provider of their own. */
  defaultModel: ModelSettings;
  /** Builds a model from settings; tests and the server use `createLanguageModel`. */
  createModel?: (settings: ModelSettings) => LanguageModel;
  /** Called after a turn handed the conversation to a person. */
  onHandoff?: (conversation: Conversation, agent: Agent, reason: string) => void;
}

/** The outcome of one customer message. */
export interface ConversationTurnResult {
  /** The agent's reply, or null when the conversation waits for a person (the message was stored). */
  reply: { id: string; text: string } | null;
  trace: { steps: TraceStep[]; dataSources: string[] };
  status: Conversation['status'];
  /** What the agent proposed and awaits confirmation for, if anything. */
  pendingAction: { tool: string; summary: string; expiresAt: string } | null;
  /** The stored customer message. */
  message: Message;
}

/** The agent's enabled operations across its enabled integrations (uncallable ones are never offered). */
export async function loadAgentTools(
  { store, catalogs }: Pick<ConversationTurnContext, 'store' | 'catalogs'>,
  agentId: string,
): Promise<AgentTool[]> {
  const links = (await store.agents.listIntegrations(agentId)).filter((link) => link.enabled);
  const perIntegration = await Promise.all(
    links.map(async (link) => {
      const integration = await store.integrations.get(link.integrationId);
      if (!integration) return [];
      const [{ tools }, disabled] = await Promise.all([
        catalogs.read(integration),
        store.integrations.listDisabledOperations(integration.id),
      ]);
      const callIntegration = toToolCallIntegration(integration);
      return tools
        .filter((tool) => tool.callable && !disabled.has(tool.name))
        .map((tool) => ({ tool, integration: callIntegration, integrationName: integration.name }));
    }),
  );
  return perIntegration.flat();
}

/** Runs the agent on `text` in `conversation` and stores the messages, trace and state. */
export async function runConversationTurn(
  context: ConversationTurnContext,
  options: {
    conversation: Conversation;
    text: string;
    onEvent?: (event: TurnEvent) => void;
    signal?: AbortSignal;
  },
): Promise<ConversationTurnResult> {
  const { store } = context;
  const { conversation, text } = options;
  if (conversation.status === 'closed')
    throw new ConflictError('this conversation is closed: start a new one');
  const agent = await store.agents.get(conversation.agentId);
  if (!agent) throw new ConflictError('the agent of this conversation no longer exists');
  const history = await store.conversations.listMessages(conversation.id);
  const message = await store.conversations.addMessage(conversation.id, { role: 'customer', text });
  if (conversation.status === 'waiting-for-human') {
    return {
      reply: null,
      trace: { steps: [], dataSources: [] },
      status: conversation.status,
      pendingAction: null,
      message,
    };
  }

  const { apiKey, ...settings } = agent.model.provider ? agent.model : { ...context.defaultModel };
  const model = (context.createModel ?? createLanguageModel)({ ...settings, apiKey });
  const result = await runTurn({
    model,
    basePrompt: agent.basePrompt,
    temperature: agent.model.provider ? agent.model.temperature : undefined,
    maxToolSteps: agent.maxToolSteps,
    tools: await loadAgentTools(context, agent.id),
    executor: context.executor,
    history: history
      .filter((entry) => entry.role !== 'system')
      .map((entry) => ({ role: entry.role as HistoryMessage['role'], text: entry.text })),
    message: text,
    pendingAction: (conversation.pendingAction as Parameters<typeof runTurn>[0]['pendingAction']) ?? null,
    agentId: agent.id,
    conversationId: conversation.id,
    onEvent: options.onEvent,
    signal: options.signal,
  });

  const reply = await store.conversations.addMessage(conversation.id, { role: 'agent', text: result.reply });
  await store.conversations.addTrace(conversation.id, {
    messageId: reply.id,
    steps: [...result.steps, { type: 'data-sources', tools: result.dataSources }],
  });
  const status = result.handoff ? 'waiting-for-human' : conversation.status;
  const updated = await store.conversations.update(conversation.id, {
    status,
    pendingAction: result.pendingAction,
  });
  if (result.handoff && updated) context.onHandoff?.(updated, agent, result.handoff.reason);
  const pending = result.pendingAction;
  return {
    reply: { id: reply.id, text: result.reply },
    trace: { steps: result.steps, dataSources: result.dataSources },
    status,
    pendingAction: pending && { tool: pending.tool, summary: pending.summary, expiresAt: pending.expiresAt },
    message,
  };
}
