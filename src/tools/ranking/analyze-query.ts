// Reads a customer's message for ranking: its content stems (misspellings corrected against the
// catalog's own words), the ids it gives with the noun in front of each, whether it asks or tells,
// and what its verbs usually do across real APIs.
import type { CatalogIndex } from './index-catalog.js';
import { abbreviates, fitsIdForm, idPrefixOf, inputRecord, isPlural } from './index-catalog.js';
import { MIN_VERB_USES, type VerbProfile, verbProfile } from './ranking-model.js';
import { type MessageValues, MONTH, PHONE, readValues } from './read-values.js';
import {
  editDistance,
  isContentWord,
  isIrregularPast,
  joinPhrasalVerbs,
  splitWords,
  stemOf,
} from './read-words.js';
import { loadWordVectors } from './word-vectors.js';

/** One content word of the message. */
export interface QueryTerm {
  stem: string;
  /** The word as written (lower case), or its correction. */
  word: string;
  /** 1 as written; less when it is a correction of a misspelt word. */
  weight: number;
  /** Only ever stands before another word it describes ("version" in "version history"). */
  modifies?: true;
  /** Only ever stands where English puts the verb ("sell" in "do you sell tents?"). */
  verb?: true;
  /** Only ever follows a determiner or a possessive: a thing, not a doing ("since Tuesday's update"). */
  named?: true;
  /** Only ever a verb that tells what was done, asking nothing ("i deleted it by accident"). */
  told?: true;
}

/** An id the message gives. */
export interface QueryId {
  /** The id as written (`#W0001`, `10234`, `sub_1A2b`). */
  text: string;
  /** The stem of the noun in front of it (`order 10234` -> `order`), '' when none. */
  noun: string;
  /** Its literal prefix (`#w`, `sub_`), when it has one. */
  prefix?: string;
  /** Given in answer to the agent's question for it ("What is your order number?" "it's 66120"). */
  answers?: true;
  /** How the message wrote it, where that differs from `text` ("LH 1166" for `LH1166`). */
  written?: string;
}

/** The message as the ranking reads it. */
export interface AnalyzedQuery {
  terms: QueryTerm[];
  /** Stems of earlier messages (a follow-up's context). */
  context: Set<string>;
  ids: QueryId[];
  /**
   * How many ids the earlier messages give when this one gives none (a follow-up's "what's the
   * tracking number?" after "order 3015"); 0 when it gives its own.
   */
  contextIds: number;
  /** Asks something (a question mark, or opens with a question word). */
  question: boolean;
  /** Asks for something to be done, in a request's words ("can you check the payment?", "please"). */
  request: boolean;
  /**
   * The stem of the first verb that asks for a deed, not one that tells what was done ("I paid for
   * two bags … can you refund $18.50": "refund").
   */
  asks?: string;
  /** 0 to 1: how strongly its verbs change something, by their use across APIs. */
  writes: number;
  /** 0 to 1: how strongly its verbs remove or cancel something. */
  removes: number;
  /**
   * The verb that asks for a change, where English puts the verb ("cancel" in "I want to cancel my
   * order"): the word as written, its stem, and what follows it.
   */
  action?: { word: string; stem: string; rest: string };
  /**
   * A verb the verb table does not know where a request puts its verb ("please close ticket 41002",
   * "can you bump it"): something is asked to be done, though not what its doing does.
   */
  unknownVerb: boolean;
  /**
   * The stem of a record the message asks to have made, of a kind the catalog creates: the noun after
   * a verb that asks and "a", "an" or "another" ("I'd like to open a ticket", "can you file a new bug
   * report", "log an issue"), whatever that verb.
   */
  newRecord?: string;
  /** Count of content words. */
  length: number;
  /** Addresses the business ("do you", "your"). */
  addressesBusiness: boolean;
  /** The values it gives: dates, emails, numbers, names and codes (which are not among `terms`). */
  values: MessageValues;
}

/** "should be", "needs to be", "has to say", "make it": what a wish for another value opens with. */
const WISHED = /\b(?:should|needs? to|has to|must)\s+(?:be|go|read|say)\b|\bmake it\b/gi;
const CHANGE = stemOf('change');

/** Words that may stand between a wish and its value ("should go to 19 Cottage St", "make it a 2"). */
const BEFORE_WISHED_VALUE = new Set(['to', 'at', 'as', 'the', 'a', 'an', 'my', 'our', 'just']);

/**
 * Whether the message wishes a value other than the record holds: "should be", "needs to be" and the
 * like, then as the next word (but for a few such as "to") a number, an email, or a value a change of
 * the catalog offers that is no past participle ("urgent"). "it should be delivered by now" and "it
 * should be here by Dec 5" wish nothing to change.
 */
function wishesValue(text: string, index: CatalogIndex): boolean {
  for (const match of text.matchAll(WISHED)) {
    const rest = text.slice((match.index ?? 0) + match[0].length).split(SENTENCE_END)[0];
    const value = rest
      .trim()
      .split(/\s+/)
      .find((word) => !BEFORE_WISHED_VALUE.has(word.toLowerCase()));
    if (!value) continue;
    if (/\d|@/.test(value)) return true;
    const word = value.toLowerCase().replace(/[^\p{L}-]/gu, '');
    if (word.endsWith('ed') || !isContentWord(word)) continue;
    const at = index.choiceWords.words.indexOf(word);
    if (
      at >= 0 &&
      index.choiceWords.tools[at].some((position) => index.tools[position].writes >= ACTION_WRITES)
    )
      return true;
  }
  return false;
}

/** The position of the first word from `position` on that is no word naming an id ("number", "id"). */
function afterIdWords(words: string[], position: number): number {
  let after = position;
  while (ID_WORDS.has(words[after] ?? '')) after++;
  return after;
}

/** Nouns that after "on" say only that something is kept ("on file", "on record"). */
const STORED = new Set(['file', 'record']);

/** A verb asks for a change when most operations named with it change something. */
const ACTION_WRITES = 0.5;

/**
 * Whether the id that starts with `part` has a literal prefix that abbreviates `word`, as APIs write
 * their ids: "please, customer cus_Nffr…" labels a customer's id (`cus_`) whatever stands before it.
 */
