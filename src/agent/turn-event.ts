// Events a turn emits while it runs; the chat API streams exactly these as server-sent events.
import type { ToolCallOutcome } from '../executor/index.js';
import type { TraceStep } from './trace-step.js';

/** Something that happened during a turn, in order. */
export type TurnEvent =
  | {
      type: 'turn-start';
      /** The conversation, when the caller gave it. */
      conversationId?: string;
    }
  | {
      type: 'model-call-start';
      /** 0 for the first model call of the turn. */
      step: number;
    }
  | {
      type: 'model-call-end';
      /** The step that ended. */
      step: number;
      /** Time the call took, in ms. */
      durationMs: number;
      /** Why the model stopped; `error` when the call failed. */
      finishReason: string;
      /** Prompt tokens, when reported. */
      inputTokens?: number;
      /** Generated tokens, when reported. */
      outputTokens?: number;
    }
  | {
      type: 'tool-call-start';
      /** The tool's name. */
      tool: string;
      /** The arguments it is called with. */
      args: unknown;
    }
  | {
      type: 'tool-call-end';
      /** The tool's name. */
      tool: string;
      /** How the call ended. */
      outcome: ToolCallOutcome;
      /** The API's status, when it answered. */
      status?: number;
      /** Time the call took, in ms. */
      durationMs: number;
      /** The start of the response, redacted, at most 500 characters. */
      excerpt: string;
    }
  | {
      type: 'message-delta';
      /** The next piece of the reply; the pieces joined are the reply. */
      text: string;
    }
  | {
      type: 'turn-end';
      /** The whole reply. */
      reply: string;
      /** The turn's trace, as in the result. */
      steps: TraceStep[];
    };
