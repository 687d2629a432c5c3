// The learned ranking model: feature weights for operations and for "call nothing", and the tables
// learned from the corpus (how each verb is used across real APIs, which words name the same things).
// `npm run train` writes it to models/ranking.json from ../shared; the product only reads it.
import { readFileSync } from 'node:fs';
import { checkHiddenLayer, type HiddenLayer } from './hidden-layer.js';

/** How a word is used as the first word of operation ids across the corpus's APIs. */
export interface VerbProfile {
  /** Operations whose id starts with the word. */
  count: number;
  /** Share of them that change something (POST, PUT, PATCH, DELETE, not a search). */
  write: number;
  /** Share of them that use DELETE. */
  remove: number;
  /** Share of them that create a record (a POST to a path without parameters); 0 in older models. */
  create: number;
}

/** The model file. */
export interface RankingModel {
  /** Format version; a file of another version is refused. */
  version: 1;
  /** Names of the operation features, in the order of `weights`. */
  features: string[];
  weights: number[];
  /** Names of the "call nothing" features, in the order of `noneWeights`. */
  noneFeatures: string[];
  noneWeights: number[];
  /** Message stems whose own weights were learned (the most frequent in the training messages). */
  vocabulary: string[];
  /**
   * Per vocabulary stem: how it speaks for calling nothing, for an operation that takes free search
   * words, and for an operation that changes something.
   */
  wordWeights: { none: number[]; search: number[]; write: number[] };
  /** Rectified units over the operation features, adding to the linear score; absent in a linear model. */
  hidden?: HiddenLayer;
  /** Stems used in the operation ids of so many APIs that they name no resource (`detail`, `info`, `list`). */
  genericWords: string[];
  /** Words of path prefixes that APIs mount their operations under (`api`, `wp-json`, `rest`): no resource. */
  pathNoise: string[];
  /** Verb stem -> [count, write share, delete share, create share]. */
  verbs: Record<string, [number, number, number, number?]>;
  /** Stem -> associated stems with their strength (0 to 1), learned from the corpus. */
  associations: Record<string, [string, number][]>;
  /** How the weights were made: data, folds, figures. */
  trainedOn?: Record<string, unknown>;
}

/** The path of the committed model, from src/ and from dist/ alike (both sit one level below the root). */
export const DEFAULT_MODEL_URL = new URL('../../../models/ranking.json', import.meta.url);

let defaultModel: RankingModel | undefined;
const vocabularyPositions = new WeakMap<RankingModel, Map<string, number>>();

/** The position of each vocabulary stem. */
export function vocabularyOf(model: RankingModel): Map<string, number> {
  let positions = vocabularyPositions.get(model);
  if (!positions) {
    positions = new Map(model.vocabulary.map((stem, position) => [stem, position]));
    vocabularyPositions.set(model, positions);
  }
  return positions;
}

/** Checks a parsed model file; throws with what is wrong. */
export function checkRankingModel(value: unknown, where: string): RankingModel {
  const model = value as RankingModel;
  if (!model || typeof model !== 'object' || model.version !== 1)
    throw new Error(`${where}: not a version 1 ranking model`);
  if (!Array.isArray(model.features) || model.features.length !== model.weights?.length)
    throw new Error(`${where}: features and weights differ in length`);
  if (!Array.isArray(model.noneFeatures) || model.noneFeatures.length !== model.noneWeights?.length)
    throw new Error(`${where}: noneFeatures and noneWeights differ in length`);
  const size = model.vocabulary?.length;
  const words = model.wordWeights;
  if (
    !Array.isArray(model.vocabulary) ||
    [words?.none, words?.search, words?.write].some((list) => list?.length !== size)
  )
    throw new Error(`${where}: vocabulary and wordWeights differ in length`);
  if (model.hidden) checkHiddenLayer(model.hidden, model.features.length, where);
  return model;
}

/** The committed model, read once. */
export function loadRankingModel(): RankingModel {
  if (!defaultModel) {
    const text = readFileSync(DEFAULT_MODEL_URL, 'utf8');
    defaultModel = checkRankingModel(JSON.parse(text), DEFAULT_MODEL_URL.pathname);
  }
  return defaultModel;
}

/** How many of the corpus's operations must be named with a word before it counts as a verb that says what they do. */
export const MIN_VERB_USES = 20;

/** The profile of a verb stem, when the corpus uses it often enough to say. */
export function verbProfile(model: RankingModel, stem: string): VerbProfile | undefined {
  const entry = model.verbs[stem];
  return entry ? { count: entry[0], write: entry[1], remove: entry[2], create: entry[3] ?? 0 } : undefined;
}
