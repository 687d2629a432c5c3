// Knowledge sources of a property (articles, websites, question/answer files), a test search over
// them, and which sources each agent may search.
import type { FastifyInstance } from 'fastify';
import { searchKnowledge } from '../../knowledge/index.js';
import type { KnowledgeSource, Store } from '../../store/index.js';
import { BadRequestError, NotFoundError } from '../http-errors.js';
import {
  enabledSourceIds,
  type KnowledgeSourceInput,
  type PageFetchOptions,
  readKnowledgeSource,
  storedInput,
} from '../knowledge-sources.js';
import type { ScopedLoaders } from '../load-scoped.js';
import { listOf, noContent, ref } from '../response-schemas.js';
import { idParams, switchBody } from '../schemas.js';

// An article may be 1,000,000 characters and a CSV 5 MB; as JSON strings with escapes they need room.
const KNOWLEDGE_BODY_LIMIT = 12 * 1024 * 1024;
const httpUrl = { type: 'string', minLength: 1, maxLength: 2048, pattern: '^https?://' } as const;
const name = { type: 'string', minLength: 1, maxLength: 200 } as const;
const articleFields = {
  title: { ...name, description: "The article's title; absent: its first heading (or an HTML page's title)" },
  body: { type: 'string', minLength: 1, maxLength: 1_000_000, description: 'Markdown, plain text or HTML' },
  format: { enum: ['markdown', 'text', 'html'], description: 'Default markdown' },
  url: { anyOf: [httpUrl, { type: 'null' }], description: 'Its public link, named in replies' },
} as const;
const websiteFields = {
  name,
  urls: { type: 'array', maxItems: 200, items: httpUrl, description: 'Page URLs, fetched in order' },
  sitemapUrl: {
    anyOf: [httpUrl, { type: 'null' }],
    description: 'A sitemap (or sitemap index) whose pages are read after urls',
  },
  maxPages: { type: 'integer', minimum: 1, maximum: 200, description: 'Pages read at most; default 25' },
} as const;
const faqFields = {
  name,
  csv: {
    type: 'string',
    minLength: 1,
    maxLength: 5 * 1024 * 1024,
    description: 'Columns question and answer (and url), or the first two columns without a header',
  },
} as const;

const createSourceBody = {
  type: 'object',
  required: ['kind'],
  discriminator: { propertyName: 'kind' },
  oneOf: [
    {
      type: 'object',
      required: ['body'],
      properties: { kind: { const: 'article' }, ...articleFields },
      additionalProperties: false,
    },
    {
      type: 'object',
      required: ['name'],
      properties: { kind: { const: 'website' }, ...websiteFields },
      additionalProperties: false,
    },
    {
      type: 'object',
      required: ['name', 'csv'],
      properties: { kind: { const: 'faq' }, ...faqFields },
      additionalProperties: false,
    },
  ],
} as const;

const updateSourceBody = {
  type: 'object',
  properties: { ...articleFields, ...websiteFields, ...faqFields },
  additionalProperties: false,
} as const;

const searchBody = {
  type: 'object',
  required: ['query'],
  properties: {
    query: { type: 'string', minLength: 1, maxLength: 1000 },
    agentId: { type: 'string', minLength: 1, maxLength: 64, description: "Search that agent's sources only" },
  },
  additionalProperties: false,
} as const;

const linkParams = {
  type: 'object',
  required: ['agentId', 'sourceId'],
  properties: { agentId: { type: 'string' }, sourceId: { type: 'string' } },
} as const;

type UpdateBody = Partial<{
  title: string;
  body: string;
  format: 'markdown' | 'text' | 'html';
  url: string | null;
  name: string;
  urls: string[];
  sitemapUrl: string | null;
  maxPages: number;
  csv: string;
}>;

/** The fields a change may carry for each kind. */
const FIELDS_OF: Record<KnowledgeSource['kind'], (keyof UpdateBody)[]> = {
  article: ['title', 'body', 'format', 'url'],
  website: ['name', 'urls', 'sitemapUrl', 'maxPages'],
  faq: ['name', 'csv'],
};

