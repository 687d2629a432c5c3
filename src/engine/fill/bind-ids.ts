// Binds the ids a message gives to the parameters they identify: an id goes to the parameter whose
// resource noun stands in front of it ("order 10234" -> the order's id, not a status id), else the
// only id to the only id parameter; its form follows what the schema shows (`#W...` keeps its `#`).
import {
  type AnalyzedQuery,
  abbreviates,
  contradictsIdForm,
  EMAIL_ADDRESS,
  fitsIdForm,
  holdsId,
  type IndexedTool,
  idNounStems,
  inputRecord,
  isIdName,
  type QueryId,
} from '../../tools/index.js';
import type { ParameterInfo } from '../catalog/list-parameters.js';
import { splitWords } from '../language/split-words.js';
import { matchPattern } from './convert-mention.js';
import { findAddress } from './split-address.js';

/** A text input's description that says it takes several values in one ("a comma-separated list"). */
const COMMA_LIST = /\bcomma[- ]?(?:separated|delimited)\b/i;

/** Ids bound to parameters, and the message with them taken out (so no other parameter takes them again). */
export interface BoundIds {
  input: Record<string, unknown>;
  rest: string;
}

/** Whether a parameter takes an id: a path parameter, or a name like `order_id`, `sku`. */
function isIdParameter(parameter: ParameterInfo, entry: IndexedTool): boolean {
  if (entry.pathParameters.some((path) => path.name === parameter.name)) return true;
  if (!holdsId(parameter.schema)) return false;
  // The name as written, and as words (`ORDER_ID` reads `order id`).
  return isIdName(parameter.name) || isIdName(splitWords(parameter.name).join(' '));
}

/** The ranking's reading of an id parameter of the operation (its nouns, its form), when it has one. */
export const knownIdParameter = (parameter: ParameterInfo, entry: IndexedTool) =>
  entry.idParameters.find((candidate) => candidate.name === parameter.name);

/** The stems naming what a parameter identifies (`/orders/{id}` and `order_id` -> `order`). */
export function nounsOf(parameter: ParameterInfo, entry: IndexedTool): Set<string> {
  return knownIdParameter(parameter, entry)?.nouns ?? idNounStems(parameter.name);
}

