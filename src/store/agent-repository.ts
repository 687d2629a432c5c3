// Agents of a property: base prompt, model settings (API key encrypted), widget public key, links.

import { newId, newToken } from './new-id.js';
import type { Agent, AgentIntegrationLink, AgentModelSettings } from './records.js';
import type { AgentTable } from './schema.js';
import { now, parseJson, type StoreContext } from './store-context.js';

/** Fields of a new agent; defaults: empty prompt, the server's default model, 4 tool steps. */
export interface CreateAgentInput {
  propertyId: string;
  name: string;
  basePrompt?: string;
  model?: AgentModelSettings;
  maxToolSteps?: number;
  handoffWebhookUrl?: string | null;
}

/** Fields to change; `model.apiKey` undefined keeps the stored key, null removes it. */
export interface UpdateAgentInput {
  name?: string;
  basePrompt?: string;
  model?: Omit<AgentModelSettings, 'apiKey'> & { apiKey?: string | null };
  maxToolSteps?: number;
  handoffWebhookUrl?: string | null;
}

/** Creates the agent repository over a store context. */
export function createAgentRepository({ db, secrets }: StoreContext) {
  function toAgent(row: AgentTable): Agent {
    const model = parseJson<AgentModelSettings>(row.model_json, {});
    if (row.model_api_key_enc) model.apiKey = secrets.decrypt(row.model_api_key_enc);
    return {
      id: row.id,
      propertyId: row.property_id,
      name: row.name,
      basePrompt: row.base_prompt,
      model,
      publicKey: row.public_key,
      maxToolSteps: row.max_tool_steps,
      handoffWebhookUrl: row.handoff_webhook_url,
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
      const row = await db.selectFrom('agents').selectAll().where('id', '=', id).executeTakeFirst();
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
      await db.updateTable('agents').set(changes).where('id', '=', id).execute();
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
      const rows = await db
        .selectFrom('agent_integrations')
        .selectAll()
        .where('agent_id', '=', agentId)
        .orderBy('created_at')
        .execute();
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
