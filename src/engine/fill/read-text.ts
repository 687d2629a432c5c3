// A text's tokens and value mentions, read once for every fill of one decision: the engine fills
// several operations from the same message (the best one, its siblings, a look-up instead), and an
// object input field by field, and reading the message's dates (chrono) was most of each fill's cost.
import { findMentions } from './find-mentions.js';
import type { Mention } from './mention.js';
import { type MessageToken, tokenizeMessage } from './tokenize-message.js';

/** A text as the filler reads it: shared by every fill of the decision, so never changed. */
export interface ReadText {
  tokens: MessageToken[];
  /** Every value mention, in order of position (`findMentions`). */
  mentions: Mention[];
}

/** The texts one decision has read, each once, and what their relative dates count from. */
export interface TextReadings {
  /** What relative dates count from; undefined: the clock's now when a text is first read. */
  now: Date | undefined;
  texts: Map<string, ReadText>;
}

/** Readings for one decision, its relative dates counting from `now`. */
export function createTextReadings(now?: Date): TextReadings {
  return { now, texts: new Map() };
}

/** `text` read: its tokens and mentions, read at the first time it is asked for. */
export function readText(readings: TextReadings, text: string): ReadText {
  let read = readings.texts.get(text);
  if (!read) {
    const tokens = tokenizeMessage(text);
    read = { tokens, mentions: findMentions(text, tokens, readings.now) };
    readings.texts.set(text, read);
  }
  return read;
}
