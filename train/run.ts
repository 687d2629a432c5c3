// `npm run train`: learns the ranking model from ../shared and writes models/ranking.json.
// Deterministic (fixed seed). Reports accuracy by document fold: on APIs seen in training against APIs
// held out, so the gap shows whether the method generalises.
import { createHash } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { NONE_FEATURES, TOOL_FEATURES } from '../src/tools/ranking/extract-features.js';
import {
  averageFits,
  createRandom,
  fitWeights,
  measureAccuracy,
  type TrainingExample,
} from '../src/tools/ranking/fit-weights.js';
import { type CatalogIndex, type IndexedTool, indexCatalog } from '../src/tools/ranking/index-catalog.js';
import { featurize } from '../src/tools/ranking/rank-catalog.js';
import type { RankableTool } from '../src/tools/ranking/rankable-tool.js';
import { DEFAULT_MODEL_URL, type RankingModel } from '../src/tools/ranking/ranking-model.js';
import { contentStems, toSearchTerm } from '../src/tools/ranking/read-words.js';
import { buildWordVectors } from './build-word-vectors.js';
import { generateBrowseMessage, generateMessages, generatePolicyQuestion } from './generate-messages.js';
import { learnAssociations, learnGenericWords, learnPathNoise, learnVerbs } from './learn-tables.js';
import { loadCorpus } from './load-corpus.js';
import { paraphrase } from './paraphrase.js';
import { readHumanCases, readOutOfScope } from './read-benchmarks.js';

/** A number from the environment, or `fallback`; a value that is not `what` stops the training with a message. */
function setting(name: string, fallback: number, valid: (value: number) => boolean, what: string): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (Number.isNaN(value) || !valid(value)) {
    console.error(`train: ${name}=${raw} is not ${what}`);
    process.exit(2);
  }
  return value;
}

const SEED = 20261130;
/**
 * Training sets drawn (each with its own seed from SEED) and fitted; the model is the average of the
 * fits. One draw's model moves the dev suites' call accuracy by two to three points either way with
 * the seed alone; the average does not depend on a lucky or unlucky draw.
 */
const BAGS = 3;
const FOLDS = 5;
const OPERATIONS_PER_DOCUMENT = 10;
/**
 * Operations ranked against each message's target: a document of up to this many is ranked whole, as
 * the product ranks it; a larger one by its siblings of the target and a sample of the rest.
 */
const NEGATIVES = setting(
  'TRAIN_NEGATIVES',
  300,
  (value) => Number.isInteger(value) && value > 0,
  'a whole number above 0',
);
const HUMAN_WEIGHT = 2;
const MIN_WORD_COUNT = 4;
const MAX_VOCABULARY = 3000;
const DROP_TARGET = setting(
  'TRAIN_DROP',
  0.06,
  (value) => value >= 0 && value < 1,
  'a share from 0 to below 1',
);
const PARAPHRASED = 0.5;
const BROWSE_PER_DOCUMENT = 3;
/** Questions about the business's rules per document, in its own words (nothing to call). */
const POLICY_PER_DOCUMENT = 2;
/** Their weight: templates, fewer words than a customer uses, so less than a generated request's 1. */
const POLICY_WEIGHT = 0.5;
const HINTED = 0.1;
const HINTED_ELSEWHERE = 0.05;
/** Hidden units of the ranking model (0: linear); TRAIN_HIDDEN compares settings by cross-validation. */
const HIDDEN_UNITS = 0;

const shared = resolve(process.env.CONCIERGE_SHARED ?? join(import.meta.dirname, '../../shared'));
if (!existsSync(join(shared, 'corpus/openapi'))) {
  console.error(`train: ${shared}/corpus/openapi not found (set CONCIERGE_SHARED to the shared folder)`);
  process.exit(2);
}
let random = createRandom(SEED);
const log = (line: string) => process.stderr.write(`${line}\n`);

interface Labelled extends TrainingExample {
  document: string;
  source: string;
}

const foldOf = (document: string) => createHash('sha256').update(document).digest()[0] % FOLDS;

function sample<T>(items: T[], count: number): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [copy[index], copy[other]] = [copy[other], copy[index]];
  }
  return copy.slice(0, count);
}

