// Operation inputs bound to the verified customer: which parameter or body property takes which claim
// of the customer's identity, hidden from the model and set by the executor at send time.
import {
  type JsonSchema,
  type ParameterLocation,
  requiredOf,
  type ToolDefinition,
  withoutProperties,
} from '../openapi/index.js';

/** Where a bound value goes: a parameter, or a property of the JSON request body. */
export type BindingLocation = ParameterLocation | 'body';

/** An operation input bound to a claim of the verified customer (an operation setting). */
export interface IdentityBinding {
  /** Where the input is sent. */
  in: BindingLocation;
  /** The parameter's name on the wire, or the body property's name. */
  name: string;
  /** The claim whose value is sent: `sub`, `email`, `name` or a custom claim of the identity token. */
  claim: string;
}

/** A header sent with every call of an integration, from a claim: `X-Customer-Id` from `sub`. */
export interface IdentityHeader {
  /** The header name. */
  name: string;
  /** The claim whose value it carries. */
  claim: string;
}

/** A bound input found in the operation's compiled definition. */
export interface BoundInput extends IdentityBinding {
  /** The tool input property that holds the value. */
  inputName: string;
  /** For a body sent whole under one input (`body`): the property inside it. */
  property?: string;
  /** Whether the operation cannot be called without it. */
  required: boolean;
}

/** One input of an operation that can be bound: where it goes, and whether the API requires it. */
export type BindableInput = Omit<BoundInput, 'claim'>;

/** A verified customer: the claims of the identity token the business signed, or that an admin typed in. */
export interface CustomerIdentity {
  /** The customer's id at the business (the `sub` claim). */
  sub: string;
  /** The `email` claim, when given. */
  email?: string;
  /** The `name` claim, when given. */
  name?: string;
  /** Every claim by name (sub, email and name included; iss, aud, exp, iat, nbf and jti left out). */
  claims: Record<string, unknown>;
}

const isRecord = (value: unknown): value is JsonSchema =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Every input of `tool` a claim may be bound to: its parameters, and the properties of a JSON object
 * body; never an idempotency key, which the executor sets for each action.
 */
export function listBindableInputs(tool: ToolDefinition): BindableInput[] {
  const keys = tool.idempotencyKeys ?? [];
  if (keys.length === 0) return listInputs(tool);
  const isKey = (input: BindableInput) =>
    keys.some((key) => key.in === input.in && key.name === input.name && key.inputName === input.inputName);
  return listInputs(tool).filter((input) => !isKey(input));
}

function listInputs(tool: ToolDefinition): BindableInput[] {
  const topRequired = new Set(requiredOf(tool.inputSchema));
  const inputs: BindableInput[] = tool.parameters.map((parameter) => ({
    in: parameter.in,
    name: parameter.name,
    inputName: parameter.inputName,
    required: parameter.required,
  }));
  const body = tool.requestBody;
  if (!body || /^(text\/|application\/x-www-form)/i.test(body.contentType)) return inputs;
  if (body.mode === 'merged') {
    for (const name of body.properties ?? [])
      inputs.push({ in: 'body', name, inputName: name, required: topRequired.has(name) });
  } else if (isRecord(body.schema.properties)) {
    const inputName = body.inputName ?? 'body';
    const nestedRequired = new Set(requiredOf(body.schema));
    for (const name of Object.keys(body.schema.properties))
      inputs.push({
        in: 'body',
        name,
        inputName,
        property: name,
        required: topRequired.has(inputName) && nestedRequired.has(name),
      });
  }
  return inputs;
}

/** Whether `input` is what `target` names (header names in any case, as HTTP reads them). */
function matches(input: BindableInput, target: { in: BindingLocation; name: string }): boolean {
  if (input.in !== target.in) return false;
  return input.in === 'header'
    ? input.name.toLowerCase() === target.name.toLowerCase()
    : input.name === target.name;
}

/** `path customerId`, `body email`: how a bound input is named in messages and logs. */
export function describeBinding(binding: { in: BindingLocation; name: string }): string {
  return `${binding.in} ${binding.name}`;
}

/** The bound inputs of one operation, and the bindings that no longer fit it. */
export interface ResolvedBindings {
  inputs: BoundInput[];
  /** A binding whose input the operation no longer has (its schema changed), said plainly. */
  problems: string[];
}

/**
 * Finds the inputs `bindings` name in `tool`. A header parameter named like one of the integration's
 * identity `headers` is bound too (to that header's claim): a model must not be able to fill a header
 * the integration sends from the customer's identity.
 */
