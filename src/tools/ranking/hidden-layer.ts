// The ranking model's optional hidden layer: rectified units over an operation's features whose
// weighted sum adds to the operation's linear score. Training (fit-weights.ts) and ranking
// (rank-catalog.ts) compute it the same way.

/** Weights of the hidden layer. */
export interface HiddenLayer {
  /** Per unit: one weight per operation feature. */
  input: number[][];
  /** Per unit: its bias. */
  bias: number[];
  /** Per unit: how much its output adds to the score. */
  output: number[];
}

/** What the hidden layer adds to the score of an operation with `features`. */
export function scoreHidden(layer: HiddenLayer, features: number[]): number {
  let score = 0;
  for (let unit = 0; unit < layer.output.length; unit++) {
    const weights = layer.input[unit];
    let activation = layer.bias[unit];
    for (let feature = 0; feature < features.length; feature++)
      activation += weights[feature] * features[feature];
    if (activation > 0) score += layer.output[unit] * activation;
  }
  return score;
}

/** Checks the layer's shape against the number of features; throws with what is wrong. */
export function checkHiddenLayer(layer: HiddenLayer, features: number, where: string): void {
  const units = layer.output?.length;
  if (
    !Array.isArray(layer.output) ||
    layer.bias?.length !== units ||
    layer.input?.length !== units ||
    layer.input.some((row) => row?.length !== features)
  )
    throw new Error(`${where}: the hidden layer's weights do not fit ${features} features`);
}
