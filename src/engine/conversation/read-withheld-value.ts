// Tells an answer that withholds the value the agent asked for ("hold on, let me find the email", "it's
// on the paper copy at home") from one that gives it, so the request waits for the value instead of
// going ahead without it (a list of every order where the order number was asked for).
import { EMAIL_ADDRESS } from '../../tools/index.js';

/** The value an agent's question asks for: "What's the order number?", "Could you share the charge IDs …?". */
const ASKED_VALUE =
  /\b(?:the|your)\s+((?:[A-Za-z]+\s+){0,2}?(?:number|no\.|id|ids|reference|code|e-?mail(?:\s+address)?))\b/i;

/**
 * Whether a message gives a value of any kind: a digit, an email, a code in capitals, a handle joined
 * by a dot, dash or underscore, or a name (a capital past the first word).
 */
export function givesValue(text: string): boolean {
  return (
    /\d/.test(text) ||
    EMAIL_ADDRESS.test(text) ||
    /\b[A-Z]{2,}[A-Z0-9_-]*\b/.test(text) ||
    /\p{L}[._-]\p{L}/u.test(text.replace(/\p{L}+-\p{L}+/gu, ' ')) ||
    /\s\p{Lu}\p{Ll}+/u.test(text.replace(/\bI(?:'[a-z]+)?\b/g, ' '))
  );
}

/** Whether the agent's message asks for a value: a number, an id, a reference, a code or an email. */
export function asksForValue(question: string): boolean {
  return ASKED_VALUE.test(question);
}

/**
 * What the agent asked for ("order number"), when the customer's answer to the question gives no value
 * at all; undefined when the question asked for no such value or the answer gives one.
 */
export function readWithheldValue(question: string, answer: string): string | undefined {
  const asked = ASKED_VALUE.exec(question)?.[1];
  if (!asked || givesValue(answer)) return undefined;
  return asked
    .replace(/\s+/g, ' ')
    .toLowerCase()
    .replace(/\bids$/, 'IDs')
    .replace(/\bid$/, 'ID');
}
