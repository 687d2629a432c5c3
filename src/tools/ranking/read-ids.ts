// The ids a message gives (`10234`, `sub_1A2b`, `#W0001`, `LH 1166`), each with the noun in front of it.
import type { QueryId } from './analyze-query.js';
import { catalogStem } from './correct-spelling.js';
import { fitsIdForm, idPrefixOf } from './id-inputs.js';
import type { CatalogIndex } from './index-catalog.js';
import { isPlural } from './index-catalog.js';
import { verbProfile } from './ranking-model.js';
import { MONTH, PHONE } from './read-values.js';
import { CHAT_WORDS, isContentWord, splitWords, stemOf } from './read-words.js';
import { loadWordVectors } from './word-vectors.js';

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
 * Whether the number at `start`..`end` of `text` stands beside a count of things, joined by "or",
 * "to" or "and" ("14 days or 30", "2 to 3 weeks"), whose noun `counts` or is a unit.
 */
function besideCount(text: string, start: number, end: number, counts: (word: string) => boolean): boolean {
  const before = /\b\d{1,3}\s+(\p{L}+)\s+(?:or|to|and)\s+$/u.exec(text.slice(0, start))?.[1];
  const after = /^\s+(?:or|to|and)\s+\d{1,3}\s+(\p{L}+)/u.exec(text.slice(end))?.[1];
  return [before, after].some((word) => word !== undefined && (counts(word) || WHOLE_UNIT.test(word)));
}
/**
 * A long run of letters in both cases, two capitals after a small letter more than once, as generated ids are
 * (Square's `PyATxhYLfsMqpVkcKJITPydgEYfZY`), unlike a CamelCase name.
 */
const RANDOM_LETTERS = /^(?=[A-Za-z]{16,}$)(?:.*[a-z][A-Z]{2}){2}/;
// "May 20" and "20 Jun" are dates, not ids.
const MONTH_BEFORE = new RegExp(`\\b${MONTH}\\.?\\s+$`, 'i');
const MONTH_AFTER = new RegExp(`^(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}\\b`, 'i');
/** A product's model code: a few capitals and a few digits ("WM-10", "PL-12D", "XM5"). */
const MODEL_CODE = /^[A-Z]{1,4}-?\d{1,4}[A-Z]?$/;
// "1 May 2024", "March 15, 2024", "January 2024": the year of a date, not an id.
const DATE_BEFORE_YEAR = new RegExp(`\\b${MONTH}\\.?(?:\\s+\\d{1,2}(?:st|nd|rd|th)?)?,?\\s+$`, 'i');

