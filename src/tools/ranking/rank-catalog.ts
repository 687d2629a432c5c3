// Ranks a catalog's operations for a message with the learned model: one score per operation and one
// for calling nothing, turned into probabilities. The tool selection offered to hosted models and the
// embedded engine's choice both come from here.
import { type AnalyzedQuery, analyzeQuery } from './analyze-query.js';
import {
  extractNoneFeatures,
  extractToolFeatures,
  NONE_FEATURES,
  type QueryWeights,
  TOOL_FEATURES,
  weighQuery,
} from './extract-features.js';
import { scoreHidden } from './hidden-layer.js';
import { abbreviates } from './id-inputs.js';
import type { CatalogIndex, IndexedTool } from './index-catalog.js';
import { vocabularyOf } from './ranking-model.js';
import { findIds } from './read-ids.js';
import { namesChoice } from './read-values.js';
import { contentStems, stemOf } from './read-words.js';
import { loadWordVectors, similarity, type WordVectors } from './word-vectors.js';

/** The features of one candidate operation. */
export interface CandidateFeatures {
  entry: IndexedTool;
  features: number[];
  /** [takes free search words, writes]: how much the message's word weights for each apply. */
  roles: [number, number];
  /** Share of the message's weight in the operation's name and summary (what "nothing" weighs as `bestHead`). */
  head: number;
}

/** One operation's place in a ranking. */
export interface RankedTool {
  entry: IndexedTool;
  /** The model's score (a logit). */
  score: number;
  /** Probability among the operations and "nothing", 0 to 1. */
  probability: number;
  /** The operation's feature vector (kept for training and for explaining a choice). */
  features: number[];
  /** Share of the message's weight in its name and summary. */
  head: number;
}

/** A message's ranking; read it only (the same message ranked again shares its entries). */
export interface Ranking {
  /** The operations ranked, best first. */
  tools: RankedTool[];
  /**
   * Score and probability of calling nothing; `words` is the part of the score its message words
   * give (`noneAgainst` keeps it).
   */
  none: { score: number; probability: number; features: number[]; words: number };
  /** The message as the ranking read it (its ids with their nouns). */
  query: AnalyzedQuery;
}

/** What to rank for. */
export interface RankCatalogOptions {
  index: CatalogIndex;
  /** The customer's message. */
  message: string;
  /** Earlier messages of the conversation. */
  context?: string;
  /** The agent's base prompt: a sentence naming one tool lends it the sentence's words. */
  basePrompt?: string;
  /** Rank only these operations (training samples candidates); default every operation. */
  candidates?: IndexedTool[];
  /**
   * In a large catalog, rank only the operations related to the message when at least this many
   * are: those sharing a word of it or its context, those the base prompt names, those that take
   * free search words (any word may be what they search for), and twice this many of the closest in
   * meaning. The rest cannot be the one meant, and scoring them is most of the cost. A message
   * without a topic word ranks every operation. Default: rank every operation.
   */
  minRelated?: number;
}

