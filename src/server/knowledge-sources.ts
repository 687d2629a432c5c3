// Knowledge sources as the admin API takes them: an article read in its format, a question/answer CSV,
// or a website whose pages are fetched through the network guard; and each agent's search over the
// sources switched on for it.
import type { KnowledgeSearch } from '../agent/index.js';
import {
  type ArticleFormat,
  type LoadedPage,
  loadPages,
  pageDocuments,
  readSourceContent,
  SitemapError,
  searchKnowledge,
} from '../knowledge/index.js';
import type { Agent, KnowledgeDocumentInput, KnowledgeSource, Store } from '../store/index.js';
import { openGuardedDownload } from './guarded-download.js';
import { UnprocessableError } from './http-errors.js';

/** Pages a website source reads unless it says otherwise. */
export const DEFAULT_MAX_PAGES = 25;
/** Largest page fetched, in bytes. */
export const MAX_PAGE_BYTES = 5 * 1024 * 1024;
/** Time for one page, redirects included, in ms. */
const PAGE_TIMEOUT_MS = 15_000;

/** An article as the API takes it. */
export interface ArticleInput {
  kind: 'article';
  /** Absent: the body's own title (its first heading, an HTML page's title). */
  title?: string;
  body: string;
  format?: ArticleFormat;
  url?: string | null;
}

/** A website as the API takes it: page URLs and/or a sitemap, and the page cap. */
export interface WebsiteInput {
  kind: 'website';
  name: string;
  urls?: string[];
  sitemapUrl?: string | null;
  maxPages?: number;
}

/** A question/answer file as the API takes it. */
export interface FaqInput {
  kind: 'faq';
  name: string;
  csv: string;
}

/** Any knowledge source as the API takes it. */
export type KnowledgeSourceInput = ArticleInput | WebsiteInput | FaqInput;

/** Which hosts page fetches may reach. */
export interface PageFetchOptions {
  allowHosts: string[];
  allowHostsFor?: (url: string) => string[];
}

/** A source's stored fields and documents, read or fetched from what the API was given. */
export interface ReadKnowledgeSource {
  fields: {
    name: string;
    content: string | null;
    format: string | null;
    url: string | null;
    urls: string[];
    maxPages: number | null;
  };
  documents: KnowledgeDocumentInput[];
}

/** Fetches a website's pages; a refused host or a source where no page could be read is a 422. */
async function fetchWebsite(
  input: WebsiteInput,
  options: PageFetchOptions,
): Promise<KnowledgeDocumentInput[]> {
  const urls = input.urls ?? [];
  if (urls.length === 0 && !input.sitemapUrl)
    throw new UnprocessableError('give the page urls, a sitemapUrl, or both');
  const download = openGuardedDownload({
    ...options,
    urls: [...urls, ...(input.sitemapUrl ? [input.sitemapUrl] : [])],
  });
  let pages: LoadedPage[];
  try {
    pages = await loadPages({
      urls,
      sitemapUrl: input.sitemapUrl ?? undefined,
      maxPages: input.maxPages ?? DEFAULT_MAX_PAGES,
      fetchText: async (url) => {
        const loaded = await download.load(url, {
          accept: 'text/html, application/xhtml+xml, text/plain;q=0.9, application/xml;q=0.8, */*;q=0.5',
          maxBytes: MAX_PAGE_BYTES,
          timeoutMs: PAGE_TIMEOUT_MS,
        });
        return loaded.ok
          ? loaded
          : { ok: false, error: { message: loaded.error.message, code: loaded.error.code } };
      },
    });
  } catch (error) {
    if (error instanceof SitemapError) throw new UnprocessableError(error.message);
    throw error;
  } finally {
    await download.close();
  }
  // A page the network guard refuses is refused as a schema URL is: nothing is saved.
  const refused = pages.find((page) => !page.ok && page.code === 'host-not-allowed');
  if (refused && !refused.ok) throw new UnprocessableError(refused.error);
  if (pages.length > 0 && pages.every((page) => !page.ok)) {
    const first = pages[0];
    throw new UnprocessableError(
      `none of the ${pages.length} pages could be read${first.ok ? '' : `; the first: ${first.error}`}`,
    );
  }
  if (pages.length === 0) throw new UnprocessableError('the sitemap lists no pages');
  return pageDocuments(pages, new Date().toISOString());
}

/** Reads (or fetches) what the API was given into the fields and documents to store; a 422 when it cannot. */
export async function readKnowledgeSource(
  input: KnowledgeSourceInput,
  options: PageFetchOptions,
): Promise<ReadKnowledgeSource> {
  if (input.kind === 'website') {
    const urls = [...new Set(input.urls ?? [])];
    return {
      fields: {
        name: input.name,
        content: null,
        format: null,
        url: input.sitemapUrl ?? null,
        urls,
        maxPages: input.maxPages ?? DEFAULT_MAX_PAGES,
      },
      documents: await fetchWebsite({ ...input, urls }, options),
    };
  }
  const read =
    input.kind === 'faq'
      ? readSourceContent({ kind: 'faq', name: input.name, csv: input.csv })
      : readSourceContent({ ...input, format: input.format ?? 'markdown' });
  if (!read.ok) throw new UnprocessableError(read.message);
  const fields =
    input.kind === 'faq'
      ? { name: input.name, content: input.csv, format: 'csv', url: null }
      : { name: read.name, content: input.body, format: input.format ?? 'markdown', url: input.url ?? null };
  return { fields: { ...fields, urls: [], maxPages: null }, documents: read.documents };
}

/** What a stored source was made from, as the API would take it again (for a refresh). */
export function storedInput(source: KnowledgeSource): KnowledgeSourceInput {
  if (source.kind === 'website')
    return {
      kind: 'website',
      name: source.name,
      urls: source.urls,
      sitemapUrl: source.url,
      maxPages: source.maxPages ?? DEFAULT_MAX_PAGES,
    };
  if (source.kind === 'faq') return { kind: 'faq', name: source.name, csv: source.content ?? '' };
  return {
    kind: 'article',
    title: source.name,
    body: source.content ?? '',
    format: (source.format as ArticleFormat | null) ?? 'markdown',
    url: source.url,
  };
}

/** A search over `sourceIds` of a property, as a turn calls it. */
export function createKnowledgeSearch(
  store: Store,
  propertyId: string,
  sourceIds: string[],
): KnowledgeSearch {
  return {
    async search(query) {
      const found = await searchKnowledge({
        repository: store.knowledge,
        propertyId,
        sourceIds,
        question: query,
      });
      return found.passages;
    },
  };
}

/** The sources switched on for an agent. */
export async function enabledSourceIds(store: Store, agentId: string): Promise<string[]> {
  return (await store.knowledge.listAgentSources(agentId))
    .filter((link) => link.enabled)
    .map((link) => link.sourceId);
}

/** The knowledge search of an agent: undefined when it has no source switched on. */
export async function loadAgentKnowledge(store: Store, agent: Agent): Promise<KnowledgeSearch | undefined> {
  const sourceIds = await enabledSourceIds(store, agent.id);
  return sourceIds.length === 0 ? undefined : createKnowledgeSearch(store, agent.propertyId, sourceIds);
}
