// The reply to the tool results of a turn: each result answers its part of the customer's message
// ("did my payment go through? also when does the Austin store open?"), in one reply.
import type { EngineTool } from '../catalog/engine-tool.js';
import type { Conversation, ToolResultView } from '../conversation/read-conversation.js';
import { findApiCurrency } from './find-currency.js';
import { termsOfText } from './match-words.js';
import { readQuestion, splitQuestion } from './read-question.js';
import { writeAnswer } from './write-answer.js';

/** What the reply needs. */
export interface WriteReplyOptions {
  conversation: Conversation;
  /** The tools offered this turn: the called ones' summaries, paths and response schemas. */
  tools: EngineTool[];
  /** When the reply is made; defaults to now. */
  now?: Date;
}

/** What the customer said in the messages before their request, most recent last. */
function earlierOf(conversation: Conversation, request: string): string {
  const said = conversation.turns.filter((turn) => turn.role === 'user').map((turn) => turn.text);
  const before = said.slice(0, -1).filter((text) => !request.includes(text));
  return before.slice(-EARLIER_MESSAGES).join('\n');
}

/** Earlier customer messages that may say what a follow-up ("their phone number?") is about. */
const EARLIER_MESSAGES = 2;

/**
 * The customer's request the results answer: their last message, with the message before it when
 * the last one only answers the assistant's question ("What is your order number?" - "12345").
 */
export function requestOf(conversation: Conversation): string {
  const turns = conversation.turns;
  let last = turns.length - 1;
  while (last >= 0 && turns[last].role !== 'user') last--;
  if (last < 0) return '';
  const message = turns[last].text;
  const asked = turns[last - 1];
  const before = turns[last - 2];
  const answersQuestion =
    asked?.role === 'assistant' &&
    asked.toolCalls.length === 0 &&
    /\?(?:\s|$)/.test(asked.text) &&
    before?.role === 'user';
  return answersQuestion ? `${before.text}\n${message}` : message;
}

/** The terms of a called tool's summary, description, path and name. */
function toolTermsOf(result: ToolResultView, tool: EngineTool | undefined): Set<string> {
  return termsOfText(
    [tool?.operation?.summary, tool?.description, tool?.operation?.path, result.toolName].join(' '),
  );
}

/** How well a part of the message fits a result: the tool's words and the call's values in it. */
function fitOf(part: string, result: ToolResultView, toolTerms: Set<string>): number {
  const partTerms = termsOfText(part);
  let score = [...partTerms].filter((term) => toolTerms.has(term)).length;
  const input = typeof result.input === 'object' && result.input !== null ? Object.values(result.input) : [];
  for (const value of input) {
    if ((typeof value === 'string' || typeof value === 'number') && String(value).trim()) {
      if (part.toLowerCase().includes(String(value).toLowerCase())) score += 3;
    }
  }
  return score;
}

/** The reply to every tool result of the turn, each answering the part of the message it belongs to. */
export function writeReply(options: WriteReplyOptions): string {
  const { conversation, tools } = options;
  const now = options.now ?? new Date();
  const request = requestOf(conversation);
  const earlier = earlierOf(conversation, request);
  const results = conversation.toolResults;
  const apiCurrency = findApiCurrency(tools);
  const toolOf = (result: ToolResultView) => tools.find((tool) => tool.name === result.toolName);
  const parts = results.length > 1 ? splitQuestion(request) : [];
  const answers: string[] = [];
  for (const result of results) {
    const tool = toolOf(result);
    let text = request;
    if (parts.length > 1) {
      const toolTerms = toolTermsOf(result, tool);
      const ranked = parts
        .map((part) => ({ part, fit: fitOf(part, result, toolTerms) }))
        .sort((left, right) => right.fit - left.fit);
      if (ranked[0].fit > 0) text = ranked[0].part;
    }
    const answer = writeAnswer({
      result,
      question: readQuestion(text, earlier),
      tool,
      apiCurrency,
      now,
      several: results.length > 1,
    });
    if (!answers.includes(answer)) answers.push(answer);
  }
  return answers.join('\n\n');
}
