// Decides what kind of value a parameter takes, from its schema and the words of its name and description.
import type { ParameterInfo } from '../catalog/list-parameters.js';
import { analyzeText } from '../language/analyze-text.js';
import { splitWords } from '../language/split-words.js';
import { stemWord } from '../language/stem-word.js';
import { conceptOf } from '../language/synonyms.js';

/** How the engine looks for a parameter's value. */
export type ParameterKind =
  | 'email'
  | 'phone'
  | 'url'
  | 'date'
  | 'enum'
  | 'boolean'
  | 'number'
  | 'integer'
  | 'array'
  | 'object'
  | 'pattern'
  | 'currency'
  | 'identifier'
  | 'reason'
  | 'keyword'
  | 'location'
  | 'text';

/** A parameter with the kind of value it takes and the concepts that point at it in a message. */
export interface ClassifiedParameter extends ParameterInfo {
  kind: ParameterKind;
  /** Concepts of the name (weight 1) and description (weight 0.5) that may stand near the value. */
  keywords: Map<string, number>;
  /** Values the description offers for a free string ("Can be 'summary' or 'detailed'"), tried like an enum. */
  suggestedValues: string[];
  /**
   * Values a free string's description gives as examples ("e.g. vegan, vegetarian, gluten free"): a
   * value when the message has one of them word for word, though the list is not whole.
   */
  exampleValues: string[];
  /** Codes the description defines ("'1' for Bangkok, '2' for Chiang Mai"): the code given when its label is named. */
  codedValues: { value: string | number; label: string }[];
  /** Whether the parameter names something by its proper name (a company, person, title, place). */
  takesName: boolean;
}

const OFFERED =
  /\b(?:can be|one of|either|options?|possible values?|allowed values?|such as|values?|choose from|accepted)\b/i;

/** Quoted alternatives a description offers, when it offers at least two. */
function suggestedValuesOf(parameter: ParameterInfo): string[] {
  if (parameter.type !== 'string' || parameter.enumValues || !OFFERED.test(parameter.description)) return [];
  const values = [...parameter.description.matchAll(/'([^']{1,40})'|"([^"]{1,40})"/g)].map(
    (match) => match[1] ?? match[2],
  );
  return values.length >= 2 ? values : [];
}

/** Where a description starts listing examples ("e.g. vegan, vegetarian", "Type of food like Sushi"). */
const EXAMPLES = /\b(?:eg|for example|for instance|such as|like)[:,]?\s+([^.;()]+)/gi;
/** The most words an example value has. */
const EXAMPLE_WORDS = 2;

/** The values of a free string's description gives as examples, each of a word or two. */
function exampleValuesOf(parameter: ParameterInfo): string[] {
  if (parameter.type !== 'string' || parameter.enumValues) return [];
  const values: string[] = [];
  for (const match of parameter.description.replace(/\be\.g\.?/gi, 'eg').matchAll(EXAMPLES)) {
    // Quoted examples are whole ("'Walnut Creek, CA'"); others are split at commas and "or".
    const quoted = [...match[1].matchAll(/'([^']+)'|"([^"]+)"|`([^`]+)`/g)].map(
      (item) => item[1] ?? item[2] ?? item[3],
    );
    for (const item of quoted.length > 0 ? quoted : match[1].split(/,|\bor\b|\band\b|\//)) {
      const value = item.trim();
      if (value && value.split(/\s+/).length <= EXAMPLE_WORDS && /^[\p{L}][\p{L}\s-]*$/u.test(value))
        values.push(value);
    }
  }
  return values;
}

