// A value found in a customer's message, with where it stands.
import { type MessageToken, tokenAt } from './tokenize-message.js';

/** What kind of value a mention is. */
export type MentionKind =
  | 'number'
  | 'email'
  | 'phone'
  | 'url'
  | 'quoted'
  | 'identifier'
  | 'date'
  | 'proper'
  | 'tuple'
  | 'currency';

/** One value found in the message. */
export interface Mention {
  kind: MentionKind;
  /** The text as written (for quoted text: without the quotes). */
  text: string;
  /** The parsed value: a number, a Date, a number list for tuples, else the text. */
  value: unknown;
  /** Character span in the message. */
  start: number;
  end: number;
  /** Token span (inclusive first, exclusive last). */
  first: number;
  last: number;
  /** For numbers: written with a currency sign or word. */
  money?: boolean;
  /** For numbers: written with a percent sign. */
  percent?: boolean;
  /** For numbers: spelled out ("two"), often a count in the phrasing rather than a value. */
  spelled?: boolean;
  /** For numbers: a count of occurrences ("twice"), no amount of money or goods. */
  times?: boolean;
  /** For numbers: a length of time ("10 days"), never a record's number: its unit ("day"). */
  duration?: string;
  /** For the halves of a range: whether the value starts or ends it. */
  role?: 'start' | 'end';
}

/** A mention of `kind` covering characters [start, end) of the message, with its token span. */
export function span(
  tokens: MessageToken[],
  kind: MentionKind,
  start: number,
  end: number,
  text: string,
  value: unknown,
) {
  return { kind, text, value, start, end, first: tokenAt(tokens, start), last: tokenAt(tokens, end - 1) + 1 };
}