function abbreviatedBy(ids: QueryId[], part: string, word: string): boolean {
  return ids.some(
    (id) =>
      id.prefix !== undefined && splitWords(id.text)[0] === part && abbreviates(id.prefix, inputRecord(word)),
  );
}

/** "how do I", "how can we": the words before a verb whose doing the message asks about. */
const HOW_TO = /^how (?:do|can|could|should|would) (?:i|we)$/;
/** The words before the verb of a request: "please", "can you", "you can", "want to", "need to". */
const REQUEST_FRAME =
  /(?:^|\s)(?:please|pls|plz|kindly|(?:can|could|would|will)\s+(?:you|u)|you\s+(?:can|could)|(?:want|need|like|wanna)\s+to|wanna)$/;
/** "give me the", "tell us your": a verb that hands over what exists (the definite thing), to the customer. */
const TO_CUSTOMER = new Set(['me', 'us']);
const DEFINITE = new Set(['the', 'my', 'our', 'your', 'this', 'that', 'its']);

/**
 * Whether the verb at `position` asks to be given something that exists ("can you give me the
 * tracking number", "please tell me my balance"), which reads, unlike "give me a discount".
 */
function asksToBeGiven(words: string[], position: number): boolean {
  return TO_CUSTOMER.has(words[position + 1] ?? '') && DEFINITE.has(words[position + 2] ?? '');
}

/** What a noun of a created record says as a verb: it creates one. */
const CREATES: VerbProfile = { count: MIN_VERB_USES, write: 1, remove: 0, create: 1 };

/**
 * How many words after a verb "and" may join another to it: "cancel my order and refund me" joins
 * two; "find the person who tweets about psychology, behaviour and group dynamics" lists nouns.
 */
const AND_REACH = 6;

/**
 * The third person's wish, or what was tried or used before ("the email I used to sign up"): the verb
 * after it and "to" is not the customer's request.
 */
const OTHERS_WISH = new Set(['wants', 'needs', 'likes', 'plans', 'tries', 'asks', 'asked', 'tried', 'used']);
/** Words that follow a clause's subject: the word before them is a noun ("customer says", "order is"). */
const AFTER_SUBJECT = new Set([
  'is',
  'was',
  'are',
  'were',
  'has',
  'had',
  'says',
  'said',
  'wants',
  'needs',
  'asks',
  'thinks',
  'doesn',
  'didn',
  'isn',
  'wasn',
  'hasn',
  'will',
  'would',
  'should',
]);
/** Adverbs that may stand between a subject and its verb ("checkout just spun forever"). */
const SUBJECT_ADVERBS = new Set(['just', 'still', 'never', 'always', 'already', 'suddenly', 'finally']);

/**
 * Whether the word at `position` is a clause's subject, not a verb: a word that follows subjects comes
 * next ("customer says she was charged twice", "Order number is 556677"), or a past tense, where no
 * word that precedes verbs stands before ("Checkout just spun forever and then errored", "order
 * arrived damaged"; but "please refund returned items").
 */
function standsAsSubject(words: string[], position: number): boolean {
  let next = afterIdWords(words, position + 1);
  while (SUBJECT_ADVERBS.has(words[next] ?? '')) next++;
  const word = words[next] ?? '';
  if (AFTER_SUBJECT.has(word)) return true;
  return (PAST.test(word) || isIrregularPast(word)) && !BEFORE_VERB.has(words[position - 1] ?? '');
}

/** A question that opens with these asks which things, and "can I" after it asks what is possible. */
const WHICH = new Set(['what', 'which', 'whats']);
const CAN_I = /\b(?:can|could|may|should)\s+(?:i|we)(?:\s+\w+)?$/;

/** A verb with the prefix of doing again ("resend", "reopen"). */
const REPEATED = /^re[a-z]{4,}$/;
/** A verb in the past tense (regular form). */
const PAST = /[^e]ed$/;
/**
 * "I want my account deleted", "I'd like this order cancelled": a wish, then what it is about, then
 * a verb in the past that says what should be done to it (never "I want to know when it was shipped").
 */
const WISH = 'want|wants|need|needs|like';
const WANTS_DONE = new RegExp(
  `\\b(?:${WISH})\\s+(?!to\\b)(?:(?!(?:is|was|were|been|be|are|to)\\b)\\w+\\s+){1,7}$`,
);
const WISH_VERB = new RegExp(`^(?:${WISH})$`);
/** The present of a regular past ("removed" -> "remove", "cancelled" -> "cancel", "copied" -> "copy"). */
function presentOf(past: string): string {
  if (past.endsWith('ied')) return `${past.slice(0, -3)}y`;
  const rows = loadWordVectors()?.rows;
  const forms = [past.slice(0, -1), past.slice(0, -2), past.slice(0, -3)];
  return forms.find((form) => rows?.has(form)) ?? past.slice(0, -2);
}

/** The words a wish is about: those after its verb ("want my account and my data" -> "my account and my data"). */
function objectOfWish(before: string[]): string {
  const wish = before.findLastIndex((word) => WISH_VERB.test(word));
  return before.slice(wish + 1).join(' ');
}

/** "did I", "didn't you": the verb after them tells what happened ("What did I order?"). */
const DID = /\b(?:did|didn t|didnt)\s+(?:i|you|u|we|they|he|she|it)$/;
/**
 * A verb in a condition ("do you give refunds if we cancel halfway?", "what happens when I cancel?")
 * supposes the deed rather than asks for it; "if you could cancel it" is a polite request.
 */
const SUPPOSED =
  /\b(?:if|when|whenever|unless|once|suppose)\s+(?:i|we|they|he|she|it|(?:you|u)(?!\s+(?:could|can|would|will|please)\b))(?:\s+(?:just|ever|later|then|do|did|decide\s+to|want\s+to|need\s+to))?$/;
