// Declines a change that no operation makes, in the customer's own words ("I can't cancel orders from
// here"), and offers a person.
import { isContentWord, splitWords } from '../../tools/index.js';
import { HANDOFF_OFFER } from './describe-capabilities.js';
import { pluralOf, singularOf } from './name-subject.js';

/**
 * Words between the verb and its object that are not the object: determiners and quantities ("cancel
 * my order", "add one more checked bag").
 */
const LEADING = new Set([
  'one',
  'two',
  'three',
  'another',
  'more',
  'extra',
  'additional',
  'new',
  'other',
  'any',
  'each',
  'every',
  'both',
  'few',
  'several',
  'my',
  'the',
  'a',
  'an',
  'this',
  'that',
  'these',
  'those',
  'our',
  'your',
  'me',
  'us',
  'some',
  'all',
]);
const MAX_OBJECT_WORDS = 3;

/** Words that end the object: what follows says when, why or how ("cancel that one before it goes through"). */
const AFTER_OBJECT = new Set([
  'before',
  'after',
  'because',
  'since',
  'until',
  'unless',
  'while',
  'when',
  'so',
]);
/** Words that stand for a thing without naming it ("cancel something I bought"): no object to name. */
const UNNAMED = new Set(['something', 'anything', 'everything', 'nothing', 'stuff', 'things', 'thing']);

/**
 * The thing acted on: the content words right after the verb, up to an id or a word that starts a
 * clause, the last one in the plural ("resend invoice INV-0932": invoices).
 */
function objectOf(rest: string): string | undefined {
  const words: string[] = [];
  for (const token of rest.split(/\s+/)) {
    // An id ("INV-0932", "PO-0388", "7783…") ends the object: its letters are no noun.
    if (/\d/.test(token) || /^[A-Z]{2,}\b/.test(token)) break;
    words.push(...splitWords(token));
  }
  let start = 0;
  while (start < words.length && LEADING.has(words[start])) start++;
  const object: string[] = [];
  for (const word of words.slice(start)) {
    if (!isContentWord(word) || AFTER_OBJECT.has(word) || object.length === MAX_OBJECT_WORDS) break;
    object.push(word);
  }
  if (object.length === 0 || UNNAMED.has(object[0])) return undefined;
  const last = object.length - 1;
  // "add reminders" is plural already.
  if (singularOf(object[last]) === object[last]) object[last] = pluralOf(object[last]);
  return object.join(' ');
}

/** The reply to a request for a change that no operation makes. */
export function declineAction(action: { word: string; rest: string }): string {
  const object = objectOf(action.rest);
  const what = object ? `${action.word} ${object}` : `do that`;
  return `I'm sorry, I can't ${what} from here. ${HANDOFF_OFFER}`;
}