/** The id in the form the parameter's schema shows. */
function formatId(id: QueryId, parameter: ParameterInfo): unknown {
  const schema = parameter.schema;
  const samples = [
    schema.example,
    ...(Array.isArray(schema.examples) ? schema.examples : []),
    schema.pattern,
    parameter.description,
  ].filter((sample): sample is string => typeof sample === 'string');
  const keepsHash = samples.some((sample) => /(^|[\s'"`^])\\?#/.test(sample));
  // A long number written in groups ("831 2345 6789") is sent as one.
  const written = /^\d[\d ]+\d$/.test(id.text) ? id.text.replace(/ /g, '') : id.text;
  let text = written.startsWith('#') && !keepsHash ? written.slice(1) : written;
  // An id written without the '#' its schema's examples put before the same form ('#W0000000') gets it.
  const hashed =
    /^[A-Za-z]/.test(text) &&
    samples.some((sample) => sample.toLowerCase().includes(`#${text[0].toLowerCase()}`));
  if (keepsHash && !text.startsWith('#') && hashed) text = `#${text}`;
  if ((parameter.type === 'integer' || parameter.type === 'number') && /^\d+$/.test(text))
    return Number(text);
  if (parameter.type === 'integer' || parameter.type === 'number') return undefined;
  if (typeof schema.pattern === 'string') return matchPattern(text, schema.pattern);
  return text;
}

/** Whether an input is for the new of a pair (`new_item_ids`, `newItemIds`). */
const isNew = (name: string) => splitWords(name).some((word) => word.toLowerCase() === 'new');
/** The words before an id that lead to what something becomes ("for item 4602…", "to item …"). */
const LEADS_TO = /\b(?:for|to|into|with)\s+(?:a|an|the|new)?\s*\w+\s*#?$/i;

/** The message's words before an id, up to it. */
function textBefore(text: string, id: QueryId): string {
  const at = text.indexOf(id.written ?? id.text);
  return at < 0 ? '' : text.slice(Math.max(0, at - 30), at);
}

/** Binds the message's ids to `parameters` of `entry`. */
export function bindIds(options: {
  entry: IndexedTool;
  parameters: readonly ParameterInfo[];
  query: AnalyzedQuery;
  text: string;
}): BoundIds {
  const { entry, query } = options;
  const input: Record<string, unknown> = {};
  const idParameters = options.parameters.filter((parameter) => isIdParameter(parameter, entry));
  // A house number of an address the message gives is no record's id ("his new address is 19 Pine
  // Road, Portland OR 97205").
  const address = findAddress(options.text);
  const inAddress = (id: QueryId) => {
    const at = options.text.indexOf(id.written ?? id.text);
    return address !== undefined && at >= address.start && at < address.end;
  };
  // An email is one value: a part of it is no id ("my email is lucia.fernandez@gmail.com").
  const email = EMAIL_ADDRESS.exec(options.text)?.[0];
  const inEmail = (id: QueryId) => email?.includes(id.written ?? id.text) === true;
  const free = query.ids.filter((id) => !inAddress(id) && !inEmail(id));
  const taken: QueryId[] = [];
  const take = (id: QueryId, parameter: ParameterInfo) => {
    // An id whose form the input's schema contradicts is another record's ("28236", a zip code, is no
    // order id like '#W0000000').
    if (contradictsIdForm(id.text, knownIdParameter(parameter, entry)?.form)) return false;
    const value = formatId(id, parameter);
    if (value === undefined) return false;
    input[parameter.name] = value;
    free.splice(free.indexOf(id), 1);
    taken.push(id);
    return true;
  };
  // The record inputs an id's own prefix names (`pi_…` the `payment_intent`): its prefix says more
  // than the noun before it ("charged $89 (pi_3Ow…)" is no charge's id).
  const records = [...entry.pathParameters, ...entry.recordInputs];
  const prefixNames = (id: QueryId, name: string) =>
    records.some((record) => record.name === name && abbreviates(id.prefix as string, record));
  const namedByPrefix = (id: QueryId, parameter: ParameterInfo) =>
    /[_-]$/.test(id.prefix ?? '') &&
    !prefixNames(id, parameter.name) &&
    records.some((record) => abbreviates(id.prefix as string, record));
  // A list of ids written as one text (eBay's `orderIds`) takes every id below, where there are several.
  const commaList = (parameter: ParameterInfo) =>
    parameter.type === 'string' &&
    /s$/.test(parameter.name) &&
    isIdName(parameter.name.replace(/s$/, '')) &&
    COMMA_LIST.test(parameter.description);
  // First the ids whose noun names a parameter's resource.
  for (const parameter of idParameters) {
    if (free.length > 1 && commaList(parameter)) continue;
    const nouns = nounsOf(parameter, entry);
    const id = free.find(
      (candidate) =>
        candidate.noun !== '' && nouns.has(candidate.noun) && !namedByPrefix(candidate, parameter),
    );
    if (id) take(id, parameter);
  }
  // Then the ids whose own prefix abbreviates a path parameter's resource (`cus_...` is the
  // customer's in `/customers/{customer}/cards/{id}`, not the card's).
  for (const path of entry.pathParameters) {
    const parameter = idParameters.find((candidate) => candidate.name === path.name);
    if (!parameter || parameter.name in input) continue;
    const id = free.find(
      (candidate) => candidate.prefix !== undefined && abbreviates(candidate.prefix, path),
    );
    if (id) take(id, parameter);
  }
  // Then the ids whose prefix abbreviates the record a change takes in its body (`pi_...` is the
  // `payment_intent` of `POST /refunds`).
  for (const record of entry.recordInputs) {
    const parameter = options.parameters.find((candidate) => candidate.name === record.name);
    if (!parameter || parameter.name in input) continue;
    const id = free.find(
      (candidate) => candidate.prefix !== undefined && abbreviates(candidate.prefix, record),
    );
    if (id) take(id, parameter);
  }
  // Then a list of ids (`item_ids`) takes every id its noun stands before ("return item 1151293680
  // and item 1151293681"); of a list of the old and one of the new (`new_item_ids`), the new takes
  // those the exchange leads to ("exchange item 1151293680 for item 4602305039").
  const lists = options.parameters.filter((parameter) => {
    const items = parameter.schema.items as { type?: unknown } | undefined;
    return (
      parameter.type === 'array' &&
      isIdName(parameter.name.replace(/s$/, '')) &&
      (items?.type === 'string' || items?.type === 'integer')
    );
  });
  const nounsOfList = (parameter: ParameterInfo) =>
    new Set([...idNounStems(parameter.name.replace(/s$/, ''))].filter((stem) => stem !== 'new'));
  const pairs = (parameter: ParameterInfo) =>
    lists.some(
      (other) =>
        other !== parameter &&
        [...nounsOfList(other)].join() === [...nounsOfList(parameter)].join() &&
        isNew(other.name) !== isNew(parameter.name),
    );
  for (const parameter of lists) {
    if (parameter.name in input) continue;
    const items = parameter.schema.items as { type?: unknown };
    const nouns = nounsOfList(parameter);
    const paired = pairs(parameter);
    const leadsTo = (id: QueryId) => LEADS_TO.test(textBefore(options.text, id));
    // By the noun before each id, or by an unnamed id's prefix ("INV-0512" for `InvoiceNumbers`).
    const record = inputRecord(parameter.name.replace(/s$/, ''));
    const ids = free.filter(
      (candidate) =>
        (candidate.noun !== ''
          ? nouns.has(candidate.noun)
          : candidate.prefix !== undefined && abbreviates(candidate.prefix, record)) &&
        (!paired || leadsTo(candidate) === isNew(parameter.name)),
    );
    if (ids.length === 0) continue;
    input[parameter.name] = ids.map((id) =>
      items.type === 'integer' && /^\d+$/.test(id.text) ? Number(id.text) : id.text,
    );
    for (const id of ids) {
      free.splice(free.indexOf(id), 1);
      taken.push(id);
    }
  }
  // Then a list of ids written as one text (eBay's `orderIds`, "a comma-separated list of the order
  // ids"): every id its noun names or that has none, when the message gives two or more.
  for (const parameter of options.parameters) {
    if (parameter.name in input || !commaList(parameter)) continue;
    const nouns = nounsOfList(parameter);
    const ids = free.filter((candidate) => candidate.noun === '' || nouns.has(candidate.noun));
    if (ids.length < 2) continue;
    input[parameter.name] = ids.map((id) => id.text.replace(/^#/, '')).join(',');
    for (const id of ids) {
      free.splice(free.indexOf(id), 1);
      taken.push(id);
    }
  }
  // Then the email of a record identified by one (Mailchimp's `subscriber_hash`).
  if (email)
    for (const known of entry.idParameters) {
      const parameter = options.parameters.find((candidate) => candidate.name === known.name);
      if (known.byEmail && parameter && !(parameter.name in input)) input[parameter.name] = email;
    }
  // Then a code in the form one parameter's schema shows and no other's (`LH1166` for a flight number
  // whose example is `LH400`), whatever noun stands before it.
  for (const id of [...free]) {
    if (!/[A-Za-z]/.test(id.text) || !/\d/.test(id.text)) continue;
    const fitting = idParameters.filter(
      (parameter) =>
        !(parameter.name in input) && fitsIdForm(id.text, knownIdParameter(parameter, entry)?.form) === true,
    );
    if (fitting.length === 1) take(id, fitting[0]);
  }
  // Then a parameter named by a resource noun alone, when that noun stands before an id or the id's
  // own prefix abbreviates it: APIs name a filter by the resource it takes the id of ("customer" in
  // "the invoices for customer cus_N…", and in "I'm cus_Ol92…, how much is my next bill?").
  for (const parameter of options.parameters) {
    if (parameter.name in input || idParameters.includes(parameter) || !holdsId(parameter.schema)) continue;
    const nouns = idNounStems(parameter.name);
    if (nouns.size !== 1) continue;
    const record = inputRecord(parameter.name);
    const id = free.find(
      (candidate) =>
        (candidate.noun !== '' && nouns.has(candidate.noun)) ||
        (/[_-]$/.test(candidate.prefix ?? '') && abbreviates(candidate.prefix as string, record)),
    );
    if (id) take(id, parameter);
  }
  // Then one id left for one required id parameter left, whatever noun stands before it, unless its
  // own prefix names another resource (`cus_...` is no file's id).
  const open = idParameters.filter((parameter) => !(parameter.name in input) && parameter.required);
  const path = entry.pathParameters.find((candidate) => candidate.name === open[0]?.name);
  const namesOther = (id: QueryId) =>
    path !== undefined && /[_-]$/.test(id.prefix ?? '') && !abbreviates(id.prefix as string, path);
  if (open.length === 1 && free.length === 1 && !namesOther(free[0])) take(free[0], open[0]);
  let rest = options.text;
  for (const id of taken) rest = rest.replace(id.written ?? id.text, ' ');
  return { input, rest };
}