/** Adverbs that stand between the one who asks and the verb ("can I still change", "could you even"). */
const MID_ADVERBS = new Set(['still', 'really', 'even', 'ever']);
/** The one who asks, or the modal asking, right before such an adverb. */
const ASKERS = new Set(['i', 'we', 'you', 'u', 'can', 'could', 'would', 'please']);
const BEFORE_VERB = new Set([
  'please',
  'pls',
  'plz',
  'to',
  'you',
  'u',
  'i',
  'we',
  'just',
  'kindly',
  'can',
  'could',
  'would',
  // Not "will" or "'ll": "we'll delete it next week" tells what the customer will do.
  'd',
  'also',
  'and',
  'then',
  'now',
  'hi',
  'hello',
  'hey',
  // Words that answer or open a turn before its verb: "ok delete it", "yes, cancel it", "actually
  // make it two".
  'ok',
  'okay',
  'yes',
  'yeah',
  'yep',
  'sure',
  'alright',
  'actually',
  'oh',
  'so',
  'well',
  'great',
  'cool',
  'fine',
  'perfect',
  'thanks',
]);
// "Can you cancel it?", "this is urgent, can you escalate it?" and "can I return it?" ask for an
// action, not for information.
const REQUEST_START =
  /(?:^|[.!?,;:]\s+)(?:(?:hi|hello|hey)\W+)?(?:(?:can|could|would|will)\s+(?:you|u)|(?:can|could|may)\s+i)\b|\bplease\b|\bpls\b/i;
/** "could you tell me what it is for", "can you let me know when": a question asked as a request. */
const ASKS_TO_BE_TOLD =
  /\b(?:tell|show|let)\s+(?:me|us)\s+(?:know\s+)?(?:what|which|when|where|who|whom|whose|why|how|if|whether)\b/i;
/** A question for a number of things, and the word APIs name counting operations by. */
const HOW_MANY = /\bhow\s+many\b/i;
const COUNT = stemOf('count');
/** Where one sentence ends and the next begins. */
const SENTENCE_END = /[.!?;]\s+|\n/;
/** A colon after a label, not one inside a time ("12:30"). */
const LABEL_COLON = /:(?!\d)/;
const QUESTION_START =
  /^\s*(what|what's|whats|where|where's|when|which|who|why|how|is|are|do|does|did|can|could|has|have|will|would|should)\b/i;
// A token with a digit (`10234`, `sub_1A2b`, `INV-2026-001`), a `#` reference, or a code in capitals
// (`JEPRZB`, `SUMMER-SALE`).
const CAPITAL_CODE = /\b[A-Z]{2,4}\b/g;
const ID_TOKEN =
  /#?(?:[A-Za-z]+[_:-])*[A-Za-z]*\d[\w-]*|#[A-Za-z0-9][\w-]*|\b[A-Z][A-Z0-9_-]{4,}\b|\b[A-Za-z]{16,}\b/g;
/** Digits in three to five groups of two to five, single spaces between ("831 2345 6789"). */
const GROUPED_NUMBER = /(?<![\w+.,:/-])\d{2,5}(?: \d{2,5}){2,4}(?![\w.,:/-]?\d)(?!\w)/g;
/**
 * A British or Canadian postcode: outward and inward codes ("SE15 4QN", "EC2A 4NE", "K1A 0B1"), or a
 * US state and ZIP code after a city's name ("Portland OR 97205").
 */
const POSTCODE =
  /\b(?:[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}|[A-Z]\d[A-Z]\s?\d[A-Z]\d|(?<=[A-Z][a-z]+,?\s)[A-Z]{2}\s\d{5}(?:-\d{4})?)\b/g;
/** Words before an hour of the day ("by 11", "until 9", "at 5"). */
const HOUR_BEFORE = /\b(?:by|until|till|til|before|after|around|at)\s+$/i;
/** Fewer digits than this in groups are amounts or counts ("1 000 000"), not one number. */
const MIN_GROUPED_DIGITS = 9;

/** A run of 13 to 19 digits, maybe in groups: the length of a payment card's number. */
const CARD_DIGITS = /(?<![\w.])\d(?:[ -]?\d){12,18}(?![\w.]?\d)/g;

