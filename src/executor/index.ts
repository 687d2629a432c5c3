// Tool calls to HTTP requests and back: auth, encoding, limits, network guard, outcomes and request logs.

export { joinUrl } from './build-request.js';
export { createExecutor, type Executor, type ExecutorOptions } from './create-executor.js';
export { createGuardedFetch, type GuardedFetchOptions } from './create-guarded-fetch.js';
export {
  extractApiMessage,
  isEmptyResult,
  TOOL_CALL_OUTCOMES,
  type ToolCallOutcome,
} from './describe-outcome.js';
export {
  BlockedHostError,
  type BlockedHostErrorOptions,
  ToolInputError,
  type ToolInputIssue,
  UpstreamApiError,
  type UpstreamApiErrorOptions,
} from './errors.js';
export { fitToBudget } from './fit-to-budget.js';
export type { IntegrationAuth } from './integration-auth.js';
export { isHostAllowed, splitAllowHosts } from './is-host-allowed.js';
export type {
  RedactedRequest,
  RequestIdentity,
  RequestLogEntry,
  ToolCallIdentity,
  ToolCallIntegration,
  ToolCallRequest,
  ToolCallResponse,
  ToolCallResult,
} from './tool-call.js';
export { type ToolArgumentsValidation, validateToolArguments } from './validate-tool-arguments.js';
