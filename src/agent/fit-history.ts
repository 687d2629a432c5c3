// Puts the conversation so far into the prompt within a token budget and a message count, newest
// messages kept first; and reads from the store only what that keeps.
import type { ModelMessage } from 'ai';
import type { HistoryMessage } from './run-turn-options.js';

/** Default history budget in tokens. */
export const DEFAULT_HISTORY_TOKEN_BUDGET = 4000;
/**
 * Default number of earlier messages kept. Short messages would let the token budget alone hold
 * hundreds, each read, validated and sent again every turn; the last 40 hold what a reply draws on.
 */
export const DEFAULT_HISTORY_MESSAGES = 40;

/** Rough token count for budgeting: about 4 characters per token. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/** How much history a turn keeps. */
export interface HistoryLimits {
  /** Tokens of history with the current message. Default 4,000. */
  budgetTokens?: number;
  /** Earlier messages at most. Default 40. */
  maxMessages?: number;
}

/**
 * The most recent messages of `history` that fit in the budget together with `message` (the current
 * message, which is always kept), oldest dropped first, as model messages ending with the current
 * message. Human agents' messages are the assistant's, as the customer saw them.
 */
export function fitHistory(
  history: HistoryMessage[],
  message: string,
  limits: HistoryLimits = {},
): ModelMessage[] {
  let remaining = (limits.budgetTokens ?? DEFAULT_HISTORY_TOKEN_BUDGET) - estimateTokens(message);
  const oldest = Math.max(0, history.length - (limits.maxMessages ?? DEFAULT_HISTORY_MESSAGES));
  let first = history.length;
  while (first > oldest) {
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

/** What `readHistoryWindow` reads the history through. */
export interface ReadHistoryWindowOptions extends HistoryLimits {
  /** The customer's current message (its tokens count against the budget). */
  message: string;
  /** Messages read however long they are (the tool selection reads the last few). Default 3. */
  minMessages?: number;
  /** Up to `limit` earlier messages, newest first, older than `before` (the oldest of the last page). */
  readPage: (limit: number, before?: string) => Promise<(HistoryMessage & { id: string })[]>;
}

/**
 * The earlier messages a turn can use, oldest first: read newest first, a page at a time, until what
 * `fitHistory` keeps with the same limits is read (and at least `minMessages`), so a turn in a long
 * conversation reads what it keeps, not the whole conversation.
 */
export async function readHistoryWindow(options: ReadHistoryWindowOptions): Promise<HistoryMessage[]> {
  const maxMessages = options.maxMessages ?? DEFAULT_HISTORY_MESSAGES;
  const wanted = Math.max(maxMessages, options.minMessages ?? 3);
  let remaining = (options.budgetTokens ?? DEFAULT_HISTORY_TOKEN_BUDGET) - estimateTokens(options.message);
  const newestFirst: HistoryMessage[] = [];
  let before: string | undefined;
  for (;;) {
    const limit = wanted - newestFirst.length;
    const page = await options.readPage(limit, before);
    for (const entry of page) {
      // The message that overruns the budget is read too: `fitHistory` stops at it.
      if (remaining < 0 && newestFirst.length >= (options.minMessages ?? 3)) return newestFirst.reverse();
      remaining -= estimateTokens(entry.text);
      newestFirst.push({ role: entry.role, text: entry.text });
    }
    if (page.length < limit || newestFirst.length >= wanted) return newestFirst.reverse();
    before = page[page.length - 1].id;
  }
}
