// Words of tool text and customer messages: identifier splitting, function words, Porter2 stems, and
// edit distance for spelling correction against a catalog's own vocabulary.
import { createRequire } from 'node:module';

const porter2 = createRequire(import.meta.url)('wink-porter2-stemmer') as (word: string) => string;
const stems = new Map<string, string>();

const WORD_PATTERN = /[\p{L}\p{M}]+|\d+/gu;

/** Words that carry no topic in a customer's message or an operation's text. */
export const STOP_WORDS = new Set(
  `a an the and or but if of to in on at by for from with about into as is are was were be been being
  am do does did doing have has had having i me my mine we our us you your yours he she it its they them
  their this that these those there here what which who whom whose when where why how can could would
  should will shall may might must not no yes please thanks thank hi hello hey just also any some all
  very so than then yet still already too up out over again want wanted like need needs tell let know
  use using used i'm im i'd id i've ive it's its don't dont can't cant now right only same such both each
  few more most other others own once further soon today currently actually really ve ll re whats wheres
  hows thats isnt doesnt didnt wont youre theyre hasnt havent wasnt arent werent hadnt couldnt
  shouldnt wouldnt mustnt neednt aint`.split(/\s+/),
);

/**
 * Chat's shorthand for function words and phrases ("pls", "thx", "asap"): never a value, though no
 * dictionary has them.
 */
export const CHAT_WORDS = new Set(
  'pls plz plx thx thnx thanx tx ty tia asap btw fyi imo imho lol omg idk ikr np ok okay k kk'.split(' '),
);

/** A negation's contraction ("haven't", "didn’t"): one word, the function word the stop list has. */
const NEGATION = /(\p{L})n['’]t\b/gu;

/** Texts kept at most by a kept split; its map starts over past it (only memory is at stake). */
const MAX_SPLIT_TEXTS = 4096;
/** Longer texts (a customer's story, a description) rarely come again: they are split, not kept. */
const MAX_SPLIT_LENGTH = 200;

/**
 * `split` with the words of short texts kept: a turn splits the same texts again and again (its tools'
 * names and input names, the message for each reading of it), three Unicode regular expressions each.
 * Each call returns a new array, which its caller may change.
 */
export function keepingSplits(split: (text: string) => string[]): (text: string) => string[] {
  const kept = new Map<string, readonly string[]>();
  return (text) => {
    if (text.length > MAX_SPLIT_LENGTH) return split(text);
    let words = kept.get(text);
    if (words === undefined) {
      if (kept.size >= MAX_SPLIT_TEXTS) kept.clear();
      words = split(text);
      kept.set(text, words);
    }
    return words.slice();
  };
}

/** Inserts word boundaries inside identifiers: `trackOrder` -> `track Order`, `HTTPStatus` -> `HTTP Status`. */
export function separateCamelCase(text: string): string {
  return text.replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2').replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2');
}

function split(text: string): string[] {
  const joined = text.includes("'") || text.includes('’') ? text.replace(NEGATION, '$1nt') : text;
  return (separateCamelCase(joined).match(WORD_PATTERN) ?? []).map((word) => word.toLowerCase());
}

/**
 * Splits text or an identifier into lower-case words: `trackOrder` -> `track order`, `get_user-id` ->
 * `get user id`. A new array each call.
 */
export const splitWords = keepingSplits(split);

/**
 * English verbs whose past forms no suffix rule reaches ("bought" is "buy"): the stem of the base form
 * stands for them, so "what did I buy" meets "what they bought".
 */
const IRREGULAR = new Map(
  `bought:buy paid:pay sent:send sold:sell got:get gotten:get gave:give given:give made:make took:take
  taken:take brought:bring came:come went:go gone:go lost:lose broke:break broken:break
  found:find kept:keep told:tell spent:spend built:build caught:catch chose:choose chosen:choose
  fell:fall fallen:fall felt:feel held:hold knew:know known:know led:lead lent:lend meant:mean met:meet
  ran:run rang:ring said:say saw:see seen:see shook:shake shaken:shake spoke:speak spoken:speak
  stole:steal stolen:steal stood:stand tore:tear torn:tear threw:throw thrown:throw understood:understand
  wore:wear worn:wear won:win wrote:write written:write ate:eat eaten:eat drove:drive driven:drive
  flew:fly flown:fly froze:freeze frozen:freeze hung:hang began:begin begun:begin
  forgot:forget forgotten:forget spun:spin stuck:stick`
    .split(/\s+/)
    .map((pair) => pair.split(':') as [string, string]),
);

