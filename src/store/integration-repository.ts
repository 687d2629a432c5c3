// Integrations of a property: settings (credentials encrypted), schema snapshots, per-operation settings.
import type { Transaction } from 'kysely';
import { newId } from './new-id.js';
import type {
  Integration,
  IntegrationVersion,
  OperationSettings,
  StoredAuth,
  StoredIdentityBinding,
  StoredIdentityHeader,
} from './records.js';
import type { Database, IntegrationTable, IntegrationVersionTable, OperationSettingTable } from './schema.js';
import { now, parseJson, type StoreContext } from './store-context.js';

/** Fields of a new integration; defaults: no auth, 10 s timeout. */
export interface CreateIntegrationInput {
  propertyId: string;
  name: string;
  baseUrl: string;
  auth?: StoredAuth;
  timeoutMs?: number;
  allowHosts?: string[];
  /** Headers sent with every call from the verified customer's claims. */
  identityHeaders?: StoredIdentityHeader[];
}

/** Fields to change; absent fields stay as they are. */
export type UpdateIntegrationInput = Partial<Omit<CreateIntegrationInput, 'propertyId'>>;

/** A version's compiled tools and lint, without the source. */
export type IntegrationCatalog = Pick<
  IntegrationVersion,
  'version' | 'openapiVersion' | 'sourceUrl' | 'tools' | 'lint'
>;

/** A schema snapshot to store as the next version. */
export interface AddVersionInput {
  sourceText: string;
  sourceUrl?: string | null;
  sha256: string;
  openapiVersion: string;
  /** Tool names must be unique: `operation_settings` flags are keyed by them. */
  tools: { name: string }[];
  lint: unknown[];
}

function toVersion(row: IntegrationVersionTable): IntegrationVersion {
  return {
    integrationId: row.integration_id,
    version: row.version,
    sourceText: row.source_text,
    sourceUrl: row.source_url,
    sha256: row.sha256,
    openapiVersion: row.openapi_version,
    tools: parseJson<unknown[]>(row.tools_json, []),
    lint: parseJson<unknown[]>(row.lint_json, []),
    createdAt: row.created_at,
  };
}

async function insertVersion(
  transaction: Transaction<Database>,
  integrationId: string,
  input: AddVersionInput,
): Promise<IntegrationVersion> {
  // Bumping the counter first makes concurrent re-imports (two servers) take distinct numbers.
  const bumped = await transaction
    .updateTable('integrations')
    .set((eb) => ({ current_version: eb('current_version', '+', 1), updated_at: now() }))
    .where('id', '=', integrationId)
    .returning('current_version')
    .executeTakeFirstOrThrow();
  const row: IntegrationVersionTable = {
    integration_id: integrationId,
    version: bumped.current_version,
    source_text: input.sourceText,
    source_url: input.sourceUrl ?? null,
    sha256: input.sha256,
    openapi_version: input.openapiVersion,
    tools_json: JSON.stringify(input.tools),
    lint_json: JSON.stringify(input.lint),
    created_at: now(),
  };
  await transaction.insertInto('integration_versions').values(row).execute();
  const names = input.tools.map((tool) => tool.name);
  let stale = transaction.deleteFrom('operation_settings').where('integration_id', '=', integrationId);
  if (names.length > 0) stale = stale.where('tool_name', 'not in', names);
  await stale.execute();
  return toVersion(row);
}

/** Operation settings rows by tool name, as `listOperationSettings` returns them. */
function toOperationSettings(rows: OperationSettingTable[]): Map<string, OperationSettings> {
  const flag = (value: number | null) => (value === null ? null : value !== 0);
  return new Map(
    rows.map((row) => [
      row.tool_name,
      {
        enabled: row.enabled !== 0,
        needsConfirmation: flag(row.needs_confirmation),
        identityBindings: parseJson<StoredIdentityBinding[]>(row.identity_bindings_json, []),
        requiresIdentity: flag(row.requires_identity),
      },
    ]),
  );
}

