// Fits the ranking weights: a conditional logit (softmax over one message's candidate operations and
// "call nothing"), trained with Adam and L2, deterministic for a given seed. Besides the dense features,
// each vocabulary word of the message has weights of its own for "nothing", for a search operation and
// for an operation that changes something. An optional hidden layer (rectified units over the same
// features) adds an operation score for combinations of features that a sum of them cannot express
// ("the id's noun matches" counts for more when the message asks a question, say).
import type { HiddenLayer } from './hidden-layer.js';

/** One training message: its candidates' features, the features of calling nothing, and the answer. */
export interface TrainingExample {
  /** Dense features per candidate operation. */
  tools: number[][];
  /** Per candidate: [takes free search words (0/1), writes (0 to 1)], the multipliers of word weights. */
  roles: [number, number][];
  none: number[];
  /** Vocabulary positions of the message's stems. */
  words: number[];
  /** Index into `tools` of the right operation, or -1 when nothing should be called. */
  target: number;
  /** How much the example counts. */
  weight: number;
}

/** Fitted weights, in the model file's shape. */
export interface FittedWeights {
  weights: number[];
  noneWeights: number[];
  wordWeights: { none: number[]; search: number[]; write: number[] };
  /** Present when the fit had hidden units. */
  hidden?: HiddenLayer;
}

/** Options of the fit. */
export interface FitWeightsOptions {
  toolFeatures: number;
  noneFeatures: number;
  /** Vocabulary size. Default 0. */
  words?: number;
  /** Passes over the data. Default 12. */
  epochs?: number;
  /** Adam step size. Default 0.02. */
  learningRate?: number;
  /** L2 penalty. Default 1e-4. */
  l2?: number;
  /** Seed of the shuffling and of the hidden layer's start. Default 1. */
  seed?: number;
  /** Hidden units over the operation features. Default 0: a linear score. */
  hidden?: number;
}

/** A small fast PRNG (mulberry32): the same seed gives the same sequence. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

/** Where each block of weights sits in one parameter vector. */
interface Layout {
  tool: number;
  none: number;
  wordNone: number;
  wordSearch: number;
  wordWrite: number;
  /** Hidden units: their input weights (units × features, row by row), biases and output weights. */
  units: number;
  features: number;
  hiddenInput: number;
  hiddenBias: number;
  hiddenOutput: number;
  size: number;
}

function layoutOf(options: FitWeightsOptions): Layout {
  const words = options.words ?? 0;
  const units = options.hidden ?? 0;
  const none = options.toolFeatures;
  const wordNone = none + options.noneFeatures;
  const hiddenInput = wordNone + 3 * words;
  const hiddenBias = hiddenInput + units * options.toolFeatures;
  const hiddenOutput = hiddenBias + units;
  return {
    tool: 0,
    none,
    wordNone,
    wordSearch: wordNone + words,
    wordWrite: wordNone + 2 * words,
    units,
    features: options.toolFeatures,
    hiddenInput,
    hiddenBias,
    hiddenOutput,
    size: hiddenOutput + units,
  };
}

/** The hidden layer's units for `features` (before the rectifier), into `into`. */
function activate(parameters: Float64Array, layout: Layout, features: number[], into: Float64Array): void {
  for (let unit = 0; unit < layout.units; unit++) {
    let sum = parameters[layout.hiddenBias + unit];
    const row = layout.hiddenInput + unit * layout.features;
    for (let feature = 0; feature < features.length; feature++)
      sum += parameters[row + feature] * features[feature];
    into[unit] = sum;
  }
}

function hiddenScore(parameters: Float64Array, layout: Layout, activations: Float64Array): number {
  let sum = 0;
  for (let unit = 0; unit < layout.units; unit++)
    if (activations[unit] > 0) sum += parameters[layout.hiddenOutput + unit] * activations[unit];
  return sum;
}

/** Scale of the word weights: a long message's words each count less. */
function wordScale(count: number): number {
  return 1 / Math.sqrt(Math.max(1, count));
}

function sumAt(parameters: Float64Array, offset: number, words: number[]): number {
  let sum = 0;
  for (const word of words) sum += parameters[offset + word];
  return sum;
}

function dotAt(parameters: Float64Array, offset: number, features: number[]): number {
  let sum = 0;
  for (let index = 0; index < features.length; index++) sum += parameters[offset + index] * features[index];
  return sum;
}

