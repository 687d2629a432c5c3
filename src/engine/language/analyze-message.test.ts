import { describe, expect, it } from 'vitest';
import { analyzeMessage } from './analyze-message.js';

describe('analyzeMessage', () => {
  it('weighs quoted words like request words, so a quoted value does not dilute the topic', () => {
    const terms = analyzeMessage("Analyze the sentiment of the review 'great food here'");
    const weightOf = (word: string) => terms.find((term) => term.word === word)?.weight;
    expect(weightOf('sentiment')).toBe(1);
    expect(weightOf('food')).toBeLessThan(1);
  });

  it('turns "when" and "where" into the concepts they ask for', () => {
    const concepts = analyzeMessage('When was the treaty signed?').map((term) => term.concept);
    expect(concepts).toContain(analyzeMessage('date')[0].concept);
  });
});
