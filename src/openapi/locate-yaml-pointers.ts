// Finds where JSON pointers sit in YAML text from its parser events (js-yaml's `parseEvents`), descending
// only where a pointer leads, so a document is located without building a YAML syntax tree.
import {
  EVENT_ALIAS,
  EVENT_DOCUMENT,
  EVENT_MAPPING,
  EVENT_POP,
  EVENT_SCALAR,
  EVENT_SEQUENCE,
  type Event,
  getScalarValue,
} from 'js-yaml';
import { splitPointer } from './json-pointer.js';

/**
 * Maps each pointer to the offset in `text` of its mapping key (or, for a list item, of the item); a
 * pointer that is not in the text gets the offset of its nearest ancestor. `events` are one document's
 * events without aliases (an alias is not followed: its pointer gets the alias's parent key).
 */
export function locateYamlPointers(
  text: string,
  events: Event[],
  pointers: Iterable<string>,
): Map<string, number> {
  const ends = nodeEnds(events);
  const keysByMapping = new Map<number, Map<string, number>>();
  const keysOf = (mapping: number) => {
    let keys = keysByMapping.get(mapping);
    if (!keys) {
      keys = new Map();
      for (let key = mapping + 1; events[key].type !== EVENT_POP; key = ends[ends[key]]) {
        const event = events[key];
        // Of repeated keys the last, whose value the document keeps.
        if (event.type === EVENT_SCALAR) keys.set(getScalarValue(text, event), key);
      }
      keysByMapping.set(mapping, keys);
    }
    return keys;
  };

  const root = events[0]?.type === EVENT_DOCUMENT ? 1 : 0;
  const result = new Map<string, number>();
  for (const pointer of pointers) {
    let node = root;
    let offset = startOf(events[node]);
    for (const token of splitPointer(pointer)) {
      const event = events[node];
      let next: number | undefined;
      if (event?.type === EVENT_MAPPING) {
        const key = keysOf(node).get(token);
        if (key !== undefined) {
          offset = startOf(events[key]) ?? offset;
          next = ends[key];
        }
      } else if (event?.type === EVENT_SEQUENCE && /^(0|[1-9]\d*)$/.test(token)) {
        let item = node + 1;
        for (let index = Number(token); index > 0 && events[item].type !== EVENT_POP; index--)
          item = ends[item];
        if (events[item].type !== EVENT_POP) {
          offset = startOf(events[item]) ?? offset;
          next = item;
        }
      }
      if (next === undefined) break;
      node = next;
    }
    if (offset !== undefined) result.set(pointer, offset);
  }
  return result;
}

/** For each event that opens a node, the index just past the node's last event. */
function nodeEnds(events: Event[]): Int32Array {
  const ends = new Int32Array(events.length + 1);
  const open: number[] = [];
  for (let index = 0; index < events.length; index++) {
    const { type } = events[index];
    if (type === EVENT_MAPPING || type === EVENT_SEQUENCE || type === EVENT_DOCUMENT) open.push(index);
    else if (type === EVENT_POP) ends[open.pop()!] = index + 1;
    else ends[index] = index + 1;
  }
  return ends;
}

/** Where a node's content starts; undefined for an empty scalar (a key with no value). */
function startOf(event: Event | undefined): number | undefined {
  if (!event) return undefined;
  let start = -1;
  if (event.type === EVENT_MAPPING || event.type === EVENT_SEQUENCE) start = event.start;
  else if (event.type === EVENT_SCALAR) start = event.valueStart;
  else if (event.type === EVENT_ALIAS) start = event.anchorStart;
  return start >= 0 ? start : undefined;
}