/** Words that name an id between its record's noun and it ("order id 10593", "ticket no. 4410"). */
export const ID_WORDS = new Set(['id', 'number', 'no', 'nr', 'num', 'ref', 'uuid', 'guid', 'key']);
const ID_FILLERS = new Set([
  'uuid',
  'guid',
  'key',
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

/** "What is your order number?", "the ticket ID": a noun with the word that makes it an id. */
const ASKED_ID = /\b([A-Za-z]+)\s+(?:number|no\b|nr\b|id\b|#|reference|code)/gi;

/**
 * The noun of the id the context's last message asks for ("What is your order number?"), which an id
 * given without a noun of its own ("it's 66120") answers.
 */
function askedIdNoun(context: string, index: CatalogIndex): string {
  const last = context.trimEnd().split('\n').pop() ?? '';
  // Only its questions ask: "I've found your account (user id emma_8196). What can I do for you?" asks
  // for no user id.
  const questions = last.match(/[^.!?]*\?/g)?.join(' ') ?? '';
  let noun = '';
  for (const match of questions.matchAll(ASKED_ID)) {
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

/**
 * "<noun> id|number|code", then up to six words, then "is" or ":" right before the id ("the card id
 * you gave me last time was ccof:…").
 */
const LABELLED_FAR =
  /\b([a-z]{3,})\s+(?:id|number|code|no\.?|#)\s+(?:[a-z]+\s+){1,6}(?:is|was|reads|says)\s*:?\s*$/i;

/** Words that stand right before the verb of a request ("please cancel", "can you cancel"). */
const ASKS_BEFORE = new Set(['please', 'pls', 'plz', 'kindly', 'to', 'you', 'u', 'i', 'we', 'just']);

/** Words that open a noun phrase. */
export const DETERMINERS = new Set(['the', 'my', 'a', 'an', 'this', 'that', 'our', 'your']);
/** Words before a noun, never before a verb: determiners, and what is left of a possessive ("Tuesday's" -> "s"). */
export const BEFORE_NOUN = new Set([...DETERMINERS, 'their', 'any', 'his', 'her', 's']);

/** A link's path segment of letters right before an id ("/orders/" of "…/orders/5479021837"). */
const URL_SEGMENT = /(?:^|[\s\w.-])\/([A-Za-z][A-Za-z_-]{2,})\/$/;
/** A host name, not an email's nor a link's: words joined by dots, ending in a top-level domain. */
const HOST_NAME = /(?<![@/.\w-])(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[a-z]{2,12}(?![@\w-]|\.\w)/g;
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

export function findIds(text: string, index: CatalogIndex, context: string): QueryId[] {
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
    // "…/orders/5479021837" in a link: an id in the path, after the segment that names its record.
    const segment = URL_SEGMENT.exec(text.slice(Math.max(0, match.index - 40), match.index));
    if (segment && /^(?:[/?#\s,;!)]|\.(?!\w)|$)/.test(text.slice(match.index + match[0].length))) {
      ids.push({ text: raw, noun: catalogStem(segment[1].toLowerCase(), index), prefix: idPrefixOf(raw) });
      continue;
    }
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
    // "the 14-day trial", "a 2-year plan": a measure made an adjective.
    if (/^\d+-[a-z]+$/i.test(raw) && WHOLE_UNIT.test(raw.replace(/^\d+-/, ''))) continue;
    // "500 US dollars", "20000 Japanese Yen": an amount in a currency its country names.
    if (/^\d+$/.test(raw) && CURRENCY_AFTER.test(text.slice(match.index + match[0].length))) continue;
    // "took me 5 tries", "split into 2 packages", "2 flat whites": a short number before a plural (or
    // a word and a plural), with no noun of the catalog in front of it ("order 12 looks wrong";
    // "40 min for 2 flat whites" names no record), counts it.
    const after = /^\s+(\p{L}+)(?:\s+(\p{L}+))?(?:\s+(\p{L}+))?/u.exec(
      text.slice(match.index + match[0].length),
    );
    const counted = (word: string | undefined) =>
      word !== undefined &&
      isPlural(word.toLowerCase()) &&
      loadWordVectors()?.rows.has(word.toLowerCase()) === true;
    // "my 5 most recent orders": a superlative between the count and its plural.
    const ranked = after?.[1]?.toLowerCase() === 'most' || /est$/i.test(after?.[1] ?? '');
    if (
      /^\d{1,3}$/.test(raw) &&
      (counted(after?.[1]) || counted(after?.[2]) || (ranked && counted(after?.[3])))
    ) {
      const label = nounBefore(text, match.index, index);
      if (!(label && index.pathStems.has(label))) continue;
    }
    // "14 days or 30", "2 to 3 weeks": a short number beside a count of things counts them too.
    if (/^\d{1,3}$/.test(raw) && besideCount(text, match.index, match.index + match[0].length, counted))
      continue;
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
    // So is a short model code there ("the Sony Walkman WM-10", "the Pioneer PL-12D turntable").
    if (
      (/^\d{1,3}$/.test(raw) || MODEL_CODE.test(raw)) &&
      named &&
      !index.idf.has(stemOf(named[1].toLowerCase())) &&
      !ID_WORDS.has(named[1].toLowerCase())
    )
      continue;
    // "done by 11", "open until 9": an hour, not an id.
    if (/^\d{1,2}$/.test(raw) && HOUR_BEFORE.test(text.slice(0, match.index))) continue;
    // A day of a month: "on May 20", "20 June".
    if (
      /^\d{1,2}$/.test(raw) &&
      (MONTH_BEFORE.test(text.slice(0, match.index)) ||
        MONTH_AFTER.test(text.slice(match.index + match[0].length)))
    )
      continue;
    if (/^(?:19|20)\d\d$/.test(raw) && DATE_BEFORE_YEAR.test(text.slice(0, match.index))) continue;
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
  // A host name where an id input takes a domain ("subscription 7719 for strandcafe-meyer.de").
  if (index.takesDomains)
    for (const match of text.matchAll(HOST_NAME))
      if (!ids.some((id) => id.text === match[0])) take(match[0], match.index);
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
      // "The customer is signed in", "the order is pending": a state, not a name.
      if (/(?:ed|ing)$/.test(lower) && loadWordVectors()?.rows.has(lower)) continue;
      // Chat's shorthand is no value ("cancel my subscription pls").
      if (CHAT_WORDS.has(lower)) continue;
      ids.push({ text: value, noun: catalogStem(label, index), prefix: idPrefixOf(value) });
    }
  return ids;
}

/** The ids `text` gives, as the ranking reads them (a follow-up's earlier turns). */
export function readIds(text: string, index: CatalogIndex): QueryId[] {
  return findIds(text, index, '');
}