/**
 * The target and its hardest negatives: operations sharing a noun with it first, then others. With
 * `dropped`, the operation the message was written for is left out (the answer is then "nothing"),
 * never offered under a label that says nothing fits.
 */
function candidatesFor(index: CatalogIndex, target: IndexedTool | undefined, dropped = false): IndexedTool[] {
  const others = index.tools.filter((entry) => entry !== target);
  const siblings = target
    ? others.filter((entry) => [...entry.nouns].some((noun) => target.nouns.has(noun)))
    : [];
  const rest = others.filter((entry) => !siblings.includes(entry));
  const chosen = [...sample(siblings, NEGATIVES / 2), ...sample(rest, NEGATIVES)].slice(0, NEGATIVES);
  return target && !dropped ? [target, ...chosen] : chosen;
}

/** A base prompt routing a topic to one operation by name, in the words of `message`, as businesses write them. */
function routingPrompt(entry: IndexedTool, message: string): string {
  const words = message
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((word) => word.length > 3 && toSearchTerm(word) !== null)
    .slice(0, 3);
  return `You are the support assistant. If the customer asks about ${words.join(' or ')}, use the ${entry.tool.name} tool.`;
}

/** A message to learn from, before its features are read. */
interface Pending {
  index: CatalogIndex;
  message: string;
  context?: string;
  basePrompt?: string;
  target: IndexedTool | undefined;
  candidates: IndexedTool[];
  weight: number;
  document: string;
  source: string;
}

function featurizePending(pending: Pending): Labelled {
  const { tools, none, words } = featurize({
    index: pending.index,
    message: pending.message,
    context: pending.context,
    basePrompt: pending.basePrompt,
    candidates: pending.candidates,
  });
  return {
    tools: tools.map((entry) => entry.features),
    roles: tools.map((entry) => entry.roles),
    none,
    words,
    target: pending.target ? pending.candidates.indexOf(pending.target) : -1,
    weight: pending.weight,
    document: pending.document,
    source: pending.source,
  };
}

/** The most frequent message stems: the words whose own weights are learned. */
function buildVocabulary(messages: string[]): string[] {
  const counts = new Map<string, number>();
  for (const message of messages)
    for (const stem of new Set(contentStems(message))) counts.set(stem, (counts.get(stem) ?? 0) + 1);
  return [...counts]
    .filter(([, count]) => count >= MIN_WORD_COUNT)
    .sort((left, right) => right[1] - left[1] || left[0].localeCompare(right[0]))
    .slice(0, MAX_VOCABULARY)
    .map(([stem]) => stem)
    .sort();
}

const started = Date.now();
log(`train: ${buildWordVectors()} word vectors written`);
log(`train: reading the corpus in ${shared}/corpus/openapi`);
const documents = await loadCorpus(join(shared, 'corpus/openapi'), {
  cacheFile: join(import.meta.dirname, '../node_modules/.cache/concierge-train/corpus.json'),
});
log(
  `train: ${documents.length} documents, ${documents.reduce((sum, document) => sum + document.tools.length, 0)} operations`,
);
const base: RankingModel = {
  version: 1,
  features: [...TOOL_FEATURES],
  weights: TOOL_FEATURES.map(() => 0),
  noneFeatures: [...NONE_FEATURES],
  noneWeights: NONE_FEATURES.map(() => 0),
  vocabulary: [],
  wordWeights: { none: [], search: [], write: [] },
  genericWords: learnGenericWords(documents),
  pathNoise: learnPathNoise(documents),
  verbs: learnVerbs(documents),
  associations: learnAssociations(documents),
};
log(
  `train: ${Object.keys(base.verbs).length} verb profiles, ${Object.keys(base.associations).length} associated words`,
);
log(`train: path prefix words: ${base.pathNoise.join(' ')}; generic words: ${base.genericWords.join(' ')}`);

const indexes = documents.map((document) => indexCatalog(document.tools, base));
const outOfScope = readOutOfScope(shared);
const humanCases = await readHumanCases(shared);
const catalogs = new Map<string, CatalogIndex>();
const indexFor = (key: string, tools: RankableTool[]) => {
  let index = catalogs.get(key);
  if (!index) {
    index = indexCatalog(tools, base);
    catalogs.set(key, index);
  }
  return index;
};

