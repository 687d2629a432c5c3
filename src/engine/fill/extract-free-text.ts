// Free-text values: the topic words of a request ("Show me leather bags" -> "leather bags") and the
// customer's own words for a reason ("... because it arrived broken" -> "it arrived broken").
import { isRequestWord } from '../language/analyze-text.js';
import { STOP_WORDS } from '../language/stop-words.js';
import type { MessageToken } from './tokenize-message.js';

const DETERMINERS = new Set([
  'the',
  'a',
  'an',
  'my',
  'our',
  'your',
  'their',
  'this',
  'that',
  'these',
  'those',
  'some',
  'any',
  'all',
]);
const FILLER_WORDS = new Set([
  'back',
  'yet',
  'still',
  'anymore',
  'sell',
  'sells',
  'carry',
  'offer',
  'offers',
  'dollars',
  'dollar',
  'usd',
  'euros',
  'euro',
  'bucks',
  'hi',
  'hello',
  'hey',
  'thanks',
  'guys',
  'folks',
  // Chat shorthand: "do u sell hammocks", "status pls".
  'u',
  'ur',
  'pls',
  'plz',
  'thx',
  'ty',
  'btw',
  'asap',
  'ok',
  'okay',
  // Verbs that close a question about a thing ("What colours does the tote come in?").
  'come',
  'comes',
  'cost',
  'costs',
  'look',
  'looks',
  'fit',
  'fits',
  'last',
  'lasts',
]);

function isTopicToken(token: MessageToken): boolean {
  if (!token.isWord && !/^[\p{L}\p{N}][\p{L}\p{N}'’.-]*$/u.test(token.text)) return false;
  return !STOP_WORDS.has(token.lower) && !isRequestWord(token.lower) && !FILLER_WORDS.has(token.lower);
}

/**
 * The longest run of topic words (first on ties), skipping tokens already used by other values and
 * words whose concept is in `exclude` (the operation's own subject, e.g. "products" for a product search);
 * with `after`, only runs whose preceding token it accepts ("in lyon" for a place).
 */
export function extractTopicWords(
  text: string,
  tokens: MessageToken[],
  used: Set<number>,
  exclude: Set<string>,
  after?: (token: MessageToken | undefined) => boolean,
): string | undefined {
  let runs: [number, number][] = [];
  let start = -1;
  const isTopic = (index: number) =>
    tokens[index] !== undefined &&
    !used.has(index) &&
    isTopicToken(tokens[index]) &&
    !exclude.has(tokens[index].concept);
  for (let index = 0; index <= tokens.length; index++) {
    // "theory of relativity": `of` joins two topic words into one phrase.
    const joins = tokens[index]?.lower === 'of' && start >= 0 && isTopic(index + 1);
    const keep = joins || isTopic(index);
    if (keep && start < 0) start = index;
    if (!keep && start >= 0) {
      runs.push([start, index]);
      start = -1;
    }
  }
  if (after) {
    runs = runs.filter(([first]) => {
      let before = first - 1;
      while (before >= 0 && DETERMINERS.has(tokens[before].lower)) before--;
      return after(tokens[before]);
    });
  }
  if (runs.length === 0) return undefined;
  const [first, last] = runs.reduce((best, run) => (run[1] - run[0] > best[1] - best[0] ? run : best));
  return text.slice(tokens[first].start, tokens[last - 1].end);
}

/** Words before a place: a location written in lower case is still found after them. */
export const PLACE_PREPOSITIONS: ReadonlySet<string> = new Set([
  'in',
  'at',
  'near',
  'from',
  'to',
  'around',
  'within',
  'across',
]);

/** Words that introduce what a note or a comment says: "that …", "saying …", ": …". */
const SAYING = '(?:that|saying|which says|reading|:|-)';

/**
 * What the message says a note, comment or message of the input's name should say: the words after
 * the name and a word that introduces them, to the end of the sentence ("a note … that it's a gift").
 */
function saidIn(text: string, name: string): string | undefined {
  const word = name.replace(/_/g, ' ').split(/\s+/).at(-1)?.replace(/s$/, '');
  if (!word || word.length < 4) return undefined;
  const lead = String.raw`\b${word}s?\b[^.?!:"'“]{0,40}?\s*${SAYING}\s*`;
  // A quoted text is said whole, its own sentences too ("a note: 'Leave it at the door. Thanks!'").
  const quoted = new RegExp(
    String.raw`${lead}(?:"([^"]{3,})"|“([^”]{3,})”|'(.{3,}?)'(?=\s*(?:[.?!,;]|$)))`,
    'i',
  );
  const inQuotes = quoted.exec(text);
  if (inQuotes) return (inQuotes[1] ?? inQuotes[2] ?? inQuotes[3]).trim();
  const pattern = new RegExp(String.raw`${lead}["'“]?([^.?!"”]{3,}?)["'”]?\s*(?:[.?!]|$)`, 'i');
  return pattern.exec(text)?.[1].trim();
}

/** "please add that it also happens on android": the words a request to add or mention introduces. */
const ADDED = new RegExp(
  String.raw`\b(?:add|mention|note|tell (?:them|the team))\s*${SAYING}\s*["'“]?([^"”]{3,}?)["'”]?\s*(?:[.?!](?=\s|$)|$)`,
  'i',
);

/** What the message asks to add to a record's comments or notes ("please add that …"), if anything. */
export function extractAddition(text: string): string | undefined {
  return ADDED.exec(text)?.[1].trim();
}

const CAUSE = /\b(?:because|since|as|due to|cause|'cause)\b\s+(.+?)\s*(?:[.!?;]|$)/i;

/**
 * The customer's reason: the words after "because" (or "since", "due to"); for a required reason, else
 * the first clause that names no operation word ("the shoes are too small, I'd like a refund").
 */
export function extractReason(
  text: string,
  tokens: MessageToken[],
  used: Set<number>,
  options: { exclude: Set<string>; required: boolean; name?: string },
) {
  // "add a note to order 553… that it's a gift", "leave a comment saying the box was open": the words
  // the input's own name introduces.
  const said = options.name ? saidIn(text, options.name) : undefined;
  if (said) return said;
  const cause = CAUSE.exec(text);
  if (cause) return cause[1].replace(/[,\s]+$/, '');
  if (!options.required) return undefined;
  const { exclude } = options;
  const clauses: MessageToken[][] = [[]];
  for (const [index, token] of tokens.entries()) {
    if (/^[,.;!?:()\-–—]$/.test(token.text) || token.lower === 'but') clauses.push([]);
    else if (!used.has(index)) clauses[clauses.length - 1].push(token);
  }
  const clause = clauses.find((words) => {
    const topic = words.filter(isTopicToken);
    return topic.length > 0 && words.length >= 3 && !topic.some((token) => exclude.has(token.concept));
  });
  return clause && text.slice(clause[0].start, clause[clause.length - 1].end);
}