/** The candidates' and nothing's scores; the hidden activations of each candidate go to `activations`. */
function scores(
  parameters: Float64Array,
  layout: Layout,
  example: TrainingExample,
  activations: Float64Array[] = [],
): number[] {
  const scale = wordScale(example.words.length);
  const search = scale * sumAt(parameters, layout.wordSearch, example.words);
  const write = scale * sumAt(parameters, layout.wordWrite, example.words);
  const result = example.tools.map((features, index) => {
    let score =
      dotAt(parameters, layout.tool, features) +
      example.roles[index][0] * search +
      example.roles[index][1] * write;
    if (layout.units > 0) {
      activations[index] ??= new Float64Array(layout.units);
      activate(parameters, layout, features, activations[index]);
      score += hiddenScore(parameters, layout, activations[index]);
    }
    return score;
  });
  result.push(
    dotAt(parameters, layout.none, example.none) + scale * sumAt(parameters, layout.wordNone, example.words),
  );
  return result;
}

function softmax(values: number[]): number[] {
  const max = Math.max(...values);
  const exps = values.map((value) => Math.exp(value - max));
  const sum = exps.reduce((total, value) => total + value, 0);
  return exps.map((value) => value / sum);
}

function pack(weights: FittedWeights, layout: Layout): Float64Array {
  const parameters = new Float64Array(layout.size);
  parameters.set(weights.weights, layout.tool);
  parameters.set(weights.noneWeights, layout.none);
  parameters.set(weights.wordWeights.none, layout.wordNone);
  parameters.set(weights.wordWeights.search, layout.wordSearch);
  parameters.set(weights.wordWeights.write, layout.wordWrite);
  if (weights.hidden) {
    parameters.set(weights.hidden.input.flat(), layout.hiddenInput);
    parameters.set(weights.hidden.bias, layout.hiddenBias);
    parameters.set(weights.hidden.output, layout.hiddenOutput);
  }
  return parameters;
}

/** Small random starting weights for the hidden layer (Glorot's uniform range), so units differ. */
function startHidden(parameters: Float64Array, layout: Layout, random: () => number): void {
  const range = Math.sqrt(6 / (layout.features + layout.units));
  for (let index = layout.hiddenInput; index < layout.hiddenBias; index++)
    parameters[index] = (2 * random() - 1) * range;
  for (let index = layout.hiddenOutput; index < layout.size; index++)
    parameters[index] = (2 * random() - 1) * 0.1;
}

function addHiddenGradient(
  gradient: Float64Array,
  parameters: Float64Array,
  layout: Layout,
  activations: Float64Array,
  features: number[],
  error: number,
): void {
  for (let unit = 0; unit < layout.units; unit++) {
    if (activations[unit] <= 0) continue;
    gradient[layout.hiddenOutput + unit] += error * activations[unit];
    const back = error * parameters[layout.hiddenOutput + unit];
    gradient[layout.hiddenBias + unit] += back;
    const row = layout.hiddenInput + unit * layout.features;
    for (let feature = 0; feature < features.length; feature++)
      gradient[row + feature] += back * features[feature];
  }
}

