// Chooses the fields of one returned object that answer the question: the status first, then what
// the question's words, its kind (where, when, how much) and the operation's own summary point at;
// never secrets, never personal data the customer did not ask for, never the whole object.

import { fieldWords, matchShare, stemsOfText, stemsOfWords } from './match-words.js';
import type { Field } from './read-fields.js';
import type { Question } from './read-question.js';
import { isNegativeStatus } from './status-words.js';

/** What choosing needs to know besides the fields. */
export interface FactContext {
  question: Question;
  /** Terms of the operation's summary (its first line), and of the rest of its description. */
  summaryTerms: Set<string>;
  descriptionTerms: Set<string>;
  /** Terms of the thing the object is (`order`): they say nothing about which field is wanted. */
  subjectTerms: Set<string>;
  /** The call's argument values: a field that repeats one names the subject, it is no answer. */
  inputValues: Set<string>;
}

/** The chosen facts: what was asked first, links last. */
export interface ChosenFacts {
  /** The object's status, when it has one. */
  status?: Field;
  /** The facts, those the question asks for first, then in the object's order. */
  facts: Field[];
  /** How many of `facts` (from the start) the question asks for by name or kind. */
  asked: number;
  links: Field[];
}

const THRESHOLD = 0.5;
/** A field the question names this clearly is asked for; the rest then only where it helps. */
const ASKED = 0.75;
const MAX_FACTS = 5;
const MAX_LINKS = 2;
const MAX_TEXT = 300;
/** A field inside a nested object counts for a little less than the object's own. */
const DEPTH_PENALTY = 0.05;

// The words of fields that say where a thing is on its way, and where a place is.
const WHERE_TERMS = stemsOfText(
  'track tracking carrier courier shipment shipping ship deliver delivery fulfillment fulfilment eta transit location position city warehouse',
);
const WHEN_TERMS = stemsOfText(
  'eta arrival deliver delivery schedule hours opening open due expected estimated',
);
// Words with which a customer asks for one kind of personal data.
const ASKS_FOR: Record<NonNullable<Field['personal']>, Set<string>> = {
  email: stemsOfText('email mail'),
  phone: stemsOfText('phone telephone mobile call'),
  address: stemsOfText('address street located directions'),
  card: stemsOfText('card method visa mastercard amex credit debit'),
};
const TEXT_ABOUT = stemsOfText('description summary about details overview');
const REASON = stemsOfText('reason explanation cause failure error decline');
const GIVE_TO_CUSTOMER = /\b(?:give|share|send|show|provide)\b[^.]*\b(?:customer|user|buyer|client)\b/i;

const withoutSubject = (terms: Set<string>, subject: Set<string>) =>
  subject.size === 0 ? terms : new Set([...terms].filter((term) => !subject.has(term)));

/** Whether the question asks for a field: always for other data, by name or kind for personal data. */
export function asksFor(field: Field, context: FactContext, isPlace: boolean): boolean {
  if (!field.personal) return true;
  const { question } = context;
  if (matchShare(question.terms, field.words) >= 0.99) return true;
  if (field.personal === 'address' && isPlace && question.kinds.has('where')) return true;
  return [...ASKS_FOR[field.personal]].some((term) => question.terms.has(term));
}

const isDateWord = (word: string) => /^(?:dates?|days?)$/.test(word);

