// Integrations of a property: settings, credentials (write-only), operations and their switches.
import type { FastifyInstance } from 'fastify';
import type { Integration, StoredAuth, Store } from '../../store/index.js';
import type { ToolDefinition } from '../../tools/index.js';
import { NotFoundError } from '../http-errors.js';
import type { ScopedLoaders } from '../load-scoped.js';
import { idParams, integrationSettingsProperties, updateIntegrationBody } from '../schemas.js';
import { serializeIntegration } from '../serialize.js';

interface IntegrationSettingsBody {
  name?: string;
  baseUrl?: string;
  auth?: StoredAuth;
  timeoutMs?: number;
  allowHosts?: string[];
}

/** An operation as listed over the API. */
function serializeOperation(tool: ToolDefinition, disabled: Set<string>) {
  return {
    name: tool.name,
    operationId: tool.operationId ?? null,
    method: tool.method.toUpperCase(),
    path: tool.path,
    summary: tool.summary ?? null,
    description: tool.description,
    callable: tool.callable,
    uncallableReason: tool.uncallableReason ?? null,
    readOnly: tool.readOnly,
    enabled: !disabled.has(tool.name),
    inputSchema: tool.inputSchema,
  };
}

/** Routes for integrations' settings and operations. */
export async function registerIntegrationRoutes(
  app: FastifyInstance,
  { store, load }: { store: Store; load: ScopedLoaders },
): Promise<void> {
  async function describe(integration: Integration) {
    const [version, disabled] = await Promise.all([
      store.integrations.getVersion(integration.id),
      store.integrations.listDisabledOperations(integration.id),
    ]);
    const tools = (version?.tools ?? []) as ToolDefinition[];
    return {
      ...serializeIntegration(integration),
      openapiVersion: version?.openapiVersion ?? null,
      operations: tools.map((tool) => serializeOperation(tool, disabled)),
      lint: version?.lint ?? [],
    };
  }

  app.post<{ Params: { id: string }; Body: IntegrationSettingsBody & { name: string; baseUrl: string } }>(
    '/properties/:id/integrations',
    {
      schema: {
        tags: ['integrations'],
        summary: 'Connect an API to a property',
        params: idParams,
        body: {
          type: 'object',
          required: ['name', 'baseUrl'],
          properties: integrationSettingsProperties,
          additionalProperties: false,
        },
      },
    },
    async (request, reply) => {
      await load.property(request, request.params.id);
      const integration = await store.integrations.create({ ...request.body, propertyId: request.params.id });
      return reply.status(201).send(await describe(integration));
    },
  );

  app.get<{ Params: { id: string } }>(
    '/properties/:id/integrations',
    { schema: { tags: ['integrations'], summary: "List a property's integrations", params: idParams } },
    async (request) => {
      await load.property(request, request.params.id);
      const integrations = await store.integrations.list(request.params.id);
      return { items: integrations.map(serializeIntegration) };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/integrations/:id',
    {
      schema: {
        tags: ['integrations'],
        summary: 'Read an integration with its operations and lint report',
        params: idParams,
      },
    },
    async (request) => describe(await load.integration(request, request.params.id)),
  );

  app.patch<{ Params: { id: string }; Body: IntegrationSettingsBody }>(
    '/integrations/:id',
    {
      schema: {
        tags: ['integrations'],
        summary: 'Change base URL, credentials, timeout or name',
        params: idParams,
        body: updateIntegrationBody,
      },
    },
    async (request) => {
      await load.integration(request, request.params.id);
      const integration = await store.integrations.update(request.params.id, request.body);
      return describe(integration!);
    },
  );

  app.delete<{ Params: { id: string } }>(
    '/integrations/:id',
    { schema: { tags: ['integrations'], summary: 'Remove an integration', params: idParams } },
    async (request, reply) => {
      await load.integration(request, request.params.id);
      await store.integrations.delete(request.params.id);
      return reply.status(204).send();
    },
  );

  app.put<{ Params: { id: string; name: string }; Body: { enabled: boolean } }>(
    '/integrations/:id/operations/:name',
    {
      schema: {
        tags: ['integrations'],
        summary: 'Switch one operation on or off',
        params: {
          type: 'object',
          required: ['id', 'name'],
          properties: { id: { type: 'string' }, name: { type: 'string' } },
        },
        body: {
          type: 'object',
          required: ['enabled'],
          properties: { enabled: { type: 'boolean' } },
          additionalProperties: false,
        },
      },
    },
    async (request) => {
      const integration = await load.integration(request, request.params.id);
      const version = await store.integrations.getVersion(integration.id);
      const tool = ((version?.tools ?? []) as ToolDefinition[]).find(
        (candidate) => candidate.name === request.params.name,
      );
      if (!tool) throw new NotFoundError('operation', request.params.name);
      await store.integrations.setOperationEnabled(integration.id, tool.name, request.body.enabled);
      return serializeOperation(tool, await store.integrations.listDisabledOperations(integration.id));
    },
  );

  app.get<{ Params: { id: string } }>(
    '/integrations/:id/versions',
    {
      schema: { tags: ['integrations'], summary: "List an integration's schema versions", params: idParams },
    },
    async (request) => {
      await load.integration(request, request.params.id);
      return { items: await store.integrations.listVersions(request.params.id) };
    },
  );
}
