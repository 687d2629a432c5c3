// Asks, in plain words from the parameters' descriptions, for the details a call still needs.

import { isPlural } from '../../tools/index.js';
import type { EngineTool } from '../catalog/engine-tool.js';
import type { ParameterInfo } from '../catalog/list-parameters.js';
import { withoutFacets } from '../language/plain-text.js';
import { splitWords } from '../language/split-words.js';
import { purposeOf } from './describe-action.js';
import { describeStructure, moneyPhrase } from './describe-structure.js';
import { joinAnd } from './format-field.js';

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

/** Lower-cases a phrase's first letter unless it starts an acronym ("IATA code" stays). */
function lowerFirst(phrase: string): string {
  return /^[A-Z]{2}/.test(phrase) ? phrase : phrase.charAt(0).toLowerCase() + phrase.slice(1);
}

/**
 * Whether a description names a type rather than saying what the value is ("Interface
 * CartItemInterface"), or describes the type ("Represents an amount of money").
 */
function namesType(phrase: string): boolean {
  return (
    (/\b[A-Z][a-z]+(?:[A-Z][a-z]+)+(?:Interface|Dto|Model|Schema|Object|Request|Input)?\b/.test(phrase) &&
      phrase.split(/\s+/).length <= 3) ||
    TYPE_VERBS.test(phrase) ||
    JSON_TYPE.test(phrase)
  );
}

/** A description that only names the value's JSON type ("string"). */
const JSON_TYPE = /^(?:a |an )?(?:string|integer|int|number|boolean|bool|object|array|float|double)$/i;

/** How documents start the description of a type rather than of a value. */
const TYPE_VERBS =
  /^(?:represents|contains|defines|describes|stores|holds|specifies|encapsulates|models|denotes)\b/i;

/**
 * How descriptions written for an assistant say where a value comes from: "from the customer's
 * message", "as provided by the user", "mentioned in the conversation".
 */