/** Whether a word is an irregular past form ("sent", "paid", "broken"), which no suffix shows. */
export function isIrregularPast(lower: string): boolean {
  return IRREGULAR.has(lower);
}

/** The Porter2 stem of a lower-case word (of its base form for an irregular past: "bought" -> "buy"). */
export function stemOf(lower: string): string {
  let stem = stems.get(lower);
  if (stem === undefined) {
    stem = porter2(IRREGULAR.get(lower) ?? lower);
    // Catalog words repeat across tools and turns; the cap only guards against unbounded input.
    if (stems.size > 100_000) stems.clear();
    stems.set(lower, stem);
  }
  return stem;
}

/** Whether a lower-case word is a content word: not a function word, a number or a single letter. */
export function isContentWord(lower: string): boolean {
  return lower.length >= 2 && !/^\d+$/.test(lower) && !STOP_WORDS.has(lower);
}

/** The stem of a content word, or null for function words, single letters and numbers. */
export function toSearchTerm(word: string): string | null {
  const lower = word.toLowerCase();
  return isContentWord(lower) ? stemOf(lower) : null;
}

/** The stems of the content words of `text`, in order. */
export function contentStems(text: string): string[] {
  const result: string[] = [];
  for (const word of splitWords(text)) if (isContentWord(word)) result.push(stemOf(word));
  return result;
}