/** Creates the integration repository over a store context. */
export function createIntegrationRepository({ db, secrets, prepare }: StoreContext) {
  // Prepared once: the admin routes and the request logs read these; a chat turn reads the agent's
  // enabled integrations and their settings (the last two) in two statements.
  const byId = prepare<{ id: string }, IntegrationTable>((db, param) =>
    db.selectFrom('integrations').selectAll().where('id', '=', param('id')),
  );
  const operationSettingsOf = prepare<{ integrationId: string }, OperationSettingTable>((db, param) =>
    db.selectFrom('operation_settings').selectAll().where('integration_id', '=', param('integrationId')),
  );
  const enabledForAgent = prepare<{ agentId: string }, IntegrationTable>((db, param) =>
    db
      .selectFrom('agent_integrations')
      .innerJoin('integrations', 'integrations.id', 'agent_integrations.integration_id')
      .selectAll('integrations')
      .where('agent_integrations.agent_id', '=', param('agentId'))
      .where('agent_integrations.enabled', '=', 1)
      .orderBy('agent_integrations.created_at'),
  );
  const enabledSettingsForAgent = prepare<{ agentId: string }, OperationSettingTable>((db, param) =>
    db
      .selectFrom('agent_integrations')
      .innerJoin(
        'operation_settings',
        'operation_settings.integration_id',
        'agent_integrations.integration_id',
      )
      .selectAll('operation_settings')
      .where('agent_integrations.agent_id', '=', param('agentId'))
      .where('agent_integrations.enabled', '=', 1),
  );

  function toIntegration(row: IntegrationTable): Integration {
    return {
      id: row.id,
      propertyId: row.property_id,
      name: row.name,
      baseUrl: row.base_url,
      auth: JSON.parse(secrets.decrypt(row.auth_enc)) as StoredAuth,
      timeoutMs: row.timeout_ms,
      allowHosts: parseJson<string[]>(row.allow_hosts_json, []),
      identityHeaders: parseJson<StoredIdentityHeader[]>(row.identity_headers_json, []),
      currentVersion: row.current_version,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }

  return {
    /** Creates an integration, with its first schema version when given, in one transaction. */
    async create(input: CreateIntegrationInput, firstVersion?: AddVersionInput): Promise<Integration> {
      const time = now();
      const auth = input.auth ?? { type: 'none' };
      const row: IntegrationTable = {
        id: newId(),
        property_id: input.propertyId,
        name: input.name,
        base_url: input.baseUrl,
        auth_type: auth.type,
        auth_enc: secrets.encrypt(JSON.stringify(auth)),
        timeout_ms: input.timeoutMs ?? 10_000,
        allow_hosts_json: JSON.stringify(input.allowHosts ?? []),
        identity_headers_json: JSON.stringify(input.identityHeaders ?? []),
        current_version: 0,
        created_at: time,
        updated_at: time,
      };
      await db.transaction().execute(async (transaction) => {
        await transaction.insertInto('integrations').values(row).execute();
        if (firstVersion) await insertVersion(transaction, row.id, firstVersion);
      });
      return toIntegration({ ...row, current_version: firstVersion ? 1 : 0 });
    },
    async list(propertyId: string): Promise<Integration[]> {
      const rows = await db
        .selectFrom('integrations')
        .selectAll()
        .where('property_id', '=', propertyId)
        .orderBy('id')
        .execute();
      return rows.map(toIntegration);
    },
    async get(id: string): Promise<Integration | undefined> {
      const row = await byId.first({ id });
      return row && toIntegration(row);
    },
    async update(id: string, input: UpdateIntegrationInput): Promise<Integration | undefined> {
      const changes: Partial<IntegrationTable> = { updated_at: now() };
      if (input.name !== undefined) changes.name = input.name;
      if (input.baseUrl !== undefined) changes.base_url = input.baseUrl;
      if (input.timeoutMs !== undefined) changes.timeout_ms = input.timeoutMs;
      if (input.allowHosts !== undefined) changes.allow_hosts_json = JSON.stringify(input.allowHosts);
      if (input.identityHeaders !== undefined)
        changes.identity_headers_json = JSON.stringify(input.identityHeaders);
      if (input.auth !== undefined) {
        changes.auth_type = input.auth.type;
        changes.auth_enc = secrets.encrypt(JSON.stringify(input.auth));
      }
      await db.updateTable('integrations').set(changes).where('id', '=', id).execute();
      return this.get(id);
    },
    async delete(id: string): Promise<boolean> {
      const result = await db.deleteFrom('integrations').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    /**
     * Stores a schema snapshot as version N+1 and makes it current, in one transaction. Operation
     * flags are keyed by tool name, so they carry over to operations that still exist; flags of
     * operations that are gone are removed.
     */
    async addVersion(integrationId: string, input: AddVersionInput): Promise<IntegrationVersion> {
      return db.transaction().execute((transaction) => insertVersion(transaction, integrationId, input));
    },
    /** Lists versions, newest first, without their source text. */
    async listVersions(
      integrationId: string,
    ): Promise<Omit<IntegrationVersion, 'sourceText' | 'tools' | 'lint'>[]> {
      const rows = await db
        .selectFrom('integration_versions')
        .select(['integration_id', 'version', 'source_url', 'sha256', 'openapi_version', 'created_at'])
        .where('integration_id', '=', integrationId)
        .orderBy('version', 'desc')
        .execute();
      return rows.map((row) => ({
        integrationId: row.integration_id,
        version: row.version,
        sourceUrl: row.source_url,
        sha256: row.sha256,
        openapiVersion: row.openapi_version,
        createdAt: row.created_at,
      }));
    },
    /** One version; the current one when `version` is absent. */
    async getVersion(integrationId: string, version?: number): Promise<IntegrationVersion | undefined> {
      let query = db
        .selectFrom('integration_versions')
        .selectAll()
        .where('integration_id', '=', integrationId);
      query =
        version === undefined
          ? query.orderBy('version', 'desc').limit(1)
          : query.where('version', '=', version);
      const row = await query.executeTakeFirst();
      return row && toVersion(row);
    },
    /**
     * One version's compiled catalog without its source text (which may be megabytes): what listing
     * operations and running turns need. Undefined when the integration has no such version.
     */
    async getCatalog(integrationId: string, version: number): Promise<IntegrationCatalog | undefined> {
      const row = await db
        .selectFrom('integration_versions')
        .select(['version', 'openapi_version', 'source_url', 'tools_json', 'lint_json'])
        .where('integration_id', '=', integrationId)
        .where('version', '=', version)
        .executeTakeFirst();
      return (
        row && {
          version: row.version,
          openapiVersion: row.openapi_version,
          sourceUrl: row.source_url,
          tools: parseJson<unknown[]>(row.tools_json, []),
          lint: parseJson<unknown[]>(row.lint_json, []),
        }
      );
    },
    /** Tool names switched off for this integration (all others are on). */
    async listDisabledOperations(integrationId: string): Promise<Set<string>> {
      const rows = await db
        .selectFrom('operation_settings')
        .select('tool_name')
        .where('integration_id', '=', integrationId)
        .where('enabled', '=', 0)
        .execute();
      return new Set(rows.map((row) => row.tool_name));
    },
    async setOperationEnabled(integrationId: string, toolName: string, enabled: boolean): Promise<void> {
      await this.setOperationSettings(integrationId, toolName, { enabled });
    },
    /**
     * Per-operation settings that differ from the defaults, by tool name: `enabled` (default on),
     * `needsConfirmation` (null: the operation's own default, from its method and schema),
     * `identityBindings` and `requiresIdentity` (null: on when an input is bound).
     */
    async listOperationSettings(integrationId: string): Promise<Map<string, OperationSettings>> {
      return toOperationSettings(await operationSettingsOf.all({ integrationId }));
    },
    /**
     * The integrations an agent has switched on, in the order they were linked, each with its
     * operation settings (as `listOperationSettings`): two statements however many there are.
     */
    async listEnabledForAgent(
      agentId: string,
    ): Promise<{ integration: Integration; settings: Map<string, OperationSettings> }[]> {
      const [rows, settingRows] = await Promise.all([
        enabledForAgent.all({ agentId }),
        enabledSettingsForAgent.all({ agentId }),
      ]);
      return rows.map((row) => ({
        integration: toIntegration(row),
        settings: toOperationSettings(settingRows.filter((setting) => setting.integration_id === row.id)),
      }));
    },
    /**
     * Changes an operation's settings; absent fields stay as they are, `needsConfirmation: null` and
     * `requiresIdentity: null` go back to the defaults, `identityBindings` replaces the list. Settings
     * are keyed by tool name, so they survive re-imports.
     */
    async setOperationSettings(
      integrationId: string,
      toolName: string,
      settings: Partial<OperationSettings>,
    ): Promise<void> {
      const flag = (value: boolean | null) => (value === null ? null : value ? 1 : 0);
      const changes: {
        enabled?: number;
        needs_confirmation?: number | null;
        identity_bindings_json?: string | null;
        requires_identity?: number | null;
      } = {};
      if (settings.enabled !== undefined) changes.enabled = settings.enabled ? 1 : 0;
      if (settings.needsConfirmation !== undefined)
        changes.needs_confirmation = flag(settings.needsConfirmation);
      if (settings.identityBindings !== undefined)
        changes.identity_bindings_json =
          settings.identityBindings.length > 0 ? JSON.stringify(settings.identityBindings) : null;
      if (settings.requiresIdentity !== undefined)
        changes.requires_identity = flag(settings.requiresIdentity);
      if (Object.keys(changes).length === 0) return;
      await db
        .insertInto('operation_settings')
        .values({
          integration_id: integrationId,
          tool_name: toolName,
          enabled: changes.enabled ?? 1,
          needs_confirmation: changes.needs_confirmation ?? null,
          identity_bindings_json: changes.identity_bindings_json ?? null,
          requires_identity: changes.requires_identity ?? null,
        })
        .onConflict((conflict) => conflict.columns(['integration_id', 'tool_name']).doUpdateSet(changes))
        .execute();
    },
  };
}

/** The integration repository. */
export type IntegrationRepository = ReturnType<typeof createIntegrationRepository>;
