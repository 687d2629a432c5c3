// Collects what a turn does (trace steps, reply text, data sources) and emits it as events, so the
// result and the event stream always agree.
import type { PendingAction } from './pending-action.js';
import { findUsedSources } from './run-knowledge-search.js';
import type { KnowledgePassageView, TurnResult } from './run-turn-options.js';
import type { TraceStep } from './trace-step.js';
import type { TurnEvent } from './turn-event.js';

/** Said when the turn ends with no text from the model at all. */
export const EMPTY_REPLY = "I'm sorry, I don't have an answer to that. Could you put it another way?";

/** The state of one running turn. */
export interface TurnRecorder {
  /** Emits an event to the caller (a throwing listener does not break the turn). */
  emit(event: TurnEvent): void;
  /** Adds a trace step. */
  record(step: TraceStep): void;
  /** Marks a tool whose ok result the reply may use. */
  addSource(tool: string): void;
  /** Keeps passages a knowledge search returned; those the reply names or quotes become its knowledge sources. */
  addPassages(passages: KnowledgePassageView[]): void;
  /** Appends reply text and emits it as a `message-delta`. */
  write(text: string): void;
  /** Starts a new paragraph of the reply before the next `write` (a new model step, a fixed sentence). */
  paragraph(): void;
  /** Ends the turn: emits `turn-end` and returns the result. */
  finish(outcome?: {
    pendingAction?: PendingAction | null;
    handoff?: { reason: string };
    signIn?: { url: string | null };
    stopped?: 'cancelled' | 'taken-over';
  }): TurnResult;
}

/** Starts recording a turn whose events go to `onEvent`. */
export function createTurnRecorder(onEvent: ((event: TurnEvent) => void) | undefined): TurnRecorder {
  const steps: TraceStep[] = [];
  const sources = new Set<string>();
  const passages: KnowledgePassageView[] = [];
  let reply = '';
  let newParagraph = false;
  const emit = (event: TurnEvent) => {
    try {
      onEvent?.(event);
    } catch {
      // A listener's failure (a closed SSE socket) must not lose the turn, which is still saved.
    }
  };
  const write = (text: string) => {
    if (!text) return;
    const piece = newParagraph && reply.trim() ? `\n\n${text.replace(/^\s+/, '')}` : text;
    newParagraph = false;
    reply += piece;
    emit({ type: 'message-delta', text: piece });
  };
  return {
    emit,
    record: (step) => steps.push(step),
    addSource: (tool) => sources.add(tool),
    addPassages: (found) => passages.push(...found),
    write,
    paragraph() {
      newParagraph = true;
    },
    finish(outcome = {}) {
      if (outcome.stopped) steps.push({ type: 'turn-stopped', reason: outcome.stopped });
      else if (!reply.trim()) write(EMPTY_REPLY);
      const result: TurnResult = {
        reply: reply.trim(),
        steps,
        pendingAction: outcome.pendingAction ?? null,
        dataSources: [...sources],
        knowledgeSources: outcome.stopped ? [] : findUsedSources(reply, passages),
      };
      if (outcome.handoff) result.handoff = outcome.handoff;
      if (outcome.signIn) result.signIn = outcome.signIn;
      if (outcome.stopped) result.stopped = outcome.stopped;
      emit({ type: 'turn-end', reply: result.reply, steps });
      return result;
    },
  };
}
