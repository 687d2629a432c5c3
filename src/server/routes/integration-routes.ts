// Integrations of a property: settings, credentials (write-only), operations and their switches.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Executor } from '../../executor/index.js';
import { diffCatalogs, type ImportedSchema } from '../../openapi/index.js';
import type {
  Integration,
  OperationSettings,
  Store,
  StoredAuth,
  StoredIdentityBinding,
  StoredIdentityHeader,
} from '../../store/index.js';
import { defaultNeedsConfirmation, type ToolDefinition } from '../../tools/index.js';
import { assertAdmin } from '../authenticate.js';
import type { CatalogReader } from '../create-catalog-reader.js';
import { createIntegration, toVersionInput } from '../create-integration.js';
import { BadRequestError, ConflictError, NotFoundError } from '../http-errors.js';
import { checkBindings, checkIdentityHeaders } from '../identity/check-identity-settings.js';
import {
  describeOperationIdentity,
  findBrokenBindings,
  operationIdentityProperties,
  type TryCustomer,
  tryCustomerProperty,
  tryIdentity,
} from '../identity/operation-identity.js';
import { importSchemaSource, type SchemaInput } from '../import-schema-source.js';
import { toToolCallIntegration } from '../integration-calls.js';
import type { ScopedLoaders } from '../load-scoped.js';
import { listOf, noContent, ref } from '../response-schemas.js';
import { idParams, integrationSettingsProperties, updateIntegrationBody } from '../schemas.js';
import { serializeIntegration } from '../serialize.js';

interface IntegrationSettingsBody {
  name?: string;
  baseUrl?: string;
  auth?: StoredAuth;
  timeoutMs?: number;
  allowHosts?: string[];
  identityHeaders?: StoredIdentityHeader[];
}

const operationParams = {
  type: 'object',
  required: ['id', 'name'],
  properties: { id: { type: 'string' }, name: { type: 'string' } },
} as const;

// A schema may be 20 MB; as a JSON string with escapes it needs some room beyond that.
const SCHEMA_BODY_LIMIT = 25 * 1024 * 1024;

const schemaProperties = {
  schemaUrl: {
    type: 'string',
    pattern: '^https?://',
    maxLength: 2048,
    description: 'Public http(s) URL of the OpenAPI / Swagger document (YAML or JSON)',
  },
  schemaText: {
    type: 'string',
    maxLength: SCHEMA_BODY_LIMIT,
    description: 'The document itself, pasted or read from an uploaded file (YAML or JSON)',
  },
} as const;

const schemaBody = {
  type: 'object',
  properties: { ...schemaProperties, sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' } },
  additionalProperties: false,
} as const;

/**
 * Hosts an integration may reach although they are private or loopback widen the network guard: that
 * is the server operator's decision, so only the admin token may add any. A property key may leave
 * the list as it is or shorten it.
 */
function checkAllowHosts(
  request: FastifyRequest,
  wanted: string[] | undefined,
  current: readonly string[] = [],
): void {
  if (wanted === undefined || request.principal.kind === 'admin') return;
  const kept = new Set(current.map((host) => host.trim().toLowerCase()));
  if (wanted.every((host) => kept.has(host.trim().toLowerCase()))) return;
  assertAdmin(
    request,
    "set allowHosts: reaching private or loopback hosts is the server operator's decision (CONCIERGE_ALLOW_HOSTS, or the admin token)",
  );
}

/** A version summary with its diff against the current catalog. */
function describeImport(imported: ImportedSchema, previous: ToolDefinition[], nextVersion: number) {
  return {
    version: nextVersion,
    openapiVersion: imported.openapiVersion,
    title: imported.title,
    sha256: imported.sha256,
    operations: imported.tools.length,
    diff: diffCatalogs(previous, imported.tools),
    lint: imported.lint,
  };
}

/** Operations' stored settings, by tool name (absent: the defaults). */
type SettingsByTool = Map<string, OperationSettings>;

/** Body of changing an operation's settings. */
const operationSettingsBody = {
  type: 'object',
  minProperties: 1,
  properties: {
    enabled: { type: 'boolean', description: 'Whether the agent may call the operation' },
    needsConfirmation: {
      type: ['boolean', 'null'],
      description:
        "Whether the agent asks the customer before calling it; null goes back to the default (from the method, and the schema's x-openai-isConsequential or x-concierge-safe)",
    },
    ...operationIdentityProperties,
  },
  additionalProperties: false,
} as const;

/** An operation as listed over the API; `headers`: the integration's identity headers. */
function serializeOperation(
  tool: ToolDefinition,
  settings: SettingsByTool,
  headers: readonly StoredIdentityHeader[],
) {
  const setting = settings.get(tool.name);
  const needsConfirmationDefault = defaultNeedsConfirmation(tool);
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
    enabled: setting?.enabled ?? true,
    needsConfirmation: setting?.needsConfirmation ?? needsConfirmationDefault,
    needsConfirmationDefault,
    inputSchema: tool.inputSchema,
    ...describeOperationIdentity(tool, setting, headers),
  };
}

