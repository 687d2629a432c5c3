// The choice among the operations behind a knowledge search the engine asked for. The agent calls the
// engine again with the search's passages, for the same conversation and the same operations, and the
// choice (most of a decision's cost: ranking, filling, look-ups) is the one made before the search.
import type { OfferedRanking } from '../../tools/index.js';
import type { EngineTool } from '../catalog/engine-tool.js';
import type { Choice } from '../choose/choice.js';
import type { Turn } from '../conversation/read-conversation.js';
import type { DecidedCall } from '../decide-turn.js';

/** What a choice among the operations was made for. */
export interface ChoiceInputs {
  /** The conversation as the customer left it, without the search's turns. */
  turns: Turn[];
  system: string;
  /** The operations offered (the hand-off and the knowledge search left out). */
  operations: EngineTool[];
  /** The whole catalog the operations were offered from, when the agent passes it. */
  ranking?: OfferedRanking;
}

/** The operations' part of a decision: a call per request of the message, else the one choice. */
export interface OperationsChoice {
  calls: DecidedCall[];
  choice: Choice;
}

/** Searches kept at most: one per conversation whose turn awaits its passages. */
const MAX_SEARCHES = 64;

/**
 * Per customer message, the choice made before the last search asked for it. Only a decision that
 * reads a search's passages takes one, and only for the same inputs: the decision that asked for
 * that search kept its choice just before, in the same turn, so what is taken was made then (its
 * relative dates counted from then).
 */
const searches = new Map<string, { inputs: ChoiceInputs; made: OperationsChoice }>();

function sameItems<Item>(left: readonly Item[], right: readonly Item[]): boolean {
  return left.length === right.length && left.every((item, position) => item === right[position]);
}

function sameTurn(left: Turn, right: Turn): boolean {
  return (
    left.role === right.role &&
    left.text === right.text &&
    left.toolCalls.length === right.toolCalls.length &&
    left.toolCalls.every(
      (call, position) =>
        call.toolName === right.toolCalls[position].toolName &&
        JSON.stringify(call.input) === JSON.stringify(right.toolCalls[position].input),
    )
  );
}

function sameRanking(left: OfferedRanking | undefined, right: OfferedRanking | undefined): boolean {
  if (!left || !right) return left === right;
  if (left.index !== right.index || left.positions.size !== right.positions.size) return false;
  for (const [name, position] of left.positions) if (right.positions.get(name) !== position) return false;
  return true;
}

function sameInputs(left: ChoiceInputs, right: ChoiceInputs): boolean {
  return (
    left.system === right.system &&
    sameItems(left.operations, right.operations) &&
    sameRanking(left.ranking, right.ranking) &&
    left.turns.length === right.turns.length &&
    left.turns.every((turn, position) => sameTurn(turn, right.turns[position]))
  );
}

/** Keeps the choice a decision made before asking for a knowledge search. */
export function rememberSearch(inputs: ChoiceInputs, made: OperationsChoice): void {
  const message = inputs.turns.at(-1)?.text ?? '';
  searches.delete(message);
  if (searches.size >= MAX_SEARCHES) searches.delete(searches.keys().next().value as string);
  searches.set(message, { inputs, made });
}

/** The choice made before the search whose passages a decision reads, when made for the same inputs. */
export function recallSearch(inputs: ChoiceInputs): OperationsChoice | undefined {
  const kept = searches.get(inputs.turns.at(-1)?.text ?? '');
  return kept && sameInputs(kept.inputs, inputs) ? kept.made : undefined;
}
