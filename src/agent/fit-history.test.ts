import { describe, expect, it } from 'vitest';
import { fitHistory, type HistoryLimits, readHistoryWindow } from './fit-history.js';
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

  it('keeps at most the newest 40 earlier messages by default, however short', () => {
    const chat: HistoryMessage[] = Array.from({ length: 100 }, (_, index) => ({
      role: index % 2 ? 'agent' : 'customer',
      text: `message ${index}`,
    }));
    const messages = fitHistory(chat, 'And my order?');
    expect(messages).toHaveLength(41);
    expect(messages[0].content).toBe('message 60');
  });
});

describe('readHistoryWindow', () => {
  // 2,000 messages of varied length, one of them empty, as a long chat leaves them.
  const chat = Array.from({ length: 2000 }, (_, index) => ({
    id: String(index).padStart(5, '0'),
    role: (['customer', 'agent', 'human'] as const)[index % 3],
    text: index === 1990 ? '' : `message ${index} ${'word '.repeat(index % 37)}`,
  }));

  /** Reads `chat` as the store does, newest first, counting the rows read. */
  function reader() {
    let rows = 0;
    return {
      rows: () => rows,
      readPage: async (limit: number, before?: string) => {
        const page = chat
          .filter((entry) => before === undefined || entry.id < before)
          .reverse()
          .slice(0, limit);
        rows += page.length;
        return page;
      },
    };
  }

  it.each<[HistoryLimits]>([
    [{}],
    [{ budgetTokens: 300 }],
    [{ budgetTokens: 20 }],
    [{ maxMessages: 5 }],
    [{ budgetTokens: 100_000, maxMessages: 500 }],
  ])('gives the turn the prompt the whole history gives, reading a bounded window (%o)', async (limits) => {
    const message = 'Where is my order 12345?';
    const read = reader();
    const window = await readHistoryWindow({ message, ...limits, readPage: read.readPage });
    expect(fitHistory(window, message, limits)).toEqual(fitHistory(chat, message, limits));
    // One page of at most the message limit, or what the prompt keeps and the one where the budget ran out.
    const kept = fitHistory(chat, message, limits).length - 1;
    expect(read.rows()).toBeLessThanOrEqual(Math.max(limits.maxMessages ?? 40, kept + 1));
    expect(window.slice(-3).map((entry) => entry.text)).toEqual(chat.slice(-3).map((entry) => entry.text));
  });
});
