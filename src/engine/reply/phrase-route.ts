// The action an operation's route names, and how an action and its object are written: `POST
// /charges/{charge}/refund` refunds a charge, `GET /boards/{id}/members` lists a board's members.
import type { EngineTool } from '../catalog/engine-tool.js';
import {
  baseForm,
  identifierWords,
  indefinite,
  isCommonVerb,
  isPlural,
  MAKE,
  MANY,
  verbOf,
} from './action-words.js';
import { pluralOf, singularOf } from './name-subject.js';

/** What an operation's route says of it. */
export interface Route {
  /** The HTTP method, lower-case. */
  method: string;
  /** The path's segments in order, each as words, its parameters marked. */
  segments: { words: string[]; parameter: boolean }[];
}

/** What decides the article: the customer's own record, the one there is, a record made, many. */
export interface ActionShape {
  /** The customer's own record is meant ("refund the payment"). */
  own?: boolean;
  /** There is one such thing ("look up the balance"). */
  single: boolean;
  /** The operation makes the record it names ("create a ticket", even for the customer). */
  makes: boolean;
  /** The action is on many at once ("look up orders"). */
  many?: boolean;
}

/** Words that start what qualifies the object ("a gift card from GAN", "pets by status"). */
export const PREPOSITIONS = new Set([
  'by',
  'from',
  'for',
  'to',
  'in',
  'of',
  'with',
  'on',
  'at',
  'into',
  'via',
]);
/** Prepositions before a record an action goes to or comes from ("to a customer", "from a gift card"). */
const DESTINATIONS = new Set(['to', 'from', 'for', 'into', 'onto']);
/** Words that already say which one is meant. */
const DETERMINERS = new Set(['a', 'an', 'the', 'all', 'my', 'your', 'every', 'each', 'any', 'some', 'this']);
/** A path segment naming an API version, not a resource. */
const VERSION = /^v\d+(?:\.\d+)*$|^api$/i;

/** The route of an operation, when the tool carries its HTTP shape. */
export function readRoute(tool: EngineTool): Route | undefined {
  const operation = tool.operation;
  if (!operation) return undefined;
  const segments = operation.path
    .split('?')[0]
    .split('/')
    .filter((segment) => segment && !VERSION.test(segment))
    .map((segment) => {
      const parameter = /^\{.*\}$/.test(segment);
      // `orders.json`: the file extension is no word of the resource.
      const name = parameter ? segment.slice(1, -1) : segment.replace(/\.[a-z]+$/, '');
      return { words: identifierWords(name), parameter };
    })
    .filter((segment) => segment.words.length > 0);
  return { method: operation.method.toLowerCase(), segments };
}

/** The article in front of the object of `verb`. */
function articleOf(verb: string, object: string[], shape: ActionShape): string {
  const head = object[object.length - 1];
  if (!head || shape.many || DETERMINERS.has(object[0]) || MANY.has(verb) || isPlural(head)) return '';
  if (shape.single || (shape.own && !shape.makes && !MAKE.has(verb))) return 'the';
  return indefinite(object[0]);
}

/** `verb (article) object qualifier`, the qualifier being what follows the object's first preposition. */
export function joinAction(verb: string, words: string[], shape: ActionShape): string {
  const cut = words.findIndex((word) => PREPOSITIONS.has(word));
  const object = cut < 0 ? words : words.slice(0, cut);
  const qualifier = cut < 0 ? [] : words.slice(cut);
  // "add a group to a customer": a record the action goes to or comes from takes its article too.
  const placed = qualifier.flatMap((word, index) => {
    const next = qualifier[index + 1];
    const bare =
      DESTINATIONS.has(word) && next && /^\p{Ll}/u.test(next) && !DETERMINERS.has(next) && !isPlural(next);
    return bare ? [word, shape.own ? 'the' : indefinite(next)] : [word];
  });
  return [verb, articleOf(verb, object, shape), ...object, ...placed].filter(Boolean).join(' ');
}

/** Words with the last one singular: `gift cards` -> gift card. */
function singular(words: string[]): string[] {
  return [...words.slice(0, -1), singularOf(words[words.length - 1])];
}

/** The verb a method says of a resource: GET lists many or looks up one, POST creates. */
function methodVerb(method: string, head: string): string {
  if (method === 'get') return isPlural(head) ? 'list' : 'look up';
  if (method === 'delete') return 'delete';
  return method === 'post' ? 'create' : 'update';
}

/** The action a route names. */
export function phraseRoute(route: Route, own?: boolean): string | undefined {
  const { method, segments } = route;
  const last = segments[segments.length - 1];
  if (!last) return undefined;
  const before = segments[segments.length - 2];
  const owner = segments[segments.length - 3];
  const plain = { own, single: false, makes: false };
  if (last.parameter) {
    // `/charges/{charge}`: one record of the collection in front of it.
    const noun = before && !before.parameter ? before.words : last.words.filter((word) => word !== 'ID');
    if (noun.length === 0) return undefined;
    const verb = method === 'get' ? 'look up' : method === 'delete' ? 'delete' : 'update';
    return joinAction(verb, singular(noun), plain);
  }
  const words = last.words;
  const head = words[words.length - 1];
  if (before?.parameter && owner && !owner.parameter) {
    const record = singular(owner.words);
    // `POST /charges/{charge}/refund`: an action on the record.
    if (method === 'post' && !isPlural(head))
      return joinAction(baseForm(words[0]), [...record, ...words.slice(1)], plain);
    // `POST /customers/{customer}/sources`: a part of the record, made.
    if (method === 'post') return joinAction('create', singular(words), { ...plain, makes: true });
    const article = own ? 'the' : indefinite(record[0]);
    return `${methodVerb(method, head)} ${article} ${record.join(' ')}'s ${words.join(' ')}`;
  }
  // `GET /customers/search`: a verb on the collection in front of it.
  if (words.length === 1 && before && !before.parameter && !isPlural(head) && isCommonVerb(head))
    return [verbOf(head), ...before.words].join(' ');
  if (method === 'post') return joinAction('create', singular(words), { ...plain, makes: true });
  // `GET /balance`: the one there is.
  return joinAction(methodVerb(method, head), words, { ...plain, single: method === 'get' });
}

/** The record a route acts on (`/tickets/{ticketId}` and `/tickets`: ticket), plural for a verb of many. */
export function routeObject(route: Route | undefined, verb: string): string[] | undefined {
  const literal = route?.segments.filter((segment) => !segment.parameter).at(-1)?.words;
  if (!literal || literal.length === 0) return undefined;
  const object = singular(literal);
  if (MANY.has(verb) && route?.segments.at(-1)?.parameter === false)
    object[object.length - 1] = pluralOf(object[object.length - 1]);
  return object;
}

/** `verb` with the route's record as its object ("archive a ticket"); undefined when the route names none. */
export function withRouteObject(verb: string, route: Route | undefined, own?: boolean): string | undefined {
  const object = routeObject(route, verb);
  return object ? joinAction(verb, object, { own, single: false, makes: false }) : undefined;
}
