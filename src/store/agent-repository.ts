// Agents of a property: base prompt, model settings (API key encrypted), widget public key, links.

import { newId, newToken } from './new-id.js';
import type { Agent, AgentIdentitySettings, AgentIntegrationLink, AgentModelSettings } from './records.js';
import type { AgentIntegrationTable, AgentTable } from './schema.js';
import { now, parseJson, type StoreContext } from './store-context.js';

/** Fields of a new agent; defaults: empty prompt, the server's default model, 4 tool steps. */
export interface CreateAgentInput {
  propertyId: string;
  name: string;
  basePrompt?: string;
  model?: AgentModelSettings;
  maxToolSteps?: number;
  handoffWebhookUrl?: string | null;
  /** How identity tokens are checked; default none (every visitor anonymous). */
  identity?: IdentitySettingsInput;
}

/** How identity tokens are checked, as an admin sets it (the secret's dates are kept by the store). */
export type IdentitySettingsInput = Omit<
  AgentIdentitySettings,
  'secretCreatedAt' | 'previousSecretValidUntil'
>;

/** Fields to change; `model.apiKey` undefined keeps the stored key, null removes it. */
export interface UpdateAgentInput {
  name?: string;
  basePrompt?: string;
  model?: Omit<AgentModelSettings, 'apiKey'> & { apiKey?: string | null };
  maxToolSteps?: number;
  handoffWebhookUrl?: string | null;
  /** Replaces the identity settings; the secret stays as it is. */
  identity?: IdentitySettingsInput;
}

