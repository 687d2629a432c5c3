// Asks, in plain words from the parameters' descriptions, for the details a call still needs.
import { type ParameterInfo, resolveSchema } from '../catalog/list-parameters.js';
import { splitWords } from '../language/split-words.js';

const PERSON = [
  // "The last name of the customer" -> "your last name", not "last name of you".
  [/^(?:the\s+)?(.+?) of the (?:customer|user|client)\b/gi, 'your $1'],
  [/\bthe (?:customer|user|client)'s\b/gi, 'your'],
  // "the user ID" names an id, not the person.
  [/\bthe ((?:customer|user|client) (?:id|name|email|number|account|key|code)s?)\b/gi, 'your $1'],
  [/\bthe (?:customer|user|client) is\b/gi, 'you are'],
  [/\bthe (?:customer|user|client) has\b/gi, 'you have'],
  // "the customer returns it" -> "you return it": the verb after "you" loses its -s.
  [/\bthe (?:customer|user|client) (\w+?[^s])s\b(?!')/gi, 'you $1'],
  [/\bthe (?:customer|user|client)\b/gi, 'you'],
  [/\btheir\b/gi, 'your'],
] as const;

/** `a`, `a and b`, `a, b and c`. */
function joinWords(words: string[]): string {
  return words.length < 2
    ? words.join('')
    : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** Lower-cases a phrase's first letter unless it starts an acronym ("IATA code" stays). */
function lowerFirst(phrase: string): string {
  return /^[A-Z]{2}/.test(phrase) ? phrase : phrase.charAt(0).toLowerCase() + phrase.slice(1);
}

const MAX_FIELDS = 4;

/**
 * An object or a list of objects asked for by its fields, in plain words ("the sku and qty of the
 * cart item"), never by its type's name ("your interface CartItemInterface").
 */
function describeStructure(parameter: ParameterInfo): string | undefined {
  const items = parameter.type === 'array' ? resolveSchema(parameter.schema.items) : undefined;
  const target = items ?? parameter.schema;
  const properties = target.properties as Record<string, unknown> | undefined;
  if (!properties || typeof properties !== 'object') return undefined;
  const required = Array.isArray(target.required) ? (target.required as string[]) : Object.keys(properties);
  const fields = required.slice(0, MAX_FIELDS).map((name) => splitWords(name).join(' '));
  if (fields.length === 0) return undefined;
  const noun = splitWords(parameter.name).join(' ');
  return items
    ? `the ${joinWords(fields)} of each of the ${noun}`
    : `the ${joinWords(fields)} of the ${noun}`;
}

/** Whether a description names a type rather than saying what the value is ("Interface CartItemInterface"). */
function namesType(phrase: string): boolean {
  return (
    /\b[A-Z][a-z]+(?:[A-Z][a-z]+)+(?:Interface|Dto|Model|Schema|Object|Request|Input)?\b/.test(phrase) &&
    phrase.split(/\s+/).length <= 3
  );
}

/**
 * Nouns of what a customer has of their own: asked for as "your ..." ("your order number", "your
 * email address"); anything else is asked for as "the ..." ("the habitat of the bird").
 */
const OWN =
  /\b(?:name|e-?mail|phone|mobile|address|number|id|account|order|booking|reservation|ticket|card|password|user(?:name)?|login|zip|post(?:al)?\s?code|postcode|birth|membership|subscription|passport|iban|invoice|payment|city|country)s?\b/i;

/** The noun phrase a parameter's description starts with ("The order number, digits only" -> "your order number"). */
export function describeParameter(parameter: ParameterInfo): string {
  const structure =
    parameter.type === 'object' || parameter.type === 'array' ? describeStructure(parameter) : undefined;
  if (structure) return structure;
  let phrase = parameter.description.split(/[.,;:(\n]| - | e\.g\.| for example/i)[0].trim();
  if (!phrase || phrase.split(/\s+/).length > 12 || namesType(phrase))
    phrase = splitWords(parameter.name).join(' ');
  for (const [pattern, replacement] of PERSON) phrase = phrase.replace(pattern, replacement);
  phrase = phrase.replace(/^(?:the|a|an)\s+/i, '');
  // "ID of the ticket" is asked for as "your ticket ID", not "your ID of the ticket".
  phrase = phrase.replace(
    /^(id|identifier|number|code|reference)\s+of\s+(?:the|a|an|this|that)\s+([\w-]+(?:\s[\w-]+)?)$/i,
    (_, word: string, noun: string) => `${noun} ${/^id$/i.test(word) ? 'ID' : word.toLowerCase()}`,
  );
  if (/^(?:why|how|what|which|when|where|who|whether|if)\b/i.test(phrase)) return lowerFirst(phrase);
  if (/^your\b/i.test(phrase)) return lowerFirst(phrase);
  return `${OWN.test(phrase) ? 'your' : 'the'} ${lowerFirst(phrase)}`;
}

/** One question asking for every missing parameter. */
export function askForParameters(missing: ParameterInfo[]): string {
  const phrases = missing.map(describeParameter);
  // An object is asked for by its fields ("the sku and qty of the cart item"): "Could you tell me".
  const structured = missing.some((parameter) => parameter.type === 'object' || parameter.type === 'array');
  if (
    phrases.length === 1 &&
    !structured &&
    !/^(?:why|how|what|which|when|where|who|whether|if)\b/.test(phrases[0])
  ) {
    return `What is ${phrases[0]}?`;
  }
  return `Could you tell me ${joinWords(phrases)}?`;
}
