// The values a message gives (dates, emails, numbers, proper names and codes) and the inputs an
// operation takes them in. Customers name places, people, dates and options ("a nonstop from Boston to
// Miami tomorrow", "upgrade us to business"): those words are not the operation's topic, they fill it,
// so the ranking reads how completely each operation can be filled rather than counting them as words
// no operation knows.
import { isRecord } from '../../openapi/is-record.js';
import { contentStems, STOP_WORDS, splitWords, stemOf } from './read-words.js';

/** What kind of value an input takes, as far as the ranking tells them apart. */
export type SlotKind = 'date' | 'email' | 'number' | 'place' | 'person' | 'name' | 'enum';

/** An input that takes a value of the message (not an id: those are bound by their nouns). */
export interface ValueSlot {
  name: string;
  kind: SlotKind;
  required: boolean;
  /** Filled by the customer's identity, hidden from the model: never missing, and takes its kind of value. */
  bound?: boolean;
  /** For an enum: its allowed values as written, and each one's stems (`last_month` -> last, month). */
  labels?: string[];
  choices?: string[][];
  /** The stem of the name's last word (`order_status` -> status), for an enum. */
  lastStem?: string;
}

/** The values a message gives. */
export interface MessageValues {
  /** Proper names and codes, lower case ("boston", "jfk"): not topic words. */
  names: string[];
  /** Whether a name follows a word that makes it a place ("from Boston", "in Lyon"). */
  place: boolean;
  /** Whether a name follows a word that makes it a person's ("I'm Anna", "for Omar Haddad"). */
  person: boolean;
  /**
   * How many of the names may be people's: not those of a thing named after "the" ("the Sea Salt &
   * Sage candle", "the Autumn collection"), nor the rest of that name.
   */
  people: number;
  dates: number;
  emails: number;
  phones: number;
  numbers: number;
  /** Every content stem of the message, values included (an enum value may be any word). */
  stems: Set<string>;
  /** The message without its dates, emails and phone numbers: what its topic words are read from. */
  prose: string;
}

const DATE_NAME = /(^|[^a-z])(date|day|dob|birthday|since|until|from_date|to_date|start|end|when|time)s?$/i;
const PLACE_NAME =
  /(^|[^a-z])(city|country|location|place|origin|destination|from|to|airport|region|state|town|departure|arrival)$/i;
const PERSON_NAME =
  /(^|[^a-z])(first|last|full|sur|given|family|customer|passenger|recipient)_?name$|^name$/i;
const OTHER_NAME = /(^|[^a-z])(company|brand|title)$/i;
/** Words in front of a thing's name, never of a person's ("the Autumn collection"). */
const THING_BEFORE = new Set(['the', 'this', 'that', 'these', 'those', 'your']);
/** Words in front of a place's name, and of a person's. */
const BEFORE_PLACE = new Set(['in', 'from', 'to', 'at', 'near', 'into']);
const BEFORE_PERSON = new Set(['im', "i'm", 'am', 'named', 'for', 'is', 'me']);

function kindOf(name: string, property: Record<string, unknown>): SlotKind | undefined {
  const format = typeof property.format === 'string' ? property.format : '';
  if (Array.isArray(property.enum) && property.enum.some((value) => typeof value === 'string')) return 'enum';
  if (format === 'email' || /email/i.test(name)) return 'email';
  if (format === 'date' || format === 'date-time' || DATE_NAME.test(name)) return 'date';
  if (property.type === 'integer' || property.type === 'number') return 'number';
  if (property.type !== 'string') return undefined;
  if (PLACE_NAME.test(name)) return 'place';
  if (PERSON_NAME.test(name)) return 'person';
  if (OTHER_NAME.test(name)) return 'name';
  return undefined;
}

/** The inputs of a schema that take values of a message, other than the ids in `ids`. */
export function readSlots(inputSchema: Record<string, unknown>, ids: Set<string>): ValueSlot[] {
  const properties = isRecord(inputSchema.properties) ? inputSchema.properties : {};
  const required = new Set(Array.isArray(inputSchema.required) ? (inputSchema.required as string[]) : []);
  const slots: ValueSlot[] = [];
  for (const [name, property] of Object.entries(properties)) {
    if (ids.has(name) || !isRecord(property)) continue;
    const kind = kindOf(name, property);
    if (!kind) continue;
    const slot: ValueSlot = { name, kind, required: required.has(name) };
    if (kind === 'enum') {
      slot.labels = (property.enum as unknown[]).filter(
        (value): value is string => typeof value === 'string' && contentStems(value).length > 0,
      );
      slot.choices = slot.labels.map((value) => contentStems(value));
      slot.lastStem = stemOf(splitWords(name).at(-1) ?? '');
      if (slot.labels.length === 0) continue;
    }
    slots.push(slot);
  }
  return slots;
}

