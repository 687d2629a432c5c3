// OpenAPI documents in, tool definitions out: fetch, parse, upgrade, validate, compile, lint, diff.
export { type AddressClass, classifyAddress, isAddressAllowed } from './classify-address.js';
export { type CatalogDiff, diffCatalogs } from './diff-catalogs.js';
export {
  findIdempotencyKeys,
  hideIdempotencyKeys,
  type IdempotencyKeyInput,
} from './find-idempotency-keys.js';
export {
  type ImportedSchema,
  type ImportResult,
  type ImportSchemaOptions,
  importSchema,
} from './import-schema.js';
export { DEFAULT_MAX_OPERATIONS } from './lint-catalog.js';
export type { LintFinding } from './lint-finding.js';
export { HTTP_METHODS } from './list-operations.js';
export {
  type LoadedSchemaSource,
  type LoadSchemaSourceOptions,
  loadSchemaSource,
  type SchemaSource,
} from './load-schema-source.js';
export type { AuthHint } from './read-auth-hint.js';
export {
  SchemaImportError,
  type SchemaImportErrorLocation,
  type SchemaResult,
} from './schema-import-error.js';
export {
  checkSchemaPattern,
  compileSchemaPattern,
  linearRegExpEngine,
  matchesSchemaPattern,
  type SchemaPattern,
  type SchemaPatternProblem,
} from './schema-pattern.js';
export type {
  HttpMethod,
  JsonSchema,
  ParameterLocation,
  ToolDefinition,
  ToolParameter,
  ToolRequestBody,
} from './tool-definition.js';
export { requiredOf, withoutProperties } from './without-properties.js';
