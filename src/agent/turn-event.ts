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
      step: number;
      durationMs: number;
      finishReason: string;
      inputTokens?: number;
      outputTokens?: number;
    }
  | {
      type: 'tool-call-start';
      /** The tool's name. */
      tool: string;
      args: unknown;
    }
  | {
      type: 'tool-call-end';
      tool: string;
      outcome: ToolCallOutcome;
      /** The API's status, when it answered. */
      status?: number;
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
      steps: TraceStep[];
    };