const PROVENANCE =
  /\s+(?:(?:as\s+)?(?:given|provided|supplied|stated|mentioned|entered|specified|written|typed)\s+(?:by|in)|from|in)\s+(?:the\s+)?(?:(?:customer|user|client)(?:'s)?(?:\s+(?:own\s+)?(?:message|request|input|query|question|text|prompt|words))?|(?:message|request|input|query|conversation|chat|prompt))$/i;

/** A description that says what its subject is: "X is a ...", "X are the ...". */
const DEFINES = /^(?:the\s+)?(.+?)\s+(?:is|are)\s+(?:a|an|the|one)\b/i;
const MAX_DEFINED_WORDS = 4;
/** A subject that only points at what is described ("This is a required property"). */
const POINTING = /^(?:this|that|it|these|those|which)$/i;

/**
 * Nouns of what a customer has of their own: asked for as "your ..." ("your order number", "your
 * email address"); anything else is asked for as "the ..." ("the habitat of the bird").
 */
const OWN =
  /\b(?:name|e-?mail|phone|mobile|address|number|id|account|order|booking|reservation|ticket|card|password|user(?:name)?|login|zip|post(?:al)?\s?code|postcode|birth|membership|subscription|passport|iban|invoice|payment|city|country)s?\b/i;

/** The noun phrase a parameter's description starts with ("The order number, digits only" -> "your order number"). */
export function describeParameter(parameter: ParameterInfo, purpose?: string): string {
  const structure =
    parameter.type === 'object' || parameter.type === 'array'
      ? describeStructure(parameter, purpose)
      : undefined;
  if (structure) return structure;
  // `amount_money` with no fields to go by is still an amount ("the amount to refund").
  if (parameter.type === 'object' && /money$/i.test(parameter.name))
    return `the ${moneyPhrase(parameter.name, purpose)}`;
  let phrase = withoutFacets(parameter.description)
    .replace(/`([^`]*)`/g, '$1')
    .split(/[.,;:(\n]| - | e\.g\.| for example/i)[0]
    .trim();
  // "City name from the customer's message" is the city name: where the value comes from is for the
  // agent, not a question for the customer.
  phrase = phrase.replace(PROVENANCE, '');
  // "Either the customer's domain name or their id": the choice of two, asked for as it stands.
  phrase = phrase.replace(/^either\s+/i, '');
  // "Order ID is a unique code that identifies an order" defines the order ID; "This is a required
  // property" defines nothing: the input's name says what it is.
  const defined = DEFINES.exec(phrase)?.[1];
  if (defined && POINTING.test(defined)) phrase = '';
  else if (defined && defined.split(/\s+/).length <= MAX_DEFINED_WORDS) phrase = defined;
  if (!phrase || phrase.split(/\s+/).length > 12 || namesType(phrase))
    phrase = splitWords(parameter.name).join(' ').replace(/\bid$/, 'ID');
  for (const [pattern, replacement] of PERSON) phrase = phrase.replace(pattern, replacement);
  // "The unique ID of the payment being refunded" is the payment ID.
  phrase = phrase
    .replace(/^(?:the|a|an)\s+/i, '')
    .replace(/^unique\s+/i, '')
    .replace(/\s+(?:being|to be)\s+\w+ed$/i, '');
  // "ID of the ticket" ("to refund") is asked for as "your ticket ID", not "your ID of the ticket".
  phrase = phrase.replace(
    /^(id|identifier|number|code|reference)\s+of\s+(?:the|a|an|this|that)\s+([\w-]+(?:\s[\w-]+)?)(?:\s+(?:to|that|which|for|in|on|being)\b.*)?$/i,
    (_, word: string, noun: string) => `${noun} ${/^id$/i.test(word) ? 'ID' : word.toLowerCase()}`,
  );
  if (/^(?:why|how|what|which|when|where|who|whether|if)\b/i.test(phrase)) return lowerFirst(phrase);
  if (/^your\b/i.test(phrase)) return lowerFirst(phrase);
  return `${ownedByCustomer(phrase) ? 'your' : 'the'} ${lowerFirst(phrase)}`;
}

/** Participles that say who has a thing ("the cards held by the dealer"). */
const HOLDING = 'held|owned|kept|used|made|chosen|given';
const HELD_BY = new RegExp(`\\b(?:${HOLDING})\\s+by\\b`, 'i');

/**
 * Whether a phrase names something of the customer's own. Of "the name of the league", "the number
 * of times interest is compounded", what follows "of" says whose it is; a thing another holds ("the
 * cards held by the dealer") is not the customer's.
 */
function ownedByCustomer(phrase: string): boolean {
  if (HELD_BY.test(phrase)) return false;
  const owner = /^[\w-]+(?:\s[\w-]+)?\s+of\s+(.+)$/i.exec(phrase)?.[1] ?? phrase;
  return OWN.test(owner);
}

/** Words after the head noun of a phrase ("the cards held by the dealer", "the name of the league"). */
const AFTER_HEAD = new RegExp(
  `^(?:of|in|on|for|from|to|with|by|at|that|which|who|whose|where|being|${HOLDING})$`,
  'i',
);

/** Whether a phrase names several things: its head noun is a plural ("the cards held by the dealer"). */
function namesMany(phrase: string): boolean {
  const words = phrase.split(/\s+/);
  const end = words.findIndex((word, position) => position > 0 && AFTER_HEAD.test(word));
  const head = (end < 0 ? words.at(-1) : words[end - 1]) ?? '';
  return isPlural(head.toLowerCase());
}

/**
 * One question asking for every missing parameter of `tool` (whose action says what an amount is
 * for: "the amount to refund").
 */
export function askForParameters(missing: ParameterInfo[], tool?: EngineTool): string {
  const purpose = tool ? purposeOf(tool) : undefined;
  const phrases = missing.map((parameter) => describeParameter(parameter, purpose));
  // An object is asked for by its fields ("the sku and qty of the cart item"): "Could you tell me".
  const structured = missing.some((parameter) => parameter.type === 'object' || parameter.type === 'array');
  if (
    phrases.length === 1 &&
    !structured &&
    !/^(?:why|how|what|which|when|where|who|whether|if)\b/.test(phrases[0])
  ) {
    return `What ${namesMany(phrases[0]) ? 'are' : 'is'} ${phrases[0]}?`;
  }
  return `Could you tell me ${joinAnd(phrases)}?`;
}