/** How strongly the kind of question (where, when, how much) points at a field. */
function cueOf(field: Field, context: FactContext, isPlace: boolean, primaryMoney?: Field): number {
  // The field's own name: `fulfillments[0].created_at` is a creation date, not a delivery.
  const words = stemsOfWords(fieldWords(field.key));
  const touches = (terms: Set<string>) => [...words].some((term) => terms.has(term));
  let cue = 0;
  for (const kind of context.question.kinds) {
    switch (kind) {
      case 'where':
        // Where a place is: its address answers; where a parcel is: what tracks it helps.
        if (isPlace && field.personal === 'address') cue = Math.max(cue, 0.9);
        else if (touches(WHERE_TERMS)) cue = Math.max(cue, 0.7);
        break;
      case 'when':
        // "When will it arrive?" asks for the expected delivery date itself; "what are the dates?" for every date.
        if (field.role === 'date')
          cue = Math.max(cue, touches(WHEN_TERMS) || context.question.words.some(isDateWord) ? 0.9 : 0.55);
        else if (touches(WHEN_TERMS)) cue = Math.max(cue, 0.6);
        break;
      case 'how-much':
        // The object's own amount (the order's total), not its lines' prices nor its tax.
        if (field.role === 'money') cue = Math.max(cue, field === primaryMoney ? 1 : 0.4);
        break;
      case 'how-many':
        if (field.role === 'availability' || field.role === 'number') cue = Math.max(cue, 0.8);
        break;
    }
  }
  return cue;
}

/** How much a field on its own is worth saying: an object with a status is about its progress. */
function baseOf(field: Field, hasStatus: boolean, negative: boolean): number {
  const words = stemsOfWords(field.words);
  const touches = (terms: Set<string>) => [...words].some((term) => terms.has(term));
  switch (field.role) {
    case 'availability':
    case 'money':
      return hasStatus ? 0.3 : 0.6;
    case 'url': {
      const description = typeof field.schema?.description === 'string' ? field.schema.description : '';
      if (GIVE_TO_CUSTOMER.test(description)) return 0.8;
      return hasStatus ? 0.3 : 0.55;
    }
    case 'text':
      if (negative && touches(REASON)) return 0.7;
      return !hasStatus && touches(TEXT_ABOUT) && String(field.value).length <= MAX_TEXT ? 0.5 : 0;
    default:
      return 0;
  }
}

const TOTAL_WORDS = stemsOfText('total amount price balance due');

/**
 * The amount "how much" asks for: of the outermost amounts, the one the question names, else a
 * total, amount or price, else the first.
 */
function findPrimaryMoney(fields: Field[], question: Set<string>): Field | undefined {
  const money = fields.filter((field) => field.role === 'money' && (field.money?.amount ?? 0) !== 0);
  const depth = Math.min(...money.map((field) => field.depth));
  const outer = money.filter((field) => field.depth === depth);
  const score = (field: Field) =>
    matchShare(question, field.words) * 2 +
    ([...stemsOfWords(fieldWords(field.key))].some((stem) => TOTAL_WORDS.has(stem)) ? 1 : 0) -
    (field.words.some((word) => /^(?:sub|subtotal|tax|fee|fees|discount|refunded)$/.test(word)) ? 1 : 0);
  // Scored once each, not on every comparison; the first of the best wins, as a stable sort would pick it.
  let best: { field: Field; score: number } | undefined;
  for (const field of outer) {
    const value = score(field);
    if (best === undefined || value > best.score) best = { field, score: value };
  }
  return best?.field;
}

const dayOf = (field: Field) =>
  field.role === 'date' && typeof field.value === 'string' ? field.value.slice(0, 10) : undefined;

/** Whether another chosen date falls on the same day and says more (a time) or scores higher. */
function sameDayAsBetter(
  entry: { field: Field; score: number },
  all: { field: Field; score: number }[],
): boolean {
  const day = dayOf(entry.field);
  if (!day) return false;
  const hasTime = (field: Field) => String(field.value).length > 10;
  return all.some(
    (other) =>
      other !== entry &&
      dayOf(other.field) === day &&
      (Number(hasTime(other.field)) > Number(hasTime(entry.field)) ||
        (hasTime(other.field) === hasTime(entry.field) && other.score > entry.score)),
  );
}

const plainWords = (text: string) => text.toLowerCase().match(/[\p{L}\p{M}\d]+/gu) ?? [];

/** Whether a short value is all words of the question (`asked`: the plain words of its text). */
function echoes(value: string, asked: Set<string>): boolean {
  const words = plainWords(value);
  return words.length > 0 && words.length <= 3 && words.every((word) => asked.has(word));
}

