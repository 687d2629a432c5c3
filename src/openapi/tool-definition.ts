// The compiled form of one OpenAPI operation: everything the agent, the engine and the executor need,
// so that nothing downstream reads the raw OpenAPI document again.
//
// The type lives here, beside the compiler that produces it, and `tools/` re-exports it: `tools/`
// depends on `openapi/` (DESIGN.md), so defining it in `tools/` would make the compiler import
// upwards.

import type { IdempotencyKeyInput } from './find-idempotency-keys.js';

/** A JSON Schema object (draft 2020-12 as used by OpenAPI 3.1; 3.0 and 2.0 schemas are normalised). */
export type JsonSchema = { [key: string]: unknown };

/** HTTP methods an operation can use, lower case as in OpenAPI path items. */
export type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch' | 'trace';

/** Where one input of a tool is sent in the HTTP request. */
export type ParameterLocation = 'path' | 'query' | 'header' | 'cookie';

/** One OpenAPI parameter (path, query, header or cookie) as the executor must send it. */
export interface ToolParameter {
  /** The property name in the tool's input schema (usually the same as `name`). */
  inputName: string;
  /** The parameter's name on the wire, as the API expects it. */
  name: string;
  /** Where the value goes. */
  in: ParameterLocation;
  /** Whether the API requires it (path parameters always are). */
  required: boolean;
  /** OpenAPI serialization style; defaults per location: form (query, cookie), simple (path, header). */
  style?: 'form' | 'simple' | 'label' | 'matrix' | 'spaceDelimited' | 'pipeDelimited' | 'deepObject';
  /** OpenAPI explode flag; defaults to true for style form, false otherwise. */
  explode?: boolean;
  /** Whether reserved characters may be sent unencoded (query only). */
  allowReserved?: boolean;
  /** The parameter's resolved schema (also present inside `inputSchema`). */
  schema: JsonSchema;
}

/** How the request body is built from the tool's input. */
export interface ToolRequestBody {
  /** The media type sent as Content-Type, e.g. `application/json`. */
  contentType: string;
  /** Whether the API requires a body. */
  required: boolean;
  /**
   * `merged`: the body is an object whose properties sit at the top level of the input, listed in
   * `properties`. `wrapped`: the whole body is the input property named `inputName` (arrays,
   * primitives, or objects whose properties clash with parameters).
   */
  mode: 'merged' | 'wrapped';
  /** For `merged`: the input property names that make up the body object. */
  properties?: string[];
  /** For `wrapped`: the input property holding the body, usually `body`. */
  inputName?: string;
  /** The body's resolved schema. */
  schema: JsonSchema;
}

/** One operation compiled into a tool the agent can call. */
export interface ToolDefinition {
  /** Tool name valid for every provider: `^[a-zA-Z0-9_-]{1,64}$`, unique within its catalog. */
  name: string;
  /** The operationId from the document, when it has one. */
  operationId?: string;
  /** HTTP method. */
  method: HttpMethod;
  /** Path template as written in the document, e.g. `/orders/{orderId}`. */
  path: string;
  /** The operation's summary, when it has one. */
  summary?: string;
  /** Description for the model: summary and description, cut to provider limits (1,024 characters). */
  description: string;
  /** Tags of the operation, for grouping in the UI and retrieval. */
  tags: string[];
  /** One JSON Schema object merging path, query, header and cookie parameters and the JSON body. */
  inputSchema: JsonSchema;
  /**
   * Inputs hidden from the model because the verified customer's identity fills them (set by
   * `hideBoundInputs`, never by the compiler): their schemas, so the ranking still knows the operation
   * takes them ("orders for sam@example.com" goes to the operation that takes an email).
   */
  boundInputs?: Record<string, JsonSchema>;
  /**
   * Inputs that carry an idempotency key (`Idempotency-Key` header, `idempotency_key` body property):
   * left out of `inputSchema` by the compiler and set by the executor at send time, so no model or
   * customer fills them. Absent when there are none, and in catalogs compiled before they were
   * recognised (`hideIdempotencyKeys` brings such a tool up to date).
   */
  idempotencyKeys?: IdempotencyKeyInput[];
  /** Where each parameter goes, for the executor. */
  parameters: ToolParameter[];
  /** The request body, when the operation takes one. */
  requestBody?: ToolRequestBody;
  /** The schema of the first 2xx JSON response, for rendering answers. */
  responseSchema?: JsonSchema;
  /** True for GET, HEAD, OPTIONS, PUT, DELETE, or when the document says `x-idempotent: true`. */
  idempotent: boolean;
  /** True when the call only reads (GET, HEAD, OPTIONS, or `x-concierge-safe: true`). */
  readOnly: boolean;
  /**
   * Whether the agent asks the customer before calling it, unless the operation's setting says
   * otherwise: `x-openai-isConsequential` when the document sets it, else the opposite of
   * `x-concierge-safe` when set, else true for every method but GET, HEAD and OPTIONS. Absent in
   * catalogs imported before it existed: then `!readOnly`.
   */
  needsConfirmation?: boolean;
  /** Marked deprecated in the document. */
  deprecated: boolean;
  /** False when the operation cannot be called as described; `uncallableReason` says why. */
  callable: boolean;
  /** Why the operation cannot be called, e.g. "request body is multipart/form-data only". */
  uncallableReason?: string;
  /** JSON pointer of the operation in the source document, e.g. `/paths/~1orders~1{id}/get`. */
  pointer: string;
}
