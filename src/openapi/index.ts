// OpenAPI documents in, tool definitions out: fetch, parse, upgrade, validate, compile, lint, diff.
export type {
  HttpMethod,
  JsonSchema,
  ParameterLocation,
  ToolDefinition,
  ToolParameter,
  ToolRequestBody,
} from './tool-definition.js';