/**
 * A random stream of its own for each part of a draw (a document's messages, its browse messages, the
 * out-of-scope ones): what one document's operations draw never shifts another's, so a change to how
 * some documents import changes only their examples, and its effect on the model is its own.
 */
const seedOf = (seed: number, part: string) =>
  createHash('sha256').update(`${seed}:${part}`).digest().readUInt32LE(0);

/** One training set: generated messages drawn with `seed`, and the human-written ones. */
function collectPending(seed: number): Pending[] {
  const pending: Pending[] = [];
  for (const [position, document] of documents.entries()) {
    random = createRandom(seedOf(seed, document.id));
    const index = indexes[position];
    for (const target of sample(index.tools, OPERATIONS_PER_DOCUMENT)) {
      for (const written of generateMessages(target, random)) {
        const dropped = random() < DROP_TARGET;
        const candidates = candidatesFor(index, target, dropped);
        // Some businesses route topics to operations in the base prompt, in their customers' words
        // rather than the API's: the message is reworded and the prompt names its words. The hint may
        // also name another operation.
        const hint = random();
        const routed =
          hint < HINTED
            ? target
            : hint < HINTED + HINTED_ELSEWHERE
              ? candidates[candidates.length - 1]
              : undefined;
        const message = routed
          ? paraphrase(written, random, 0.8)
          : random() < PARAPHRASED
            ? paraphrase(written, random)
            : written;
        pending.push({
          index,
          message,
          basePrompt: routed ? routingPrompt(routed, message) : undefined,
          target: dropped ? undefined : target,
          candidates,
          weight: 1,
          document: document.id,
          source: 'generated',
        });
      }
    }
  }
  // Searches for things the catalog has no words for (a product's name): words of another API.
  for (const [position, index] of indexes.entries()) {
    random = createRandom(seedOf(seed, `browse:${documents[position].id}`));
    const searches = index.tools.filter((entry) => entry.search && entry.collection);
    for (let round = 0; round < (searches.length > 0 ? BROWSE_PER_DOCUMENT : 0); round++) {
      const other = indexes[Math.floor(random() * indexes.length)];
      const words = [...(other.tools[Math.floor(random() * other.tools.length)]?.nouns ?? [])].filter(
        (word) => !index.idf.has(word),
      );
      if (words.length === 0) continue;
      const target = searches[Math.floor(random() * searches.length)];
      const message = generateBrowseMessage(words.slice(0, 2).join(' '), random);
      pending.push({
        index,
        message,
        target,
        candidates: candidatesFor(index, target),
        weight: 1,
        document: documents[position].id,
        source: 'generated-browse',
      });
    }
  }
  // Questions about the business's rules in the API's own words: nothing to call.
  for (const [position, index] of indexes.entries()) {
    random = createRandom(seedOf(seed, `policy:${documents[position].id}`));
    for (const entry of sample(index.tools, POLICY_PER_DOCUMENT)) {
      const message = generatePolicyQuestion(entry, random);
      if (!message) continue;
      pending.push({
        index,
        message,
        target: undefined,
        candidates: candidatesFor(index, undefined),
        weight: POLICY_WEIGHT,
        document: documents[position].id,
        source: 'generated-policy',
      });
    }
  }
  random = createRandom(seedOf(seed, 'out-of-scope'));
  for (const message of outOfScope) {
    const documentIndex = Math.floor(random() * indexes.length);
    const index = indexes[documentIndex];
    pending.push({
      index,
      message,
      target: undefined,
      candidates: candidatesFor(index, undefined),
      weight: HUMAN_WEIGHT,
      document: documents[documentIndex].id,
      source: 'clinc-oos',
    });
  }
  for (const human of humanCases) {
    const index = indexFor(human.document, human.tools);
    const target =
      human.target === null ? undefined : index.tools.find((entry) => entry.tool.name === human.target);
    const candidates = index.tools.length <= NEGATIVES + 10 ? index.tools : candidatesFor(index, target);
    pending.push({
      index,
      message: human.message,
      context: human.context,
      target,
      candidates,
      weight: target ? HUMAN_WEIGHT : 1,
      document: human.document,
      source: human.source,
    });
  }
  return pending;
}

