// One conversation turn: prompt, model/tool loop, write-action confirmation, hand-off, history, trace.
export {
  AGENT_RULES,
  buildSystemPrompt,
  type CustomerContext,
  HANDOFF_TOOL_NAME,
  KNOWLEDGE_RULES,
  KNOWLEDGE_TOOL_NAME,
} from './agent-rules.js';
export { SIGN_IN_PREFIX, signInReply } from './arrange-for-customer.js';
export { type ConfirmationAnswer, classifyConfirmation } from './classify-confirmation.js';
export { type AgentCatalog, compileAgentCatalog } from './compile-agent-catalog.js';
export { confirmationQuestion, describeAction } from './describe-action.js';
export {
  DEFAULT_HISTORY_MESSAGES,
  DEFAULT_HISTORY_TOKEN_BUDGET,
  estimateTokens,
  fitHistory,
  type HistoryLimits,
  type ReadHistoryWindowOptions,
  readHistoryWindow,
} from './fit-history.js';
export { findToolNameClashes, type ToolNameClash } from './name-agent-tools.js';
export { MAX_OFFERED_OPERATIONS } from './offer-tools.js';
export { DEFAULT_CONFIRMATION_TTL_MS, isExpired, type PendingAction } from './pending-action.js';
export {
  ALREADY_CLAIMED_REPLY,
  CANCELLED_REPLY,
  EXPIRED_REPLY,
  UNAVAILABLE_REPLY,
  UNCERTAIN_REPLY,
} from './resolve-pending-action.js';
export { findUsedSources, NO_KNOWLEDGE_MESSAGE } from './run-knowledge-search.js';
export { DEFAULT_MAX_TOOL_STEPS, HANDOFF_REPLY, MODEL_ERROR_REPLY, runTurn } from './run-turn.js';
export type {
  AgentTool,
  AgentToolIdentity,
  HistoryMessage,
  KnowledgePassageView,
  KnowledgeSearch,
  KnowledgeSourceRef,
  RunTurnOptions,
  TurnResult,
} from './run-turn-options.js';
export type {
  ConfirmationRequestedStep,
  ConfirmationResolvedStep,
  HandoffStep,
  KnowledgeSearchStep,
  ModelCallStep,
  ModelErrorStep,
  SignInRequiredStep,
  ToolCallStep,
  TraceStep,
  TurnStoppedStep,
} from './trace-step.js';
export type { TurnEvent } from './turn-event.js';
