// Reads one returned object into fields with a role each, recognised from the structure of any API's
// JSON (not from one API's names): status, name, identifier, money, date, link, availability, lists,
// maps such as opening hours, and personal data (email, phone, address, card digits) or secrets.
import type { SchemaNode } from '../catalog/engine-tool.js';
import { findCurrency, scanCurrency } from './find-currency.js';
import { isIsoDate } from './format-field.js';
import { fieldWords } from './match-words.js';

/** What a field holds, as far as the reply is concerned. */
export type FieldRole =
  | 'status'
  | 'name'
  | 'identifier'
  | 'money'
  | 'currency'
  | 'date'
  | 'url'
  | 'availability'
  | 'boolean'
  | 'number'
  | 'text'
  | 'scalars'
  | 'map'
  | 'records'
  | 'secret';

/** Personal data that is echoed only when the customer asks for it. */
export type PersonalKind = 'email' | 'phone' | 'address' | 'card';

/** A JSON object of a result. */
export type Row = Record<string, unknown>;

/** One field of a returned object. */
export interface Field {
  /** Its own key. */
  key: string;
  /** The words of its key, after the words of the objects that hold it (`shipping.carrier` -> shipping, carrier). */
  words: string[];
  /** The returned value. */
  value: unknown;
  role: FieldRole;
  personal?: PersonalKind;
  /** Its node of the response schema, when known. */
  schema?: SchemaNode;
  /** For money: the amount in major units and the currency, when known. */
  money?: { amount: number; currency?: string };
  /** How deep it sits: 0 for the object's own fields. */
  depth: number;
}

/** What reading needs besides the object. */
export interface ReadFieldsOptions {
  /** The object's response schema node. */
  schema?: SchemaNode;
  /** The API's one currency, for amounts without a currency of their own. */
  apiCurrency?: string;
  /** Enclosing objects, nearest first (for a currency set on the order around its lines). */
  parents?: Row[];
}

/** Whether a value is a JSON object (not an array, not null). */
export const isRecord = (value: unknown): value is Row =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const NAME_KEYS = /^(?:name|title|label|display_?name|full_?name|product_?name|subject|headline)$/i;
const SECRET_WORDS = new Set([
  'password',
  'passwd',
  'secret',
  'token',
  'ssn',
  'cvv',
  'cvc',
  'pin',
  'otp',
  'hash',
  'salt',
  'session',
  'apikey',
  'birth',
  'dob',
  'passport',
]);
const IDENTIFIER_WORDS = new Set([
  'id',
  'uuid',
  'guid',
  'number',
  'no',
  'num',
  'code',
  'ref',
  'reference',
  'sku',
  'slug',
  'handle',
  'key',
]);
const MONEY_WORDS = new Set([
  'price',
  'amount',
  'total',
  'subtotal',
  'cost',
  'balance',
  'fee',
  'fees',
  'tax',
  'charge',
  'charges',
  'credit',
  'discount',
  'refund',
  'refunded',
  'paid',
  'due',
  'owed',
  'payout',
  'deposit',
  'fare',
  'salary',
  'revenue',
]);
/** Words that make a `total…` or `…amount` field a count rather than money. */
const COUNT_WORDS = new Set([
  'count',
  'items',
  'results',
  'pages',
  'quantity',
  'qty',
  'number',
  'weight',
  'size',
  'units',
  'hits',
  'records',
  'percent',
  'percentage',
]);
const STOCK_WORDS = new Set([
  'stock',
  'inventory',
  'available',
  'availability',
  'instock',
  'onhand',
  'sellable',
]);
const DATE_KEY_WORDS = new Set([
  'at',
  'on',
  'date',
  'time',
  'timestamp',
  'created',
  'updated',
  'until',
  'since',
  'expires',
  'due',
]);
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
// A phone number as people write one: `+1 512 555 0150`, `(512) 555-0150`, `512-555-0150`.
const PHONE = /^(?:\+\d[\d\s().-]{6,18}\d|\(\d{2,5}\)\s?[\d\s.-]{5,14}\d|\d{3}[-.\s]\d{3}[-.\s]\d{4})$/;
const CARD_VALUE =
  /\b(?:ending(?: in)?|last ?4|[*•xX]{4,})\s*[-–]?\s*\d{4}\b|\b(?:visa|master ?card|amex|american express|discover|maestro|diners|jcb|unionpay)\b[^\n]*\d{4}/i;
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

