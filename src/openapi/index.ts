// OpenAPI documents in, tool definitions out: fetch, parse, upgrade, validate, compile, lint, diff.
export {
  type ImportedSchema,
  type ImportResult,
  type ImportSchemaOptions,
  importSchema,
} from './import-schema.js';
export type { LintFinding } from './lint-finding.js';
export {
  SchemaImportError,
  type SchemaImportErrorLocation,
  type SchemaResult,
} from './schema-import-error.js';
export type {
  HttpMethod,
  JsonSchema,
  ParameterLocation,
  ToolDefinition,
  ToolParameter,
  ToolRequestBody,
} from './tool-definition.js';
