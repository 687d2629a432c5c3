// What the ranking reads of one operation: its words and the shape of its HTTP call. Both the tool
// selection (from compiled ToolDefinitions) and the embedded engine (from the tools a model is
// offered, with the operation's shape in the tool's provider options) build this same view.
import type { JSONValue } from '@ai-sdk/provider';
import { HTTP_METHODS, type HttpMethod, type JsonSchema, type ToolDefinition } from '../../openapi/index.js';

/** One operation as the ranking reads it. */
export interface RankableTool {
  /** The tool name the model calls it by. */
  name: string;
  /** The operation's description (summary first), '' when none. */
  description: string;
  /** The input JSON Schema (an object schema). */
  inputSchema: JsonSchema;
  /** The operation's shape, when known: a tool from another source may lack it. */
  operation?: OperationShape;
}

/** How many response field names an operation keeps, and how deep they are read. */
const MAX_RESPONSE_FIELDS = 60;
const MAX_RESPONSE_DEPTH = 3;

/**
 * The properties of an object schema as [name, schema] pairs, through composed schemas (`allOf`,
 * `oneOf`, `anyOf`) and, with `throughItems`, a list's items.
 */
function propertiesOf(node: unknown, throughItems: boolean, hops = 0): [string, unknown][] {
  if (!node || typeof node !== 'object' || hops > 4) return [];
  const value = node as Record<string, unknown>;
  const found: [string, unknown][] = [];
  for (const key of ['allOf', 'oneOf', 'anyOf'])
    if (Array.isArray(value[key]))
      for (const part of value[key] as unknown[]) found.push(...propertiesOf(part, throughItems, hops + 1));
  if (throughItems && value.items) found.push(...propertiesOf(value.items, throughItems, hops + 1));
  if (value.properties && typeof value.properties === 'object')
    found.push(...Object.entries(value.properties as Record<string, unknown>));
  return found;
}

/**
 * A field that holds a person's email address, by itself or by whose it is (`customer_email`,
 * `receipt_email`, `billingEmail`); a shop's own is `business_email`, `support_email`.
 */
export const EMAIL_FIELD =
  /^(?:(?:customer|receipt|billing|buyer|payer|user|contact|requester|member|recipient|shopper|guest)_?)?(?:e_?mail|email_?address)$/i;
/** How deep a response is searched for an email field. */
const MAX_EMAIL_DEPTH = 4;

/**
 * The field names of a response schema, level by level to `maxDepth` (`{order: {status, carrier}}` ->
 * order, status, carrier), through arrays and composed schemas; a name may come again.
 */
function* responseFieldNames(schema: JsonSchema | undefined, maxDepth: number): Generator<string> {
  let level: unknown[] = schema ? [schema] : [];
  for (let depth = 0; depth <= maxDepth && level.length > 0; depth++) {
    const next: unknown[] = [];
    for (const node of level)
      for (const [name, property] of propertiesOf(node, true)) {
        yield name;
        next.push(property);
      }
    level = next;
  }
}

/**
 * A field that holds whose a record is: the customer by name (`clientName`, `customer_name`,
 * `buyerFullName`) or the customer whole (eBay's order `buyer`, Stripe's invoice `customer`).
 */
export const CUSTOMER_FIELD = /^(?:customer|client|buyer|shopper|payer|purchaser)(?:_?(?:full_?)?name)?$/i;

/**
 * Whether a response holds people's details at any depth within reach, past the fields
 * `responseFieldsOf` keeps: a person's email (an order's `billing_address.email` after sixty fields of
 * its own) or its customer (VTEX's orders list their `clientName`, eBay's their `buyer`).
 */
export function holdsPeopleOf(schema: JsonSchema | undefined): boolean {
  for (const name of responseFieldNames(schema, MAX_EMAIL_DEPTH))
    if (EMAIL_FIELD.test(name) || CUSTOMER_FIELD.test(name)) return true;
  return false;
}

/** The field names of a response schema, nearest first, the first `MAX_RESPONSE_FIELDS` of them. */
export function responseFieldsOf(schema: JsonSchema | undefined): string[] {
  const fields = new Set<string>();
  for (const name of responseFieldNames(schema, MAX_RESPONSE_DEPTH)) {
    if (fields.size >= MAX_RESPONSE_FIELDS) break;
    fields.add(name);
  }
  return [...fields];
}

/** How many values of its fields' states a response keeps, and how many an enum may have to count. */
const MAX_RESPONSE_VALUES = 40;
const MAX_STATES = 12;

/**
 * The values the returned record's own fields can take, when the schema lists them (`status`:
 * active, past_due, canceled): what "is my subscription still active?" asks of one record. Only the
 * record's own fields: a list's items are many records, not the one asked about.
 */
