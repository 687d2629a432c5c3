// Values chosen from a list or a fact rather than copied: enum members, booleans and lists.
import { schemaTypeOf } from '../../openapi/schema-type.js';
import { fitsIdForm, isIdName } from '../../tools/index.js';
import { resolveSchema } from '../catalog/list-parameters.js';
import { splitWords } from '../language/split-words.js';
import { stemWord } from '../language/stem-word.js';
import { STOP_WORDS } from '../language/stop-words.js';
import { conceptOf, conceptsOf } from '../language/synonyms.js';
import type { ClassifiedParameter } from './classify-parameter.js';
import { measureAffinity } from './measure-affinity.js';
import type { Mention } from './mention.js';
import type { MessageToken } from './tokenize-message.js';

/** A value with the token span it was read from. */
export interface SpanValue {
  value: unknown;
  first: number;
  last: number;
}

const NEGATIONS = new Set([
  'no',
  'not',
  'without',
  "don't",
  'dont',
  'never',
  'exclude',
  'excluding',
  'disable',
  'skip',
]);
const FLAG_WORDS = new Set([
  'is',
  'get',
  'include',
  'use',
  'enable',
  'show',
  'flag',
  'with',
  'has',
  'should',
  'do',
  'allow',
]);

/** How a member the message asks for again ("reopen" for `open`) ranks: above any it only names. */
const AGAIN_RANK = 100;
/** An input that holds a record's state. */
const STATUS_NAME = /(?:^|[^a-z])(?:status|state)$|(?:Status|State)$/;

/** Where the words of `value` occur in a row (stop words between them allowed), or undefined. */
function findPhrase(value: string, tokens: MessageToken[], from = 0): [number, number] | undefined {
  const concepts = conceptsOf(value);
  if (concepts.length === 0) return undefined;
  for (let start = from; start < tokens.length; start++) {
    if (tokens[start].concept !== concepts[0] && tokens[start].lower !== value.toLowerCase()) continue;
    if (tokens[start].lower === value.toLowerCase()) return [start, start + 1];
    let position = start + 1;
    let matched = 1;
    while (matched < concepts.length && position < tokens.length && position - start <= concepts.length + 2) {
      if (tokens[position].concept === concepts[matched]) matched++;
      position++;
    }
    if (matched === concepts.length) return [start, position];
  }
  return undefined;
}

/**
 * Whether the words at `found` mean `value` only as a synonym while they name a record: the one whose
 * fields are being filled, or one whose id follows ("change the subject of ticket 38802" states no
 * ticket type "incident", whatever the synonyms say of tickets and incidents).
 */
function namesRecord(
  found: [number, number],
  value: string,
  tokens: MessageToken[],
  mentions: Mention[],
  record: Set<string>,
): boolean {
  const span = tokens.slice(found[0], found[1]);
  if (span.map((token) => stemWord(token.lower)).join(' ') === splitWords(value).map(stemWord).join(' '))
    return false;
  return (
    span.some((token) => record.has(token.concept)) ||
    mentions.some(
      (mention) => mention.first === found[1] && (mention.kind === 'number' || mention.kind === 'identifier'),
    )
  );
}

/** The enum member the message names: the longest match, stop-word members only when nothing else fits. */
export function matchEnumValue(
  parameter: ClassifiedParameter,
  tokens: MessageToken[],
  mentions: Mention[],
  used: Set<number>,
  /** Concepts of the record whose fields these are (the object input's name). */
  record: Set<string> = new Set(),
  /** Concepts naming the operation itself ("cancel order …": its order is no reason "ordered by mistake"). */
  subject: Set<string> = new Set(),
): SpanValue | undefined {
  let best: (SpanValue & { rank: number }) | undefined;
  for (const value of parameter.enumValues ?? []) {
    let found: [number, number] | undefined;
    // "please reopen it": the verb asks for the state again, whatever state the message tells it is in
    // ("got marked solved"). Only a status's word of four letters or more: "renew" asks for no `new`.
    const again =
      typeof value === 'string' && /^\p{L}{4,}$/u.test(value) && STATUS_NAME.test(parameter.name)
        ? tokens.findIndex(
            (token) =>
              token.lower === `re${value.toLowerCase()}` || token.lower === `re-${value.toLowerCase()}`,
          )
        : -1;
    if (again >= 0 && !used.has(again)) {
      const rank = AGAIN_RANK + String(value).length / 1000;
      if (!best || rank > best.rank) best = { value, first: again, last: again + 1, rank };
      continue;
    }
    if (typeof value === 'number') {
      const mention = mentions.find((candidate) => candidate.kind === 'number' && candidate.value === value);
      if (mention) found = [mention.first, mention.last];
    } else if (typeof value === 'string' && value.trim()) {
      found = findPhrase(value, tokens);
      // A word that only means the member and names a record is no value for it: a later one may be.
      while (found && namesRecord(found, value, tokens, mentions, record))
        found = findPhrase(value, tokens, found[0] + 1);
    }
    if (!found || used.has(found[0])) continue;
    // The member beside the parameter's words wins ("compounded monthly", not "annual rate"), then the longest.
    const span = {
      kind: 'quoted' as const,
      text: '',
      value: '',
      start: 0,
      end: 0,
      first: found[0],
      last: found[1],
    };
    const nearness = measureAffinity(tokens, parameter.keywords, span, []);
    const rank = STOP_WORDS.has(String(value).toLowerCase()) ? -1 : nearness + String(value).length / 1000;
    if (!best || rank > best.rank) best = { value, first: found[0], last: found[1], rank };
  }
  if (best) return { value: best.value, first: best.first, last: best.last };
  return parameter.required ? matchEnumLoosely(parameter, tokens, used, subject) : undefined;
}

