// The tool catalog seen by an agent: the ToolDefinition type, the ranking of operations for a message,
// and per-agent tool selection.
export type {
  HttpMethod,
  IdempotencyKeyInput,
  JsonSchema,
  ParameterLocation,
  ToolDefinition,
  ToolParameter,
  ToolRequestBody,
} from '../openapi/index.js';
// Schema patterns run on RE2 wherever a message meets them (the engine's filling too); catalogs stored
// before idempotency keys were recognised are brought up to date as they are read.
export { hideIdempotencyKeys, matchesSchemaPattern } from '../openapi/index.js';
export {
  compileToolCatalog,
  type OfferedRanking,
  offeredRanking,
  type ToolCatalog,
} from './compile-tool-catalog.js';
export {
  type AppliedBindings,
  applyBoundInputs,
  type BindableInput,
  type BindingLocation,
  type BoundInput,
  type CustomerIdentity,
  describeBinding,
  hideBoundInputs,
  type IdentityBinding,
  type IdentityHeader,
  listBindableInputs,
  type ResolvedBindings,
  readClaim,
  resolveBindings,
} from './identity-bindings.js';
export { defaultNeedsConfirmation } from './needs-confirmation.js';
export * from './ranking/index.js';
// Words as the ranking reads them, shared with the knowledge search (src/knowledge); word vectors also
// read by the engine's reply writer (word meaning for matching a question to field names).
export {
  contentStems,
  editDistance,
  isContentWord,
  keepingSplits,
  STOP_WORDS,
  separateCamelCase,
  splitWords,
  stemOf,
} from './ranking/read-words.js';
export { loadWordVectors, similarity, type WordVectors } from './ranking/word-vectors.js';
export { type SelectToolsOptions, selectTools } from './select-tools.js';
export { RESPONSE_SCHEMA_KEY, readResponseSchema, toolProviderOptions } from './tool-provider-options.js';