export function responseValuesOf(schema: JsonSchema | undefined): string[] {
  const values = new Set<string>();
  for (const [, property] of propertiesOf(schema, false)) {
    const states = (property as { enum?: unknown } | null)?.enum;
    if (!Array.isArray(states) || states.length > MAX_STATES) continue;
    for (const state of states)
      if (typeof state === 'string' && values.size < MAX_RESPONSE_VALUES) values.add(state);
  }
  return [...values];
}

/** The HTTP shape of an operation. */
export interface OperationShape {
  method: HttpMethod;
  /** Path template, e.g. `/orders/{orderId}`. */
  path: string;
  operationId?: string;
  summary?: string;
  tags?: string[];
  /** Input names that go into the request body (filled, not used for choosing). */
  bodyInputs?: string[];
  /** Input names sent as headers: technical values (`Accept-Tenant`), never a customer's words. */
  headerInputs?: string[];
  /** The names of the fields its success response holds: what a customer may ask it for. */
  responseFields?: string[];
  /** The values its returned record's fields can take (`active`, `shipped`): states a customer asks about. */
  responseValues?: string[];
  /** Its response holds a person's email address or a customer's name (`holdsPeopleOf`). */
  people?: true;
  /** Inputs the customer's identity fills, hidden from the model: their schemas (see ToolDefinition). */
  boundInputs?: Record<string, JsonSchema>;
}

/** The provider-options namespace under which the agent layer passes an operation's shape to a model. */
export const OPERATION_SHAPE_KEY = 'concierge';

/** The shape of a compiled operation, as passed in a tool's provider options. */
export function shapeOf(tool: ToolDefinition): OperationShape {
  const responseFields = responseFieldsOf(tool.responseSchema);
  const responseValues = responseValuesOf(tool.responseSchema);
  const bodyInputs = tool.requestBody
    ? tool.requestBody.mode === 'merged'
      ? (tool.requestBody.properties ?? [])
      : [tool.requestBody.inputName ?? 'body']
    : [];
  const headerInputs = tool.parameters
    .filter((parameter) => parameter.in === 'header')
    .map((parameter) => parameter.inputName);
  return {
    method: tool.method,
    path: tool.path,
    ...(tool.operationId ? { operationId: tool.operationId } : {}),
    ...(tool.summary ? { summary: tool.summary } : {}),
    tags: tool.tags,
    bodyInputs,
    ...(headerInputs.length > 0 ? { headerInputs } : {}),
    ...(responseFields.length > 0 ? { responseFields } : {}),
    ...(responseValues.length > 0 ? { responseValues } : {}),
    ...(holdsPeopleOf(tool.responseSchema) ? { people: true as const } : {}),
    ...(tool.boundInputs ? { boundInputs: tool.boundInputs } : {}),
  };
}

/** A tool's provider options carrying the operation's shape to the model (other providers ignore them). */
export function shapeProviderOptions(shape: OperationShape): {
  [OPERATION_SHAPE_KEY]: Record<string, JSONValue>;
} {
  return { [OPERATION_SHAPE_KEY]: { ...shape } as Record<string, JSONValue> };
}

/** The rankable view of a compiled operation. */
export function toRankableTool(tool: ToolDefinition): RankableTool {
  return {
    name: tool.name,
    description: tool.description,
    inputSchema: tool.inputSchema,
    operation: shapeOf(tool),
  };
}

const METHODS: ReadonlySet<string> = new Set(HTTP_METHODS);

/** Reads an operation shape back from a tool's provider options; undefined when absent or malformed. */
export function readOperationShape(options: unknown): OperationShape | undefined {
  if (!options || typeof options !== 'object') return undefined;
  const shape = (options as Record<string, unknown>)[OPERATION_SHAPE_KEY];
  if (!shape || typeof shape !== 'object') return undefined;
  const {
    method,
    path,
    operationId,
    summary,
    tags,
    bodyInputs,
    headerInputs,
    responseFields,
    responseValues,
    people,
    boundInputs,
  } = shape as Record<string, unknown>;
  if (typeof method !== 'string' || !METHODS.has(method) || typeof path !== 'string') return undefined;
  const strings = (value: unknown) =>
    Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : undefined;
  return {
    method: method as HttpMethod,
    path,
    ...(typeof operationId === 'string' ? { operationId } : {}),
    ...(typeof summary === 'string' ? { summary } : {}),
    tags: strings(tags) ?? [],
    bodyInputs: strings(bodyInputs) ?? [],
    ...(Array.isArray(headerInputs) ? { headerInputs: strings(headerInputs) } : {}),
    ...(Array.isArray(responseFields) ? { responseFields: strings(responseFields) } : {}),
    ...(Array.isArray(responseValues) ? { responseValues: strings(responseValues) } : {}),
    ...(people === true ? { people } : {}),
    ...(boundInputs && typeof boundInputs === 'object' && !Array.isArray(boundInputs)
      ? { boundInputs: boundInputs as Record<string, JsonSchema> }
      : {}),
  };
}
