// One OpenAPI operation -> one ToolDefinition: parameters and body merged into a single input schema.
import { collectParameters } from './collect-parameters.js';
import { compileParameters } from './compile-parameters.js';
import { compileRequestBody } from './compile-request-body.js';
import { describeOperation } from './describe-operation.js';
import { hideIdempotencyKeys } from './find-idempotency-keys.js';
import { findResponseSchema } from './find-response-schema.js';
import { findUnsupportedSecurity } from './find-unsupported-security.js';
import { nonEmptyString } from './is-record.js';
import type { LintCollector } from './lint-finding.js';
import type { OperationEntry } from './list-operations.js';
import type { OpenApiDialect, SchemaNormalizer } from './normalize-schema.js';
import { placeRequestBody } from './place-request-body.js';
import type { JsonSchema, ToolDefinition } from './tool-definition.js';

/** What every operation of one document is compiled with. */
export interface CompileContext {
  document: Record<string, unknown>;
  dialect: OpenApiDialect;
  normalizer: SchemaNormalizer;
  lint: LintCollector;
}

const READ_ONLY_METHODS = new Set(['get', 'head', 'options']);
const IDEMPOTENT_METHODS = new Set(['get', 'head', 'options', 'put', 'delete']);

/** The document's word on asking first (`x-openai-isConsequential`, then `x-concierge-safe`), else the method's. */
function needsConfirmation(method: string, operation: Record<string, unknown>): boolean {
  const consequential = operation['x-openai-isConsequential'];
  if (typeof consequential === 'boolean') return consequential;
  const safe = operation['x-concierge-safe'];
  if (typeof safe === 'boolean') return !safe;
  return !READ_ONLY_METHODS.has(method);
}

/** Compiles `entry` into the tool named `name`; problems go to the context's lint. */
export function compileOperation(
  entry: OperationEntry,
  name: string,
  context: CompileContext,
): ToolDefinition {
  const { operation, method, path } = entry;
  const shared = { ...context, entry, tool: name };
  const sources = collectParameters(shared);
  const parameters = compileParameters({ ...shared, parameters: sources });
  const bodyOutcome = compileRequestBody({ ...shared, parameters: sources });
  const securityProblem = findUnsupportedSecurity(shared);

  const properties: JsonSchema = {};
  const required: string[] = [];
  for (const parameter of parameters) {
    properties[parameter.inputName] = parameter.schema;
    if (parameter.required) required.push(parameter.inputName);
  }
  const requestBody = bodyOutcome.body && placeRequestBody({ body: bodyOutcome.body, properties, required });
  const inputSchema: JsonSchema = { type: 'object', properties };
  if (required.length > 0) inputSchema.required = required;

  const summary = nonEmptyString(operation.summary);
  const operationId = typeof operation.operationId === 'string' ? operation.operationId : undefined;
  const reasons = [bodyOutcome.uncallableReason, securityProblem].filter((reason) => reason !== undefined);
  const responseSchema = findResponseSchema(shared);
  const tool: ToolDefinition = {
    name,
    ...(operationId !== undefined && { operationId }),
    method,
    path,
    ...(summary && { summary }),
    description: describeOperation({
      summary,
      description: nonEmptyString(operation.description),
      method,
      path,
    }),
    tags: Array.isArray(operation.tags)
      ? operation.tags.filter((tag): tag is string => typeof tag === 'string')
      : [],
    inputSchema,
    parameters,
    ...(requestBody && { requestBody }),
    ...(responseSchema && { responseSchema }),
    idempotent: IDEMPOTENT_METHODS.has(method) || operation['x-idempotent'] === true,
    readOnly: READ_ONLY_METHODS.has(method) || operation['x-concierge-safe'] === true,
    needsConfirmation: needsConfirmation(method, operation),
    deprecated: operation.deprecated === true,
    callable: reasons.length === 0,
    pointer: entry.pointer,
  };
  if (reasons.length > 0) tool.uncallableReason = reasons.join('; ');
  // Nobody is asked for an idempotency key: the executor sets it at send time.
  return hideIdempotencyKeys(tool);
}