function personalOf(key: string, words: string[], value: unknown): PersonalKind | undefined {
  if (/last_?4|card_?number|iban/i.test(key)) return 'card';
  const has = (...candidates: string[]) => candidates.some((word) => words.includes(word));
  if (has('email', 'mail')) return typeof value === 'string' || value === undefined ? 'email' : undefined;
  if (typeof value === 'string' && EMAIL.test(value.trim())) return 'email';
  if (has('phone', 'telephone', 'mobile', 'tel', 'fax', 'cell')) return 'phone';
  if (has('address', 'street', 'addr', 'postcode', 'postal', 'zip', 'zipcode', 'line1', 'line2', 'ip'))
    return 'address';
  if (has('card', 'pan', 'iban', 'last4', 'cardnumber', 'bic', 'routing')) return 'card';
  if (words.includes('account') && words.includes('number')) return 'card';
  if (typeof value === 'string' && !isIsoDate(value) && !/^https?:/i.test(value)) {
    if (CARD_VALUE.test(value)) return 'card';
    if (PHONE.test(value.trim())) return 'phone';
  }
  return undefined;
}

/** The schema node of a property of `node` (through `allOf`). */
export function schemaChild(node: SchemaNode | undefined, key: string): SchemaNode | undefined {
  if (!node) return undefined;
  const properties = node.properties;
  if (isRecord(properties) && isRecord(properties[key])) return properties[key] as SchemaNode;
  for (const part of Array.isArray(node.allOf) ? node.allOf : []) {
    const found = schemaChild(part as SchemaNode, key);
    if (found) return found;
  }
  if (isRecord(node.additionalProperties)) return node.additionalProperties as SchemaNode;
  return undefined;
}

/** The schema node of the items of an array node. */
export function schemaItems(node: SchemaNode | undefined): SchemaNode | undefined {
  return node && isRecord(node.items) ? (node.items as SchemaNode) : undefined;
}

const shapeOfText = (text: string) => text.replace(/\d+/g, '9').toLowerCase();

/**
 * Whether an object is a map of like values (opening hours per day, prices per size) rather than an
 * object with fields: its schema says so, its keys are weekdays or dates, or its values share a shape.
 */
function isMap(value: Row, schema: SchemaNode | undefined): boolean {
  const entries = Object.entries(value);
  if (
    entries.length < 2 ||
    !entries.every(([, item]) => typeof item === 'string' || typeof item === 'number')
  )
    return false;
  if (schema && isRecord(schema.additionalProperties) && !isRecord(schema.properties)) return true;
  const keys = entries.map(([key]) => key.toLowerCase());
  if (keys.every((key) => WEEKDAYS.includes(key) || isIsoDate(key))) return true;
  if (entries.length < 3) return false;
  const shapes = new Set(entries.map(([, item]) => shapeOfText(String(item))));
  return shapes.size === 1 && typeof entries[0][1] === 'string';
}

function numeric(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^-?\d+(?:\.\d+)?$/.test(value.trim())) return Number(value);
  return undefined;
}

function isMoneyField(words: string[], value: unknown, schema: SchemaNode | undefined): boolean {
  if (numeric(value) === undefined || words.some((word) => COUNT_WORDS.has(word))) return false;
  if (words.some((word) => MONEY_WORDS.has(word))) return true;
  const description = typeof schema?.description === 'string' ? schema.description : '';
  return (
    /\b(?:price|amount|cost|dollars?|euros?|cents?)\b/i.test(description) ||
    scanCurrency(description) !== undefined
  );
}

/** A money object such as `{amount: 12.5, currency: "EUR"}` or `{value: "12.50", currency_code: "EUR"}`. */
function moneyObject(value: Row): { amount: number; currency: string } | undefined {
  const entries = Object.entries(value);
  if (entries.length > 4) return undefined;
  const amountEntry = entries.find(([key]) => /^(?:amount|value|total|units)$/i.test(key));
  const currencyEntry = entries.find(([key]) => /currency/i.test(key));
  const amount = numeric(amountEntry?.[1]);
  const currency = typeof currencyEntry?.[1] === 'string' ? currencyEntry[1].trim().toUpperCase() : undefined;
  return amount !== undefined && currency && /^[A-Z]{3}$/.test(currency) ? { amount, currency } : undefined;
}

