// One decision of the embedded engine: answer a tool result, call a tool with filled arguments, ask
// for what is missing, or reply without a tool (small talk, out of scope, hand-off).

import type { EngineTool } from './catalog/engine-tool.js';
import { listParameters } from './catalog/list-parameters.js';
import { chooseTool } from './choose/choose-tool.js';
import type { Conversation } from './conversation/read-conversation.js';
import { fillArguments } from './fill/fill-arguments.js';
import { decideWithKnowledge } from './knowledge/decide-with-knowledge.js';
import { readKnowledgeResults } from './knowledge/read-knowledge-results.js';
import { askForParameters } from './reply/ask-for-parameters.js';
import { classifySmallTalk } from './reply/classify-small-talk.js';
import { describeCapabilities, HANDOFF_OFFER } from './reply/describe-capabilities.js';
import { writeAnswer } from './reply/write-answer.js';

/** What the engine does this step. */
export type Decision =
  | { type: 'tool-call'; toolName: string; input: Record<string, unknown> }
  | { type: 'text'; text: string };

/** The tool name the agent layer uses for handing the chat to a person. */
export const HANDOFF_TOOL_NAME = 'handoff_to_human';

const SMALL_TALK_REPLIES = {
  greeting: 'Hello! How can I help you today?',
  thanks: "You're welcome! Is there anything else I can help with?",
  goodbye: 'Thank you for reaching out. Have a great day!',
  handoff: "I can't transfer you to a person from here, but I'll do my best to help. What do you need?",
} as const;

/** The customer's message before the assistant's last question, when the customer is answering it. */
function earlierRequest(conversation: Conversation): string | undefined {
  const turns = conversation.turns;
  const assistant = turns[turns.length - 2];
  const before = turns[turns.length - 3];
  // A question mark inside a link (`?tracknum=`) is no question to the customer.
  const asked = assistant?.role === 'assistant' && /\?(?:\s|$)/.test(assistant.text);
  if (!asked || assistant.toolCalls.length > 0) return undefined;
  return before?.role === 'user' ? before.text : undefined;
}

/** Earlier turns whose words inform the choice of a follow-up. */
const CONTEXT_TURNS = 3;

const AFFIRMATIVE = /^\s*(?:yes|yeah|yep|sure|ok(?:ay)?|please(?: do)?|y|go ahead)\b/i;

/** Whether the customer says yes to the hand-off the assistant offered in its last message. */
function acceptsHandoffOffer(conversation: Conversation): boolean {
  const turns = conversation.turns;
  const offer = turns[turns.length - 2];
  return (
    offer?.role === 'assistant' &&
    offer.text.includes(HANDOFF_OFFER) &&
    AFFIRMATIVE.test(turns[turns.length - 1].text)
  );
}

function answerResults(conversation: Conversation): Decision {
  const text = conversation.toolResults.map(writeAnswer).join('\n\n');
  return { type: 'text', text };
}

/** Decides the next step for `conversation` with `tools`. */
export function decideTurn(given: Conversation, offered: EngineTool[]): Decision {
  // Knowledge sources (./knowledge): the search tool and its results apart from the operations'.
  const knowledge = readKnowledgeResults(given, offered);
  const { conversation, tools } = knowledge;
  if (conversation.toolResults.length > 0) return answerResults(conversation);
  const last = conversation.turns[conversation.turns.length - 1];
  if (last?.role !== 'user' || !last.text.trim()) return { type: 'text', text: SMALL_TALK_REPLIES.greeting };
  const smallTalk = classifySmallTalk(last.text);
  const handoff = tools.find((tool) => tool.name === HANDOFF_TOOL_NAME);
  if (handoff && (smallTalk === 'handoff' || acceptsHandoffOffer(conversation))) {
    const filled = fillArguments({
      parameters: listParameters(handoff.inputSchema),
      text: last.text,
      subjectConcepts: new Set(),
    });
    const input = { ...filled.input };
    for (const parameter of filled.missing)
      if (parameter.type === 'string') input[parameter.name] = last.text;
    return { type: 'tool-call', toolName: handoff.name, input };
  }
  const operations = tools.filter((tool) => tool !== handoff);
  const context = conversation.turns
    .slice(-CONTEXT_TURNS - 1, -1)
    .map((turn) => turn.text)
    .join('\n');
  const choice = chooseTool({
    tools: operations,
    text: last.text,
    earlierText: earlierRequest(conversation),
    context,
    system: conversation.system,
  });
  const fromKnowledge = decideWithKnowledge({
    view: knowledge,
    text: last.text,
    choice,
    smallTalk: Boolean(smallTalk),
    operations,
    context,
    system: conversation.system,
  });
  if (fromKnowledge) return fromKnowledge;
  if (choice.type === 'call') return { type: 'tool-call', toolName: choice.tool.name, input: choice.input };
  if (choice.type === 'ask') return { type: 'text', text: askForParameters(choice.missing) };
  if (smallTalk) return { type: 'text', text: SMALL_TALK_REPLIES[smallTalk] };
  return { type: 'text', text: describeCapabilities(operations) };
}
