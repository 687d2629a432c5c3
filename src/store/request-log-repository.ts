// Request logs: every call made to a business API, filterable and paged, with retention.

import { newId } from './new-id.js';
import { rowParams } from './prepare-query.js';
import type { RequestLog } from './records.js';
import type { RequestLogTable } from './schema.js';
import { parseJson, type StoreContext } from './store-context.js';

/** Filters of `list`; results are newest first. */
export interface ListRequestLogsOptions {
  integrationId?: string;
  /** Only logs of integrations of this property. */
  propertyId?: string;
  tool?: string;
  outcome?: string;
  status?: number;
  conversationId?: string;
  /** ISO time, inclusive. */
  from?: string;
  /** ISO time, exclusive. */
  to?: string;
  /** Page size, 1 to 200 (default 50). */
  limit?: number;
  /** The `next` cursor of the previous page. */
  cursor?: string;
}

function toRequestLog(row: Omit<RequestLogTable, 'property_id'>): RequestLog {
  return {
    id: row.id,
    integrationId: row.integration_id,
    agentId: row.agent_id,
    conversationId: row.conversation_id,
    tool: row.tool,
    operationId: row.operation_id,
    method: row.method,
    url: row.url,
    requestHeaders: parseJson<Record<string, string>>(row.request_headers_json, {}),
    requestBody: row.request_body,
    status: row.status,
    durationMs: row.duration_ms,
    responseExcerpt: row.response_excerpt,
    outcome: row.outcome,
    error: row.error,
    attempts: row.attempts,
    identity: parseJson<RequestLog['identity']>(row.identity_json, null),
    createdAt: row.created_at,
  };
}

/** A log's columns but its property (which the insert reads from its integration). */
type RequestLogRow = Omit<RequestLogTable, 'property_id'>;

const LOG_COLUMNS: Record<keyof RequestLogRow, true> = {
  id: true,
  integration_id: true,
  agent_id: true,
  conversation_id: true,
  tool: true,
  operation_id: true,
  method: true,
  url: true,
  request_headers_json: true,
  request_body: true,
  status: true,
  duration_ms: true,
  response_excerpt: true,
  outcome: true,
  error: true,
  attempts: true,
  identity_json: true,
  created_at: true,
};

/** Creates the request-log repository over a store context. */
export function createRequestLogRepository({ db, prepare }: StoreContext) {
  // Every API call of a turn adds one.
  const insert = prepare<RequestLogRow, never>((db, param) =>
    db.insertInto('request_logs').values((eb) => ({
      ...rowParams(param, LOG_COLUMNS),
      property_id: eb
        .selectFrom('integrations')
        .select('integrations.property_id')
        .where('integrations.id', '=', param('integration_id')),
    })),
  );
  return {
    async add(
      entry: Omit<RequestLog, 'id' | 'identity'> & { identity?: RequestLog['identity'] },
    ): Promise<RequestLog> {
      const row: RequestLogRow = {
        id: newId(),
        integration_id: entry.integrationId,
        agent_id: entry.agentId,
        conversation_id: entry.conversationId,
        tool: entry.tool,
        operation_id: entry.operationId,
        method: entry.method,
        url: entry.url,
        request_headers_json: JSON.stringify(entry.requestHeaders),
        request_body: entry.requestBody,
        status: entry.status,
        duration_ms: Math.round(entry.durationMs),
        response_excerpt: entry.responseExcerpt,
        outcome: entry.outcome,
        error: entry.error,
        attempts: entry.attempts,
        identity_json: entry.identity ? JSON.stringify(entry.identity) : null,
        created_at: entry.createdAt,
      };
      await insert.run(row);
      return toRequestLog(row);
    },
    async get(id: string): Promise<RequestLog | undefined> {
      const row = await db.selectFrom('request_logs').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toRequestLog(row);
    },
    async list(options: ListRequestLogsOptions = {}): Promise<{ items: RequestLog[]; next?: string }> {
      const limit = Math.min(Math.max(options.limit ?? 50, 1), 200);
      // Each filter with the property has its index (property, filter, id), read newest first.
      let query = db.selectFrom('request_logs').selectAll('request_logs');
      if (options.propertyId) query = query.where('request_logs.property_id', '=', options.propertyId);
      if (options.integrationId)
        query = query.where('request_logs.integration_id', '=', options.integrationId);
      if (options.tool) query = query.where('request_logs.tool', '=', options.tool);
      if (options.outcome) query = query.where('request_logs.outcome', '=', options.outcome);
      if (options.status !== undefined) query = query.where('request_logs.status', '=', options.status);
      if (options.conversationId)
        query = query.where('request_logs.conversation_id', '=', options.conversationId);
      if (options.from) query = query.where('request_logs.created_at', '>=', options.from);
      if (options.to) query = query.where('request_logs.created_at', '<', options.to);
      if (options.cursor) query = query.where('request_logs.id', '<', options.cursor);
      const rows = await query
        .orderBy('request_logs.id', 'desc')
        .limit(limit + 1)
        .execute();
      const items = rows.slice(0, limit).map((row) => toRequestLog(row));
      return rows.length > limit ? { items, next: items[items.length - 1].id } : { items };
    },
    /** Deletes logs older than `before` (ISO time); returns how many. */
    async deleteOlderThan(before: string): Promise<number> {
      const result = await db.deleteFrom('request_logs').where('created_at', '<', before).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

/** The request-log repository. */
export type RequestLogRepository = ReturnType<typeof createRequestLogRepository>;
