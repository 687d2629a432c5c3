import { describe, expect, it } from 'vitest';
import { fitHistory } from './fit-history.js';
import type { HistoryMessage } from './run-turn-options.js';

const history: HistoryMessage[] = [
  { role: 'customer', text: 'a'.repeat(400) },
  { role: 'agent', text: 'b'.repeat(400) },
  { role: 'customer', text: 'c'.repeat(400) },
  { role: 'human', text: 'Hi, this is Sam from the team.' },
];

describe('fitHistory', () => {
  it('keeps everything that fits, maps roles, and ends with the current message', () => {
    const messages = fitHistory(history, 'And my order?', { budgetTokens: 4000 });
    expect(messages.map((message) => message.role)).toEqual([
      'user',
      'assistant',
      'user',
      'assistant',
      'user',
    ]);
    expect(messages.at(-2)).toEqual({ role: 'assistant', content: 'Hi, this is Sam from the team.' });
    expect(messages.at(-1)).toEqual({ role: 'user', content: 'And my order?' });
  });

  it('drops the oldest messages first when over budget', () => {
    // 100 tokens per long message; 210 leaves room for the current message, Sam's and one long one.
    const messages = fitHistory(history, 'And my order?', { budgetTokens: 210 });
    expect(messages.map((message) => String(message.content).charAt(0))).toEqual(['c', 'H', 'A']);
  });

  it('always keeps the current message, even past the budget', () => {
    const long = 'x'.repeat(10_000);
    expect(fitHistory(history, long, { budgetTokens: 100 })).toEqual([{ role: 'user', content: long }]);
  });
});
