import { describe, expect, it } from 'vitest';
import { fitWeights, measureAccuracy, type TrainingExample } from './fit-weights.js';

// Two features: the first marks the right candidate (noisily), the second is noise. "Nothing" is right
// when no candidate is marked.
function makeExamples(): TrainingExample[] {
  const examples: TrainingExample[] = [];
  for (let index = 0; index < 300; index++) {
    const target = index % 5 === 0 ? -1 : index % 3;
    const tools = [0, 1, 2].map((candidate) => [
      candidate === target ? 1 : 0.1 * ((index + candidate) % 3),
      (index * 7 + candidate) % 5,
    ]);
    examples.push({ tools, roles: tools.map(() => [0, 0]), none: [1], words: [], target, weight: 1 });
  }
  return examples;
}

describe('fitWeights', () => {
  it('learns which feature marks the right candidate and when to choose nothing', () => {
    const examples = makeExamples();
    const weights = fitWeights(examples, { toolFeatures: 2, noneFeatures: 1, epochs: 30 });
    expect(weights.weights[0]).toBeGreaterThan(1);
    expect(Math.abs(weights.weights[1])).toBeLessThan(weights.weights[0] / 4);
    expect(measureAccuracy(weights, examples)).toBeGreaterThan(0.95);
  });

  it('learns with hidden units what no sum of the features can say', () => {
    // The right candidate has exactly one of two marks (either alone, not both): an exclusive or.
    const examples: TrainingExample[] = [];
    for (let index = 0; index < 400; index++) {
      const target = index % 4;
      const marks = [
        [1, 1],
        [0, 0],
        [1, 1],
        [0, 0],
      ];
      marks[target] = index % 2 === 0 ? [1, 0] : [0, 1];
      examples.push({
        tools: marks,
        roles: marks.map(() => [0, 0]),
        none: [1],
        words: [],
        target,
        weight: 1,
      });
    }
    const options = { toolFeatures: 2, noneFeatures: 1, epochs: 40 };
    const linear = fitWeights(examples, options);
    const hidden = fitWeights(examples, { ...options, hidden: 8 });
    expect(measureAccuracy(linear, examples)).toBeLessThan(0.75);
    expect(measureAccuracy(hidden, examples)).toBeGreaterThan(0.95);
    expect(hidden.hidden?.input).toHaveLength(8);
  });

  it('gives the same weights for the same seed', () => {
    const examples = makeExamples();
    const options = { toolFeatures: 2, noneFeatures: 1, epochs: 3, seed: 7, hidden: 4 };
    expect(fitWeights(examples, options)).toEqual(fitWeights(examples, options));
  });
});