function roleOfScalar(
  key: string,
  words: string[],
  value: unknown,
  schema: SchemaNode | undefined,
): FieldRole {
  const last = words[words.length - 1] ?? '';
  const format = typeof schema?.format === 'string' ? schema.format : '';
  if (typeof value === 'string' && /^https?:\/\/\S+$/i.test(value.trim())) return 'url';
  if (typeof value === 'string' && (isIsoDate(value) || format === 'date' || format === 'date-time'))
    return isIsoDate(value) ? 'date' : 'text';
  if (
    typeof value === 'number' &&
    words.some((word) => DATE_KEY_WORDS.has(word)) &&
    value >= 1e9 &&
    value < 1e13
  )
    return 'date';
  if (last === 'currency' || (words.includes('currency') && typeof value === 'string')) return 'currency';
  // A status is a word ("shipped", "IN_TRANSIT"), not a code such as a US state's "TX".
  if ((last === 'status' || last === 'state') && typeof value === 'string' && /[a-z_]/.test(value))
    return 'status';
  const stockWords = words.some((word) => STOCK_WORDS.has(word)) || /instock|outofstock|soldout/i.test(key);
  if (stockWords && (typeof value === 'number' || typeof value === 'boolean')) return 'availability';
  if (isMoneyField(words, value, schema)) return 'money';
  if (NAME_KEYS.test(key) && typeof value === 'string') return 'name';
  if (IDENTIFIER_WORDS.has(last) || /^(?:id|uuid|guid|sku)$/i.test(key)) return 'identifier';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return 'number';
  return 'text';
}

const MAX_DEPTH = 2;

/** The fields of `record`, nested objects read into their fields (up to two levels). */
export function readFields(record: Row, options: ReadFieldsOptions = {}): Field[] {
  const fields: Field[] = [];
  const visit = (
    object: Row,
    schema: SchemaNode | undefined,
    prefix: string[],
    parents: Row[],
    depth: number,
  ) => {
    for (const [key, value] of Object.entries(object)) {
      if (value === null || value === undefined || value === '') continue;
      const own = fieldWords(key);
      const words = [...prefix, ...own];
      const node = schemaChild(schema, key);
      const base = { key, words, value, schema: node, depth };
      if (own.some((word) => SECRET_WORDS.has(word)) || (own.includes('api') && own.includes('key'))) {
        fields.push({ ...base, role: 'secret' });
        continue;
      }
      const personal = personalOf(key, words, typeof value === 'object' ? undefined : value);
      if (Array.isArray(value)) {
        if (value.length === 0) continue;
        // A list of one object (an order's one shipment) is read as that object.
        if (value.length === 1 && isRecord(value[0]) && depth < MAX_DEPTH && !moneyObject(value[0])) {
          visit(value[0], schemaItems(node), words, [object, ...parents], depth + 1);
          continue;
        }
        const scalars = value.every((item) => typeof item !== 'object' || item === null);
        fields.push({ ...base, role: scalars ? 'scalars' : 'records', personal });
        continue;
      }
      if (isRecord(value)) {
        const money = moneyObject(value);
        if (money) fields.push({ ...base, role: 'money', money });
        else if (isMap(value, node)) fields.push({ ...base, role: 'map', personal });
        else if (depth < MAX_DEPTH) visit(value, node, words, [object, ...parents], depth + 1);
        continue;
      }
      const role = roleOfScalar(key, own, value, node);
      const field: Field = { ...base, role, ...(personal ? { personal } : {}) };
      if (role === 'money') {
        const amount = numeric(value) as number;
        const currency = findCurrency({
          key,
          record: object,
          parents,
          schema: node,
          apiCurrency: options.apiCurrency,
        });
        field.money = {
          amount: currency.minorUnits ? amount / 100 : amount,
          ...(currency.code ? { currency: currency.code } : {}),
        };
      }
      fields.push(field);
    }
  };
  visit(record, options.schema, [], options.parents ?? [], 0);
  return fields;
}
