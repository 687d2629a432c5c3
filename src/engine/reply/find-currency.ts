// Finds the currency of an amount: a currency field beside it or in an enclosing object, the
// schema's description of the field, or the one currency the API's whole schema speaks of; and
// whether the amount is in minor units (cents).
import type { EngineTool, SchemaNode } from '../catalog/engine-tool.js';

// The codes written in API descriptions ("Price in USD"); an upper-case word matches only these, so
// a description's "ALL" or "TOP" is never taken for a currency.
const CODES = new Set(
  'USD EUR GBP JPY CHF CAD AUD NZD SEK NOK DKK PLN CZK HUF RON BGN ISK TRY INR CNY HKD SGD KRW TWD THB MYR IDR PHP VND BRL MXN ARS CLP COP PEN ZAR NGN KES EGP MAD AED SAR QAR ILS RUB UAH'.split(
    ' ',
  ),
);
const CODE_PATTERN = /\b[A-Z]{3}\b/g;
const MINOR_UNITS = /\b(?:cents?|pence|smallest (?:currency )?unit|minor units?)\b/i;

type Row = Record<string, unknown>;

/** The one currency code `text` names, or undefined when it names none or several. */
export function scanCurrency(text: string): string | undefined {
  const found = codesIn(text);
  return found.size === 1 ? [...found][0] : undefined;
}

function codesIn(text: string): Set<string> {
  return new Set((text.match(CODE_PATTERN) ?? []).filter((code) => CODES.has(code)));
}

/** A currency field's value as a code: `usd` -> `USD`; undefined when it is not a code. */
function asCode(value: unknown): string | undefined {
  if (typeof value !== 'string' || !/^[A-Za-z]{3}$/.test(value.trim())) return undefined;
  return value.trim().toUpperCase();
}

/** The value of a `currency`-named field of `record` (`currency`, `currency_code`, `currencyIso`…). */
export function currencyField(record: Row): string | undefined {
  for (const [key, value] of Object.entries(record)) {
    if (/currency/i.test(key)) {
      const code = asCode(value);
      if (code) return code;
    }
  }
  return undefined;
}

function descriptionsOf(node: unknown, into: string[], depth = 0): void {
  if (!node || typeof node !== 'object' || depth > 6) return;
  if (Array.isArray(node)) {
    for (const item of node) descriptionsOf(item, into, depth + 1);
    return;
  }
  for (const [key, value] of Object.entries(node as Row)) {
    if ((key === 'description' || key === 'title') && typeof value === 'string') into.push(value);
    else descriptionsOf(value, into, depth + 1);
  }
}

/**
 * The codes one tool's texts name, kept per tool: the engine reads the tools afresh every turn, but
 * their schema objects are the agent's own and stay the same, so the walk runs once per tool.
 */
const toolCodes = new WeakMap<object, { description: string; responseSchema: unknown; codes: Set<string> }>();

function codesOfTool(tool: EngineTool): Set<string> {
  const cached = toolCodes.get(tool.inputSchema);
  if (cached && cached.description === tool.description && cached.responseSchema === tool.responseSchema)
    return cached.codes;
  const texts = [tool.description];
  descriptionsOf(tool.inputSchema, texts);
  descriptionsOf(tool.responseSchema, texts);
  const codes = codesIn(texts.join('\n'));
  if (typeof tool.inputSchema === 'object' && tool.inputSchema !== null)
    toolCodes.set(tool.inputSchema, {
      description: tool.description,
      responseSchema: tool.responseSchema,
      codes,
    });
  return codes;
}

/**
 * The one currency the API's operations speak of in their descriptions, parameters and response
 * schemas ("Highest price in USD"), or undefined when they name none or several.
 */
export function findApiCurrency(tools: EngineTool[]): string | undefined {
  const found = new Set<string>();
  for (const tool of tools) for (const code of codesOfTool(tool)) found.add(code);
  return found.size === 1 ? [...found][0] : undefined;
}

/** Where to look for an amount's currency. */
export interface CurrencyContext {
  /** The field's name. */
  key: string;
  /** The object holding the field. */
  record: Row;
  /** Enclosing objects, nearest first. */
  parents: Row[];
  /** The field's schema node, if known. */
  schema?: SchemaNode;
  /** The API's one currency, if it has one. */
  apiCurrency?: string;
}

/** The amount's currency code (if any is known) and whether the amount is in minor units. */
export function findCurrency(context: CurrencyContext): { code?: string; minorUnits: boolean } {
  const description = typeof context.schema?.description === 'string' ? context.schema.description : '';
  const code =
    currencyField(context.record) ??
    context.parents.map(currencyField).find(Boolean) ??
    scanCurrency(description) ??
    context.apiCurrency;
  const minorUnits =
    (MINOR_UNITS.test(description) || /(?:cents|minor)$/i.test(context.key)) &&
    code !== 'JPY' &&
    code !== 'KRW';
  return { code, minorUnits };
}