/** Routes for integrations' settings and operations. */
export async function registerIntegrationRoutes(
  app: FastifyInstance,
  {
    store,
    load,
    executor,
    catalogs,
    allowHosts,
    allowHostsFor,
  }: {
    store: Store;
    load: ScopedLoaders;
    executor: Executor;
    catalogs: CatalogReader;
    allowHosts: string[];
    /** More hosts allowed for one URL: this server's own demo. */
    allowHostsFor?: (url: string) => string[];
  },
): Promise<void> {
  /** The operation named `name` in the integration's current catalog, or 404. */
  async function findTool(integration: Integration, name: string): Promise<ToolDefinition> {
    const tool = (await catalogs.read(integration)).tools.find((candidate) => candidate.name === name);
    if (!tool) throw new NotFoundError('operation', name);
    return tool;
  }

  /** The schema to re-import: the one given, else the current version's URL. */
  async function reimportInput(
    integration: Integration,
    body: SchemaInput | undefined,
  ): Promise<SchemaInput> {
    if (body?.schemaUrl || body?.schemaText !== undefined) return body;
    const current = await catalogs.read(integration);
    if (!current.sourceUrl) {
      throw new BadRequestError(
        'give the new schema as schemaUrl or schemaText: the current version was not imported from a URL',
      );
    }
    return { schemaUrl: current.sourceUrl };
  }

  async function describe(integration: Integration) {
    const [catalog, settings] = await Promise.all([
      catalogs.read(integration),
      store.integrations.listOperationSettings(integration.id),
    ]);
    return {
      ...serializeIntegration(integration),
      openapiVersion: catalog.openapiVersion,
      operations: catalog.tools.map((tool) =>
        serializeOperation(tool, settings, integration.identityHeaders),
      ),
      lint: catalog.lint,
    };
  }

  app.post<{ Params: { id: string }; Body: SchemaInput }>(
    '/properties/:id/integrations/preview',
    {
      bodyLimit: SCHEMA_BODY_LIMIT,
      schema: {
        tags: ['integrations'],
        summary: 'Fetch and compile a schema as connecting it would, without storing anything',
        response: { 200: ref('SchemaPreview') },
        description:
          'What the add form shows before Save: the title, the base URL the schema names, the credentials it asks for and its operations; or the same 422 error that connecting would give.',
        params: idParams,
        body: { type: 'object', properties: schemaProperties, additionalProperties: false },
      },
    },
    async (request) => {
      await load.property(request, request.params.id);
      const { imported, sourceUrl } = await importSchemaSource({
        input: request.body,
        allowHosts,
        allowHostsFor,
      });
      return {
        title: imported.title,
        openapiVersion: imported.openapiVersion,
        sourceUrl,
        baseUrl: imported.servers[0] ?? null,
        auth: imported.auth ?? null,
        operations: imported.tools.map((tool) => ({
          name: tool.name,
          method: tool.method.toUpperCase(),
          path: tool.path,
          summary: tool.summary ?? null,
          callable: tool.callable,
        })),
        lint: imported.lint,
      };
    },
  );

  app.post<{ Params: { id: string }; Body: IntegrationSettingsBody & SchemaInput & { name: string } }>(
    '/properties/:id/integrations',
    {
      bodyLimit: SCHEMA_BODY_LIMIT,
      schema: {
        tags: ['integrations'],
        summary:
          'Connect an API: import its OpenAPI schema (URL or text) as version 1, with base URL and credentials',
        params: idParams,
        response: { 201: ref('IntegrationDetail') },
        body: {
          type: 'object',
          required: ['name'],
          properties: { ...integrationSettingsProperties, ...schemaProperties },
          additionalProperties: false,
        },
      },
    },
    async (request, reply) => {
      await load.property(request, request.params.id);
      checkAllowHosts(request, request.body.allowHosts);
      checkIdentityHeaders(request.body.identityHeaders, request.body.auth);
      const { schemaUrl, schemaText, ...settings } = request.body;
      const integration = await createIntegration(store, {
        settings: { ...settings, propertyId: request.params.id },
        schema: { schemaUrl, schemaText },
        allowHosts,
        allowHostsFor,
      });
      return reply.status(201).send(await describe(integration));
    },
  );

  app.get<{ Params: { id: string } }>(
    '/properties/:id/integrations',
    {
      schema: {
        tags: ['integrations'],
        summary: "List a property's integrations",
        response: { 200: listOf('Integration') },
        params: idParams,
      },
    },
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
        response: { 200: ref('IntegrationDetail') },
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
        response: { 200: ref('IntegrationDetail') },
        params: idParams,
        body: updateIntegrationBody,
      },
    },
    async (request) => {
      const current = await load.integration(request, request.params.id);
      checkAllowHosts(request, request.body.allowHosts, current.allowHosts);
      checkIdentityHeaders(
        request.body.identityHeaders ?? current.identityHeaders,
        request.body.auth ?? current.auth,
      );
      const integration = await store.integrations.update(request.params.id, request.body);
      return describe(integration!);
    },
  );

  app.delete<{ Params: { id: string } }>(
    '/integrations/:id',
    {
      schema: {
        tags: ['integrations'],
        summary: 'Remove an integration',
        response: { 204: noContent },
        params: idParams,
      },
    },
    async (request, reply) => {
      await load.integration(request, request.params.id);
      await store.integrations.delete(request.params.id);
      return reply.status(204).send();
    },
  );

  app.put<{
    Params: { id: string; name: string };
    Body: {
      enabled?: boolean;
      needsConfirmation?: boolean | null;
      identityBindings?: StoredIdentityBinding[];
      requiresIdentity?: boolean | null;
    };
  }>(
    '/integrations/:id/operations/:name',
    {
      schema: {
        tags: ['integrations'],
        summary:
          'Switch one operation on or off, whether the customer confirms it first, and which inputs come from the verified customer',
        description:
          'Settings are kept by operation name, so they carry over to the next schema version while the operation exists.',
        response: { 200: ref('Operation') },
        params: operationParams,
        body: operationSettingsBody,
      },
    },
    async (request) => {
      const integration = await load.integration(request, request.params.id);
      const tool = await findTool(integration, request.params.name);
      if (request.body.identityBindings) checkBindings(tool, request.body.identityBindings);
      await store.integrations.setOperationSettings(integration.id, tool.name, request.body);
      return serializeOperation(
        tool,
        await store.integrations.listOperationSettings(integration.id),
        integration.identityHeaders,
      );
    },
  );

  app.get<{ Params: { id: string } }>(
    '/integrations/:id/versions',
    {
      schema: {
        tags: ['integrations'],
        summary: "List an integration's schema versions",
        response: { 200: listOf('IntegrationVersion') },
        params: idParams,
      },
    },
    async (request) => {
      await load.integration(request, request.params.id);
      return { items: await store.integrations.listVersions(request.params.id) };
    },
  );

  app.post<{
    Params: { id: string; name: string };
    Body: { args?: Record<string, unknown>; customer?: TryCustomer };
  }>(
    '/integrations/:id/operations/:name/try',
    {
      schema: {
        tags: ['integrations'],
        summary: 'Call one operation for real, as the agent would, and see what was sent and what came back',
        description:
          "With `customer`, its identity-bound inputs and the integration's identity headers are set from those claims, as for a verified customer; without, the arguments are sent as given.",
        response: { 200: ref('TryResult') },
        params: operationParams,
        body: {
          type: 'object',
          properties: {
            args: { type: 'object', description: "The operation's arguments, by input name" },
            customer: tryCustomerProperty,
          },
          additionalProperties: false,
        },
      },
    },
    async (request) => {
      const integration = await load.integration(request, request.params.id);
      const tool = await findTool(integration, request.params.name);
      const customer = request.body?.customer;
      const setting =
        customer && (await store.integrations.listOperationSettings(integration.id)).get(tool.name);
      const result = await executor.executeToolCall({
        tool,
        args: request.body?.args ?? {},
        integration: toToolCallIntegration(integration),
        ...(customer
          ? { identity: tryIdentity({ tool, customer, setting, headers: integration.identityHeaders }) }
          : {}),
      });
      return {
        outcome: result.outcome,
        durationMs: result.durationMs,
        attempts: result.attempts,
        request: result.request,
        response: result.response ?? null,
        customerMessage: result.customerMessage ?? null,
        error: result.log.error ?? null,
      };
    },
  );

  app.post<{ Params: { id: string }; Body: SchemaInput }>(
    '/integrations/:id/reimport/preview',
    {
      bodyLimit: SCHEMA_BODY_LIMIT,
      schema: {
        tags: ['integrations'],
        summary: 'Compile a new schema version and show what would change, without applying it',
        response: { 200: ref('ReimportPreview') },
        description: 'Without schemaUrl or schemaText, the current version is fetched again from its URL.',
        params: idParams,
        body: { ...schemaBody, properties: schemaProperties },
      },
    },
    async (request) => {
      const integration = await load.integration(request, request.params.id);
      const input = await reimportInput(integration, request.body);
      const loaded = await importSchemaSource({
        input,
        allowHosts: [...allowHosts, ...integration.allowHosts],
        allowHostsFor,
      });
      const previous = (await catalogs.read(integration)).tools;
      const settings = await store.integrations.listOperationSettings(integration.id);
      return {
        ...describeImport(loaded.imported, previous, integration.currentVersion + 1),
        identityProblems: findBrokenBindings(loaded.imported.tools, settings),
      };
    },
  );

  app.post<{ Params: { id: string }; Body: SchemaInput & { sha256?: string } }>(
    '/integrations/:id/versions',
    {
      bodyLimit: SCHEMA_BODY_LIMIT,
      schema: {
        tags: ['integrations'],
        summary: 'Re-import: store a new schema version and make it current',
        response: { 201: ref('IntegrationDetail') },
        description:
          'Pass the sha256 shown by the preview to make sure the document applied is the one previewed (409 otherwise). Operation switches carry over to operations that still exist.',
        params: idParams,
        body: schemaBody,
      },
    },
    async (request, reply) => {
      const integration = await load.integration(request, request.params.id);
      const input = await reimportInput(integration, request.body);
      const loaded = await importSchemaSource({
        input,
        allowHosts: [...allowHosts, ...integration.allowHosts],
        allowHostsFor,
      });
      if (request.body?.sha256 && request.body.sha256 !== loaded.imported.sha256) {
        throw new ConflictError('the schema changed since the preview: preview it again before applying');
      }
      const previous = (await catalogs.read(integration)).tools;
      const version = await store.integrations.addVersion(integration.id, toVersionInput(loaded));
      const updated = await store.integrations.get(integration.id);
      return reply.status(201).send({
        ...(await describe(updated!)),
        diff: diffCatalogs(previous, loaded.imported.tools),
        version: version.version,
      });
    },
  );

  app.get<{ Params: { id: string; version: number } }>(
    '/integrations/:id/versions/:version',
    {
      schema: {
        tags: ['integrations'],
        summary: 'One schema version: its operations, lint report and source',
        response: { 200: ref('IntegrationVersionDetail') },
        params: {
          type: 'object',
          required: ['id', 'version'],
          properties: {
            id: { type: 'string' },
            version: { type: 'integer', minimum: 1, maximum: 2_147_483_647 },
          },
        },
      },
    },
    async (request) => {
      const integration = await load.integration(request, request.params.id);
      const version = await store.integrations.getVersion(integration.id, request.params.version);
      if (!version) throw new NotFoundError('version', String(request.params.version));
      const tools = version.tools as ToolDefinition[];
      return {
        version: version.version,
        openapiVersion: version.openapiVersion,
        sha256: version.sha256,
        sourceUrl: version.sourceUrl,
        createdAt: version.createdAt,
        operations: tools.map((tool) => ({
          name: tool.name,
          operationId: tool.operationId ?? null,
          method: tool.method.toUpperCase(),
          path: tool.path,
        })),
        lint: version.lint,
        sourceText: version.sourceText,
      };
    },
  );
}
