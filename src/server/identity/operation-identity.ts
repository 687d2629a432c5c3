// What the integration routes say and take about an operation's identity: its bound inputs and
// signed-in-only switch as listed and changed, what a re-import would break, and try-it as a customer.
import type { ToolCallIdentity } from '../../executor/index.js';
import type { OperationSettings, StoredIdentityHeader } from '../../store/index.js';
import { listBindableInputs, resolveBindings, type ToolDefinition } from '../../tools/index.js';
import { claimName } from '../schemas.js';

/** Body properties of changing an operation's identity settings. */
export const operationIdentityProperties = {
  identityBindings: {
    type: 'array',
    maxItems: 20,
    items: {
      type: 'object',
      required: ['in', 'name', 'claim'],
      properties: {
        in: { enum: ['path', 'query', 'header', 'cookie', 'body'] },
        name: { type: 'string', minLength: 1, maxLength: 200 },
        claim: claimName,
      },
      additionalProperties: false,
    },
    description:
      "Inputs set from the verified customer's claims at send time (replaces the list; [] for none). The model never sees or fills them.",
  },
  requiresIdentity: {
    type: ['boolean', 'null'],
    description:
      'Whether only a verified customer may use it (an anonymous visitor is asked to sign in); null goes back to the default: on when an input is bound',
  },
} as const;

/** The identity fields of an operation as listed: bindings, the signed-in-only switch, what can be bound. */
export function describeOperationIdentity(
  tool: ToolDefinition,
  setting: OperationSettings | undefined,
  headers: readonly StoredIdentityHeader[],
) {
  const bindings = setting?.identityBindings ?? [];
  const resolved = resolveBindings(tool, bindings, headers);
  const requiresIdentityDefault = resolved.inputs.length > 0;
  return {
    identityBindings: bindings,
    requiresIdentity: setting?.requiresIdentity ?? requiresIdentityDefault,
    requiresIdentityDefault,
    identityProblems: resolved.problems,
    bindableInputs: listBindableInputs(tool).map((input) => ({
      in: input.in,
      name: input.name,
      required: input.required,
    })),
  };
}

/**
 * Identity bindings a new version would break: an operation whose bound input is gone would be taken
 * out of the agents' tools, so a re-import's preview says so before anything is applied.
 */
export function findBrokenBindings(
  tools: ToolDefinition[],
  settings: Map<string, OperationSettings>,
): string[] {
  return tools.flatMap((tool) => {
    const bindings = settings.get(tool.name)?.identityBindings ?? [];
    return bindings.length > 0 ? resolveBindings(tool, bindings).problems : [];
  });
}

/** The customer try-it may act as. */
export interface TryCustomer {
  sub: string;
  claims?: Record<string, unknown>;
}

/** Body property of try-it: the customer to try an operation as. */
export const tryCustomerProperty = {
  type: 'object',
  required: ['sub'],
  properties: {
    sub: { type: 'string', minLength: 1, maxLength: 255 },
    claims: { type: 'object', maxProperties: 30 },
  },
  additionalProperties: false,
  description: 'Try it as this verified customer: bound inputs and identity headers come from these claims',
} as const;

/** The executor's identity for trying `tool` as `customer`. */
export function tryIdentity(options: {
  tool: ToolDefinition;
  customer: TryCustomer;
  setting: OperationSettings | undefined;
  headers: readonly StoredIdentityHeader[];
}): ToolCallIdentity {
  const { tool, customer, headers } = options;
  return {
    customer: { sub: customer.sub, claims: { ...customer.claims, sub: customer.sub } },
    inputs: resolveBindings(tool, options.setting?.identityBindings ?? [], headers).inputs,
    headers,
  };
}
