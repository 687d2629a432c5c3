// Puts the conversation so far into the prompt within a token budget, newest messages kept first.
import type { ModelMessage } from 'ai';
import type { HistoryMessage } from './run-turn-options.js';

/** Default history budget in tokens. */
export const DEFAULT_HISTORY_TOKEN_BUDGET = 4000;

/** Rough token count for budgeting: about 4 characters per token. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/**
 * The most recent messages of `history` that fit in `budgetTokens` together with `message` (the
 * current message, which is always kept), oldest dropped first, as model messages ending with the
 * current message. Human agents' messages are the assistant's, as the customer saw them.
 */
export function fitHistory(history: HistoryMessage[], message: string, budgetTokens: number): ModelMessage[] {
  let remaining = budgetTokens - estimateTokens(message);
  let first = history.length;
  while (first > 0) {
    const cost = estimateTokens(history[first - 1].text);
    if (cost > remaining) break;
    remaining -= cost;
    first -= 1;
  }
  const kept = history.slice(first).filter((entry) => entry.text.trim() !== '');
  return [
    ...kept.map(
      (entry): ModelMessage =>
        entry.role === 'customer'
          ? { role: 'user', content: entry.text }
          : { role: 'assistant', content: entry.text },
    ),
    { role: 'user', content: message },
  ];
}