/** A month's name, whole or cut to three letters. */
export const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const WEEKDAY = '(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?';
const DATE = new RegExp(
  [
    `\\b${MONTH}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?\\b`,
    `\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}\\b`,
    `\\b(?:next|last|this|on)\\s+${WEEKDAY}\\b`,
    `\\b(?:today|tonight|tomorrow|yesterday)\\b`,
    '\\b(?:next|last|this|past)\\s+(?:week|weekend|month|year|quarter)\\b',
    '\\b\\d{4}-\\d{1,2}-\\d{1,2}\\b',
    '\\b\\d{1,2}/\\d{1,2}(?:/\\d{2,4})?\\b',
    '\\bthe\\s+\\d{1,2}(?:st|nd|rd|th)\\b',
  ].join('|'),
  'gi',
);
/** An email address, wherever it stands in a message. */
export const EMAIL_ADDRESS = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;
const EMAIL = new RegExp(EMAIL_ADDRESS.source, 'g');
/** A file's extension: a name with one is a file's, not a site's. */
const FILE = /\.(?:png|jpe?g|gif|pdf|csv|txt|json|xml|xlsx?|docx?|zip|mp[34]|html?|js|ts|py|log|md)$/;
/**
 * A link (with its scheme, or a host and a path), or a host alone that cannot be a file's name: three
 * labels or more, or a hyphen in it ("shop.lindqvist.se", "example-bakery.com"; not "image.png").
 */
const LINK =
  /\bhttps?:\/\/\S+|\b(?:[\p{L}\p{N}-]+\.)+\p{L}{2,6}\/\S*|\b(?:[\p{L}\p{N}-]+\.){2,}\p{L}{2,6}\b|\b[\p{L}\p{N}]+-[\p{L}\p{N}-]*\.\p{L}{2,6}\b/giu;
/**
 * A host of two labels in small letters, written as a customer names a site ("for mybakery.com",
 * "sunsetyoga.studio"): a value too, where the message names no file ("image.png" stays words).
 */
const BARE_HOST = /(?<![\p{L}\p{N}.@/])[\p{Ll}\p{N}]{3,}\.\p{Ll}{2,6}(?![\p{L}\p{N}.@/-])/gu;
/**
 * A phone number: international (`+1 415 555 0101`, `+44 20 7946 0958`) or a national one in the
 * groups phone numbers are written in (`(415) 555-0101`, `415-555-0101`, `415.555.0101`).
 */
export const PHONE =
  /(?<![\w+])(?:\+\d{1,3}[\s.-]?(?:\(\d{1,4}\)[\s.-]?)?\d{1,4}(?:[\s.-]?\d{2,4}){1,4}|\(\d{3}\)\s?\d{3}[\s.-]\d{4}|\d{3}[.-]\d{3}[.-]\d{4})(?![\w-])/g;
/** A proper name or code: capitalised, or two to five capitals. */
const PROPER = /^(?:\p{Lu}\p{Ll}+|\p{Lu}{2,5})$/u;

/**
 * The values `text` gives. A proper name is a capitalised word that does not open a sentence, or a
 * short code in capitals, that the catalog has no word for (`known`), in a message that is not shouted.
 */
