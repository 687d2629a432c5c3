// The action an operation's summary states, when it states one ("Returns a list of orders" -> list
// orders), read from the first sentence of its description without markup and without the clauses
// that say how or when.
import { STOP_WORDS } from '../language/stop-words.js';
import { identifierWords, isCommonVerb, lowerWord, verbOf } from './action-words.js';

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&apos;': "'",
  '&rsquo;': '’',
  '&lsquo;': '‘',
  '&nbsp;': ' ',
};

/** A compiled description that only labels the route (`GET /orders/{id}`): the document described nothing. */
const ROUTE = /^(?:get|post|put|patch|delete|head|options)\s+\//i;
/** Where a summary's sentence stops saying what is done and starts saying how or when. */
const CLAUSE =
  /:\s|\s\(|\s[—–-]\s|,\s|\s(?:that|which|when|if|so that|by setting|by passing|based on|with the given|you|you’ve|you've)\s/;
/** Verbs that make a sentence a statement ("Draft invoices are fully editable"), not an action. */
const STATEMENT = new Set(['is', 'are', 'was', 'were', 'will', 'can', 'must', 'should', 'may']);
/** "Returns a list of" and "Retrieves the details of": how documents say "list" and "look up". */
const LISTS = /^(?:gets?|retrieves?|returns?|fetch(?:es)?|shows?|obtains?)\s+(?:a |the )?list of\s+/i;
const DETAILS = /^(?:gets?|retrieves?|returns?|fetch(?:es)?|shows?)\s+(?:the )?details (?:of|for|about)\s+/i;

/**
 * A description's text without its markup: documents write descriptions in Markdown or HTML
 * (`<p>Search for charges you&rsquo;ve created using <a href="/docs/search">Search</a></p>`), and a
 * customer reads the words only.
 */
function plainText(text: string): string {
  return text
    .replace(/<\/?[A-Za-z][^>]*>/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/&(?:amp|lt|gt|quot|#39|apos|rsquo|lsquo|nbsp);/g, (entity) => ENTITIES[entity] ?? entity)
    .replace(/[`*_]{1,2}(\S[^`*_]*?)[`*_]{1,2}/g, '$1');
}

/** The first sentence of a description, without markup and its final stop. */
function firstSentence(description: string): string | undefined {
  return plainText(description)
    .split(/\n/)[0]
    ?.split(/(?<=[.!?])\s/)[0]
    ?.trim()
    .replace(/[.!?]+$/, '');
}

/**
 * The summary's action, when its first sentence states one; a Title Case summary ("Send Mail") and
 * capitalized words the operationId also spells ("Finds Pets by status") are lower-cased, names the
 * id does not spell stay ("Stripe’s Search Query Language").
 */
export function readSummaryAction(description: string, operationId: string | undefined): string | undefined {
  const whole = firstSentence(description);
  // "Use this when ...", "Use the tool to think": advice to a model, not an action.
  if (!whole || ROUTE.test(whole) || /^use (?:this|it|the|when)\b/i.test(whole)) return undefined;
  // What stays of a sentence cut short must still say what: "list items that are assigned to a cart"
  // is not "list items".
  const cut = whole.split(CLAUSE)[0].trim();
  const sentence = (cut.split(/\s+/).length >= 3 ? cut : whole)
    .replace(LISTS, 'list ')
    .replace(DETAILS, 'look up ');
  // "Permanently deletes a customer": the verb after its adverb.
  const [first, ...rest] = sentence.replace(/^\p{L}{3,}ly\s+(?=\p{Ll}+s\s)/u, '').split(/\s+/);
  // An identifier or a lone word ("RefundPayment", "getSandboxes()", "List") names no action; a
  // sentence opened by a function word or a gerund, or one that states, is about the operation
  // ("When you create a refund, ...", "Creating a cart can fail", "Draft invoices are editable").
  if (
    rest.length === 0 ||
    !/^\p{L}+(?:\/\p{L}+)*$/u.test(first) ||
    STOP_WORDS.has(first.toLowerCase()) ||
    /.{3}ing$/i.test(first) ||
    rest.slice(0, 3).some((word) => STATEMENT.has(word.toLowerCase()))
  )
    return undefined;
  const spelled = new Set(identifierWords(operationId ?? '').map((word) => word.toLowerCase()));
  const title = rest.every((word) => !/^\p{Ll}/u.test(word));
  const capitalized = (word: string | undefined) => word !== undefined && /^\p{Lu}\p{Ll}+$/u.test(word);
  const named = (word: string | undefined) => capitalized(word) && !spelled.has(String(word).toLowerCase());
  const words = rest.map((word, index) =>
    capitalized(word) &&
    (title || (spelled.has(word.toLowerCase()) && !named(rest[index - 1]) && !named(rest[index + 1])))
      ? word.toLowerCase()
      : word,
  );
  const verb = first
    .split('/')
    .map((part) => verbOf(lowerWord(part)))
    .join('/');
  return [verb, ...words].join(' ');
}

/** A summary of one verb ("List", "Archive"), when the word is a verb: a common one, or the operationId's. */
export function readLoneVerb(description: string, identifier: string | undefined): string | undefined {
  const first = firstSentence(description) ?? '';
  if (!/^\p{L}+$/u.test(first)) return undefined;
  const word = first.toLowerCase();
  return isCommonVerb(word) || (identifier && identifierWords(identifier)[0] === word) ? word : undefined;
}