/**
 * For a required choice the message names in its own words ("don't need it anymore" for "no longer
 * needed"): the one member of several words that has at least half of its words in the message, where
 * no other member has any; asking would only make the customer repeat it.
 */
function matchEnumLoosely(
  parameter: ClassifiedParameter,
  tokens: MessageToken[],
  used: Set<number>,
  subject: Set<string>,
): SpanValue | undefined {
  const present = new Map<string, number>();
  tokens.forEach((token, position) => {
    if (!used.has(position) && !subject.has(token.concept) && !present.has(token.concept))
      present.set(token.concept, position);
  });
  let found: SpanValue | undefined;
  for (const value of parameter.enumValues ?? []) {
    if (typeof value !== 'string') continue;
    const concepts = conceptsOf(
      splitWords(value)
        .filter((word) => !STOP_WORDS.has(word))
        .join(' '),
    );
    const hits = concepts.flatMap((concept) => {
      const position = present.get(concept);
      return position === undefined ? [] : [position];
    });
    if (hits.length === 0) continue;
    if (found || concepts.length < 2 || hits.length * 2 < concepts.length) return undefined;
    found = { value, first: Math.min(...hits), last: Math.max(...hits) + 1 };
  }
  return found;
}

/** True when the message names the flag's words, false when it negates them, else undefined (left out). */
export function matchBoolean(parameter: ClassifiedParameter, tokens: MessageToken[]): boolean | undefined {
  const concepts = splitWords(parameter.name)
    .filter((word) => !FLAG_WORDS.has(word) && !STOP_WORDS.has(word))
    .map((word) => conceptOf(stemWord(word)));
  if (concepts.length === 0) return undefined;
  const positions = concepts
    .map((concept) => tokens.findIndex((token) => token.concept === concept))
    .filter((position) => position >= 0);
  // A required flag needs one of its words named, an optional one all of them.
  if (positions.length === 0 || (!parameter.required && positions.length < concepts.length)) return undefined;
  const first = Math.min(...positions);
  const negated = tokens.slice(Math.max(0, first - 3), first).some((token) => NEGATIONS.has(token.lower));
  return !negated;
}

/** A list value: enum members named, a run of numbers, or the quoted texts or names of the message. */
export function matchArray(
  parameter: ClassifiedParameter,
  tokens: MessageToken[],
  mentions: Mention[],
  used: Set<number>,
): SpanValue | undefined {
  const items = resolveSchema(parameter.schema.items);
  const itemType = schemaTypeOf(items);
  const free = mentions.filter((mention) => !used.has(mention.first));
  if (Array.isArray(items.enum)) {
    const values = items.enum.filter((value) => typeof value === 'string' && findPhrase(value, tokens));
    return values.length > 0 ? { value: values, first: 0, last: 0 } : undefined;
  }
  if (itemType === 'number' || itemType === 'integer') {
    // A list of ids (`attachment_ids`) takes ids as written, never a count in words ("twice", "one").
    const ids = isIdName(parameter.name.replace(/s$/, ''));
    const numbers = free.filter(
      (mention) =>
        mention.kind === 'number' &&
        typeof mention.value === 'number' &&
        (!ids || /^#?\d+$/.test(mention.text)),
    );
    if (numbers.length < 2 && !parameter.required) return undefined;
    if (numbers.length === 0) return undefined;
    return {
      value: numbers.map((mention) => mention.value),
      first: numbers[0].first,
      last: numbers[numbers.length - 1].last,
    };
  }
  if (itemType === 'string' || itemType === undefined) {
    const quoted = free.filter((mention) => mention.kind === 'quoted');
    // A list of ids (`IDs`, `ContactIDs`) takes ids as written, of the form its items show: never
    // words ("NZD to AUD … our Aussie account" names no invoice).
    const ids =
      isIdName(parameter.name.replace(/s$/i, '')) || items.format === 'uuid'
        ? free.filter(
            (mention) =>
              mention.kind === 'identifier' &&
              /\d/.test(mention.text) &&
              (items.format !== 'uuid' || fitsIdForm(mention.text, { uuid: true }) === true),
          )
        : undefined;
    const chosen = ids ?? (quoted.length > 0 ? quoted : free.filter((mention) => mention.kind === 'proper'));
    if (chosen.length === 0 || (chosen.length < 2 && !parameter.required)) return undefined;
    return {
      value: chosen.map((mention) => mention.text),
      first: chosen[0].first,
      last: chosen[chosen.length - 1].last,
    };
  }
  return undefined;
}