const CODE =
  /['"]?(\d+|[A-Z][A-Z0-9_]{0,15})['"]?\s+(?:represents|means|stands for|is for|for|=|:)\s+(?:an?\s+|the\s+)?([\p{L}][\p{L}\s-]{0,40}?)(?=\s*(?:[,.;)]|\band\b|$))/gu;

/** Codes and their labels defined in a description, when it defines at least two. */
function codedValuesOf(parameter: ParameterInfo): { value: string | number; label: string }[] {
  if (parameter.enumValues || !['integer', 'number', 'string'].includes(parameter.type ?? '')) return [];
  const codes = [...parameter.description.matchAll(CODE)].map((match) => ({
    value: parameter.type === 'string' ? match[1] : Number(match[1]),
    label: match[2].trim(),
  }));
  const usable = codes.filter((code) => typeof code.value === 'string' || !Number.isNaN(code.value));
  return usable.length >= 2 ? usable : [];
}

const has = (words: string[], ...candidates: string[]) => candidates.some((word) => words.includes(word));
const GENERIC = new Set([
  'number',
  'count',
  'valu',
  'paramet',
  'field',
  'input',
  'option',
  'type',
  'default',
  'string',
]);

function keywordsOf(parameter: ParameterInfo): Map<string, number> {
  const keywords = new Map<string, number>();
  for (const term of analyzeText(parameter.description)) {
    if (term.weight === 1 && !GENERIC.has(term.concept)) keywords.set(term.concept, 0.5);
  }
  for (const word of splitWords(parameter.name)) {
    if (word.length > 1 || parameter.name.length === 1) keywords.set(conceptOf(stemWord(word)), 1);
  }
  return keywords;
}

/** Name words for where a span starts or ends (`periodStart`, `created_min`). */
const RANGE_ENDS = ['start', 'end', 'from', 'since', 'until', 'after', 'before', 'min', 'max'];
/** Words of a span of time, in an input's name or description. */
const TIME_SPAN = /\b(?:dates?|time-?frame|period|timestamp)\b|\btimes?\b(?!\s*-?zone)/i;
/** Words of a description of a page's cursor. */
const CURSOR = /\b(?:token|cursor|page)\b/i;

function kindOf(parameter: ParameterInfo, nameWords: string[], descriptionWords: string[]): ParameterKind {
  const { schema, type } = parameter;
  const format = String(schema.format ?? '');
  if (parameter.enumValues && type !== 'array') return 'enum';
  if (type === 'boolean') return 'boolean';
  if (type === 'integer') return 'integer';
  if (type === 'number') return 'number';
  if (type === 'array') return 'array';
  if (type === 'object') return 'object';
  // A string may hold several ("requester_emails": comma-separated).
  if (format === 'email' || has(nameWords, 'email', 'mail', 'emails')) return 'email';
  if (has(nameWords, 'phone', 'telephone', 'mobile', 'cellphone', 'phones')) return 'phone';
  if (
    format === 'uri' ||
    format === 'url' ||
    has(nameWords, 'url', 'uri', 'link', 'website', 'domain', 'hostname')
  )
    return 'url';
  if (format === 'date' || format === 'date-time' || has(nameWords, 'date', 'day', 'datetime', 'birthday'))
    return 'date';
  // "periodStart: Start of range indicating what time-frame should be returned": the start or end of
  // a span of time; a page's cursor ("a token … often a timestamp") is none.
  if (
    has(nameWords, ...RANGE_ENDS) &&
    TIME_SPAN.test(`${nameWords.join(' ')} ${parameter.description}`) &&
    !CURSOR.test(parameter.description)
  )
    return 'date';
  if (typeof schema.pattern === 'string') return 'pattern';
  if (
    has(nameWords, 'currency', 'currencies') ||
    (has(nameWords, 'from', 'to', 'base', 'target') && has(descriptionWords, 'currency'))
  )
    return 'currency';
  if (has(nameWords, 'id', 'sku', 'code', 'number', 'no', 'ref', 'reference', 'zip', 'postal', 'isbn'))
    return 'identifier';
  if (has(nameWords, 'reason', 'why', 'comment', 'note', 'notes', 'feedback', 'explanation', 'complaint'))
    return 'reason';
  if (
    has(nameWords, 'q', 'query', 'keyword', 'keywords', 'search', 'term', 'terms', 'phrase') ||
    has(descriptionWords, 'keyword', 'keywords')
  )
    return 'keyword';
  // A machine's address (`ip_address`, `mac_address`) is no place.
  if (has(nameWords, 'ip', 'ipv4', 'ipv6', 'mac')) return 'text';
  if (
    has(
      nameWords,
      'location',
      'city',
      'country',
      'place',
      'address',
      'state',
      'region',
      'destination',
      'origin',
      'town',
      'venue',
      'jurisdiction',
      'county',
      'province',
      'district',
      'loc',
    )
  )
    return 'location';
  return 'text';
}

/** Classifications per parameter object (`listParameters` gives the same objects for a schema). */
const classified = new WeakMap<ParameterInfo, ClassifiedParameter>();

/** Classifies one parameter. */
export function classifyParameter(parameter: ParameterInfo): ClassifiedParameter {
  let result = classified.get(parameter);
  if (!result) {
    result = classify(parameter);
    classified.set(parameter, result);
  }
  return result;
}

function classify(parameter: ParameterInfo): ClassifiedParameter {
  const nameWords = splitWords(parameter.name);
  const descriptionWords = splitWords(parameter.description);
  const kind = kindOf(parameter, nameWords, descriptionWords);
  const takesName =
    has(
      nameWords,
      'name',
      'title',
      'company',
      'person',
      'player',
      'team',
      'author',
      'artist',
      'brand',
      'organization',
    ) || kind === 'location';
  return {
    ...parameter,
    kind,
    keywords: keywordsOf(parameter),
    suggestedValues: suggestedValuesOf(parameter),
    exampleValues: exampleValuesOf(parameter),
    codedValues: codedValuesOf(parameter),
    takesName,
  };
}