const draws = Array.from({ length: BAGS }, (_, draw) => collectPending(SEED + draw));
log(`train: ${BAGS} training sets of ${draws[0].length} examples`);
base.vocabulary = buildVocabulary(draws.flat().map((entry) => entry.message));
base.wordWeights = {
  none: base.vocabulary.map(() => 0),
  search: base.vocabulary.map(() => 0),
  write: base.vocabulary.map(() => 0),
};
const drawnExamples = draws.map((draw) => draw.map(featurizePending));
const examples = drawnExamples[0];
log(
  `train: ${examples.length} examples in each set, ${base.vocabulary.length} words (${((Date.now() - started) / 1000).toFixed(0)} s)`,
);

const fitAll = (data: TrainingExample[]) =>
  fitWeights(data, {
    toolFeatures: TOOL_FEATURES.length,
    noneFeatures: NONE_FEATURES.length,
    words: base.vocabulary.length,
    seed: SEED,
    // For comparing settings by their cross-validated figures; the defaults won (see CONTRIBUTING.md).
    ...(process.env.TRAIN_EPOCHS ? { epochs: Number(process.env.TRAIN_EPOCHS) } : {}),
    ...(process.env.TRAIN_L2 ? { l2: Number(process.env.TRAIN_L2) } : {}),
    hidden: Number(process.env.TRAIN_HIDDEN ?? HIDDEN_UNITS),
  });
const bySource = (data: Labelled[], weights: ReturnType<typeof fitAll>) => {
  const sources = [...new Set(data.map((entry) => entry.source))].sort();
  return Object.fromEntries(
    sources.map((source) => [
      source,
      round(
        measureAccuracy(
          weights,
          data.filter((entry) => entry.source === source),
        ),
      ),
    ]),
  );
};
const round = (value: number) => Math.round(value * 1000) / 1000;
const folds: Record<string, unknown>[] = [];
let seenSum = 0;
let unseenSum = 0;
for (let fold = 0; fold < FOLDS; fold++) {
  const training = examples.filter((entry) => foldOf(entry.document) !== fold);
  const held = examples.filter((entry) => foldOf(entry.document) === fold);
  const weights = fitAll(training);
  const seen = measureAccuracy(weights, training);
  const unseen = measureAccuracy(weights, held);
  seenSum += seen;
  unseenSum += unseen;
  folds.push({ fold, seen: round(seen), unseen: round(unseen), unseenBySource: bySource(held, weights) });
  log(`train: fold ${fold}: accuracy on documents seen ${seen.toFixed(3)}, unseen ${unseen.toFixed(3)}`);
}
const final = averageFits(drawnExamples.map(fitAll));
const model: RankingModel = {
  ...base,
  ...final,
  trainedOn: {
    seed: SEED,
    documents: documents.length,
    examples: examples.length,
    bySource: Object.fromEntries(
      [...new Set(examples.map((entry) => entry.source))]
        .sort()
        .map((source) => [source, examples.filter((entry) => entry.source === source).length]),
    ),
    crossValidation: {
      folds: FOLDS,
      seen: round(seenSum / FOLDS),
      unseen: round(unseenSum / FOLDS),
      perFold: folds,
    },
  },
};
writeFileSync(DEFAULT_MODEL_URL, `${JSON.stringify(model)}\n`);
log(
  `train: cross-validated accuracy, documents seen ${(seenSum / FOLDS).toFixed(3)}, unseen ${(unseenSum / FOLDS).toFixed(3)}`,
);
log(`train: wrote ${DEFAULT_MODEL_URL.pathname} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
const wordLeaders = (weights: number[]) =>
  weights
    .map((weight, position) => [base.vocabulary[position], weight] as const)
    .sort((left, right) => right[1] - left[1])
    .slice(0, 12)
    .map(([word, weight]) => `${word} ${weight}`);
log(`train: words for nothing: ${wordLeaders(final.wordWeights.none).join(', ')}`);
log(`train: words for a search: ${wordLeaders(final.wordWeights.search).join(', ')}`);
log(`train: words for a change: ${wordLeaders(final.wordWeights.write).join(', ')}`);
console.log(
  JSON.stringify(
    {
      weights: Object.fromEntries(TOOL_FEATURES.map((name, index) => [name, final.weights[index]])),
      none: Object.fromEntries(NONE_FEATURES.map((name, index) => [name, final.noneWeights[index]])),
    },
    null,
    1,
  ),
);
