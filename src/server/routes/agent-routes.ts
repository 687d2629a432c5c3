// Agents of a property, and which integrations each agent may use.
import type { FastifyInstance } from 'fastify';
import { mayUseServerKey, SERVER_KEY_VARIABLES } from '../../providers/index.js';
import type {
  AgentModelSettings,
  IdentitySettingsInput,
  Store,
  UpdateAgentInput,
} from '../../store/index.js';
import type { CatalogReader } from '../create-catalog-reader.js';
import { describeToolClashes } from '../describe-tool-clashes.js';
import { BadRequestError } from '../http-errors.js';
import { checkAgentIdentity } from '../identity/check-identity-settings.js';
import type { ScopedLoaders } from '../load-scoped.js';
import { listOf, noContent, ref } from '../response-schemas.js';
import { loadAgentTools } from '../run-conversation-turn.js';
import { createAgentBody, idParams, switchBody, updateAgentBody } from '../schemas.js';
import { serializeAgent } from '../serialize.js';

interface AgentBody {
  name?: string;
  basePrompt?: string;
  model?: Omit<AgentModelSettings, 'apiKey'> & { apiKey?: string | null };
  maxToolSteps?: number;
  handoffWebhookUrl?: string | null;
  identity?: IdentitySettingsInput;
}

/**
 * Refuses settings the agent could not run with. `storedKey`: the agent already has an API key (a
 * change that leaves `apiKey` out keeps it). A hosted provider pointed at a base URL of the agent's
 * own brings its own key: the server's keys only go to the provider's endpoint or the operator's URL.
 */
function checkModel(model: AgentBody['model'], operatorBaseUrls: readonly string[], storedKey = false): void {
  if (model?.provider === 'openai-compatible' && !model.baseUrl) {
    throw new BadRequestError(
      "body.model.baseUrl is required for provider 'openai-compatible' (e.g. http://localhost:11434/v1)",
    );
  }
  const provider = model?.provider;
  if (provider !== 'openai' && provider !== 'anthropic') return;
  const hasKey = Boolean(model?.apiKey) || (model?.apiKey === undefined && storedKey);
  if (!hasKey && !mayUseServerKey(provider, model?.baseUrl, operatorBaseUrls)) {
    throw new BadRequestError(
      `body.model.apiKey is required with a baseUrl of the agent's own: the server's ${SERVER_KEY_VARIABLES[provider]} is only sent to the provider's endpoint`,
    );
  }
}

const linkParams = {
  type: 'object',
  required: ['agentId', 'integrationId'],
  properties: { agentId: { type: 'string' }, integrationId: { type: 'string' } },
} as const;

/** Routes for agents and agent-integration links. */
export async function registerAgentRoutes(
  app: FastifyInstance,
  {
    store,
    load,
    catalogs,
    operatorBaseUrls = [],
  }: {
    store: Store;
    load: ScopedLoaders;
    catalogs: CatalogReader;
    /** Model base URLs the operator configured (`CONCIERGE_MODEL_BASE_URL`). */
    operatorBaseUrls?: readonly string[];
  },
): Promise<void> {
  app.post<{ Params: { id: string }; Body: AgentBody & { name: string } }>(
    '/properties/:id/agents',
    {
      schema: {
        tags: ['agents'],
        summary: 'Create an agent',
        response: { 201: ref('Agent') },
        params: idParams,
        body: createAgentBody,
      },
    },
    async (request, reply) => {
      await load.property(request, request.params.id);
      checkModel(request.body.model, operatorBaseUrls);
      // A new agent has no secret yet: method 'secret' is refused until one is generated.
      if (request.body.identity) checkAgentIdentity(request.body.identity);
      const { model, ...rest } = request.body;
      const agent = await store.agents.create({
        ...rest,
        propertyId: request.params.id,
        model: model && { ...model, apiKey: model.apiKey ?? undefined },
      });
      return reply.status(201).send(serializeAgent(agent));
    },
  );

  app.get<{ Params: { id: string } }>(
    '/properties/:id/agents',
    {
      schema: {
        tags: ['agents'],
        summary: "List a property's agents",
        response: { 200: listOf('Agent') },
        params: idParams,
      },
    },
    async (request) => {
      await load.property(request, request.params.id);
      return { items: (await store.agents.list(request.params.id)).map(serializeAgent) };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/agents/:id',
    {
      schema: {
        tags: ['agents'],
        summary: 'Read an agent',
        response: { 200: ref('Agent') },
        params: idParams,
      },
    },
    async (request) => serializeAgent(await load.agent(request, request.params.id)),
  );

  app.patch<{ Params: { id: string }; Body: AgentBody }>(
    '/agents/:id',
    {
      schema: {
        tags: ['agents'],
        summary: 'Change an agent',
        response: { 200: ref('Agent') },
        params: idParams,
        body: updateAgentBody,
      },
    },
    async (request) => {
      const current = await load.agent(request, request.params.id);
      checkModel(request.body.model, operatorBaseUrls, Boolean(current.model.apiKey));
      if (request.body.identity) checkAgentIdentity(request.body.identity, current);
      const agent = await store.agents.update(request.params.id, request.body as UpdateAgentInput);
      return serializeAgent(agent!);
    },
  );

  app.delete<{ Params: { id: string } }>(
    '/agents/:id',
    {
      schema: {
        tags: ['agents'],
        summary: 'Delete an agent and its conversations',
        response: { 204: noContent },
        params: idParams,
      },
    },
    async (request, reply) => {
      await load.agent(request, request.params.id);
      await store.agents.delete(request.params.id);
      return reply.status(204).send();
    },
  );

  app.get<{ Params: { id: string } }>(
    '/agents/:id/integrations',
    {
      schema: {
        tags: ['agents'],
        summary: "List an agent's integration links",
        response: { 200: listOf('AgentIntegrationLink') },
        params: idParams,
      },
    },
    async (request) => {
      await load.agent(request, request.params.id);
      const [links, tools] = await Promise.all([
        store.agents.listIntegrations(request.params.id),
        loadAgentTools({ store, catalogs }, request.params.id),
      ]);
      const items = links.map((link) => ({
        ...link,
        warnings: link.enabled ? describeToolClashes(tools, link.integrationId) : [],
      }));
      return { items };
    },
  );

  app.put<{ Params: { agentId: string; integrationId: string }; Body: { enabled: boolean } }>(
    '/agents/:agentId/integrations/:integrationId',
    {
      schema: {
        tags: ['agents'],
        summary: 'Switch an integration on or off for an agent',
        response: { 200: ref('AgentIntegrationLink') },
        params: linkParams,
        body: switchBody,
      },
    },
    async (request) => {
      const agent = await load.agent(request, request.params.agentId);
      const integration = await load.integration(request, request.params.integrationId);
      if (agent.propertyId !== integration.propertyId) {
        throw new BadRequestError('the agent and the integration belong to different properties');
      }
      const link = await store.agents.setIntegration(agent.id, integration.id, request.body.enabled);
      const tools = link.enabled ? await loadAgentTools({ store, catalogs }, agent.id) : [];
      return { ...link, warnings: describeToolClashes(tools, integration.id) };
    },
  );
}