/** Whether a code (a tracking number) is already inside a link that is given. */
function repeatsLink(field: Field, links: string[]): boolean {
  if (typeof field.value !== 'string' && typeof field.value !== 'number') return false;
  const value = String(field.value);
  return value.length >= 6 && /\d/.test(value) && links.some((link) => link.includes(value));
}

/** Chooses what to say of an object's `fields` for `context`. */
export function chooseFacts(fields: Field[], context: FactContext): ChosenFacts {
  const statuses = fields.filter((field) => field.role === 'status' && !field.personal);
  const question = withoutSubject(context.question.terms, context.subjectTerms);
  const summary = withoutSubject(context.summaryTerms, context.subjectTerms);
  const description = withoutSubject(context.descriptionTerms, context.subjectTerms);
  // Of several statuses (payment and fulfilment), the one the question or the operation speaks of.
  const status = statuses
    .map((field) => ({
      field,
      score:
        matchShare(question, field.words) +
        matchShare(summary, field.words) / 2 +
        cueOf(field, context, false) -
        field.depth,
    }))
    .sort((left, right) => right.score - left.score)[0]?.field;
  const negative = status !== undefined && isNegativeStatus(String(status.value));
  const primaryMoney = findPrimaryMoney(fields, question);
  const isPlace = status === undefined;
  const askedWords = new Set(plainWords(context.question.text));
  const scored: { field: Field; score: number; asked: boolean; index: number }[] = [];
  for (const [index, field] of fields.entries()) {
    if (field === status || ['secret', 'currency', 'name'].includes(field.role)) continue;
    if (!asksFor(field, context, isPlace)) continue;
    const valueText = typeof field.value === 'object' ? '' : String(field.value);
    if (context.inputValues.has(valueText.toLowerCase())) continue;
    const direct = matchShare(question, field.words, context.question.words);
    // A value the customer just said ("the Paris store": city Paris) tells them nothing.
    if (echoes(valueText, askedWords) && direct < THRESHOLD) continue;
    const cue = cueOf(field, context, isPlace, primaryMoney);
    if (field.role === 'identifier' && direct < THRESHOLD) continue;
    // Another status (a shipment's beside the order's) or a zero amount only when asked by name.
    if (field.role === 'status' && direct < THRESHOLD) continue;
    if (field.money?.amount === 0 && direct < THRESHOLD) continue;
    if (field.role === 'text' && valueText.length > MAX_TEXT && direct < THRESHOLD) continue;
    const score =
      Math.max(
        direct,
        cue,
        matchShare(summary, field.words) * 0.6,
        matchShare(description, field.words) * 0.35,
        baseOf(field, status !== undefined, negative),
      ) -
      DEPTH_PENALTY * field.depth;
    if (score >= THRESHOLD) scored.push({ field, score, asked: direct >= ASKED || cue >= 0.9, index });
  }
  // When the question names what it wants, the rest is left out unless the question touches it too.
  const anyAsked = scored.some((entry) => entry.asked);
  const kept = anyAsked
    ? scored.filter((entry) => entry.asked || matchShare(question, entry.field.words) >= THRESHOLD)
    : scored;
  const links = kept
    .filter((entry) => entry.field.role === 'url')
    .sort((left, right) => right.score - left.score || left.index - right.index)
    .slice(0, MAX_LINKS);
  const linkText = links.map((entry) => String(entry.field.value));
  const facts = kept
    .filter((entry) => entry.field.role !== 'url')
    // A tracking number inside the tracking link is said once, by the link.
    .filter((entry) => !repeatsLink(entry.field, linkText))
    .sort((left, right) => right.score - left.score || left.index - right.index)
    // Two dates of one day (expected and delivered on November 6) are said once, the precise one.
    .filter((entry, _index, all) => !sameDayAsBetter(entry, all))
    .slice(0, MAX_FACTS)
    .sort((left, right) => Number(right.asked) - Number(left.asked) || left.index - right.index);
  return {
    ...(status ? { status } : {}),
    facts: facts.map((entry) => entry.field),
    asked: facts.filter((entry) => entry.asked).length,
    links: links.map((entry) => entry.field),
  };
}
