// A change's body that takes a note ("Please add a note to booking m2n4… that I'm allergic to…"): the
// note the message words after "that" goes to the body's note field, however deep the body wraps it
// (Zendesk's `ticket.comment.body`, Square's `booking.customer_note`, Xero's `HistoryRecords[].Details`).
import type { SchemaNode } from '../catalog/engine-tool.js';
import { resolveSchema } from '../catalog/list-parameters.js';
import { splitWords } from '../language/split-words.js';

/** "add a note … that", "tell them that", "put on my ticket that": the note is what follows "that". */
const NOTE =
  /\b(?:note|comment|add|tell|mention|say|let\s+\w+\s+know|put)\b[^.?!]*?\bthat\s+([^?!]+?)[.?!]*\s*$/i;
/** The last word of a field that carries words for people to read (`customer_note`, `Details`). */
const NOTE_WORDS = new Set(['note', 'notes', 'comment', 'comments', 'body', 'details', 'message']);
/** How deep a body may wrap its note. */
const MAX_DEPTH = 3;

function isObject(value: unknown): value is SchemaNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value of `schema` that holds `note` in its first note field, if it has one within reach. */
function holdNote(node: SchemaNode, note: string, depth: number): unknown {
  if (depth > MAX_DEPTH) return undefined;
  const schema = resolveSchema(node);
  if (schema.type === 'array' && isObject(schema.items)) {
    const item = holdNote(schema.items, note, depth + 1);
    return item === undefined ? undefined : [item];
  }
  if (!isObject(schema.properties)) return undefined;
  const properties = Object.entries(schema.properties).filter(([, property]) => isObject(property));
  for (const [name, property] of properties)
    if (NOTE_WORDS.has(splitWords(name).at(-1) ?? '') && resolveSchema(property).type === 'string')
      return { [name]: note };
  for (const [name, property] of properties) {
    const inner = holdNote(property as SchemaNode, note, depth + 1);
    if (inner !== undefined) return { [name]: inner };
  }
  return undefined;
}

/** The value for a body input of `schema` that carries the note the message gives, or undefined. */
export function fillNote(schema: SchemaNode, text: string): unknown {
  const note = NOTE.exec(text)?.[1]?.trim();
  if (!note) return undefined;
  return holdNote(schema, note, 0);
}
