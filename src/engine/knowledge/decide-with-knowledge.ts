// Where the knowledge search enters the engine's decision. Data about the customer's own orders and
// payments comes from the API first: a message that clearly asks for an operation (it gives an id,
// asks for a change, or ranks it well above calling nothing) calls it. Any other message is looked up
// in the sources first; then a passage that holds the question well is the answer, an operation the
// ranking preferred comes next, then a passage that holds it in part, then small talk, then the
// honest "I don't have that information" with the offer of a person.

import { indexCatalogCached, type RankableTool, rankCatalog } from '../../tools/index.js';
import type { EngineTool } from '../catalog/engine-tool.js';
import type { Choice } from '../choose/choose-tool.js';
import type { Decision } from '../decide-turn.js';
import { HANDOFF_OFFER } from '../reply/describe-capabilities.js';
import { answerFromPassage } from './answer-from-passage.js';
import type { KnowledgeView } from './read-knowledge-results.js';

/** A passage holding this share of the question answers it even when an operation ranked first. */
export const STRONG_RELEVANCE = 0.75;
/** An operation this likely (against the others and calling nothing) is called without a search. */
const CLEAR_PROBABILITY = 0.6;

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
  operations: EngineTool[];
  /** Recent messages and the system prompt, as the choice read them. */
  context: string;
  system: string;
}

/** Whether the message asks for the chosen operation beyond doubt, so no search is needed first. */
function clearlyAnOperation(options: DecideWithKnowledgeOptions): boolean {
  const { choice, operations } = options;
  if (choice.type === 'none') return false;
  const index = indexCatalogCached(operations as RankableTool[], { source: operations });
  const ranking = rankCatalog({
    index,
    message: options.text,
    context: options.context,
    basePrompt: options.system,
  });
  if (ranking.query.ids.length > 0) return true;
  const method = choice.tool.operation?.method ?? 'get';
  if (!['get', 'head', 'options'].includes(method) && !ranking.query.question) return true;
  const best = ranking.tools[0];
  return (
    choice.type === 'call' &&
    best?.entry.tool.name === choice.tool.name &&
    best.probability >= CLEAR_PROBABILITY
  );
}

/** The knowledge search's part of the decision; undefined: decide as without sources. */
export function decideWithKnowledge(options: DecideWithKnowledgeOptions): Decision | undefined {
  const { view, choice, text } = options;
  if (!view.tool) return undefined;
  if (view.searches.length === 0) {
    if (clearlyAnOperation(options)) return undefined;
    if (options.smallTalk && choice.type === 'none') return undefined;
    return { type: 'tool-call', toolName: view.tool.name, input: { query: text } };
  }
  const best = view.searches.flat().sort((left, right) => right.relevance - left.relevance)[0];
  if (best && best.relevance >= STRONG_RELEVANCE)
    return { type: 'text', text: answerFromPassage(text, best) };
  if (choice.type !== 'none') return undefined;
  if (best) return { type: 'text', text: answerFromPassage(text, best) };
  if (options.smallTalk) return undefined;
  return { type: 'text', text: NO_INFORMATION_REPLY };
}