/** Whether the digits pass the Luhn check that every payment card number passes. */
function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let position = 0; position < digits.length; position++) {
    let digit = Number(digits[digits.length - 1 - position]);
    if (position % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return sum % 10 === 0;
}

/** A card's security code after its name ("cvc 123"). */
const SECURITY_CODE = /(?<=\b(?:cvc|cvv2?|csc|security code)\s*:?\s*)\d{3,4}\b/gi;

/**
 * Payment card numbers in the text ("update my card to 4242 4242 4242 4242"): digits that pass the
 * Luhn check, written in groups or after the word "card"; and security codes. A card's details
 * identify no record, and are never given to an operation as an id.
 */
function cardNumbers(text: string): RegExpExecArray[] {
  const numbers = [...text.matchAll(CARD_DIGITS)].filter(
    (match) =>
      passesLuhn(match[0].replace(/\D/g, '')) &&
      (/[ -]/.test(match[0]) || /\bcard\b[^.?!]{0,30}$/i.test(text.slice(0, match.index))),
  );
  return [...numbers, ...text.matchAll(SECURITY_CODE)];
}
/** A word and the value after it, with an optional "is" or colon between ("username: jdoe"). */
const LABELLED_VALUE = /\b([A-Za-z]+)(?=(\s*:\s*|\s+is\s+|\s+)([A-Za-z][\w.-]*\w))/g;
/** A length of time written as one token ("48h", "30min", "2wks"): no id. */
const DURATION_TOKEN = /^\d+(?:h|hrs?|mins?|secs?|d|wks?|yrs?)$/i;
/** A currency after an amount, with the country or people that names it ("US dollars", "Japanese Yen"). */
const CURRENCY_AFTER =
  /^\s*(?:(?:US|U\.S\.|[A-Z][a-z]+)\s+){0,2}(?:dollars?|euros?|yen|pounds?|francs?|rupees?|pesos?|yuan|won|krona|kronor|krone|rand|reais|real|lira|zloty|ringgit|baht|dirhams?|shekels?)\b/i;
const UNIT_WORDS =
  'years?|months?|weeks?|days?|hours?|minutes?|mins?|seconds?|times?|items?|pieces?|pcs|units?|people|persons?|dollars?|euros?|pounds?|usd|eur|gbp|percent|kg|g|lbs?|cm|mm|m|km|miles?|inch(?:es)?|feet|foot|ft|yards?|met(?:er|re)s?|lit(?:er|re)s?|ml|gallons?|grams?|kilograms?|ounces?|oz|degrees?|nights?|adults?|children|kids|guests?|bags?|seats?|tb|gb|mb|kb|bytes?';
const UNIT = new RegExp(String.raw`^\s*(?:${UNIT_WORDS})\b`, 'i');
/** A unit written alone ("TB" of "2TB"). */
const WHOLE_UNIT = new RegExp(`^(?:${UNIT_WORDS})$`, 'i');
/**
 * A long run of letters in both cases, two capitals after a small letter more than once, as generated ids are
 * (Square's `PyATxhYLfsMqpVkcKJITPydgEYfZY`), unlike a CamelCase name.
 */
const RANDOM_LETTERS = /^(?=[A-Za-z]{16,}$)(?:.*[a-z][A-Z]{2}){2}/;
// "May 20" and "20 Jun" are dates, not ids.
const MONTH_BEFORE = new RegExp(`\\b${MONTH}\\.?\\s+$`, 'i');
const MONTH_AFTER = new RegExp(`^(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}\\b`, 'i');
/** Words that name an id between its record's noun and it ("order id 10593", "ticket no. 4410"). */
const ID_WORDS = new Set(['id', 'number', 'no', 'nr', 'num', 'ref']);
/** Words before "to" when a verb follows it ("want to order", "able to cancel"). */
const TO_VERB = new Set([
  'want',
  'wants',
  'wanted',
  'need',
  'needs',
  'like',
  'love',
  'wish',
  'going',
  'have',
  'has',
  'able',
  'how',
  'try',
  'trying',
  'tried',
  'plan',
  'hoping',
  'ready',
  'me',
  'us',
]);
const ID_FILLERS = new Set([
  'number',
  'no',
  'nr',
  'num',
  'id',
  'is',
  'was',
  'ref',
  'reference',
  'with',
  'the',
  'my',
  'for',
  'of',
  'code',
  'a',
]);

/**
 * How much more common (by its rank among English words) a catalog word must be than an English word
 * one edit from it before the English word counts as a misspelling of it ("oder", rank 18,828, for
 * "order", 424; "last" is not "list").
 */
const MORE_COMMON = 20;

/** The catalog word a misspelt word stands for, when exactly one is close. */
function correct(word: string, index: CatalogIndex): string | undefined {
  if (word.length < 4) return undefined;
  const vectors = loadWordVectors();
  const rank = vectors?.rows.get(word);
  const limit = rank === undefined && word.length >= 8 ? 2 : 1;
  let found: string | undefined;
  for (const candidate of index.vocabulary.get(word[0]) ?? []) {
    if (Math.abs(candidate.length - word.length) > limit || candidate.length < 4) continue;
    if (rank !== undefined) {
      // A word of the English vocabulary is a misspelling only of a far more common word.
      const candidateRank = vectors?.rows.get(candidate);
      if (candidateRank === undefined || candidateRank * MORE_COMMON > rank) continue;
    }
    if (editDistance(word, candidate, limit) <= limit) {
      if (found && stemOf(found) !== stemOf(candidate)) return undefined;
      found = candidate;
    }
  }
  return found;
}

/** Per verb table: the English words of each verb common enough to stand for a request. */
const verbWords = new WeakMap<CatalogIndex['model'], string[]>();

/** The verb table's common verbs as English writes them ("chang": "change", "changed", "changes"). */
function verbWordsOf(index: CatalogIndex): string[] {
  let words = verbWords.get(index.model);
  if (words) return words;
  const common = new Set(
    Object.entries(index.model.verbs)
      .filter(([, [count]]) => count >= MIN_VERB_USES)
      .map(([stem]) => stem),
  );
  // A word starts as its stem does, but for the stem's last letter ("appli": "apply", "applied"):
  // only such words are stemmed (2,000 of the vectors' 30,000; stemming them all took 0.3 s of the
  // first turn with a misspelt verb).
  const starts = new Map<string, string[]>();
  for (const stem of common) {
    const key = stem.slice(0, 3);
    starts.set(key, [...(starts.get(key) ?? []), stem.slice(0, Math.max(3, stem.length - 1))]);
  }
  const startsAsVerb = (word: string) =>
    starts.get(word.slice(0, 3))?.some((start) => word.startsWith(start)) === true;
  words = [...(loadWordVectors()?.rows.keys() ?? [])].filter(
    (word) => word.length >= 4 && startsAsVerb(word) && common.has(stemOf(word)),
  );
  verbWords.set(index.model, words);
  return words;
}

/**
 * The verb a misspelt word stands for, by the corpus's verb table, when exactly one is an edit away
 * ("cancle" for "cancel", where the catalog itself has no cancelling): a word of English is none.
 */
function correctVerb(word: string, index: CatalogIndex): string | undefined {
  if (word.length < 5 || loadWordVectors()?.rows.has(word) !== false) return undefined;
  let found: string | undefined;
  for (const verb of verbWordsOf(index)) {
    if (Math.abs(verb.length - word.length) > 1 || editDistance(word, verb, 1) > 1) continue;
    if (found && stemOf(found) !== stemOf(verb)) return undefined;
    found ??= verb;
  }
  return found;
}

/** The stem a message word stands for in the catalog: its own, or its correction's when misspelt. */
function catalogStem(word: string, index: CatalogIndex): string {
  const stem = stemOf(word);
  if (index.idf.has(stem)) return stem;
  const corrected = correct(word, index);
  return corrected ? stemOf(corrected) : stem;
}

/** "What is your order number?", "the ticket ID": a noun with the word that makes it an id. */
const ASKED_ID = /\b([A-Za-z]+)\s+(?:number|no\b|nr\b|id\b|#|reference|code)/gi;

/**
 * The noun of the id the context's last message asks for ("What is your order number?"), which an id
 * given without a noun of its own ("it's 66120") answers.
 */
function askedIdNoun(context: string, index: CatalogIndex): string {
  const last = context.trimEnd().split('\n').pop() ?? '';
  let noun = '';
  for (const match of last.matchAll(ASKED_ID)) {
    const word = match[1].toLowerCase();
    if (isContentWord(word) && !ID_FILLERS.has(word)) noun = catalogStem(word, index);
  }
  return noun;
}

/** The stem of the noun in front of the id at `position` of `text`, '' when none. */
function nounBefore(text: string, position: number, index: CatalogIndex): string {
  // The id's noun stands in its own clause: "on my PayPal, ID 0VF5…" names no resource, nor does the
  // message before an answer on its own line.
  const clause =
    text
      .slice(0, position)
      .split(/[,;!?]\s|\n|(?<!\b(?:no|nr|num|ref))\.\s/i)
      .pop() ?? '';
  // "The product id on the page is 9924732112": the noun of the id word, a few words back.
  const labelled = LABELLED_FAR.exec(clause);
  if (labelled && isContentWord(labelled[1].toLowerCase()))
    return catalogStem(labelled[1].toLowerCase(), index);
  const words = splitWords(clause);
  let determined = false;
  // "customer number VA-CUST-55120": a word before "number" or "id" names the id's kind, never a verb.
  let named = false;
  for (let position = words.length - 1; position >= Math.max(0, words.length - 4); position--) {
    const word = words[position];
    // A noun phrase starts at its determiner: "apply the code SUMMER20" names nothing before "the".
    if (DETERMINERS.has(word)) determined = true;
    if (ID_FILLERS.has(word) || /^\d/.test(word)) {
      named ||= ID_FILLERS.has(word);
      continue;
    }
    if (determined || !isContentWord(word)) return '';
    // Nor is the verb that asks for the record its noun ("Cancel sub_1Mow…"), unless it names one of
    // the catalog's records ("Order 90210 never came").
    const stem = catalogStem(word, index);
    const verbPlace = !named && (position === 0 || ASKS_BEFORE.has(words[position - 1]));
    // A word the catalog does not know, alone in its clause before the id, is a command's verb
    // ("reopen 50002 please").
    if (position === 0 && position === words.length - 1 && !named && !index.idf.has(stem)) return '';
    return verbPlace && verbProfile(index.model, stem) && !index.records.has(stem) ? '' : stem;
  }
  return '';
}

/** "<noun> id|number|code", then up to four words, then "is" or ":" right before the id. */
const LABELLED_FAR =
  /\b([a-z]{3,})\s+(?:id|number|code|no\.?|#)\s+(?:[a-z]+\s+){1,4}(?:is|was|reads|says)\s*:?\s*$/i;

/** Words that stand right before the verb of a request ("please cancel", "can you cancel"). */
const ASKS_BEFORE = new Set(['please', 'pls', 'plz', 'kindly', 'to', 'you', 'u', 'i', 'we', 'just']);

/** Words that open a noun phrase. */
const DETERMINERS = new Set(['the', 'my', 'a', 'an', 'this', 'that', 'our', 'your']);
/** Words before a noun, never before a verb: determiners, and what is left of a possessive ("Tuesday's" -> "s"). */
const BEFORE_NOUN = new Set([...DETERMINERS, 'their', 'any', 'his', 'her', 's']);

/** A code of letters and then digits ("LH400"). */
const CODE_AND_NUMBER = /^[A-Za-z]{2,3}\d+$/;

/**
 * Whether an id input of the catalog shows ids as a code and a number written together (its example
 * "LH400", or a pattern `joined` fits and `number` alone does not).
 */
function joinsCode(joined: string, number: string, index: CatalogIndex): boolean {
  return index.tools.some((entry) =>
    entry.idParameters.some(({ form }) =>
      form?.pattern
        ? fitsIdForm(joined, form) === true && fitsIdForm(number, form) === false
        : form?.example?.split(' or ').some((example) => CODE_AND_NUMBER.test(example)) &&
          fitsIdForm(joined, form) === true,
    ),
  );
}

function findIds(text: string, index: CatalogIndex, context: string): QueryId[] {
  const ids: QueryId[] = [];
  let asked: string | undefined;
  const take = (raw: string, position: number, written?: string) => {
    let noun = nounBefore(text, position, index);
    let answers = false;
    if (!noun) {
      asked ??= askedIdNoun(context, index);
      noun = asked;
      answers = noun !== '';
    }
    ids.push({
      text: raw,
      noun,
      prefix: idPrefixOf(raw),
      ...(answers ? { answers: true as const } : {}),
      ...(written ? { written } : {}),
    });
  };
  // The groups of a phone number, a postcode ("SE15 4QN", "K1A 0B1") and a payment card's details are
  // values, not ids; those of a long number written in groups ("meeting 831 2345 6789") are one.
  const phones = [...text.matchAll(PHONE), ...text.matchAll(POSTCODE), ...cardNumbers(text)].map((value) => [
    value.index,
    value.index + value[0].length,
  ]);
  const grouped: number[][] = [];
  for (const match of text.matchAll(GROUPED_NUMBER)) {
    if (phones.some(([start, end]) => match.index >= start && match.index < end)) continue;
    if (match[0].replace(/\D/g, '').length < MIN_GROUPED_DIGITS) continue;
    grouped.push([match.index, match.index + match[0].length]);
    take(match[0], match.index);
  }
  for (const match of text.matchAll(ID_TOKEN)) {
    if ([...phones, ...grouped].some(([start, end]) => match.index >= start && match.index < end)) continue;
    const raw = match[0].replace(/[-_]+$/, '');
    // A size ("4x6") or a short code of a letter and a digit ("A4", "4K") names a kind of thing.
    if (/^\d+x\d+$/i.test(raw) || (raw.length <= 2 && /\p{L}/u.test(raw))) continue;
    if (
      !/\d/.test(raw) &&
      !raw.startsWith('#') &&
      !/^[A-Z][A-Z0-9_-]{4,}$/.test(raw) &&
      !RANDOM_LETTERS.test(raw)
    )
      continue;
    // A word in capitals is shouted, not a code ("ORDER 9914. WHERE IS IT???").
    if (!/[\d#_-]/.test(raw) && loadWordVectors()?.rows.has(raw.toLowerCase())) continue;
    // Amounts, dates and times are values, not ids.
    const before = text.slice(Math.max(0, match.index - 1), match.index);
    const next = text.slice(match.index + match[0].length, match.index + match[0].length + 2);
    if (
      /[$€£.:/]/.test(before) ||
      /^[.:/][0-9]|^%/.test(next) ||
      /^\d{1,2}(st|nd|rd|th|am|pm)$/i.test(raw) ||
      DURATION_TOKEN.test(raw)
    )
      continue;
    if (/^\d{4}-\d{1,2}-\d{1,2}$/.test(raw)) continue;
    // "12 years", "3 items", "40 dollars": a quantity, not an id; so is "2TB", "500ml" written as one.
    if (/^\d+$/.test(raw) && UNIT.test(text.slice(match.index + match[0].length))) continue;
    if (/^\d+[a-z]+$/i.test(raw) && WHOLE_UNIT.test(raw.replace(/^\d+/, ''))) continue;
    // "500 US dollars", "20000 Japanese Yen": an amount in a currency its country names.
    if (/^\d+$/.test(raw) && CURRENCY_AFTER.test(text.slice(match.index + match[0].length))) continue;
    // "took me 5 tries", "split into 2 packages", "2 flat whites": a short number before a plural (or
    // a word and a plural), with no noun of the catalog in front of it ("order 12 looks wrong";
    // "40 min for 2 flat whites" names no record), counts it.
    const after = /^\s+(\p{L}+)(?:\s+(\p{L}+))?/u.exec(text.slice(match.index + match[0].length));
    const counted = (word: string | undefined) =>
      word !== undefined && isPlural(word.toLowerCase()) && loadWordVectors()?.rows.has(word.toLowerCase());
    if (/^\d{1,3}$/.test(raw) && (counted(after?.[1]) || counted(after?.[2]))) {
      const label = nounBefore(text, match.index, index);
      if (!(label && index.pathStems.has(label))) continue;
    }
    // "a 500 error", "the 404 page": a number between an article and its noun describes the noun.
    if (
      /^\d+$/.test(raw) &&
      /\b(?:a|an|the)\s+$/i.test(text.slice(0, match.index)) &&
      /^\s+\p{L}/u.test(text.slice(match.index + match[0].length))
    )
      continue;
    // "the Osprey Atmos 65 backpack", "my Pixel 8": a short number after a name the catalog does not
    // know, inside a sentence, is part of a product's name.
    const named = /(?<=[\p{L}\d,;] )(\p{Lu}\p{Ll}+) $/u.exec(
      text.slice(Math.max(0, match.index - 30), match.index),
    );
    if (/^\d{1,3}$/.test(raw) && named && !index.idf.has(stemOf(named[1].toLowerCase()))) continue;
    // "done by 11", "open until 9": an hour, not an id.
    if (/^\d{1,2}$/.test(raw) && HOUR_BEFORE.test(text.slice(0, match.index))) continue;
    // A day of a month: "on May 20", "20 June".
    if (
      /^\d{1,2}$/.test(raw) &&
      (MONTH_BEFORE.test(text.slice(0, match.index)) ||
        MONTH_AFTER.test(text.slice(match.index + match[0].length)))
    )
      continue;
    // "LH 1166": a code in capitals set apart from its number, where an id the catalog shows joins
    // them ("LH400") and the number alone fits none.
    const code = /\b([A-Z]{2,3}) $/.exec(text.slice(Math.max(0, match.index - 4), match.index))?.[1];
    if (code && /^\d+$/.test(raw) && joinsCode(`${code}${raw}`, raw, index)) {
      take(`${code}${raw}`, match.index - code.length - 1, `${code} ${raw}`);
      continue;
    }
    take(raw, match.index);
  }
  // A code in capitals of the length the catalog's id inputs show ("is BER the new Berlin one?"), in
  // a message that is not shouted.
  if (index.codeLengths.size > 0 && text !== text.toUpperCase())
    for (const match of text.matchAll(CAPITAL_CODE)) {
      const code = match[0];
      // Two capitals that open a sentence answer, as words ("OK, thanks", "NO, the other one").
      const opens = code.length === 2 && /(?:^|[.!?])\s*$/.test(text.slice(0, match.index));
      if (index.codeLengths.has(code.length) && !opens && !ids.some((id) => id.text.includes(code)))
        take(code, match.index);
    }
  // A value after a word that names an id input on its own ("username jdoe", "slug spring-sale"),
  // when the catalog does not know it as a word.
  if (index.idLabels.size > 0)
    for (const match of text.matchAll(LABELLED_VALUE)) {
      const [label, separator, value] = [match[1].toLowerCase(), match[2], match[3]];
      if (!index.idLabels.has(label) || ids.some((id) => id.text === value)) continue;
      const lower = value.toLowerCase();
      if (!isContentWord(lower) || index.idf.has(stemOf(lower))) continue;
      // Two words side by side are a compound when the second is English ("refund policy"); a
      // value named so is set off by "is" or a colon ("my username is john").
      if (/^\s+$/.test(separator) && loadWordVectors()?.rows.has(lower)) continue;
      ids.push({ text: value, noun: catalogStem(label, index), prefix: idPrefixOf(value) });
    }
  return ids;
}

/** The ids `text` gives, as the ranking reads them (a follow-up's earlier turns). */
export function readIds(text: string, index: CatalogIndex): QueryId[] {
  return findIds(text, index, '');
}

/**
 * Two words of the message that the catalog writes as one ("one stop" for `onestop`, "log in" for
 * `login`) count as that word; a part the catalog does not know no longer counts on its own.
 */
function joinCompounds(
  words: string[],
  weights: Map<string, { weight: number; word: string }>,
  index: CatalogIndex,
): void {
  for (let position = 0; position + 1 < words.length; position++) {
    const [first, second] = [words[position], words[position + 1]];
    if (!/^\p{L}+$/u.test(first) || !/^\p{L}+$/u.test(second)) continue;
    const joined = first + second;
    const stem = stemOf(joined);
    if (joined.length < 5 || !index.idf.has(stem)) continue;
    weights.set(stem, { weight: 1, word: joined });
    for (const part of [first, second]) if (!index.idf.has(stemOf(part))) weights.delete(stemOf(part));
  }
}

/** Words that open the name of a record not yet made ("a ticket", "another return"). */
const NEW_RECORD = new Set(['a', 'an', 'another']);
/** How many words may stand between "a" and the record's noun ("a new bug report"). */
const NEW_RECORD_REACH = 3;

/**
 * The stem of the record of a kind the catalog creates that `words` name from `start` on as one not
 * yet made ("a new support ticket"), if they do.
 */
function recordAsked(words: string[], start: number, index: CatalogIndex): string | undefined {
  if (!NEW_RECORD.has(words[start] ?? '')) return undefined;
  for (const word of words.slice(start + 1, start + 1 + NEW_RECORD_REACH)) {
    const stem = stemOf(word);
    if (index.created.has(stem)) return stem;
    if (!/^\p{L}+$/u.test(word)) return undefined;
  }
  return undefined;
}

/** Reads `text` (with earlier messages in `context`) against `index`. */
export function analyzeQuery(text: string, index: CatalogIndex, context = ''): AnalyzedQuery {
  const ids = findIds(text, index, context);
  const values = readValues(text, (stem) => index.idf.has(stem));
  const idParts = new Set(ids.flatMap((id) => splitWords(id.text)));
  const idWords = new Set([...idParts, ...values.names]);
  const weights = new Map<string, { weight: number; word: string }>();
  const standsAlone = new Set<string>();
  // Stems seen after a determiner or a possessive, and seen elsewhere.
  const determined = new Set<string>();
  const undetermined = new Set<string>();
  // Stems of verbs that tell what was done, and of words that do not.
  const toldVerbs = new Set<string>();
  const notTold = new Set<string>();
  // Stems seen where a verb goes, and seen elsewhere.
  const asVerb = new Set<string>();
  const asOther = new Set<string>();
  let writes = 0;
  let removes = 0;
  let length = 0;
  let action: AnalyzedQuery['action'];
  // Where the last verb stood: "and" joins a verb to it only near it.
  let lastVerb = Number.NEGATIVE_INFINITY;
  let unknownVerb = false;
  let asks: string | undefined;
  let newRecord: string | undefined;
  // The words of each sentence in turn, and where each sentence starts: a verb may open any of them
  // ("I'm moving abroad next week. Cancel subscription sub_1Nb… right away").
  const words: string[] = [];
  const sentenceStarts = new Set<number>();
  // Where a word labels the value after its colon ("email: gail.r@…", "Order #: 5521"): no verb.
  const labels = new Set<number>();
  for (const sentence of joinPhrasalVerbs(values.prose).split(SENTENCE_END)) {
    sentenceStarts.add(words.length);
    const parts = sentence.split(LABEL_COLON);
    for (const [index, part] of parts.entries()) {
      const partWords = splitWords(part);
      words.push(...partWords);
      if (partWords.length > 0 && index < parts.length - 1) labels.add(words.length - 1);
    }
  }
  for (const [position, word] of words.entries()) {
    if (!isContentWord(word) || idWords.has(word)) continue;
    // "what email do you have on file?", "the card on record": kept, not a file or a record.
    if (STORED.has(word) && words[position - 1] === 'on') continue;
    length++;
    const before = `${words.slice(Math.max(0, position - 9), position).join(' ')} `;
    let wantsDone = PAST.test(word) && WANTS_DONE.test(before);
    // Its verb's stem, as the verb table has it ("added" is "add").
    let stem = stemOf(wantsDone ? presentOf(word) : word);
    let weight = 1;
    let written = word;
    if (!index.idf.has(stem)) {
      const corrected =
        correct(word, index) ?? (verbProfile(index.model, stem) ? undefined : correctVerb(word, index));
      if (corrected) {
        // Read as the word it stands for: "ordeed" is "ordered", told, not asked.
        written = corrected;
        wantsDone = PAST.test(written) && WANTS_DONE.test(before);
        stem = stemOf(wantsDone ? presentOf(written) : written);
        weight = 0.7;
      }
    }
    if ((weights.get(stem)?.weight ?? 0) < weight) weights.set(stem, { weight, word: written });
    // "order history", "version history": a noun before another names a kind of that one.
    const next = words[position + 1];
    if (!(next && /^\p{L}/u.test(next) && isContentWord(next))) standsAlone.add(stem);
    (BEFORE_NOUN.has(words[position - 1]) ? determined : undetermined).add(stem);
    // "I want to return order 55512": a noun of what the catalog creates, where a verb goes, asks
    // for one (the verb table knows few such verbs: APIs name the operation "createReturn").
    let profile = verbProfile(index.model, stem) ?? (index.created.has(stem) ? CREATES : undefined);
    // "resend", "reactivate": the verb again, where the catalog names operations by the verb alone.
    const again = REPEATED.test(word) && !index.idf.has(stem) ? stemOf(word.slice(2)) : '';
    const againProfile =
      !profile && again && index.idf.has(again) ? verbProfile(index.model, again) : undefined;
    if (againProfile) {
      profile = againProfile;
      if ((weights.get(again)?.weight ?? 0) < weight) weights.set(again, { weight, word: word.slice(2) });
    }
    // A word says what the message does where English puts the verb: first, or after "please",
    // "to", "you", "I" ("please cancel", "I want to cancel", "can you cancel"); elsewhere it is a
    // noun ("any update on my ticket"), whatever APIs use it for.
    // "and" joins like with like: a verb after it only when a verb came shortly before ("cancel and refund"),
    // else a noun of a list ("shipping and tax").
    const afterAnd = words[position - 1] === 'and';
    const past = (PAST.test(written) || isIrregularPast(written)) && !wantsDone;
    // The verb of someone else's wish is no request of the customer's ("the customer wants to add a
    // note", "marketing wants to send reminders").
    const othersWish = words[position - 1] === 'to' && OTHERS_WISH.has(words[position - 2]);
    const verbPosition =
      !othersWish &&
      !labels.has(position) &&
      // "customer says she was charged twice", "Order number is 556677": a subject stands where a
      // verb could.
      !standsAsSubject(words, position) &&
      (sentenceStarts.has(position) ||
        (BEFORE_VERB.has(words[position - 1]) && (!afterAnd || position - lastVerb <= AND_REACH)) ||
        // "can I still change my order?": an adverb between the asker and the verb.
        (MID_ADVERBS.has(words[position - 1]) && ASKERS.has(words[position - 2])) ||
        wantsDone);
    const told =
      DID.test(words.slice(Math.max(0, position - 3), position).join(' ')) ||
      SUPPOSED.test(words.slice(Math.max(0, position - 4), position).join(' '));
    (verbPosition ? asVerb : asOther).add(stem);
    if (
      verbPosition &&
      !past &&
      !told &&
      !HOW_TO.test(words.slice(Math.max(0, position - 3), position).join(' '))
    )
      newRecord ??= recordAsked(words, position + 1, index);
    (verbPosition && (past || told) ? toldVerbs : notTold).add(stem);
    if (
      !unknownVerb &&
      (!profile || profile.count < MIN_VERB_USES) &&
      (REQUEST_FRAME.test(words.slice(Math.max(0, position - 2), position).join(' ')) ||
        // "reopen 50002 please", "escalate #4411": a word the catalog does not know, opening a
        // sentence right before an id, is the verb of a command.
        (sentenceStarts.has(position) && !index.idf.has(stem) && idParts.has(words[position + 1] ?? ''))) &&
      !past &&
      !told &&
      // A word of the paths is a resource's noun, unless a path ends in it as an action
      // (`/instances/{id}/reboot`: "can you reboot it?").
      (!index.pathStems.has(stem) || index.actions.has(stem)) &&
      !asksToBeGiven(words, position)
    )
      unknownVerb = true;
    if (profile && verbPosition && profile.count >= MIN_VERB_USES) {
      lastVerb = position;
      // "I opened a ticket last week" tells what happened, and "Order 90210 - ..." names the order (a
      // record of the catalog followed by its id, or by a word naming the id: "Order ID: 10593";
      // unlike "add 4 and 5" or "refund $15"): neither asks for a change. After "please", or a "to"
      // that a wish or an ability opens, the word is the verb ("I want to cancel sub-10045" where
      // cancellations are records too), not after another "to" ("applied to order 10777"); a record's
      // noun that only stands for a verb ("ticket" where the catalog creates tickets) labels the id
      // wherever it stands ("did anyone reply to ticket 77120?"): no record is created with its id.
      const labelled = afterIdWords(words, position + 1);
      const verbBefore =
        position > 0 &&
        BEFORE_VERB.has(words[position - 1]) &&
        (words[position - 1] !== 'to' || TO_VERB.has(words[position - 2] ?? ''));
      // "customer number VA-CUST-55120": a word before "number" or "id" and an id names the id's kind.
      const labelsId =
        idParts.has(words[labelled] ?? '') &&
        ((index.records.has(stem) && (profile === CREATES || !verbBefore)) ||
          labelled > position + 1 ||
          abbreviatedBy(ids, words[labelled], written));
      // "How do I change my email?" asks how it is done, not that it be done.
      const asksHow =
        (words[position - 1] === 'to'
          ? words[position - 2] === 'how'
          : HOW_TO.test(words.slice(Math.max(0, position - 3), position).join(' '))) ||
        // "what order statuses can I set?": which ones may be done, not that one be.
        (WHICH.has(words[0]) && CAN_I.test(words.slice(Math.max(0, position - 3), position).join(' ')));
      if (past || told || labelsId || asksHow) continue;
      asks ??= stem;
      writes = Math.max(writes, profile.write);
      removes = Math.max(removes, profile.remove);
      // A created record's noun asks for one of what the catalog does create: never a change to decline.
      if (!action && profile.write >= ACTION_WRITES && profile !== CREATES)
        action = wantsDone
          ? // "I want my account deleted": delete my account.
            { word: presentOf(written), stem, rest: objectOfWish(words.slice(0, position)) }
          : { word: written, stem, rest: words.slice(position + 1).join(' ') };
    }
  }
  joinCompounds(words, weights, index);
  // "it should be 07700 900123", "Ticket 51402 needs to be urgent": a wish that a record hold another
  // value asks to change it, as a verb would.
  if (writes < ACTION_WRITES && wishesValue(text, index))
    writes = Math.max(writes, verbProfile(index.model, CHANGE)?.write ?? ACTION_WRITES);
  // "how many orders …" asks for a count, which APIs name so (`/orders/count`).
  if (HOW_MANY.test(text) && index.idf.has(COUNT) && !weights.has(COUNT))
    weights.set(COUNT, { weight: 1, word: 'count' });
  const contextStems = new Set<string>();
  for (const word of splitWords(context)) if (isContentWord(word)) contextStems.add(stemOf(word));
  const lower = text.toLowerCase();
  return {
    terms: [...weights].map(([stem, { weight, word }]) => ({
      stem,
      word,
      weight,
      ...(standsAlone.has(stem) ? {} : { modifies: true as const }),
      ...(asVerb.has(stem) && !asOther.has(stem) ? { verb: true as const } : {}),
      ...(determined.has(stem) && !undetermined.has(stem) ? { named: true as const } : {}),
      ...(toldVerbs.has(stem) && !notTold.has(stem) ? { told: true as const } : {}),
    })),
    context: contextStems,
    ids,
    // Read only where the message gives no id of its own, the one case that needs them.
    contextIds: context && ids.length === 0 ? findIds(context, index, '').length : 0,
    // A sentence may ask after another tells ("my checkout says 'processing'. whats going on").
    question:
      ((/\?\s*$/.test(text.trim()) ||
        text.split(SENTENCE_END).some((sentence) => QUESTION_START.test(sentence))) &&
        !REQUEST_START.test(text)) ||
      ASKS_TO_BE_TOLD.test(text),
    request: REQUEST_START.test(text),
    writes,
    removes,
    ...(action ? { action } : {}),
    ...(asks ? { asks } : {}),
    unknownVerb,
    ...(newRecord ? { newRecord } : {}),
    length,
    addressesBusiness: /\b(you|your|yours|u)\b/.test(lower),
    values,
  };
}
