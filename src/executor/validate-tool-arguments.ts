// Checks a tool call's arguments against the tool's input schema (ajv, compiled once per tool).

import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { linearRegExpEngine } from '../openapi/index.js';
import type { ToolDefinition } from '../tools/index.js';
import { coerceArguments } from './coerce-arguments.js';
import { ToolInputError, type ToolInputIssue } from './errors.js';

/** The outcome of validating arguments: the (coerced) value to send, or why it cannot be sent. */
export type ToolArgumentsValidation =
  | { ok: true; value: Record<string, unknown> }
  | { ok: false; error: ToolInputError };

// OpenAPI schemas carry keywords ajv does not know (example, xml, x-*, nullable): strict mode would
// reject them. `addUsedSchema: false` keeps two tools with the same `$id` from colliding. Patterns
// run on RE2 (linear time): a model's or a customer's string cannot make one backtrack for seconds.
const ajv = new Ajv2020({
  strict: false,
  allErrors: true,
  addUsedSchema: false,
  logger: false,
  code: { regExp: linearRegExpEngine },
});
addFormats.default(ajv);

const compiled = new WeakMap<ToolDefinition, ValidateFunction | ToolInputError>();

const maxIssues = 8;

function compile(tool: ToolDefinition): ValidateFunction | ToolInputError {
  let validate = compiled.get(tool);
  if (validate === undefined) {
    try {
      validate = ajv.compile(tool.inputSchema);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      validate = new ToolInputError(tool.name, [
        { path: '', message: `the tool's input schema is invalid (${reason})` },
      ]);
    }
    compiled.set(tool, validate);
  }
  return validate;
}

/** `/items/0/sku` -> `items[0].sku` (JSON pointer unescaped). */
function formatPath(instancePath: string, child?: unknown): string {
  const segments = instancePath.split('/').slice(1);
  if (typeof child === 'string') segments.push(child);
  return segments
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce(
      (path, segment) =>
        /^\d+$/.test(segment) ? `${path}[${segment}]` : path ? `${path}.${segment}` : segment,
      '',
    );
}

function toIssue(error: ErrorObject): ToolInputIssue {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { path: formatPath(error.instancePath, params.missingProperty), message: 'is required' };
    case 'additionalProperties':
    case 'unevaluatedProperties':
      return {
        path: formatPath(error.instancePath, params.additionalProperty ?? params.unevaluatedProperty),
        message: 'is not a known field',
      };
    case 'pattern':
      return { path: formatPath(error.instancePath), message: `must match pattern ${params.pattern}` };
    case 'enum':
      return {
        path: formatPath(error.instancePath),
        message: `must be one of ${(params.allowedValues as unknown[]).map((value) => JSON.stringify(value)).join(', ')}`,
      };
    default:
      return { path: formatPath(error.instancePath), message: error.message ?? `fails ${error.keyword}` };
  }
}

/**
 * Validates `args` against `tool.inputSchema`. Strings are first coerced where the schema asks for a
 * number, integer or boolean (models send `"5"` for 5); missing arguments (`undefined`, `null`) count as
 * `{}`. Messages name the field: `orderId: must match pattern ^[0-9]+$`.
 */
export function validateToolArguments(tool: ToolDefinition, args: unknown): ToolArgumentsValidation {
  const validate = compile(tool);
  if (validate instanceof ToolInputError) return { ok: false, error: validate };
  const value = coerceArguments(tool.inputSchema, args ?? {});
  if (validate(value)) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return {
        ok: false,
        error: new ToolInputError(tool.name, [{ path: '', message: 'must be an object' }]),
      };
    }
    return { ok: true, value: value as Record<string, unknown> };
  }
  const seen = new Set<string>();
  const issues: ToolInputIssue[] = [];
  for (const error of validate.errors ?? []) {
    const issue = toIssue(error);
    const key = `${issue.path}\u0000${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push(issue);
  }
  return { ok: false, error: new ToolInputError(tool.name, issues.slice(0, maxIssues)) };
}