/** Creates the agent repository over a store context. */
export function createAgentRepository({ db, secrets, prepare }: StoreContext) {
  // Prepared once: every chat turn reads its agent; the admin routes read its integrations' links.
  const byId = prepare<{ id: string }, AgentTable>((db, param) =>
    db.selectFrom('agents').selectAll().where('id', '=', param('id')),
  );
  const linksOf = prepare<{ agentId: string }, AgentIntegrationTable>((db, param) =>
    db
      .selectFrom('agent_integrations')
      .selectAll()
      .where('agent_id', '=', param('agentId'))
      .orderBy('created_at'),
  );

  function toAgent(row: AgentTable): Agent {
    const model = parseJson<AgentModelSettings>(row.model_json, {});
    if (row.model_api_key_enc) model.apiKey = secrets.decrypt(row.model_api_key_enc);
    const identity = parseJson<AgentIdentitySettings>(row.identity_json, { method: 'none' });
    const previousValid =
      row.identity_previous_secret_enc &&
      identity.previousSecretValidUntil &&
      Date.parse(identity.previousSecretValidUntil) > Date.now();
    return {
      id: row.id,
      propertyId: row.property_id,
      name: row.name,
      basePrompt: row.base_prompt,
      model,
      publicKey: row.public_key,
      maxToolSteps: row.max_tool_steps,
      handoffWebhookUrl: row.handoff_webhook_url,
      identity: { ...identity, method: identity.method ?? 'none' },
      ...(row.identity_secret_enc ? { identitySecret: secrets.decrypt(row.identity_secret_enc) } : {}),
      ...(previousValid
        ? { previousIdentitySecret: secrets.decrypt(row.identity_previous_secret_enc as string) }
        : {}),
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }

  function splitModel(model: AgentModelSettings | UpdateAgentInput['model']) {
    const { apiKey, ...settings } = model ?? {};
    return { modelJson: JSON.stringify(settings), apiKey };
  }

  return {
    async create(input: CreateAgentInput): Promise<Agent> {
      const time = now();
      const { modelJson, apiKey } = splitModel(input.model);
      const row: AgentTable = {
        id: newId(),
        property_id: input.propertyId,
        name: input.name,
        base_prompt: input.basePrompt ?? '',
        model_json: modelJson,
        model_api_key_enc: apiKey ? secrets.encrypt(apiKey) : null,
        public_key: newToken('pk_', 18),
        max_tool_steps: input.maxToolSteps ?? 4,
        handoff_webhook_url: input.handoffWebhookUrl ?? null,
        identity_json: JSON.stringify(input.identity ?? { method: 'none' }),
        identity_secret_enc: null,
        identity_previous_secret_enc: null,
        created_at: time,
        updated_at: time,
      };
      await db.insertInto('agents').values(row).execute();
      return toAgent(row);
    },
    async list(propertyId: string): Promise<Agent[]> {
      const rows = await db
        .selectFrom('agents')
        .selectAll()
        .where('property_id', '=', propertyId)
        .orderBy('id')
        .execute();
      return rows.map(toAgent);
    },
    async get(id: string): Promise<Agent | undefined> {
      const row = await byId.first({ id });
      return row && toAgent(row);
    },
    async getByPublicKey(publicKey: string): Promise<Agent | undefined> {
      const row = await db
        .selectFrom('agents')
        .selectAll()
        .where('public_key', '=', publicKey)
        .executeTakeFirst();
      return row && toAgent(row);
    },
    async update(id: string, input: UpdateAgentInput): Promise<Agent | undefined> {
      const changes: Partial<AgentTable> = { updated_at: now() };
      if (input.name !== undefined) changes.name = input.name;
      if (input.basePrompt !== undefined) changes.base_prompt = input.basePrompt;
      if (input.maxToolSteps !== undefined) changes.max_tool_steps = input.maxToolSteps;
      if (input.handoffWebhookUrl !== undefined) changes.handoff_webhook_url = input.handoffWebhookUrl;
      if (input.model !== undefined) {
        const { modelJson, apiKey } = splitModel(input.model);
        changes.model_json = modelJson;
        if (apiKey === null) changes.model_api_key_enc = null;
        else if (apiKey !== undefined) changes.model_api_key_enc = secrets.encrypt(apiKey);
      }
      if (input.identity === undefined) {
        await db.updateTable('agents').set(changes).where('id', '=', id).execute();
        return this.get(id);
      }
      const identity = input.identity;
      // The secret's dates live in the same JSON: read and write it in one transaction.
      await db.transaction().execute(async (transaction) => {
        const row = await transaction
          .selectFrom('agents')
          .select('identity_json')
          .where('id', '=', id)
          .executeTakeFirst();
        if (!row) return;
        const { secretCreatedAt, previousSecretValidUntil } = parseJson<AgentIdentitySettings>(
          row.identity_json,
          { method: 'none' },
        );
        changes.identity_json = JSON.stringify({ ...identity, secretCreatedAt, previousSecretValidUntil });
        await transaction.updateTable('agents').set(changes).where('id', '=', id).execute();
      });
      return this.get(id);
    },
    /**
     * Replaces the identity secret with `secret` and switches verification to it (`method: secret`).
     * The one before stays accepted until `previousValidUntil` (ISO 8601), or stops at once without it.
     */
    async rotateIdentitySecret(
      id: string,
      input: { secret: string; previousValidUntil?: string },
    ): Promise<Agent | undefined> {
      await db.transaction().execute(async (transaction) => {
        const row = await transaction
          .selectFrom('agents')
          .select(['identity_json', 'identity_secret_enc'])
          .where('id', '=', id)
          .executeTakeFirst();
        if (!row) return;
        const settings = parseJson<AgentIdentitySettings>(row.identity_json, { method: 'none' });
        const keepPrevious = Boolean(input.previousValidUntil && row.identity_secret_enc);
        const { previousSecretValidUntil: _ended, ...rest } = settings;
        const identity: AgentIdentitySettings = {
          ...rest,
          method: 'secret',
          secretCreatedAt: now(),
          ...(keepPrevious ? { previousSecretValidUntil: input.previousValidUntil } : {}),
        };
        await transaction
          .updateTable('agents')
          .set({
            identity_json: JSON.stringify(identity),
            identity_secret_enc: secrets.encrypt(input.secret),
            identity_previous_secret_enc: keepPrevious ? row.identity_secret_enc : null,
            updated_at: now(),
          })
          .where('id', '=', id)
          .execute();
      });
      return this.get(id);
    },
    async delete(id: string): Promise<boolean> {
      const result = await db.deleteFrom('agents').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    /** Switches an integration on or off for an agent (creates the link when missing). */
    async setIntegration(
      agentId: string,
      integrationId: string,
      enabled: boolean,
    ): Promise<AgentIntegrationLink> {
      const createdAt = now();
      await db
        .insertInto('agent_integrations')
        .values({
          agent_id: agentId,
          integration_id: integrationId,
          enabled: enabled ? 1 : 0,
          created_at: createdAt,
        })
        .onConflict((conflict) =>
          conflict.columns(['agent_id', 'integration_id']).doUpdateSet({ enabled: enabled ? 1 : 0 }),
        )
        .execute();
      const links = await this.listIntegrations(agentId);
      return links.find((link) => link.integrationId === integrationId)!;
    },
    async listIntegrations(agentId: string): Promise<AgentIntegrationLink[]> {
      const rows = await linksOf.all({ agentId });
      return rows.map((row) => ({
        agentId: row.agent_id,
        integrationId: row.integration_id,
        enabled: row.enabled === 1,
        createdAt: row.created_at,
      }));
    },
  };
}

/** The agent repository. */
export type AgentRepository = ReturnType<typeof createAgentRepository>;
