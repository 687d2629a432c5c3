// Status values in sentences, and the yes or no they give to a question: "has been shipped", "is
// pending", "Yes" to "did my payment go through?" when the invoice is paid. The word sets are English
// status vocabulary shared by APIs of every kind, not any one API's values.
import { stemWord } from '../language/stem-word.js';
import { humanizeValue } from './format-field.js';
import type { Question } from './read-question.js';

const SUCCESS = new Set(
  'paid succeeded successful success completed complete confirmed approved captured settled delivered active accepted done resolved fulfilled authorized authorised verified'.split(
    ' ',
  ),
);
const FAILURE = new Set(
  'failed failure declined rejected cancelled canceled expired unpaid overdue refused voided void error errored lost denied'.split(
    ' ',
  ),
);
const WAITING = new Set(
  'pending processing queued scheduled unfulfilled awaiting waiting requested submitted draft new open on hold in progress in review under review'.split(
    ' ',
  ),
);
// Past participles of verbs that take no object: "has failed", not "has been failed".
const INTRANSITIVE = new Set([
  'failed',
  'arrived',
  'expired',
  'succeeded',
  'ended',
  'happened',
  'occurred',
  'errored',
  'started',
  'departed',
  'landed',
]);
const IRREGULAR_PARTICIPLES = new Set([
  'paid',
  'sent',
  'done',
  'made',
  'held',
  'built',
  'sold',
  'bought',
  'given',
  'taken',
  'shown',
  'won',
  'lost',
]);

const words = (value: string) => humanizeValue(value).toLowerCase().trim();

/** Whether a status reports a failure or an end without success (failed, declined, cancelled). */
export function isNegativeStatus(value: string): boolean {
  return FAILURE.has(words(value));
}

/** Whether a word is a past participle: `shipped`, `paid`. */
export function isParticiple(word: string): boolean {
  return (/[^e]ed$|eed$|ied$/.test(word) && word.length > 4) || IRREGULAR_PARTICIPLES.has(word);
}

/** The predicate for a status: `has been shipped`, `has failed`, `is out for delivery`. */
export function statusPredicate(value: string): string {
  const text = humanizeValue(value);
  const lower = text.toLowerCase();
  if (!/\s/.test(lower) && INTRANSITIVE.has(lower)) return `has ${text}`;
  if (!/\s/.test(lower) && isParticiple(lower)) return `has been ${text}`;
  return `is ${text}`;
}

/** Yes, no, or not yet: the answer a status gives to a yes-or-no question. */
export type Polarity = 'yes' | 'no' | 'not-yet';

/**
 * The answer `value` gives to `question` when it is a yes-or-no question. A question that names a
 * state ("is it delivered?") is answered against it; the schema's `enum`, in the order APIs list a
 * life cycle, says whether a later state is past the one asked about. Otherwise a success status is
 * yes, a failure no and a waiting one "not yet"; anything else gets no yes or no.
 */
export function statusPolarity(
  question: Question,
  value: string,
  options: unknown[] = [],
): Polarity | undefined {
  if (question.kind !== 'yes-no') return undefined;
  const current = words(value);
  const stemsOf = (text: string) => text.split(/\s+/).map(stemWord);
  const asks = (text: string) => stemsOf(text).every((stem) => question.terms.has(stem));
  if (asks(current)) return 'yes';
  const states = options.filter((option): option is string => typeof option === 'string').map(words);
  const asked = states.find((state) => state !== current && asks(state));
  if (asked !== undefined) {
    if (FAILURE.has(current)) return 'no';
    if (WAITING.has(current)) return 'not-yet';
    // Past a stage of the life cycle is yes to it ("shipped?" - "delivered"); past a success is no
    // answer to it ("paid?" - "refunded").
    const askedAt = states.indexOf(asked);
    const currentAt = states.indexOf(current);
    if (currentAt > askedAt && !FAILURE.has(asked) && !SUCCESS.has(asked)) return 'yes';
    if (currentAt < askedAt) return 'not-yet';
    return undefined;
  }
  if (SUCCESS.has(current)) return 'yes';
  if (FAILURE.has(current)) return 'no';
  if (WAITING.has(current)) return 'not-yet';
  return undefined;
}

/** How a reply opens for a polarity: `Yes, `, `No, `, `Not yet: `. */
export function polarityOpening(polarity: Polarity | undefined): string {
  if (polarity === 'yes') return 'Yes, ';
  if (polarity === 'no') return 'No, ';
  if (polarity === 'not-yet') return 'Not yet: ';
  return '';
}
