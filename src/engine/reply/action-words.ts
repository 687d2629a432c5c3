// Words of the actions the assistant names: which verbs read one thing ("look up"), many ("list"),
// make or change a record, and how a verb and its object are written ("Returns" -> "return",
// `GetBankAccountByV1Id` -> get bank account by ID, "an order").
import { loadRankingModel, stemOf, verbProfile } from '../../tools/index.js';
import { singularOf } from './name-subject.js';

/** Verbs of reading one thing, said to a customer as "look up". */
export const LOOK_UP = new Set(['get', 'retrieve', 'fetch', 'read', 'show', 'view', 'describe', 'lookup']);
/** Verbs whose object is read as many ("list cards", "search availability"): no article. */
export const MANY = new Set(['list', 'search', 'find', 'query', 'filter', 'count', 'browse']);
/** Verbs that make the thing they name: a customer's own record is still "a ticket". */
export const MAKE = new Set(['create', 'add', 'open', 'new', 'submit', 'place', 'register', 'book']);
/** Verbs that change or remove a record. */
export const CHANGE = new Set(['update', 'delete', 'remove', 'cancel', 'set', 'replace', 'patch']);

/** How often the corpus's operationIds must start with a word for it to read as a verb ("search"). */
const COMMON_VERB = 20;

/** "Returns" -> "return", "Searches" -> "search", "Applies" -> "apply"; "This", "Status" stay. */
export function baseForm(word: string): string {
  if (!/^\p{Ll}+s$/u.test(word) || /(?:ss|us|is|ous)$/.test(word)) return word;
  if (/[^aeiou]ies$/.test(word)) return `${word.slice(0, -3)}y`;
  if (/(?:ch|sh|x|zz|sses)$/.test(word.slice(0, -2))) return word.slice(0, -2);
  return word.slice(0, -1);
}

/** Lower-cases a word unless it is an acronym ("GAN", "ID"). */
export function lowerWord(word: string): string {
  return /^\p{Lu}{2,}$/u.test(word) ? word : word.toLowerCase();
}

/** The verb as the assistant says it: "Retrieves" -> "look up", "Refunds" -> "refund". */
export function verbOf(word: string): string {
  const base = baseForm(word);
  return LOOK_UP.has(base) ? 'look up' : base;
}

/** Whether a word is one of the verbs operationIds are commonly named with. */
export function isVerb(word: string | undefined): boolean {
  return word !== undefined && (LOOK_UP.has(word) || MANY.has(word) || MAKE.has(word) || CHANGE.has(word));
}

/** Whether a word starts enough of the corpus's operationIds to read as a verb ("search", "list"). */
export function isCommonVerb(word: string): boolean {
  return (verbProfile(loadRankingModel(), stemOf(word))?.count ?? 0) >= COMMON_VERB;
}

/** `a` or `an` before `word`. */
export function indefinite(word: string): string {
  const vowel = /^\p{Lu}{2,}$/u.test(word)
    ? /^[AEFHILMNORSX]/.test(word)
    : /^(?:[aeio]|u(?!s|ni|ti|ri))/.test(word);
  return vowel ? 'an' : 'a';
}

/** Whether a lower-case word is a plural noun ("cards"; "status" and "GAN" are not). */
export function isPlural(word: string): boolean {
  return !/^\p{Lu}{2,}$/u.test(word) && singularOf(word) !== word;
}

/** The words of an identifier, lower-case but for acronyms, without version numbers: `GetBankAccountByV1Id`. */
export function identifierWords(identifier: string): string[] {
  const shouting = !/\p{Ll}/u.test(identifier);
  const separated = identifier
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2');
  const words = separated.match(/[\p{L}\p{M}]+|\d+/gu) ?? [];
  const result: string[] = [];
  for (let index = 0; index < words.length; index++) {
    const word = words[index];
    if (/^v$/i.test(word) && /^\d+$/.test(words[index + 1] ?? '')) index++;
    else if (/^id$/i.test(word)) result.push('ID');
    else if (!/^\d+$/.test(word)) result.push(shouting ? word.toLowerCase() : lowerWord(word));
  }
  return result;
}