/** A source as the API shows it; `content` (an article's body, a CSV) only in its detail. */
export function serializeKnowledgeSource(source: KnowledgeSource, detail = false) {
  const { content, ...rest } = source;
  const sitemapUrl = source.kind === 'website' ? source.url : null;
  return {
    ...rest,
    url: source.kind === 'website' ? null : source.url,
    sitemapUrl,
    ...(detail ? { content } : {}),
  };
}

/** The source with the change applied, as the API would take it whole. */
function changed(source: KnowledgeSource, body: UpdateBody): KnowledgeSourceInput {
  const allowed = FIELDS_OF[source.kind];
  const extra = Object.keys(body).filter((key) => !allowed.includes(key as keyof UpdateBody));
  if (extra.length > 0)
    throw new BadRequestError(
      `a ${source.kind} source has no ${extra.join(', ')}: it takes ${allowed.join(', ')}`,
    );
  return { ...storedInput(source), ...body } as KnowledgeSourceInput;
}

/** Routes of knowledge sources and their agent links. */
export async function registerKnowledgeRoutes(
  app: FastifyInstance,
  { store, load, pages }: { store: Store; load: ScopedLoaders; pages: PageFetchOptions },
): Promise<void> {
  /**
   * A source with its documents, as the detail routes answer; 404 when it is gone (deleted while a
   * change or a refresh of it was being read).
   */
  const detailOf = async (source: KnowledgeSource | undefined, id: string) => {
    if (!source) throw new NotFoundError('knowledge source', id);
    return { ...serializeKnowledgeSource(source, true), documents: await store.knowledge.listDocuments(id) };
  };

  app.get<{ Params: { id: string } }>(
    '/properties/:id/knowledge-sources',
    {
      schema: {
        tags: ['knowledge'],
        summary: "List a property's knowledge sources",
        response: { 200: listOf('KnowledgeSource') },
        params: idParams,
      },
    },
    async (request) => {
      await load.property(request, request.params.id);
      const sources = await store.knowledge.listSources(request.params.id);
      return { items: sources.map((source) => serializeKnowledgeSource(source)) };
    },
  );

  app.post<{ Params: { id: string }; Body: KnowledgeSourceInput }>(
    '/properties/:id/knowledge-sources',
    {
      bodyLimit: KNOWLEDGE_BODY_LIMIT,
      schema: {
        tags: ['knowledge'],
        summary:
          'Add a knowledge source: an article, a website (page URLs or a sitemap, fetched now) or a question/answer CSV',
        response: { 201: ref('KnowledgeSourceDetail') },
        params: idParams,
        body: createSourceBody,
      },
    },
    async (request, reply) => {
      await load.property(request, request.params.id);
      const { fields, documents } = await readKnowledgeSource(request.body, pages);
      const source = await store.knowledge.createSource(
        { propertyId: request.params.id, kind: request.body.kind, ...fields },
        documents,
      );
      return reply.status(201).send(await detailOf(source, source.id));
    },
  );

  app.get<{ Params: { id: string } }>(
    '/knowledge-sources/:id',
    {
      schema: {
        tags: ['knowledge'],
        summary: 'Read a knowledge source with its documents (pages, questions) and what each was read into',
        response: { 200: ref('KnowledgeSourceDetail') },
        params: idParams,
      },
    },
    async (request) => {
      return detailOf(await load.knowledgeSource(request, request.params.id), request.params.id);
    },
  );

  app.patch<{ Params: { id: string }; Body: UpdateBody }>(
    '/knowledge-sources/:id',
    {
      bodyLimit: KNOWLEDGE_BODY_LIMIT,
      schema: {
        tags: ['knowledge'],
        summary: 'Change a knowledge source (read again; a website is fetched again when its pages change)',
        response: { 200: ref('KnowledgeSourceDetail') },
        params: idParams,
        body: updateSourceBody,
      },
    },
    async (request) => {
      const source = await load.knowledgeSource(request, request.params.id);
      const body = request.body;
      const input = changed(source, body);
      const refetch =
        source.kind !== 'website' || ['urls', 'sitemapUrl', 'maxPages'].some((key) => key in body);
      if (!refetch) {
        return detailOf(await store.knowledge.updateSource(source.id, { name: body.name }), source.id);
      }
      const { fields, documents } = await readKnowledgeSource(input, pages);
      return detailOf(await store.knowledge.updateSource(source.id, fields, documents), source.id);
    },
  );

  app.post<{ Params: { id: string } }>(
    '/knowledge-sources/:id/refresh',
    {
      schema: {
        tags: ['knowledge'],
        summary:
          "Read a source again: a website's pages are fetched again (the old pages stay when none can be read)",
        response: { 200: ref('KnowledgeSourceDetail') },
        params: idParams,
      },
    },
    async (request) => {
      const source = await load.knowledgeSource(request, request.params.id);
      const { documents } = await readKnowledgeSource(storedInput(source), pages);
      return detailOf(await store.knowledge.replaceDocuments(source.id, documents), source.id);
    },
  );

  app.delete<{ Params: { id: string } }>(
    '/knowledge-sources/:id',
    {
      schema: {
        tags: ['knowledge'],
        summary: 'Delete a knowledge source (agents stop searching it)',
        response: { 204: noContent },
        params: idParams,
      },
    },
    async (request, reply) => {
      await load.knowledgeSource(request, request.params.id);
      // Another request may have deleted it since: the later DELETE answers as if it came after.
      if (!(await store.knowledge.deleteSource(request.params.id)))
        throw new NotFoundError('knowledge source', request.params.id);
      return reply.status(204).send();
    },
  );

  app.post<{ Params: { id: string }; Body: { query: string; agentId?: string } }>(
    '/properties/:id/knowledge-search',
    {
      schema: {
        tags: ['knowledge'],
        summary: "Search a property's knowledge sources as an agent would (all of them, or an agent's)",
        response: { 200: ref('KnowledgeSearchResult') },
        params: idParams,
        body: searchBody,
      },
    },
    async (request) => {
      const property = await load.property(request, request.params.id);
      const { agentId, query } = request.body;
      let sources = await store.knowledge.listSources(property.id);
      if (agentId) {
        const agent = await load.agent(request, agentId);
        if (agent.propertyId !== property.id)
          throw new BadRequestError('the agent belongs to another property');
        const enabled = new Set(await enabledSourceIds(store, agent.id));
        sources = sources.filter((source) => enabled.has(source.id));
      }
      const names = new Map(sources.map((source) => [source.id, source.name]));
      const found = await searchKnowledge({
        repository: store.knowledge,
        propertyId: property.id,
        sourceIds: [...names.keys()],
        question: query,
      });
      return {
        passages: found.passages.map((passage) => ({
          sourceId: passage.sourceId,
          sourceName: names.get(passage.sourceId) ?? '',
          title: passage.title,
          heading: passage.heading,
          url: passage.url,
          text: passage.text,
          relevance: passage.relevance,
        })),
      };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/agents/:id/knowledge-sources',
    {
      schema: {
        tags: ['knowledge'],
        summary: "List an agent's knowledge source links",
        response: { 200: listOf('AgentKnowledgeLink') },
        params: idParams,
      },
    },
    async (request) => {
      await load.agent(request, request.params.id);
      return { items: await store.knowledge.listAgentSources(request.params.id) };
    },
  );

  app.put<{ Params: { agentId: string; sourceId: string }; Body: { enabled: boolean } }>(
    '/agents/:agentId/knowledge-sources/:sourceId',
    {
      schema: {
        tags: ['knowledge'],
        summary: 'Switch a knowledge source on or off for an agent',
        response: { 200: ref('AgentKnowledgeLink') },
        params: linkParams,
        body: switchBody,
      },
    },
    async (request) => {
      const agent = await load.agent(request, request.params.agentId);
      const source = await load.knowledgeSource(request, request.params.sourceId);
      if (agent.propertyId !== source.propertyId)
        throw new BadRequestError('the agent and the knowledge source belong to different properties');
      // The source or the agent may be deleted meanwhile: the link's foreign key refuses it, or the
      // link is gone by the time it is read back. Either is a 404, as a request a moment later gets.
      const gone = async () => {
        if (!(await store.knowledge.getSource(source.id)))
          return new NotFoundError('knowledge source', source.id);
        if (!(await store.agents.get(agent.id))) return new NotFoundError('agent', agent.id);
        return undefined;
      };
      const link = await store.knowledge
        .setAgentSource(agent.id, source.id, request.body.enabled)
        .catch(async (error: unknown) => {
          throw (await gone()) ?? error;
        });
      if (link) return link;
      throw (await gone()) ?? new NotFoundError('knowledge source link', source.id);
    },
  );
}
