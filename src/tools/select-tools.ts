// Picks the tools worth offering the model for one turn when a catalog has more than a provider
// accepts or a model can choose among well: retrieval over the tools' text with the conversation.
import { createHash } from 'node:crypto';
import type MiniSearch from 'minisearch';
import type { SearchResult } from 'minisearch';
import type { ToolDefinition } from '../openapi/index.js';
import { buildToolIndex, toToolDocument } from './build-tool-index.js';
import { nameEntities, splitWords, synonymsOfWord, toSearchTerm } from './search-terms.js';

/** What to select from and for what. */
export interface SelectToolsOptions {
  /** The catalog. Its index is built once and cached by array identity and by content. */
  tools: readonly ToolDefinition[];
  /** The customer's current message. */
  query: string;
  /** Earlier conversation text (recent messages), weighted below the current message. */
  context?: string;
  /** The agent's base prompt: tools it names (by name or operationId) are always kept. */
  basePrompt?: string;
  /** At most this many tools are returned. Default 20. */
  limit?: number;
}

// How much a term counts by where it came from.
const QUERY_WEIGHT = 1;
const CONTEXT_WEIGHT = 0.4;
const SYNONYM_WEIGHT = 0.5;

// Indexes by catalog array, and by content for callers that load the same catalog into new arrays
// each turn (from the store): building one for 1,000 tools takes a few hundred ms, a lookup ~1 ms.
const indexesByArray = new WeakMap<readonly ToolDefinition[], MiniSearch>();
const indexesByContent = new Map<string, MiniSearch>();
const MAX_CACHED_CATALOGS = 8;

function indexOf(tools: readonly ToolDefinition[]): MiniSearch {
  let index = indexesByArray.get(tools);
  if (index) return index;
  const documents = tools.map(toToolDocument);
  const key = createHash('sha256').update(JSON.stringify(documents)).digest('hex');
  index = indexesByContent.get(key) ?? buildToolIndex(documents);
  // Re-inserting keeps the map in least-recently-used order.
  indexesByContent.delete(key);
  indexesByContent.set(key, index);
  if (indexesByContent.size > MAX_CACHED_CATALOGS)
    indexesByContent.delete(indexesByContent.keys().next().value as string);
  indexesByArray.set(tools, index);
  return index;
}

/** The query's terms with their weights, and which of them the customer's current message wrote. */
interface WeightedQuery {
  weights: Map<string, number>;
  /** Sum of all weights. */
  total: number;
  /** Terms written in the current message (not synonyms, not context). */
  written: Set<string>;
}

/** Each query term with its weight: the strongest source wins when a term comes from several. */
function weighQuery(query: string, context: string | undefined): WeightedQuery {
  const weights = new Map<string, number>();
  const written = new Set<string>();
  const add = (term: string, weight: number) => weights.set(term, Math.max(weights.get(term) ?? 0, weight));
  for (const [text, weight] of [
    [query, QUERY_WEIGHT],
    [context ?? '', CONTEXT_WEIGHT],
  ] as const) {
    for (const word of splitWords(nameEntities(text))) {
      const term = toSearchTerm(word);
      if (term) add(term, weight);
      if (term && weight === QUERY_WEIGHT) written.add(term);
      for (const synonym of synonymsOfWord(word)) add(synonym, weight * SYNONYM_WEIGHT);
    }
  }
  let total = 0;
  for (const weight of weights.values()) total += weight;
  return { weights, total, written };
}

/**
 * The share of the query's weight in written terms no tool matched: words the catalog has never seen
 * (a product's name, a brand) that only a tool taking free search words can serve.
 */
function unmatchedShare(hits: SearchResult[], query: WeightedQuery): number {
  const matched = new Set(hits.flatMap((hit) => hit.queryTerms));
  let unmatched = 0;
  for (const term of query.written) if (!matched.has(term)) unmatched += query.weights.get(term) ?? 0;
  return unmatched / query.total;
}

/** The share of the query's weight a tool matched: a tool that answers more of the message ranks higher. */
function coverage(matched: readonly string[], query: WeightedQuery): number {
  let covered = 0;
  for (const term of matched) covered += query.weights.get(term) ?? 0;
  return covered / query.total;
}

/** Whether the prompt names the tool as a whole identifier (`use the trackOrder tool`). */
function isNamedIn(promptWords: Set<string>, tool: ToolDefinition): boolean {
  return promptWords.has(tool.name) || (tool.operationId !== undefined && promptWords.has(tool.operationId));
}

/**
 * The tools to offer for this turn, most relevant first: every tool when there are at most `limit`;
 * otherwise the tools named in the base prompt, then the best matches of the message and its context
 * (BM25 with prefix and fuzzy matching), up to `limit`. A message that matches nothing gets only the
 * named tools.
 */
export function selectTools(options: SelectToolsOptions): ToolDefinition[] {
  const { tools, limit = 20 } = options;
  if (tools.length <= limit) return [...tools];
  const chosen = new Set<number>();
  if (options.basePrompt) {
    const promptWords = new Set(options.basePrompt.match(/[\w-]+/g));
    tools.forEach((tool, position) => {
      if (chosen.size < limit && isNamedIn(promptWords, tool)) chosen.add(position);
    });
  }
  const query = weighQuery(options.query, options.context);
  if (query.weights.size > 0) {
    const hits = indexOf(tools).search([...query.weights.keys()].join(' '), {
      boostTerm: (term) => query.weights.get(term) ?? 1,
    });
    // BM25 sums per term; scaling by coverage favours tools that answer the whole message.
    const unmatched = unmatchedShare(hits, query);
    for (const hit of hits) hit.score *= coverage(hit.queryTerms, query) + (hit.freeText ? unmatched : 0);
    hits.sort((left, right) => right.score - left.score);
    for (const hit of hits) {
      if (chosen.size >= limit) break;
      chosen.add(hit.id as number);
    }
  }
  return [...chosen].map((position) => tools[position]);
}