export function resolveBindings(
  tool: ToolDefinition,
  bindings: readonly IdentityBinding[],
  headers: readonly IdentityHeader[] = [],
): ResolvedBindings {
  const bindable = listBindableInputs(tool);
  const inputs: BoundInput[] = [];
  const problems: string[] = [];
  for (const binding of bindings) {
    const input = bindable.find((candidate) => matches(candidate, binding));
    if (input) inputs.push({ ...input, in: binding.in, name: input.name, claim: binding.claim });
    else
      problems.push(
        `${describeBinding(binding)} is bound to the "${binding.claim}" claim, but ${tool.name} has no such input any more`,
      );
  }
  for (const header of headers) {
    const input = bindable.find((candidate) => matches(candidate, { in: 'header', name: header.name }));
    if (input && !inputs.some((bound) => matches(bound, input)))
      inputs.push({ ...input, claim: header.claim });
  }
  return { inputs, problems };
}

/**
 * `tool` as the model sees it: the bound inputs left out of its input schema, so no model fills them
 * (the executor does, from the verified customer). The same object when nothing is bound.
 */
export function hideBoundInputs(tool: ToolDefinition, inputs: readonly BoundInput[]): ToolDefinition {
  if (inputs.length === 0) return tool;
  const topLevel = new Set(inputs.filter((input) => !input.property).map((input) => input.inputName));
  let inputSchema = withoutProperties(tool.inputSchema, topLevel);
  const nested = inputs.filter((input) => input.property);
  const wrapped = nested[0]?.inputName;
  const wrappedSchema = wrapped ? (inputSchema.properties as JsonSchema)[wrapped] : undefined;
  if (wrapped && isRecord(wrappedSchema)) {
    const hidden = new Set(nested.map((input) => input.property as string));
    inputSchema = {
      ...inputSchema,
      properties: {
        ...(inputSchema.properties as JsonSchema),
        [wrapped]: withoutProperties(wrappedSchema, hidden),
      },
    };
  }
  const properties = isRecord(tool.inputSchema.properties) ? (tool.inputSchema.properties as JsonSchema) : {};
  const bound: Record<string, JsonSchema> = {};
  for (const name of topLevel) {
    const schema = properties[name];
    if (isRecord(schema)) bound[name] = schema as JsonSchema;
  }
  return { ...tool, inputSchema, ...(Object.keys(bound).length > 0 ? { boundInputs: bound } : {}) };
}

/** The value of `claim` for `customer`, when it is one a parameter can carry (a string, number or boolean). */
export function readClaim(
  customer: CustomerIdentity | null | undefined,
  claim: string,
): string | number | boolean | undefined {
  if (!customer) return undefined;
  const value = claim === 'sub' ? customer.sub : customer.claims[claim];
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  return typeof value === 'boolean' ? value : undefined;
}

/** What `applyBoundInputs` did. */
export interface AppliedBindings {
  /** The arguments with every bound input set from the customer (or removed when there is no value). */
  args: Record<string, unknown>;
  /** The bound inputs that were set. */
  applied: BoundInput[];
  /** Required bound inputs the customer has no value for: the call cannot be made. */
  missing: BoundInput[];
}

/**
 * Sets each bound input of `args` from `customer`'s claims, whatever `args` held there: a value the
 * model put in a bound input is replaced, or dropped when the customer has none (an anonymous visitor).
 */
export function applyBoundInputs(
  args: unknown,
  inputs: readonly BoundInput[],
  customer: CustomerIdentity | null | undefined,
): AppliedBindings {
  const result: Record<string, unknown> = isRecord(args) ? { ...args } : {};
  const applied: BoundInput[] = [];
  const missing: BoundInput[] = [];
  for (const input of inputs) {
    const value = readClaim(customer, input.claim);
    if (input.property) {
      const holder = isRecord(result[input.inputName]) ? { ...(result[input.inputName] as JsonSchema) } : {};
      if (value === undefined) delete holder[input.property];
      else holder[input.property] = value;
      if (value !== undefined || Object.keys(holder).length > 0 || result[input.inputName] !== undefined)
        result[input.inputName] = holder;
    } else if (value === undefined) delete result[input.inputName];
    else result[input.inputName] = value;
    if (value !== undefined) applied.push(input);
    else if (input.required) missing.push(input);
  }
  return { args: result, applied, missing };
}
