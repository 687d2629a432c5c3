// Builds the plain value of one YAML document from js-yaml's parser events, for the import's fast path.
import {
  boolCoreTag,
  EVENT_ALIAS,
  EVENT_DOCUMENT,
  EVENT_MAPPING,
  EVENT_POP,
  EVENT_SCALAR,
  EVENT_SEQUENCE,
  type Event,
  floatCoreTag,
  getScalarValue,
  intCoreTag,
  NOT_RESOLVED,
  nullCoreTag,
  SCALAR_STYLE_PLAIN,
} from 'js-yaml';

// YAML 1.2's core schema, by js-yaml's own rules: a plain scalar is null, a boolean, an integer or a
// float when its tag's rule takes it (tried by first character, in this order), else a string.
const implicitTags = [nullCoreTag, boolCoreTag, intCoreTag, floatCoreTag];
const tagsByFirstCharacter = new Map<string, typeof implicitTags>();
for (const tag of implicitTags) {
  for (const character of tag.implicitFirstChars ?? []) {
    tagsByFirstCharacter.set(character, [...(tagsByFirstCharacter.get(character) ?? []), tag]);
  }
}

function resolvePlain(text: string): unknown {
  for (const tag of tagsByFirstCharacter.get(text.slice(0, 1)) ?? []) {
    const value = tag.resolve(text, false, tag.tagName);
    if (value !== NOT_RESOLVED) return value;
  }
  return text;
}

/**
 * The document of `events` as js-yaml's `constructFromEvents` with the core schema builds it (repeated
 * keys: the last wins), in half its time; undefined for what this does not build (several documents,
 * tags, aliases, merge keys, a collection as a key), which the caller reads another way.
 */
export function constructFromYamlEvents(source: string, events: readonly Event[]): unknown {
  // Each open collection saves its parent and the parent's pending key.
  const saved: unknown[] = [];
  let container: Record<string, unknown> | unknown[] | undefined;
  let key: string | undefined;
  let documents = 0;
  let result: unknown;
  for (const event of events) {
    let value: unknown;
    if (event.type === EVENT_DOCUMENT) {
      if (++documents > 1) return undefined;
      continue;
    }
    if (event.type === EVENT_ALIAS) return undefined;
    if (event.type === EVENT_MAPPING || event.type === EVENT_SEQUENCE) {
      if (event.tagStart !== -1) return undefined;
      saved.push(container, key);
      container = event.type === EVENT_MAPPING ? {} : [];
      key = undefined;
      continue;
    }
    if (event.type === EVENT_SCALAR) {
      if (event.tagStart !== -1) return undefined;
      const text = getScalarValue(source, event);
      value = event.style === SCALAR_STYLE_PLAIN ? resolvePlain(text) : text;
    } else if (event.type === EVENT_POP) {
      if (saved.length === 0) continue; // the document's end
      value = container;
      key = saved.pop() as string | undefined;
      container = saved.pop() as typeof container;
    }
    if (container === undefined) result = value;
    else if (Array.isArray(container)) container.push(value);
    else if (key === undefined) {
      if (typeof value === 'object' && value !== null) return undefined;
      key = String(value);
      if (key === '<<') return undefined;
    } else {
      // An own property even for `__proto__`, as JSON.parse makes it.
      if (key === '__proto__')
        Object.defineProperty(container, key, {
          value,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      else container[key] = value;
      key = undefined;
    }
  }
  return documents === 1 ? result : undefined;
}
