// Reads a customer's message for ranking: its content stems (misspellings corrected against the
// catalog's own words), the ids it gives with the noun in front of each, whether it asks or tells,
// and what its verbs usually do across real APIs.

import { correct, correctVerb } from './correct-spelling.js';
import { abbreviates, inputRecord } from './id-inputs.js';
import type { CatalogIndex } from './index-catalog.js';
import { MIN_VERB_USES, type VerbProfile, verbProfile } from './ranking-model.js';
import { BEFORE_NOUN, findIds, ID_WORDS } from './read-ids.js';
import { type MessageValues, readValues } from './read-values.js';
import { isContentWord, isIrregularPast, joinPhrasalVerbs, splitWords, stemOf } from './read-words.js';
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
  /** Asks only how to do something ("how do I add my card to Apple Pay?"): instructions, no deed. */
  asksHow: boolean;
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
   * order"): the word as written, its stem, and what follows it; `toCustomer` where the verb gives the
   * customer something ("send me the tracking number"), which a read may answer as well as a change.
   */
  action?: { word: string; stem: string; rest: string; toCustomer?: true };
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

/** Whether the id that starts with `part` has a literal prefix (`pi_`) that does not abbreviate `word`. */
function prefixedOther(ids: QueryId[], part: string, word: string): boolean {
  return ids.some(
    (id) =>
      id.prefix !== undefined &&
      /[_-]$/.test(id.prefix) &&
      splitWords(id.text)[0] === part &&
      !abbreviates(id.prefix, inputRecord(word)),
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
/** How a verb the verb table lacks is used where a change may set the state it names ("unsubscribe"). */
const SETS_STATE: VerbProfile = { count: MIN_VERB_USES, write: 1, remove: 0, create: 0 };

/**
 * Whether a change of the catalog may set the state that is the word's past participle: "unsubscribe"
 * where a member's `status` may be `unsubscribed` (not "open" where a ticket may be `open`, nor "rent"
 * where a search's `intent` may be `rent`: a state that is the word itself names no deed).
 */
function setsState(word: string, stem: string, index: CatalogIndex): boolean {
  if (!index.states.has(stem)) return false;
  const words = index.choiceWords.words;
  return [`${word}d`, `${word}ed`, `${word}${word.at(-1)}ed`].some(
    (participle) => participle !== word && words.includes(participle),
  );
}

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

/**
 * "do I need to pay again?", "should we cancel it first?": the customer asks whether a deed of their
 * own is needed, not that it be done.
 */
const WHETHER_NEEDED =
  /\b(?:do|does|should|must|shall)\s+(?:i|we)(?:\s+(?:still|really|even|also|then))?(?:\s+(?:need|have|got)\s+to)?$/;
/** Words of a wish that may take the record wished for ("I want a refund", "we need a new ticket"). */
const WISHES = new Set(['want', 'wants', 'need', 'needs', 'like', 'love', 'request', 'requesting']);
/** A negation before a wish: "I don't want a refund" wishes for none. */
const NEGATED = new Set(['dont', 'not', 'never', 'doesnt', 'didnt', 'no']);
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
/**
 * "could you tell me what it is for", "can you let me know when", "can you confirm which address you
 * have": a question asked as a request.
 */
const ASKS_TO_BE_TOLD =
  /\b(?:(?:tell|show|let)\s+(?:me|us)\s+(?:know\s+)?|(?:confirm|check|verify)\s+)(?:what|which|when|where|who|whom|whose|why|how|if|whether)\b/i;
/** A question for a number of things, and the word APIs name counting operations by. */
const HOW_MANY = /\bhow\s+many\b/i;
const COUNT = stemOf('count');
/** Where one sentence ends and the next begins. */
const SENTENCE_END = /[.!?;]\s+|\n/;
/** A colon after a label, not one inside a time ("12:30"). */
const LABEL_COLON = /:(?!\d)/;
const QUESTION_START =
  /^\s*(what|what's|whats|where|where's|when|which|who|why|how|is|are|do|does|did|can|could|has|have|will|would|should)\b/i;
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
    // "a note to booking …" asks for no booking: the record's noun comes before any function word.
    if (!isContentWord(word)) return undefined;
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
  let howTo = false;
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
    // "I want a refund", "I'd like another return label": the record wished for is asked to be made.
    if (WISHES.has(word) && !NEGATED.has(words[position - 1] ?? ''))
      newRecord ??= recordAsked(words, position + 1, index);
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
    let profile =
      verbProfile(index.model, stem) ??
      (index.created.has(stem) ? CREATES : setsState(written, stem, index) ? SETS_STATE : undefined);
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
      WHETHER_NEEDED.test(words.slice(Math.max(0, position - 5), position).join(' ')) ||
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
      // "please refund pi_3PBc…": after a word that asks, a record's noun before an id whose prefix names
      // another record (a payment intent's) is the verb, where the catalog creates refunds too.
      const labelsId =
        (idParts.has(words[labelled] ?? '') &&
          ((index.records.has(stem) &&
            (profile === CREATES || !verbBefore) &&
            !(verbBefore && prefixedOther(ids, words[labelled], written))) ||
            labelled > position + 1 ||
            abbreviatedBy(ids, words[labelled], written))) ||
        // "gift card 7783…": a word of the paths' record names (`/gift-cards`) before a record's noun
        // and its id, where nothing asks for a verb, names the kind of record ("cancel order 5521" asks).
        (!verbBefore &&
          index.pathStems.has(stem) &&
          !index.actions.has(stem) &&
          index.records.has(stemOf(words[position + 1] ?? '')) &&
          idParts.has(words[afterIdWords(words, position + 2)] ?? ''));
      // "How do I change my email?" asks how it is done, not that it be done.
      const asksHow =
        (words[position - 1] === 'to'
          ? words[position - 2] === 'how'
          : HOW_TO.test(words.slice(Math.max(0, position - 3), position).join(' '))) ||
        // "what order statuses can I set?": which ones may be done, not that one be.
        (WHICH.has(words[0]) && CAN_I.test(words.slice(Math.max(0, position - 3), position).join(' ')));
      howTo ||= asksHow;
      if (past || told || labelsId || asksHow) continue;
      asks ??= stem;
      writes = Math.max(writes, profile.write);
      removes = Math.max(removes, profile.remove);
      // A created record's noun asks for one of what the catalog does create: never a change to decline.
      if (!action && profile.write >= ACTION_WRITES && profile !== CREATES)
        action = wantsDone
          ? // "I want my account deleted": delete my account.
            { word: presentOf(written), stem, rest: objectOfWish(words.slice(0, position)) }
          : {
              word: written,
              stem,
              rest: words.slice(position + 1).join(' '),
              ...(asksToBeGiven(words, position) ? { toCustomer: true as const } : {}),
            };
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
    // A sentence may ask after another tells ("my checkout says 'processing'. whats going on"), or
    // before ("how much credit is left on my account? dont want my campaign to stop").
    question:
      ((/\?(?=\s|$)/.test(text) ||
        text.split(SENTENCE_END).some((sentence) => QUESTION_START.test(sentence))) &&
        !REQUEST_START.test(text)) ||
      ASKS_TO_BE_TOLD.test(text),
    request: REQUEST_START.test(text),
    asksHow: howTo && asks === undefined,
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
