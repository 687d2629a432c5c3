// Bridges stored integrations to the executor: their call settings, and logging the calls.
import type { RequestLogEntry, ToolCallIntegration } from '../executor/index.js';
import type { Integration, Store } from '../store/index.js';

/** What the executor needs of an integration; credentials stay in memory for the call only. */
export function toToolCallIntegration(integration: Integration): ToolCallIntegration {
  return {
    id: integration.id,
    baseUrl: integration.baseUrl,
    auth: integration.auth,
    timeoutMs: integration.timeoutMs,
    allowHosts: integration.allowHosts,
  };
}

/** Stores one executor log entry as a request log row. */
export async function saveRequestLog(store: Store, entry: RequestLogEntry): Promise<void> {
  await store.requestLogs.add({
    integrationId: entry.integrationId,
    agentId: entry.agentId ?? null,
    conversationId: entry.conversationId ?? null,
    tool: entry.tool,
    operationId: entry.operationId ?? null,
    method: entry.method,
    url: entry.url,
    requestHeaders: entry.requestHeaders,
    requestBody: entry.requestBody ?? null,
    status: entry.status ?? null,
    durationMs: entry.durationMs,
    responseExcerpt: entry.responseExcerpt ?? null,
    outcome: entry.outcome,
    error: entry.error ?? null,
    attempts: entry.attempts,
    identity: entry.identity ?? null,
    createdAt: entry.createdAt,
  });
}