export function readValues(text: string, known: (stem: string) => boolean): MessageValues {
  const emails = text.match(EMAIL)?.length ?? 0;
  // A link or a bare host ("example-bakery.com", "lumenspa.com/book/…") is a value: its parts are no
  // words of the message.
  const withoutEmails = text
    .replace(EMAIL, ' ')
    .replace(LINK, ' ')
    .replace(BARE_HOST, (host) => (FILE.test(host) ? host : ' '));
  const phones = withoutEmails.match(PHONE)?.length ?? 0;
  const withoutPhones = withoutEmails.replace(PHONE, ' ');
  const dates = withoutPhones.match(DATE)?.length ?? 0;
  const rest = withoutPhones.replace(DATE, ' ');
  // Capitals in longer words are shouting; short codes ("JFK to SEA") are not.
  const letters = (rest.match(/\p{L}{4,}/gu) ?? []).join('');
  const shouted = letters.length > 0 && letters.replace(/\P{Lu}/gu, '').length / letters.length > 0.5;
  const names: string[] = [];
  let place = false;
  let person = false;
  let people = 0;
  // Where the last name ended, and whether it named a thing.
  let lastEnd = -1;
  let thing = false;
  if (!shouted)
    // Whole tokens: the letters of a code with digits ("JMO1MG") are an id's, not a name.
    for (const match of rest.matchAll(/[\p{L}\p{N}_]+/gu)) {
      const word = match[0];
      if (!PROPER.test(word) || STOP_WORDS.has(word.toLowerCase())) continue;
      const before = rest.slice(0, match.index).trimEnd();
      const opensSentence = before === '' || /[.!?:\n"]$/.test(before);
      const lower = word.toLowerCase();
      if ((opensSentence && !/^\p{Lu}{2,5}$/u.test(word)) || known(stemOf(lower))) continue;
      names.push(lower);
      const previous = /([\p{L}']+)\W*$/u.exec(before)?.[1].toLowerCase() ?? '';
      // A name goes on over "&", "and" and "of" ("Sea Salt & Sage", "Bank of Scotland").
      const goesOn = lastEnd >= 0 && /^\s*(?:&|and|of)?\s*$/i.test(rest.slice(lastEnd, match.index));
      thing = goesOn ? thing : THING_BEFORE.has(previous);
      lastEnd = match.index + word.length;
      if (!thing) people++;
      place ||= BEFORE_PLACE.has(previous);
      person ||= BEFORE_PERSON.has(previous);
    }
  return {
    names,
    place,
    person,
    people,
    dates,
    emails,
    phones,
    numbers: rest.match(/\b\d+(?:\.\d+)?\b/g)?.length ?? 0,
    stems: new Set(contentStems(text)),
    prose: rest,
  };
}

/** Whether the message names one of an enum slot's values (every stem of the value). */
/** Whether the message names one of the values an enum input allows. */
export function namesChoice(slot: ValueSlot, values: MessageValues): boolean {
  return (slot.choices ?? []).some((stems) => stems.every((stem) => values.stems.has(stem)));
}

/** Whether the message gives a value of the slot's kind. */
function fillsSlot(slot: ValueSlot, values: MessageValues): boolean {
  switch (slot.kind) {
    case 'enum':
      return namesChoice(slot, values);
    case 'date':
      return values.dates > 0;
    case 'email':
      return values.emails > 0;
    case 'number':
      return values.numbers > 0;
    case 'place':
      return values.place;
    case 'person':
      return values.person;
    case 'name':
      return values.names.length > 0;
  }
}

/** How an operation's inputs take the message's values. */
export interface SlotFit {
  /** Share of its required value inputs the message gives a value for (0 when it has none). */
  filled: number;
  /** Its required value inputs the message gives nothing for. */
  missing: number;
  /** Whether the message names a value one of its enum inputs allows. */
  choiceNamed: boolean;
  /** Share of the message's values (names, dates, emails) no input of the operation takes. */
  unplaced: number;
}

/** How `slots` take `values`. */
export function fitSlots(slots: ValueSlot[], values: MessageValues): SlotFit {
  const required = slots.filter((slot) => slot.required && !slot.bound);
  const filled = required.filter((slot) => fillsSlot(slot, values)).length;
  const kinds = new Set(slots.map((slot) => slot.kind));
  const given = values.names.length + values.dates + values.emails;
  const takesNames = kinds.has('name') || kinds.has('place') || kinds.has('person');
  const unplaced =
    (takesNames ? 0 : values.names.length) +
    (kinds.has('date') ? 0 : values.dates) +
    (kinds.has('email') ? 0 : values.emails);
  return {
    filled: required.length > 0 ? filled / required.length : 0,
    missing: required.length - filled,
    choiceNamed: slots.some((slot) => slot.kind === 'enum' && namesChoice(slot, values)),
    unplaced: given > 0 ? unplaced / given : 0,
  };
}