/** Fits weights to the examples. */
export function fitWeights(examples: TrainingExample[], options: FitWeightsOptions): FittedWeights {
  const layout = layoutOf(options);
  const parameters = new Float64Array(layout.size);
  const moment = new Float64Array(layout.size);
  const velocity = new Float64Array(layout.size);
  const gradient = new Float64Array(layout.size);
  const rate = options.learningRate ?? 0.02;
  const l2 = options.l2 ?? 1e-4;
  const random = createRandom(options.seed ?? 1);
  startHidden(parameters, layout, random);
  const order = examples.map((_, index) => index);
  const batch = 32;
  const activations: Float64Array[] = [];
  let step = 0;
  for (let epoch = 0; epoch < (options.epochs ?? 12); epoch++) {
    for (let index = order.length - 1; index > 0; index--) {
      const other = Math.floor(random() * (index + 1));
      [order[index], order[other]] = [order[other], order[index]];
    }
    for (let start = 0; start < order.length; start += batch) {
      gradient.fill(0);
      for (const position of order.slice(start, start + batch)) {
        const example = examples[position];
        const probabilities = softmax(scores(parameters, layout, example, activations));
        const targetIndex = example.target < 0 ? example.tools.length : example.target;
        const scale = wordScale(example.words.length);
        for (let candidate = 0; candidate < probabilities.length; candidate++) {
          const error = (probabilities[candidate] - (candidate === targetIndex ? 1 : 0)) * example.weight;
          if (error === 0) continue;
          if (candidate < example.tools.length) {
            const features = example.tools[candidate];
            for (let feature = 0; feature < features.length; feature++)
              gradient[layout.tool + feature] += error * features[feature];
            const [search, write] = example.roles[candidate];
            for (const word of example.words) {
              if (search) gradient[layout.wordSearch + word] += error * search * scale;
              if (write) gradient[layout.wordWrite + word] += error * write * scale;
            }
            if (layout.units > 0)
              addHiddenGradient(gradient, parameters, layout, activations[candidate], features, error);
          } else {
            for (let feature = 0; feature < example.none.length; feature++)
              gradient[layout.none + feature] += error * example.none[feature];
            for (const word of example.words) gradient[layout.wordNone + word] += error * scale;
          }
        }
      }
      step++;
      for (let index = 0; index < layout.size; index++) {
        const value = gradient[index] / batch + l2 * parameters[index];
        if (value === 0 && moment[index] === 0) continue;
        moment[index] = 0.9 * moment[index] + 0.1 * value;
        velocity[index] = 0.999 * velocity[index] + 0.001 * value * value;
        const corrected = moment[index] / (1 - 0.9 ** step);
        const scaleVelocity = velocity[index] / (1 - 0.999 ** step);
        parameters[index] -= (rate * corrected) / (Math.sqrt(scaleVelocity) + 1e-8);
      }
    }
  }
  const fitted: FittedWeights = {
    weights: round(parameters.subarray(layout.tool, layout.none)),
    noneWeights: round(parameters.subarray(layout.none, layout.wordNone)),
    wordWeights: {
      none: round(parameters.subarray(layout.wordNone, layout.wordSearch)),
      search: round(parameters.subarray(layout.wordSearch, layout.wordWrite)),
      write: round(parameters.subarray(layout.wordWrite, layout.hiddenInput)),
    },
  };
  if (layout.units > 0) {
    const input = round(parameters.subarray(layout.hiddenInput, layout.hiddenBias));
    fitted.hidden = {
      input: Array.from({ length: layout.units }, (_, unit) =>
        input.slice(unit * layout.features, (unit + 1) * layout.features),
      ),
      bias: round(parameters.subarray(layout.hiddenBias, layout.hiddenOutput)),
      output: round(parameters.subarray(layout.hiddenOutput, layout.size)),
    };
  }
  return fitted;
}

/** Weights as the model file keeps them: four decimals. */
function round(values: Float64Array): number[] {
  return [...values].map((value) => Math.round(value * 1e4) / 1e4);
}

/**
 * The average of linear fits over the same features and vocabulary: their scores averaged. Fits
 * drawn from different training sets (bagging) disagree where the data says little; the average keeps
 * what they share.
 */
export function averageFits(fits: FittedWeights[]): FittedWeights {
  if (fits.length === 0) throw new Error('averageFits: no fits to average');
  if (fits.some((fit) => fit.hidden))
    throw new Error('averageFits: fits with hidden units cannot be averaged');
  const mean = (pick: (fit: FittedWeights) => number[]) =>
    round(
      Float64Array.from(
        pick(fits[0]),
        (_, index) => fits.reduce((sum, fit) => sum + pick(fit)[index], 0) / fits.length,
      ),
    );
  return {
    weights: mean((fit) => fit.weights),
    noneWeights: mean((fit) => fit.noneWeights),
    wordWeights: {
      none: mean((fit) => fit.wordWeights.none),
      search: mean((fit) => fit.wordWeights.search),
      write: mean((fit) => fit.wordWeights.write),
    },
  };
}

/** Share of examples decided right, the way the engine decides: the most probable candidate. */
export function measureAccuracy(weights: FittedWeights, examples: TrainingExample[]): number {
  if (examples.length === 0) return 0;
  const layout = layoutOf({
    toolFeatures: weights.weights.length,
    noneFeatures: weights.noneWeights.length,
    words: weights.wordWeights.none.length,
    hidden: weights.hidden?.output.length ?? 0,
  });
  const parameters = pack(weights, layout);
  let correct = 0;
  for (const example of examples) {
    const values = scores(parameters, layout, example);
    let best = 0;
    for (let index = 1; index < values.length; index++) if (values[index] > values[best]) best = index;
    if ((best === example.tools.length ? -1 : best) === example.target) correct++;
  }
  return correct / examples.length;
}
