// What the API shows of stored records: secrets masked, internal columns left out.
import { type Agent, type Integration, maskSecret, type StoredAuth } from '../store/index.js';

/** Auth as shown over the API: the kind and names, secrets masked. */
export function serializeAuth(auth: StoredAuth): Record<string, unknown> {
  switch (auth.type) {
    case 'none':
      return { type: 'none' };
    case 'apiKey':
      return { type: 'apiKey', in: auth.in, name: auth.name, value: maskSecret(auth.value) };
    case 'bearer':
      return { type: 'bearer', token: maskSecret(auth.token) };
    case 'basic':
      return { type: 'basic', username: auth.username, password: maskSecret(auth.password) };
  }
}

/** An agent's identity settings as shown: the effective audience, and the secret's dates, never the secret. */
export function serializeAgentIdentity(agent: Agent): Record<string, unknown> {
  const { secretCreatedAt, previousSecretValidUntil, ...settings } = agent.identity;
  return {
    ...settings,
    audience: agent.identity.audience || agent.publicKey,
    secret: agent.identitySecret
      ? {
          hint: maskSecret(agent.identitySecret),
          createdAt: secretCreatedAt ?? null,
          previousValidUntil: agent.previousIdentitySecret ? (previousSecretValidUntil ?? null) : null,
        }
      : null,
  };
}

/** An agent as the API returns it. */
export function serializeAgent(agent: Agent): Record<string, unknown> {
  const { apiKey, ...model } = agent.model;
  return {
    id: agent.id,
    propertyId: agent.propertyId,
    name: agent.name,
    publicKey: agent.publicKey,
    basePrompt: agent.basePrompt,
    model: { ...model, ...(apiKey ? { apiKey: maskSecret(apiKey) } : {}) },
    maxToolSteps: agent.maxToolSteps,
    handoffWebhookUrl: agent.handoffWebhookUrl,
    identity: serializeAgentIdentity(agent),
    createdAt: agent.createdAt,
    updatedAt: agent.updatedAt,
  };
}

/** An integration's settings as the API returns them (operations are added by the route). */
export function serializeIntegration(integration: Integration): Record<string, unknown> {
  return {
    id: integration.id,
    propertyId: integration.propertyId,
    name: integration.name,
    baseUrl: integration.baseUrl,
    auth: serializeAuth(integration.auth),
    timeoutMs: integration.timeoutMs,
    allowHosts: integration.allowHosts,
    identityHeaders: integration.identityHeaders,
    version: integration.currentVersion,
    createdAt: integration.createdAt,
    updatedAt: integration.updatedAt,
  };
}