function dot(weights: number[], features: number[]): number {
  let sum = 0;
  for (let index = 0; index < features.length; index++) sum += (weights[index] ?? 0) * features[index];
  return sum;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function namesTool(sentence: string, entry: IndexedTool): boolean {
  const names = [entry.tool.name, entry.tool.operation?.operationId].filter((name): name is string =>
    Boolean(name),
  );
  return names.some((name) =>
    new RegExp(`(^|[^A-Za-z0-9_])${escapeRegExp(name)}($|[^A-Za-z0-9_])`).test(sentence),
  );
}

/** Base prompts whose hints an index keeps. */
const MAX_PROMPT_HINTS = 8;

/**
 * The words the base prompt attaches to each tool it names in a sentence of its own, each weighed by
 * how many tools' sentences share it: "order" in the sentences of both trackOrder and listMyOrders
 * points at neither.
 */
function readPromptHints(basePrompt: string, index: CatalogIndex): Map<IndexedTool, Map<string, number>> {
  return keptByPrompt(index.promptHints, basePrompt, () => findPromptHints(basePrompt, index));
}

/**
 * The nouns of the ids the base prompt gives ("The shopper is signed in as customer id 4127"): an
 * operation whose id inputs they all name lacks no id, as when the conversation gave it before.
 */
function readPromptIdNouns(basePrompt: string, index: CatalogIndex): Set<string> {
  return keptByPrompt(index.promptIdNouns, basePrompt, () => {
    const nouns = new Set<string>();
    for (const id of findIds(basePrompt, index, '')) if (id.noun !== '') nouns.add(id.noun);
    return nouns;
  });
}

/** What `read` makes of a base prompt, kept in `kept` (a few prompts, oldest dropped first). */
function keptByPrompt<Value>(kept: Map<string, Value>, basePrompt: string, read: () => Value): Value {
  let value = kept.get(basePrompt);
  if (value === undefined) {
    value = read();
    if (kept.size >= MAX_PROMPT_HINTS) kept.delete(kept.keys().next().value as string);
    kept.set(basePrompt, value);
  }
  return value;
}

function findPromptHints(basePrompt: string, index: CatalogIndex): Map<IndexedTool, Map<string, number>> {
  const words = new Map<IndexedTool, Set<string>>();
  if (!basePrompt.trim()) return new Map();
  for (const sentence of basePrompt.split(/(?<=[.!?])\s+|\n+/)) {
    const named = index.tools.filter((entry) => namesTool(sentence, entry));
    if (named.length !== 1) continue;
    const set = words.get(named[0]) ?? new Set<string>();
    for (const stem of contentStems(sentence)) set.add(stem);
    words.set(named[0], set);
  }
  const sharing = new Map<string, number>();
  for (const set of words.values()) for (const stem of set) sharing.set(stem, (sharing.get(stem) ?? 0) + 1);
  return new Map(
    [...words].map(([entry, set]) => [
      entry,
      new Map([...set].map((stem) => [stem, 1 / (sharing.get(stem) ?? 1)])),
    ]),
  );
}

function hintShare(hint: Map<string, number> | undefined, weights: QueryWeights): number {
  if (!hint || weights.total === 0) return 0;
  let hinted = 0;
  for (const [stem, value] of weights.weights) hinted += value * (hint.get(stem) ?? 0);
  return hinted / weights.total;
}

/** The operations whose words or response fields have a stem of the message, or one associated with them. */
function findTouched(index: CatalogIndex, weights: QueryWeights): Set<IndexedTool> {
  const touched = new Set<IndexedTool>();
  for (const stems of [weights.weights.keys(), weights.associated.keys()])
    for (const stem of stems)
      for (const position of index.postings.get(stem) ?? []) touched.add(index.tools[position]);
  return touched;
}

/** Share of the message's weight in `entry`'s name and summary. */
function headShare(entry: IndexedTool, weights: QueryWeights): number {
  if (weights.total === 0) return 0;
  const { stems, values } = weights;
  let named = 0;
  for (let at = 0; at < stems.length; at++)
    if (entry.name.has(stems[at]) || entry.summary.has(stems[at])) named += values[at];
  return named / weights.total;
}

/**
 * Per operation (by position) the share of the message's weight in all its words and in its name and
 * summary, and the best of each over the catalog: only touched operations have any.
 */
function measureBest(
  index: CatalogIndex,
  touched: Set<IndexedTool>,
  weights: QueryWeights,
): { coverage: number; head: number; coverageAt: Float64Array; headAt: Float64Array } {
  const coverageAt = new Float64Array(index.tools.length);
  const headAt = new Float64Array(index.tools.length);
  let coverage = 0;
  let head = 0;
  if (weights.total === 0) return { coverage, head, coverageAt, headAt };
  const { stems, values } = weights;
  for (const entry of touched) {
    let covered = 0;
    for (let at = 0; at < stems.length; at++) if (entry.all.has(stems[at])) covered += values[at];
    coverageAt[entry.position] = covered / weights.total;
    headAt[entry.position] = headShare(entry, weights);
    coverage = Math.max(coverage, coverageAt[entry.position]);
    head = Math.max(head, headAt[entry.position]);
  }
  return { coverage, head, coverageAt, headAt };
}

/** How close a word's meaning must be before it counts, and where it counts fully (cosine). */
const SIMILAR_FROM = 0.35;
const SIMILAR_FULLY = 0.8;

/** How close in meaning two vector rows are, from 0 (below SIMILAR_FROM; may be negative) up, uncapped. */
function closeness(vectors: WordVectors, left: number, right: number): number {
  return (similarity(vectors, left, right) - SIMILAR_FROM) / (SIMILAR_FULLY - SIMILAR_FROM);
}

/** Message words whose close operations an index keeps. */
const MAX_SIMILAR_WORDS = 512;

/**
 * The operations whose head words come close in meaning to `word` (vector row `row`), each with its
 * closest head word's closeness (capped at 1, as a 32-bit float), sparse, read once per index: many
 * operations share a head word, and a message word meets each operation once instead of once per word.
 */
function similarOperations(index: CatalogIndex, word: string, row: number) {
  let similar = index.similarWords.get(word);
  if (similar) return similar;
  const vectors = loadWordVectors();
  const { rows, tools } = index.headWords;
  const closest = new Float64Array(index.tools.length);
  const reached: number[] = [];
  if (vectors)
    for (let position = 0; position < rows.length; position++) {
      if (rows[position] < 0) continue;
      const value = closeness(vectors, row, rows[position]);
      if (value <= 0) continue;
      const capped = Math.fround(Math.min(1, value));
      for (const tool of tools[position])
        if (capped > closest[tool]) {
          if (closest[tool] === 0) reached.push(tool);
          closest[tool] = capped;
        }
    }
  similar = {
    positions: Int32Array.from(reached),
    values: Float32Array.from(reached, (tool) => closest[tool]),
  };
  if (index.similarWords.size >= MAX_SIMILAR_WORDS)
    index.similarWords.delete(index.similarWords.keys().next().value as string);
  index.similarWords.set(word, similar);
  return similar;
}

/**
 * Per operation (by position): the share of the message's weight its head words mean, exactly or by
 * word vectors. Only the operations with a word of the message or one close to it are visited.
 */
function measureSemantic(index: CatalogIndex, query: AnalyzedQuery, weights: QueryWeights): Float64Array {
  const vectors = loadWordVectors();
  const count = index.tools.length;
  const sums = new Float64Array(count);
  if (weights.total === 0) return sums;
  // Per term, each operation's closest head word (1 for the term itself), and which operations have
  // one: arrays by position, cleared after each term (a map per term cost GitHub's catalog more).
  const best = new Float64Array(count);
  const reached: number[] = [];
  for (const term of query.terms) {
    const weight = weights.weights.get(term.stem) ?? 0;
    if (weight === 0) continue;
    const row = vectors?.rows.get(term.word);
    if (row !== undefined) {
      const { positions, values } = similarOperations(index, term.word, row);
      for (let at = 0; at < positions.length; at++) {
        best[positions[at]] = values[at];
        reached.push(positions[at]);
      }
    }
    for (const position of index.postings.get(term.stem) ?? [])
      if (index.tools[position].all.has(term.stem)) {
        if (best[position] === 0) reached.push(position);
        best[position] = 1;
      }
    for (const position of reached) {
      sums[position] += weight * best[position];
      best[position] = 0;
    }
    reached.length = 0;
  }
  for (let position = 0; position < count; position++) sums[position] /= weights.total;
  return sums;
}

/**
 * Per operation (by position): how close in meaning the closest of the message's words the catalog
 * does not have comes to a value the operation's inputs offer ("sneakers" to a category `shoes`): a
 * word the API lacks may still be a kind of what it takes (0 to 1).
 */
function measureChoiceMeaning(index: CatalogIndex, query: AnalyzedQuery): Float64Array {
  const closest = new Float64Array(index.tools.length);
  const vectors = loadWordVectors();
  const { words, tools } = index.choiceWords;
  if (!vectors || words.length === 0) return closest;
  for (const term of query.terms) {
    if (index.idf.has(term.stem)) continue;
    const row = vectors.rows.get(term.word);
    if (row === undefined) continue;
    const { positions, values } = similarChoiceWords(index, term.word, row);
    for (let at = 0; at < positions.length; at++)
      for (const tool of tools[positions[at]]) closest[tool] = Math.max(closest[tool], values[at]);
  }
  return closest;
}

/** Per catalog, the choice words close in meaning to each message word seen (its closeness capped at 1). */
const similarChoices = new WeakMap<CatalogIndex, Map<string, { positions: number[]; values: number[] }>>();

/** The catalog's choice words close in meaning to `word` (vector row `row`), read once per index. */
function similarChoiceWords(index: CatalogIndex, word: string, row: number) {
  let byWord = similarChoices.get(index);
  if (!byWord) {
    byWord = new Map();
    similarChoices.set(index, byWord);
  }
  let similar = byWord.get(word);
  if (similar) return similar;
  const vectors = loadWordVectors()!;
  const { rows } = index.choiceWords;
  similar = { positions: [], values: [] };
  for (let position = 0; position < rows.length; position++) {
    if (rows[position] < 0) continue;
    const value = closeness(vectors, row, rows[position]);
    if (value <= 0) continue;
    similar.positions.push(position);
    similar.values.push(Math.min(1, value));
  }
  if (byWord.size >= MAX_SIMILAR_WORDS) byWord.delete(byWord.keys().next().value as string);
  byWord.set(word, similar);
  return similar;
}

/**
 * The operations related to the message (`RankCatalogOptions.minRelated`), in catalog order, or
 * undefined when the message has no topic word (a follow-up's "it's 88812": its context and ids
 * decide, and any operation may take them) or fewer than `count` operations relate to it at all.
 */
function findRelated(
  index: CatalogIndex,
  count: number,
  related: {
    query: AnalyzedQuery;
    touched: Set<IndexedTool>;
    hints: Map<IndexedTool, unknown>;
    semantic: Float64Array;
  },
): IndexedTool[] | undefined {
  const { query, touched, hints, semantic } = related;
  if (query.terms.length === 0) return undefined;
  // Kept operations marked by position: catalog order comes from the marks.
  const kept = new Uint8Array(index.tools.length);
  let keptCount = 0;
  const keep = (position: number) => {
    if (kept[position] === 0) {
      kept[position] = 1;
      keptCount++;
    }
  };
  for (const entry of touched) keep(entry.position);
  for (const entry of hints.keys()) keep(entry.position);
  // Operations the earlier messages name: a follow-up continues them.
  for (const stem of query.context) for (const position of index.postings.get(stem) ?? []) keep(position);
  const { searches, isSearch } = searchPositions(index);
  for (const position of searches) keep(position);
  // The closest others: the first 2 x `count` in order of meaning, ties in catalog order (what a
  // stable sort of all of them gives), kept in order as they come.
  const limit = 2 * count;
  const closest: number[] = [];
  let others = 0;
  for (let position = 0; position < semantic.length; position++) {
    const value = semantic[position];
    if (!(value > 0) || isSearch[position] === 1 || kept[position] === 1) continue;
    others++;
    if (closest.length === limit && value <= semantic[closest[limit - 1]]) continue;
    let at = closest.length;
    while (at > 0 && semantic[closest[at - 1]] < value) at--;
    closest.splice(at, 0, position);
    if (closest.length > limit) closest.pop();
  }
  if (keptCount + others < count) return undefined;
  for (const position of closest) keep(position);
  return index.tools.filter((entry) => kept[entry.position] === 1);
}

/** Per catalog, the operations that take free search words, as positions and as marks by position. */
const searchesOf = new WeakMap<CatalogIndex, { searches: number[]; isSearch: Uint8Array }>();

function searchPositions(index: CatalogIndex) {
  let found = searchesOf.get(index);
  if (!found) {
    const isSearch = new Uint8Array(index.tools.length);
    const searches: number[] = [];
    for (const entry of index.tools)
      if (entry.search) {
        isSearch[entry.position] = 1;
        searches.push(entry.position);
      }
    found = { searches, isSearch };
    searchesOf.set(index, found);
  }
  return found;
}

/** Whether the message, a word associated with it or the conversation before it names `stem`. */
function isNamed(stem: string, query: AnalyzedQuery, weights: QueryWeights): boolean {
  return weights.weights.has(stem) || weights.associated.has(stem) || query.context.has(stem);
}

/** Whether an id's prefix abbreviates the record of a path parameter under the operation's head noun. */
function prefixNamesHead(entry: IndexedTool, headStem: string, prefix: string): boolean {
  return entry.pathParameters.some(
    (parameter) =>
      parameter.segment !== undefined &&
      stemOf(parameter.segment.at(-1) ?? '') === headStem &&
      abbreviates(prefix, parameter),
  );
}

/**
 * How closely the message names an operation's head noun (0 to 1): the stem itself or its action's (in
 * the message, by a learned association, or earlier in the conversation) is 1; else the closest message word by
 * word vectors, but for the words that stand as its verb ("sell" is near "plans" and "assets" in
 * general English, and names neither in "do you sell tents?").
 */
function measureHeadNamed(
  entry: IndexedTool,
  query: AnalyzedQuery,
  weights: QueryWeights,
  closestTo: (row: number) => number,
  records: Set<string>,
): number {
  const head = entry.head;
  // A message of no words ("hello", an id alone) names nothing, and no operation more than another.
  if (!head || weights.total === 0) return 1;
  // An action that is also a record of the catalog names the operation in the customer's own word
  // ("refund" for `/captures/{id}/refund` where refunds are read by id); a mere verb does not
  // ("cancel" names no `/booking-payments/cancel`).
  const action = entry.action;
  if (
    isNamed(head.stem, query, weights) ||
    (action !== undefined && records.has(action) && isNamed(action, query, weights))
  )
    return 1;
  // So do most of the words an acronym head stands for ("gift card number" for `/gift-cards/from-gan`).
  const spelled = head.spelled;
  if (
    spelled &&
    spelled.filter((stem) => isNamed(stem, query, weights)).length >= Math.max(2, spelled.length - 1)
  )
    return 1;
  // An id whose prefix abbreviates the head's record names it too (`sub_1Mow…` for `/subscriptions/{id}`).
  for (const id of query.ids)
    if (id.prefix !== undefined && prefixNamesHead(entry, head.stem, id.prefix)) return 1;
  // So does an email, for a record identified by one.
  if (query.values.emails > 0 && entry.idParameters.some((parameter) => parameter.byEmail)) return 1;
  // A field only its records hold names them ("the tracking number for order 10455": its shipments).
  if (entry.ownFields.size > 0 && query.terms.some((term) => !term.verb && entry.ownFields.has(term.stem)))
    return 1;
  // A value of the input the head names does ("which pets are pending?" for `/pet/findByStatus`).
  for (const slot of entry.slots)
    if (slot.kind === 'enum' && slot.lastStem === head.stem && namesChoice(slot, query.values)) return 1;
  return head.row < 0 ? 0 : closestTo(head.row);
}

/**
 * For one message: the closeness of its closest word (but those in a verb's place) to a vector row,
 * capped at 1; each row is measured once, as many operations share their head noun.
 */
function closestTerm(query: AnalyzedQuery): (row: number) => number {
  const vectors = loadWordVectors();
  if (!vectors) return () => 0;
  const rows = query.terms.flatMap((term) => {
    const row = term.verb ? undefined : vectors.rows.get(term.word);
    return row === undefined ? [] : [row];
  });
  const measured = new Map<number, number>();
  return (target) => {
    let closest = measured.get(target);
    if (closest === undefined) {
      closest = 0;
      for (const row of rows) closest = Math.max(closest, Math.min(1, closeness(vectors, row, target)));
      measured.set(target, closest);
    }
    return closest;
  };
}

/**
 * What the ranking reads of a message and its context against the whole catalog, whatever operations
 * it then scores and whatever the base prompt: the same for every operation of the catalog.
 */
export interface MessageReading {
  query: AnalyzedQuery;
  weights: QueryWeights;
  /** The operations with a word of the message or one associated with them. */
  touched: Set<IndexedTool>;
  best: ReturnType<typeof measureBest>;
  semantic: Float64Array;
  bestSemantic: number;
  choiceMeaning: Float64Array;
  closestTo: (row: number) => number;
}

/**
 * The message read against the catalog, once per catalog and message: a turn's tool selection ranks
 * the whole catalog for it, then the engine the operations offered (in GitHub's catalog, reading the
 * message a second time was about 6% of a turn).
 */
function readMessage(index: CatalogIndex, message: string, context: string): MessageReading {
  const last = index.lastReading;
  if (last?.message === message && last.context === context) return last.reading;
  const query = analyzeQuery(message, index, context);
  const weights = weighQuery(query, index);
  const touched = findTouched(index, weights);
  const semantic = measureSemantic(index, query, weights);
  let bestSemantic = 0;
  for (const value of semantic) bestSemantic = Math.max(bestSemantic, value);
  const reading = {
    query,
    weights,
    touched,
    best: measureBest(index, touched, weights),
    semantic,
    bestSemantic,
    choiceMeaning: measureChoiceMeaning(index, query),
    closestTo: closestTerm(query),
  };
  index.lastReading = { message, context, reading };
  return reading;
}

/** Feature vectors of the candidates and of calling nothing, without scores. */
export function featurize(options: RankCatalogOptions): {
  query: AnalyzedQuery;
  tools: CandidateFeatures[];
  none: number[];
  /** Vocabulary positions of the message's stems. */
  words: number[];
} {
  const { index } = options;
  const { query, weights, touched, best, semantic, bestSemantic, choiceMeaning, closestTo } = readMessage(
    index,
    options.message,
    options.context ?? '',
  );
  const hints = readPromptHints(options.basePrompt ?? '', index);
  const promptIdNouns = readPromptIdNouns(options.basePrompt ?? '', index);
  let candidates = options.candidates ?? index.tools;
  if (!options.candidates && options.minRelated !== undefined)
    candidates = findRelated(index, options.minRelated, { query, touched, hints, semantic }) ?? candidates;
  const tools = candidates.map(
    (entry): CandidateFeatures => ({
      entry,
      roles: [entry.search ? 1 : 0, entry.writes],
      head: best.headAt[entry.position],
      features: extractToolFeatures({
        tool: entry,
        query,
        weights,
        index,
        namedInPrompt: hintShare(hints.get(entry), weights),
        promptIdNouns,
        coverage: best.coverageAt[entry.position],
        bestCoverage: best.coverage,
        semantic: semantic[entry.position],
        bestSemantic,
        choiceMeaning: choiceMeaning[entry.position],
        headNamed: measureHeadNamed(entry, query, weights, closestTo, index.records),
        touched: touched.has(entry),
      }),
    }),
  );
  const none = extractNoneFeatures({
    query,
    weights,
    bestCoverage: best.coverage,
    bestHead: best.head,
    bestSemantic,
  });
  const vocabulary = vocabularyOf(index.model);
  const words = query.terms.flatMap((term) => {
    const position = vocabulary.get(term.stem);
    return position === undefined ? [] : [position];
  });
  return { query, tools, none, words };
}

function sumWords(weights: number[], words: number[]): number {
  let sum = 0;
  for (const word of words) sum += weights[word];
  return words.length > 0 ? sum / Math.sqrt(words.length) : 0;
}

/** A catalog's last ranking and what it ranked for. */
interface LastRanking {
  message: string;
  context: string | undefined;
  basePrompt: string | undefined;
  minRelated: number | undefined;
  /** The candidates' positions, '' for every operation. */
  candidates: string;
  ranking: Ranking;
}

/** The positions of the candidates, as a key ('' for every operation). */
const candidatesKey = (candidates: readonly IndexedTool[] | undefined) =>
  candidates ? candidates.map((entry) => entry.position).join(',') : '';

/**
 * Each catalog's last ranking (of all its operations, or of the same candidates): the engine ranks
 * the same message with the same context twice in one call (its choice of operation, then how clearly it fits beside the knowledge
 * sources), and the ranking depends on nothing else.
 */
const lastRankings = new WeakMap<CatalogIndex, LastRanking>();

/** A ranking's lists copied, its entries shared (rankings are read, never changed, by their callers). */
function copyRanking(ranking: Ranking): Ranking {
  return { tools: [...ranking.tools], none: { ...ranking.none }, query: ranking.query };
}

/** Ranks the catalog's operations for the message. */
export function rankCatalog(options: RankCatalogOptions): Ranking {
  const candidates = candidatesKey(options.candidates);
  const last = lastRankings.get(options.index);
  if (
    last &&
    last.message === options.message &&
    last.context === options.context &&
    last.basePrompt === options.basePrompt &&
    last.minRelated === options.minRelated &&
    last.candidates === candidates
  )
    return copyRanking(last.ranking);
  const ranking = rankAnew(options);
  lastRankings.set(options.index, {
    message: options.message,
    context: options.context,
    basePrompt: options.basePrompt,
    minRelated: options.minRelated,
    candidates,
    ranking: copyRanking(ranking),
  });
  return ranking;
}

function rankAnew(options: RankCatalogOptions): Ranking {
  const model = options.index.model;
  const { query, tools, none, words } = featurize(options);
  const search = sumWords(model.wordWeights.search, words);
  const write = sumWords(model.wordWeights.write, words);
  const ranked = tools.map(
    ({ entry, features, roles, head }): RankedTool => ({
      entry,
      head,
      score:
        dot(model.weights, features) +
        (model.hidden ? scoreHidden(model.hidden, features) : 0) +
        roles[0] * search +
        roles[1] * write,
      probability: 0,
      features,
    }),
  );
  const noneWords = sumWords(model.wordWeights.none, words);
  const noneScore = dot(model.noneWeights, none) + noneWords;
  let maxScore = noneScore;
  for (const entry of ranked) maxScore = Math.max(maxScore, entry.score);
  let sum = Math.exp(noneScore - maxScore);
  for (const entry of ranked) sum += Math.exp(entry.score - maxScore);
  for (const entry of ranked) entry.probability = Math.exp(entry.score - maxScore) / sum;
  ranked.sort((left, right) => right.score - left.score);
  return {
    tools: ranked,
    none: {
      score: noneScore,
      probability: Math.exp(noneScore - maxScore) / sum,
      features: none,
      words: noneWords,
    },
    query,
  };
}

const BEST_COVERAGE = NONE_FEATURES.indexOf('bestCoverage');
const BEST_HEAD = NONE_FEATURES.indexOf('bestHead');
const BEST_SEMANTIC = NONE_FEATURES.indexOf('bestSemantic');
const COVERAGE = TOOL_FEATURES.indexOf('coverage');
const SEMANTIC = TOOL_FEATURES.indexOf('semantic');

/**
 * The probability of calling nothing when only `tools` of the ranking could be called: "nothing"
 * weighed against the best of them rather than of every operation (a question asks for no change:
 * "any update on ticket 5531?" is not answered by nothing for the update operation it names).
 * On the ranking's scale: compare it with the operations' own probabilities.
 */
export function noneAgainst(ranking: Ranking, tools: readonly RankedTool[], index: CatalogIndex): number {
  const features = [...ranking.none.features];
  let coverage = 0;
  let head = 0;
  let semantic = 0;
  for (const ranked of tools) {
    coverage = Math.max(coverage, ranked.features[COVERAGE]);
    head = Math.max(head, ranked.head);
    semantic = Math.max(semantic, ranked.features[SEMANTIC]);
  }
  features[BEST_COVERAGE] = coverage;
  features[BEST_HEAD] = head;
  features[BEST_SEMANTIC] = semantic;
  const score = dot(index.model.noneWeights, features) + ranking.none.words;
  return ranking.none.probability * Math.exp(score - ranking.none.score);
}
