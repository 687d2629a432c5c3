// Where the knowledge search enters the engine's decision. Data about the customer's own orders and
// payments comes from the API first: a message that clearly asks for an operation (it gives an id,
// asks for a change, or ranks it well above calling nothing) calls it. Any other message is looked up
// in the sources first; then a passage that holds the question well is the answer, an operation the
// ranking preferred comes next, then a passage that holds it in part, then small talk, then the
// honest "I don't have that information" with the offer of a person.

import type { OfferedRanking } from '../../tools/index.js';
import type { EngineTool } from '../catalog/engine-tool.js';
import type { Choice } from '../choose/choice.js';
import { rankOffered } from '../choose/rank-offered.js';
import type { Decision } from '../decide-turn.js';
import { HANDOFF_OFFER } from '../reply/describe-capabilities.js';
import { answerFromPassage } from './answer-from-passage.js';
import type { FoundPassage, KnowledgeView } from './read-knowledge-results.js';

/** A passage holding this share of the question answers it even when an operation ranked first. */
export const STRONG_RELEVANCE = 0.75;
/** An operation this likely (against the others and calling nothing) is called without a search. */
const CLEAR_PROBABILITY = 0.6;
/** The customer speaks of their own records: the API has them, the articles do not. */
const OWN_RECORDS = /\b(?:my|mine|our)\b/i;
/** How likely an operation must be for "my …" to make it clear. */
const OWN_RECORDS_PROBABILITY = 0.3;
/** A passage must hold this much of a question to win over an operation the ranking gives it clearly. */
const DECISIVE_RELEVANCE = 0.9;

/** Said when no source covers the question and no operation fits it. */
export const NO_INFORMATION_REPLY = `I'm sorry, I don't have that information. ${HANDOFF_OFFER}`;

/** What the decision reads. */
export interface DecideWithKnowledgeOptions {
  view: KnowledgeView;
  /** The customer's message. */
  text: string;
  /** What the operations' ranking chose. */
  choice: Choice;
  /** Whether the message is small talk (a greeting, thanks, a goodbye). */
  smallTalk: boolean;
  /**
   * For a complaint, the apology an answer from a passage opens with; without a passage that answers
   * it, the engine's own complaint handling answers.
   */
  complaint?: string;
  operations: EngineTool[];
  /** Recent messages and the system prompt, as the choice read them. */
  context: string;
  system: string;
  /** The whole catalog the operations were offered from, when the agent passes it. */
  ranking?: OfferedRanking;
}

/** How the chosen operation fits the message, for weighing it against what the sources hold. */
type OperationFit = 'clear' | 'likely' | 'weak';

/**
 * How clearly the message asks for the chosen operation. `clear` (no search first): it gives an id,
 * asks for a change, speaks of the customer's own record ("my order") that an operation reads by its id,
 * or is a request, not a question, the ranking gives the operation clearly. `likely`: a question the
 * ranking gives the operation clearly ("how do I care for leather?" may still be an article's).
 */
function fitOf(options: DecideWithKnowledgeOptions): OperationFit {
  const { choice } = options;
  if (choice.type === 'none' || choice.type === 'unable') return 'weak';
  // Ranked as the choice ranked it (the same call: the catalog's last ranking answers it).
  const ranking = rankOffered(
    { tools: options.operations, context: options.context, system: options.system, ranking: options.ranking },
    options.text,
  );
  const { query } = ranking;
  const probability =
    ranking.tools.find((entry) => entry.entry.tool.name === choice.tool.name)?.probability ?? 0;
  if (query.ids.length > 0) return 'clear';
  // "My order", "my payment": one record of the customer's, which an operation reads by its id.
  const readsOneRecord = choice.type === 'ask' || Boolean(choice.tool.operation?.path.includes('{'));
  if (readsOneRecord && OWN_RECORDS.test(options.text) && probability >= OWN_RECORDS_PROBABILITY)
    return 'clear';
  const method = choice.tool.operation?.method ?? 'get';
  if (!query.question && !['get', 'head', 'options'].includes(method)) return 'clear';
  if (probability < CLEAR_PROBABILITY) return 'weak';
  return query.question ? 'likely' : 'clear';
}

/** The knowledge search's part of the decision; undefined: decide as without sources. */
export function decideWithKnowledge(options: DecideWithKnowledgeOptions): Decision | undefined {
  const { view, choice, text } = options;
  if (!view.tool) return undefined;
  const fit = fitOf(options);
  if (view.searches.length === 0) {
    if (fit === 'clear') return undefined;
    if (options.smallTalk && choice.type === 'none') return undefined;
    return { type: 'tool-call', toolName: view.tool.name, input: { query: text } };
  }
  const best = view.searches.flat().sort((left, right) => right.relevance - left.relevance)[0];
  const decisive = fit === 'likely' ? DECISIVE_RELEVANCE : STRONG_RELEVANCE;
  // A complaint a passage answers gets the apology first, then what the business's article says.
  const answer = (passage: FoundPassage): Decision => ({
    type: 'text',
    text: options.complaint
      ? `${options.complaint} ${answerFromPassage(text, passage)}`
      : answerFromPassage(text, passage),
  });
  if (best && best.relevance >= decisive) return answer(best);
  if (options.complaint) return best && choice.type === 'none' ? answer(best) : undefined;
  if (choice.type === 'call' || choice.type === 'ask') return undefined;
  if (best) return answer(best);
  // Small talk, and a change no operation makes ("cancel my subscription"), are answered as without sources.
  if (options.smallTalk || choice.type === 'unable') return undefined;
  return { type: 'text', text: NO_INFORMATION_REPLY };
}