/** Damerau-Levenshtein distance (adjacent transpositions count one), stopping early above `limit`. */
export function editDistance(left: string, right: string, limit: number): number {
  if (Math.abs(left.length - right.length) > limit) return limit + 1;
  const rows = left.length + 1;
  const columns = right.length + 1;
  const table: number[][] = Array.from({ length: rows }, (_, row) =>
    Array.from({ length: columns }, (_, column) => (row === 0 ? column : column === 0 ? row : 0)),
  );
  for (let row = 1; row < rows; row++) {
    let best = Number.POSITIVE_INFINITY;
    for (let column = 1; column < columns; column++) {
      const cost = left[row - 1] === right[column - 1] ? 0 : 1;
      let value = Math.min(
        table[row - 1][column] + 1,
        table[row][column - 1] + 1,
        table[row - 1][column - 1] + cost,
      );
      if (row > 1 && column > 1 && left[row - 1] === right[column - 2] && left[row - 2] === right[column - 1])
        value = Math.min(value, table[row - 2][column - 2] + 1);
      table[row][column] = value;
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
  }
  return table[rows - 1][columns - 1];
}

/**
 * English phrasal verbs and the one verb APIs name the same doing with ("get rid of" -> "remove",
 * "call off" -> "cancel"), as a dictionary lists them: verb, particle, the verb meant, and whether the
 * object may stand between them ("take the gift card off", "call it off").
 */
/** An amount of money, or a word for it: what a customer gets back in a refund. */
const MONEY_OBJECT =
  '(?:[$€£]\\d[\\d,]*(?:\\.\\d+)?|\\d[\\d,]*(?:\\.\\d+)?\\s*(?:dollars?|euros?|pounds?|bucks)|money|cash|deposit)';
const PHRASAL_VERBS: ReadonlyArray<
  readonly [verb: string, particle: string, meant: string, splits: boolean, object?: string]
> = [
  ['get', 'rid of', 'remove', false],
  ['take', 'off', 'remove', true],
  ['cross', 'off', 'remove', true],
  ['throw', 'away', 'delete', true],
  ['call', 'off', 'cancel', true],
  ['back', 'out of', 'cancel', false],
  ['opt', 'out of', 'unsubscribe', false],
  ['sign', 'up', 'register', true],
  ['set', 'up', 'create', true],
  ['look', 'up', 'find', true],
  ['find', 'out', 'find', false],
  ['turn', 'off', 'disable', true],
  ['switch', 'off', 'disable', true],
  ['shut', 'off', 'disable', true],
  ['turn', 'on', 'enable', true],
  ['switch', 'on', 'enable', true],
  ['send', 'back', 'return', true],
  ['give', 'back', 'return', true],
  ['pay', 'back', 'refund', true],
  // "can I get my $89.00 back?", "get my money back": only money ("get my account back" is no refund).
  ['get', 'back', 'refund', true, MONEY_OBJECT],
  ['swap', 'out', 'replace', true],
  ['start', 'again', 'resume', true],
  ['start', 'back up', 'resume', true],
  ['turn', 'back on', 'enable', true],
  ['break', 'down', 'list', true],
  ['shut', 'down', 'shutdown', true],
  ['mark', 'as', 'update', true],
  // Not phrasal, but the same: a verb and the word that makes it mean another.
  ['make', 'sure', 'check', false],
  ['double', 'check', 'check', false],
];
/** Other forms of the verbs above ("getting rid of"), and their past forms ("took it off"). */
const VERB_FORMS: Record<string, string> = Object.fromEntries(
  `gets:get getting:get takes:take taking:take crossing:cross throwing:throw calls:call calling:call
  backing:back opting:opt signing:sign setting:set looking:look finding:find turning:turn
  switching:switch shutting:shut sending:send giving:give paying:pay swapping:swap making:make
  starts:start starting:start`
    .split(/\s+/)
    .map((pair) => pair.split(':')),
);
const PAST_FORMS: Record<string, string> = Object.fromEntries(
  `got:get took:take crossed:cross threw:throw called:call backed:back opted:opt signed:sign
  looked:look found:find turned:turn switched:switch sent:send gave:give paid:pay swapped:swap made:make
  started:start`
    .split(/\s+/)
    .map((pair) => pair.split(':')),
);
/** The past of a verb a phrasal verb means ("removed"), so that a message still tells what happened. */
const pastOf = (verb: string) => (verb === 'find' ? 'found' : verb.endsWith('e') ? `${verb}d` : `${verb}ed`);
/** At most this many words of an object between a verb and its particle. */
const MAX_SPLIT_OBJECT = 4;

/** What a phrasal verb found is written as: `verb` and its object, or itself when it needs an object and has none. */
function writeAs(verb: string, needsObject: boolean) {
  return (phrase: string, object: string, next?: string) =>
    needsObject && !object && !next ? phrase : `${verb} ${object}`.trimEnd();
}

/** Per phrasal verb, the pattern that finds it in a message (its object, if split, in group 1). */
const PHRASAL_PATTERNS = PHRASAL_VERBS.map(([verb, particle, meant, splits, only]) => {
  const formsOf = (table: Record<string, string>) =>
    Object.entries(table).flatMap(([form, base]) => (base === verb ? [form] : []));
  const forms = [verb, ...formsOf(VERB_FORMS)];
  const past = formsOf(PAST_FORMS);
  // An object taken off holds no amount ("take 10% off", "take $5 off" ask for a discount); others may
  // hold an id ("mark order 100551 as completed").
  const word = particle === 'off' ? '(?![\\d$€£])[^\\s.,!?;:]+' : '[^\\s.,!?;:]+';
  const object = only
    ? `((?:${word}\\s+){0,${MAX_SPLIT_OBJECT - 1}}?${only}\\s+)`
    : splits
      ? `((?:${word}\\s+){0,${MAX_SPLIT_OBJECT}})`
      : '()';
  const rest = `\\s+${object}${particle.replace(' ', '\\s+')}\\b(?=(\\s+\\w)?)`;
  // "take off", "break down" and "shut down" with nothing after them are a departure and failures
  // ("when does it take off?", "my phone keeps breaking down"), not a removal, a list or a request.
  const needsObject = particle === 'off' || particle === 'down';
  return {
    pattern: new RegExp(`\\b(?:${forms.join('|')})${rest}`, 'gi'),
    writePresent: writeAs(meant, needsObject),
    pastPattern: past.length > 0 ? new RegExp(`\\b(?:${past.join('|')})${rest}`, 'gi') : undefined,
    writePast: writeAs(pastOf(meant), needsObject),
  };
});

/**
 * Any form of the verbs above with a space after it, which every phrasal verb starts with: most
 * messages have none, and are left without trying each verb's patterns.
 */
const PHRASAL_START = new RegExp(
  `\\b(?:${[...new Set([...PHRASAL_VERBS.map(([verb]) => verb), ...Object.keys(VERB_FORMS), ...Object.keys(PAST_FORMS)])].join('|')})\\s`,
  'i',
);

/**
 * `text` with each phrasal verb written as the one verb it means: "please take the gift card off my
 * order" -> "please remove the gift card my order".
 */
export function joinPhrasalVerbs(text: string): string {
  if (!PHRASAL_START.test(text)) return text;
  let joined = text;
  for (const { pattern, writePresent, pastPattern, writePast } of PHRASAL_PATTERNS) {
    joined = joined.replace(pattern, writePresent);
    if (pastPattern) joined = joined.replace(pastPattern, writePast);
  }
  return joined;
}
