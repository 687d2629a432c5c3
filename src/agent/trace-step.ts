// What a turn did, step by step, as the preview chat and the conversation's trace show it.
import type { RequestIdentity, ToolCallOutcome } from '../executor/index.js';

/** One call to the language model. */
export interface ModelCallStep {
  type: 'model-call';
  /** Time from the request to the last token, in ms. */
  durationMs: number;
  /** Prompt tokens, when the provider reports them. */
  inputTokens?: number;
  /** Generated tokens, when the provider reports them. */
  outputTokens?: number;
  /** Why the model stopped: `stop`, `tool-calls`, `length`, `content-filter`, `error`, `other`. */
  finishReason: string;
}

/** One tool call, executed or refused before sending. */
export interface ToolCallStep {
  type: 'tool-call';
  /** The tool's name as offered to the model. */
  tool: string;
  /** The operation's operationId, when it has one. */
  operationId?: string;
  /** The integration the tool belongs to (absent for a tool the agent does not have). */
  integrationId?: string;
  /** The arguments the model gave (never credentials: those are added by the executor). */
  args: unknown;
  /** The API's response status, when it answered. */
  status?: number;
  /** How the call ended. */
  outcome: ToolCallOutcome;
  /** Time the call took, in ms. */
  durationMs: number;
  /** The start of the response (or the failure sentence), redacted, at most 500 characters. */
  responseExcerpt: string;
  /** Technical detail of a failure, redacted. */
  error?: string;
  /** The `Idempotency-Key` sent with a confirmed action. */
  idempotencyKey?: string;
  /** For a verified customer: their `sub`, and which inputs and headers came from their identity. */
  identity?: RequestIdentity;
}

/** The visitor asked for something only a signed-in customer may do, and was asked to sign in. */
export interface SignInRequiredStep {
  type: 'sign-in-required';
  /** The operation they would need to be signed in for. */
  tool: string;
}

/** One search of the agent's knowledge sources. */
export interface KnowledgeSearchStep {
  type: 'knowledge-search';
  /** What was searched for. */
  query: string;
  /** The passages found, best first (their text is in the tool result the model read, not here). */
  passages: { sourceId: string; title: string; heading: string; url: string | null; relevance: number }[];
  /** Time the search took, in ms. */
  durationMs: number;
  /** Why the search failed, when it did. */
  error?: string;
}

/** A write action was proposed to the customer instead of being run. */
export interface ConfirmationRequestedStep {
  type: 'confirmation-requested';
  /** The tool that will run on yes. */
  tool: string;
  /** The validated arguments it will run with. */
  args: unknown;
}

/** What became of a pending write action. */
export interface ConfirmationResolvedStep {
  type: 'confirmation-resolved';
  /**
   * `confirmed`: a plain yes, and it ran; `cancelled`: a plain no (or its tool is gone); `expired`:
   * too late; `superseded`: the customer said something else, which went to the model;
   * `interrupted`: another turn had already claimed it, so it did not run again.
   */
  decision: 'confirmed' | 'cancelled' | 'expired' | 'superseded' | 'interrupted';
}

/** The model handed the conversation to a person. */
export interface HandoffStep {
  type: 'handoff';
  /** The model's reason. */
  reason: string;
}

/** The model or its provider failed; the customer got a plain apology. */
export interface ModelErrorStep {
  type: 'model-error';
  /** The provider's message with anything secret-looking removed. */
  message: string;
}

/** The turn stopped before its end: the customer left, or a person took the conversation over. */
export interface TurnStoppedStep {
  type: 'turn-stopped';
  /** `cancelled`: the client closed the connection; `taken-over`: a person replied or the conversation closed. */
  reason: 'cancelled' | 'taken-over';
}

/** One step of a turn's trace. */
export type TraceStep =
  | ModelCallStep
  | ToolCallStep
  | KnowledgeSearchStep
  | ConfirmationRequestedStep
  | ConfirmationResolvedStep
  | HandoffStep
  | SignInRequiredStep
  | ModelErrorStep
  | TurnStoppedStep;
