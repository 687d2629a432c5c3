// Request logs: every call the agent or try-it made to a business API, filterable and paged.
import type { FastifyInstance } from 'fastify';
import { TOOL_CALL_OUTCOMES } from '../../executor/index.js';
import type { ListRequestLogsOptions, Store } from '../../store/index.js';
import { assertPropertyAccess } from '../authenticate.js';
import { NotFoundError } from '../http-errors.js';
import type { ScopedLoaders } from '../load-scoped.js';
import { listOf, ref } from '../response-schemas.js';
import { idParams } from '../schemas.js';

const logFilters = {
  tool: { type: 'string', description: 'Only calls of this tool' },
  outcome: { enum: [...TOOL_CALL_OUTCOMES], description: 'Only calls with this outcome' },
  status: {
    type: 'integer',
    minimum: 100,
    maximum: 599,
    description: 'Only calls answered with this HTTP status',
  },
  conversationId: { type: 'string', description: 'Only calls made in this conversation' },
  from: { type: 'string', format: 'date-time', description: 'Calls at or after this time' },
  to: { type: 'string', format: 'date-time', description: 'Calls before this time' },
  limit: { type: 'integer', minimum: 1, maximum: 200, description: 'Page size (default 50)' },
  cursor: { type: 'string', description: 'The `next` value of the previous page' },
} as const;

const integrationLogQuery = { type: 'object', properties: logFilters, additionalProperties: false } as const;

const propertyLogQuery = {
  type: 'object',
  properties: {
    ...logFilters,
    integrationId: { type: 'string', description: 'Only calls to this integration' },
  },
  additionalProperties: false,
} as const;

type LogQuery = Omit<ListRequestLogsOptions, 'propertyId'>;

/** Routes for reading request logs. */
export async function registerRequestLogRoutes(
  app: FastifyInstance,
  { store, load }: { store: Store; load: ScopedLoaders },
): Promise<void> {
  app.get<{ Params: { id: string }; Querystring: LogQuery }>(
    '/integrations/:id/logs',
    {
      schema: {
        tags: ['logs'],
        summary: "An integration's request logs, newest first",
        response: { 200: listOf('RequestLog', 'string') },
        params: idParams,
        querystring: integrationLogQuery,
      },
    },
    async (request) => {
      const integration = await load.integration(request, request.params.id);
      return store.requestLogs.list({
        ...request.query,
        integrationId: integration.id,
        propertyId: integration.propertyId,
      });
    },
  );

  app.get<{ Params: { id: string }; Querystring: LogQuery }>(
    '/properties/:id/logs',
    {
      schema: {
        tags: ['logs'],
        summary: "Request logs of all a property's integrations, newest first",
        response: { 200: listOf('RequestLog', 'string') },
        params: idParams,
        querystring: propertyLogQuery,
      },
    },
    async (request) => {
      const property = await load.property(request, request.params.id);
      return store.requestLogs.list({ ...request.query, propertyId: property.id });
    },
  );

  app.get<{ Params: { id: string } }>(
    '/logs/:id',
    {
      schema: {
        tags: ['logs'],
        summary: 'One request log entry in full',
        response: { 200: ref('RequestLog') },
        params: idParams,
      },
    },
    async (request) => {
      const entry = await store.requestLogs.get(request.params.id);
      if (!entry) throw new NotFoundError('request log entry', request.params.id);
      const integration = await store.integrations.get(entry.integrationId);
      assertPropertyAccess(request, integration?.propertyId ?? '', 'request log entry', request.params.id);
      return entry;
    },
  );
}
