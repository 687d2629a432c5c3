// Required paging inputs ("page", "per_page") that the message never gives: no customer is asked which
// page of results they want. The first page, of a modest size, is what a person would look at first.
import type { ParameterInfo } from '../catalog/list-parameters.js';
import type { Mention } from './mention.js';

/** Inputs naming which page of results (`page`, `pageNumber`, `page_no`). */
const PAGE_NUMBER = /^(?:page|page_?(?:number|num|no|index))$/i;
/** Inputs naming how far into the results to start (`offset`, `skip`, `startIndex`). */
const PAGE_START = /^(?:offset|skip|start_?index)$/i;
/** Inputs naming how many results a page holds (`per_page`, `pageSize`, `limit`, `page_quantity`). */
const PAGE_SIZE =
  /^(?:per_?page|page_?(?:size|limit|quantity|count)|limit|max_?results|results_?per_?page)$/i;
/**
 * A description that says the input pages a list ("The number of records to skip"): `skip` or `limit`
 * may count other things (primes to skip), and only a name with "page" in it says so alone.
 */
const PAGING = /\bpaginat|\bpages?\b|\bresults\b|\brecords\b|\bitems\b|\bentries\b/i;
/** The page size given when the schema's example or limits say none. */
const PAGE_SIZE_FALLBACK = 20;

/** The number a schema shows by example or default, if it is a whole number. */
function shownNumber(schema: Record<string, unknown>): number | undefined {
  for (const value of [schema.default, schema.example]) {
    const number = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
    if (typeof number === 'number' && Number.isInteger(number)) return number;
  }
  return undefined;
}

/** The value in the type the schema asks for (VTEX's `page` is a string of digits). */
function typed(parameter: ParameterInfo, value: number): number | string {
  return parameter.type === 'string' ? String(value) : value;
}

/**
 * Fills each required paging input `input` lacks: the first page (the schema's minimum, else 1; an
 * offset 0) and a page size from the schema (its default or example, within its maximum), else 20.
 */
export function fillPaging(parameters: ParameterInfo[], input: Record<string, unknown>): void {
  for (const parameter of parameters) {
    if (!parameter.required || parameter.name in input) continue;
    if (parameter.type !== undefined && !['integer', 'number', 'string'].includes(parameter.type)) continue;
    const schema = parameter.schema as Record<string, unknown>;
    const minimum = typeof schema.minimum === 'number' ? schema.minimum : undefined;
    const maximum = typeof schema.maximum === 'number' ? schema.maximum : undefined;
    const pages = /page/i.test(parameter.name) || PAGING.test(parameter.description);
    if (PAGE_NUMBER.test(parameter.name)) input[parameter.name] = typed(parameter, minimum ?? 1);
    else if (PAGE_START.test(parameter.name) && pages) input[parameter.name] = typed(parameter, minimum ?? 0);
    else if (PAGE_SIZE.test(parameter.name) && pages) {
      const shown = shownNumber(schema);
      const size = shown !== undefined && shown > 0 ? shown : PAGE_SIZE_FALLBACK;
      input[parameter.name] = typed(parameter, Math.max(minimum ?? 1, Math.min(maximum ?? size, size)));
    }
  }
}

/**
 * A count of the records asked for ("my 5 most recent orders", "show me 10 invoices"): the size of
 * the page, for the input that holds it where nothing else took the number.
 */
export function fillCountedSize(
  parameters: ParameterInfo[],
  input: Record<string, unknown>,
  text: string,
  mentions: Mention[],
  used: (mention: Mention) => boolean,
): void {
  const size = parameters.find(
    (parameter) =>
      !(parameter.name in input) &&
      PAGE_SIZE.test(parameter.name) &&
      (parameter.type === 'integer' || parameter.type === 'number' || parameter.type === 'string'),
  );
  if (!size) return;
  const count = mentions.find(
    (mention) =>
      mention.kind === 'number' &&
      !mention.money &&
      !mention.duration &&
      /^\d{1,3}$/.test(mention.text) &&
      Number(mention.text) > 0 &&
      !used(mention) &&
      COUNTED.test(text.slice(mention.end)),
  );
  if (count) input[size.name] = typed(size, Number(count.text));
}
/** What follows a count of records: their plural, maybe after a superlative ("5 most recent orders"). */
const COUNTED = /^\s+(?:(?:most|least)\s+)?(?:\p{L}+est\s+|(?:recent|last|new|old)\s+)?\p{L}+[^sui\s]s\b/u;
