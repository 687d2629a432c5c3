// What an operation's inputs say of the ids they take: the record an input names (`order_id`, `customer`),
// the form its schema gives (a pattern, a UUID, an example's shape), and the literal prefixes its ids
// carry (`sub_`, `#W`), against which a message's ids are read.
import type { JsonSchema } from '../../openapi/index.js';
import { matchesSchemaPattern } from '../../openapi/index.js';
import { schemaTypeOf } from '../../openapi/schema-type.js';
import { isContentWord, splitWords, stemOf } from './read-words.js';

function isObject(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A path parameter and the resource it identifies. */
export interface PathParameter {
  name: string;
  /** Stems of the noun in front of it (`/orders/{id}` -> `order`) and of its own name (`order_id` -> `order`). */
  nouns: Set<string>;
  /** The words of the path segment in front of it, as written (`payment_intents` -> payment, intents). */
  segment?: string[];
  /** The form its schema gives its values, when it gives one. */
  form?: IdForm;
  /**
   * Identifies its record by an email address (Mailchimp's `subscriber_hash`: "…the member's email
   * address"); not a record that is itself an email ("the Automation workflow email") nor a code sent to one.
   */
  byEmail?: boolean;
  /** Identifies its record by a domain name (Google reseller's `customerId`: "the customer's primary domain name or …"). */
  byDomain?: boolean;
}

/** The form of an id input's values, from its schema. */
export interface IdForm {
  pattern?: string;
  /** `format: uuid`. */
  uuid?: boolean;
  /** `type: integer`. */
  integer?: boolean;
  /** The schema's example, as text. */
  example?: string;
  /** The length of a code of capital letters the schema shows (`'HAM'`, "3-letter IATA airport code"). */
  letters?: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A code of two to four capital letters (`HAM`, `EUR`), as an example shows it or a description quotes it. */
const LETTER_CODE = /^[A-Z]{2,4}$/;
const QUOTED_CODE = /[`'"]([A-Z]{2,4})[`'"]/;
/** "3-letter IATA airport code". */
const LETTERS_SAID = /\b([2-4])-letter\b/i;
/** A quoted id a description shows ("The user id, such as 'sara_doe_496'."): a token with a digit. */
const QUOTED_ID = /[`'"]([#A-Za-z0-9][\w#.:-]*\d[\w#.:-]*)[`'"]/;

/** The form an id input's schema gives, when it constrains the value (or its example shows it). */
export function idFormOf(property: unknown): IdForm | undefined {
  if (!isObject(property)) return undefined;
  const form: IdForm = {};
  if (typeof property.pattern === 'string') form.pattern = property.pattern;
  if (property.format === 'uuid') form.uuid = true;
  if (property.type === 'integer') form.integer = true;
  // The compiler gives a parameter's examples as `examples`; a schema may still say `example`.
  const shown = [property.example, ...(Array.isArray(property.examples) ? property.examples : [])].filter(
    (value) => typeof value === 'string' || typeof value === 'number',
  );
  const description = typeof property.description === 'string' ? property.description : '';
  if (shown.length > 0) form.example = shown.map(String).join(' or ');
  else {
    const quoted = QUOTED_ID.exec(description);
    if (quoted) form.example = quoted[1];
  }
  // Its length: a code the schema shows, else the length its description says, else a quoted code's.
  const code = [...shown, property.default].map(String).find((value) => LETTER_CODE.test(value));
  const said = LETTERS_SAID.exec(description)?.[1];
  const letters = code?.length ?? (said ? Number(said) : QUOTED_CODE.exec(description)?.[1].length);
  if (letters) form.letters = letters;
  return Object.keys(form).length > 0 ? form : undefined;
}

const SEPARATOR = /^[-_.:/]$/;

/** A code of letters then digits, maybe with a separator between them ("PO-0388", "PO1234"). */
const LETTERS_DIGITS = /^([A-Za-z]+)[-_ ]?(\d+)$/;

/**
 * Whether an id has the shape of the schema's example: the same separators, and part by part the
 * same kind: digits, letters, or a code of both about as long (`mohamed_silva_9265` has the shape of
 * `sara_doe_496`, `VA5SGQ` of `ZFA04Y`). Undefined when the example is no id (no digit).
 */
function fitsExample(id: string, example: string): boolean | undefined {
  // An example may show several forms ("1172452900788-01 or seq501456"): the id fits any of them.
  const forms = example
    .trim()
    .split(/\s+(?:or\s+)?|,\s*|;\s*/)
    .filter((form) => /\d/.test(form));
  if (forms.length > 1) return forms.some((form) => fitsExample(id, form) === true);
  if (!/\d/.test(example)) return undefined;
  // "PO-0388" for 'PO1234', "INV0932" for 'INV-0001': a separator between a code's letters and its
  // digits is written or left out as customers please, where the letters are the example's.
  const [givenCode, shownCode] = [id, example].map((text) =>
    LETTERS_DIGITS.exec(text.trim().replace(/^#/, '')),
  );
  if (givenCode && shownCode && givenCode[1].toLowerCase() === shownCode[1].toLowerCase()) return true;
  const parts = (text: string) =>
    text
      .trim()
      .replace(/^#/, '')
      .split(/([-_.:/])/);
  const [given, shown] = [parts(id), parts(example)];
  if (given.length !== shown.length) return false;
  return shown.every((part, at) => {
    const other = given[at];
    if (SEPARATOR.test(part)) return other === part;
    if (/^\d+$/.test(part)) return /^\d+$/.test(other);
    if (/^[A-Za-z]+$/.test(part)) return /^[A-Za-z]+$/.test(other);
    return (
      /^[A-Za-z0-9]+$/.test(other) && Math.abs(other.length - part.length) <= Math.max(1, part.length / 4)
    );
  });
}

/**
 * Whether an id fits the form its input's schema gives (`#4410` fits `^[0-9]{4,10}$`, `VA5SGQ` the
 * example `ZFA04Y`); undefined when the form says nothing.
 */
export function fitsIdForm(id: string, form: IdForm | undefined): boolean | undefined {
  if (!form) return undefined;
  const bare = id.replace(/^#/, '');
  if (form.uuid) return UUID.test(bare);
  if (form.integer) return /^\d+$/.test(bare);
  if (!form.pattern && form.letters && /^[A-Za-z]+$/.test(bare)) return bare.length === form.letters;
  if (!form.pattern) return form.example === undefined ? undefined : fitsExample(id, form.example);
  const pattern = form.pattern;
  // Customers write codes in any case ("sku-77310" for `^SKU-[0-9]+$`); the value is sent as the
  // pattern wants it.
  return [id, bare].some((text) => matchesSchemaPattern(pattern, text, { ignoreCase: true }));
}

/**
 * Whether an id cannot be a value of the input: it breaks the form its schema requires (a pattern, a
 * UUID, an integer), or it is a bare number where the schema's example is a code with letters ("28236"
 * for '#W0000000'). An example shows one form, not every one ("paypal_7644869" may follow
 * 'gift_card_0000000'), so an id of another shape is not refused for it alone.
 */
export function contradictsIdForm(id: string, form: IdForm | undefined): boolean {
  if (!form) return false;
  if (form.pattern || form.uuid || form.integer) return fitsIdForm(id, form) === false;
  return form.example !== undefined && /^\d+$/.test(id.replace(/^#/, '')) && /[A-Za-z]/.test(form.example);
}

/** An input name that holds an id: `id`, `order_id`, `reservationId`, `sku`, `code`. */
const ID_NAME =
  /(^|[^a-z])(id|ids|uuid|guid|key|code|number|no|num|ref|slug|sku)$|(Id|ID|Ids|Number|Code|Key|Uuid)$/;
export const ID_WORDS = new Set([
  'id',
  'ids',
  'uuid',
  'guid',
  'key',
  'code',
  'number',
  'no',
  'num',
  'ref',
  'slug',
]);

/** Whether an input's name says it holds an id (`order_id`, `reservationId`, `sku`). */
export function isIdName(name: string): boolean {
  return ID_NAME.test(name);
}

/** The stems of what an id input identifies, from its name (`order_id` -> `order`). */
export function idNounStems(name: string): Set<string> {
  return new Set(
    splitWords(name)
      .filter((word) => !ID_WORDS.has(word) && isContentWord(word))
      .map(stemOf),
  );
}

/** An input that takes a record's id, read from its name alone (`customer`, `payment_intent`). */
export function inputRecord(name: string): PathParameter {
  // Its words without those naming an id: `InvoiceNumber` is an invoice's, abbreviated `INV-`.
  const segment = splitWords(name).filter((word) => isContentWord(word) && !ID_WORDS.has(word.toLowerCase()));
  return { name, nouns: idNounStems(name), segment };
}
/** Whether an input's schema can hold an id: a string or a number (nullable or not), not one of listed values. */
export function holdsId(schema: unknown): boolean {
  if (!isObject(schema) || schema.enum) return false;
  return ['string', 'integer', 'number', undefined].includes(schemaTypeOf(schema));
}

/**
 * Whether an id's literal prefix abbreviates the resource in front of a path parameter, as APIs write
 * their ids: a one-word resource's start (`sub_` for subscriptions, `cus_` for customers), a compound's
 * initials (`pi_` for payment_intents). The start of a compound's first word names the thing it
 * qualifies (`sub-` is the subscription's, not its `subscription-cancellations`' id).
 */
export function abbreviates(prefix: string, parameter: PathParameter): boolean {
  const letters = prefix.replace(/[^a-z]/gi, '').toLowerCase();
  const words = parameter.segment ?? [];
  // Two letters joined to the digits are a country's or a carrier's code as often ("SE556677889901",
  // a Swedish VAT number, abbreviates no settlement); set apart (`ch_`, `pi_`) they name the record.
  const setApart = /[_:-]$/.test(prefix);
  if (letters.length < (setApart ? 2 : 3) || words.length === 0) return false;
  if (words.length > 1) return words.map((word) => word[0]).join('') === letters;
  return words[0].startsWith(letters);
}

/**
 * Literal id prefixes in a value: `sub_1234` -> `sub_`, `#W0000000` -> `#w`, `INV-2026-001` -> `inv-`,
 * `inv:0-ChCH…` -> `inv:`.
 */
export function idPrefixOf(value: string): string | undefined {
  const match = /^([#]?[A-Za-z]{1,6}[_:-]?|#)(?=[0-9A-Za-z]*\d)/.exec(value.trim());
  if (!match || match[1].length < 2) return undefined;
  return match[1].toLowerCase();
}

export function idPrefixes(inputSchema: JsonSchema): string[] {
  const prefixes = new Set<string>();
  const properties = isObject(inputSchema.properties) ? inputSchema.properties : {};
  for (const property of Object.values(properties)) {
    if (!isObject(property)) continue;
    const samples: unknown[] = [
      property.example,
      ...(Array.isArray(property.examples) ? property.examples : []),
    ];
    const pattern =
      typeof property.pattern === 'string'
        ? /^\^?((?:\\#|#)?[A-Za-z]{1,6}[_-]?)/.exec(property.pattern)
        : null;
    if (pattern) samples.push(`${pattern[1].replace('\\', '')}1`);
    const description = typeof property.description === 'string' ? property.description : '';
    for (const quoted of description.matchAll(/[`'"]([#A-Za-z]{1,7}[_-]?[0-9A-Za-z]*\d[0-9A-Za-z]*)[`'"]/g))
      samples.push(quoted[1]);
    for (const sample of samples) {
      if (typeof sample !== 'string') continue;
      const prefix = idPrefixOf(sample);
      if (prefix && !/^\d/.test(prefix)) prefixes.add(prefix);
    }
  }
  return [...prefixes];
}
