// One decision of the embedded engine: answer a tool result, call a tool with filled arguments, ask
// for what is missing, or reply without a tool (small talk, out of scope, hand-off).

import { contentStems, isReadMethod, type OfferedRanking } from '../tools/index.js';
import type { EngineTool } from './catalog/engine-tool.js';
import { listParameters } from './catalog/list-parameters.js';
import type { Choice } from './choose/choice.js';
import { ACCOUNT_NAME, chooseRemedy } from './choose/choose-remedy.js';
import { chooseTool } from './choose/choose-tool.js';
import { readComplaint } from './choose/read-complaint.js';
import type { Conversation } from './conversation/read-conversation.js';
import {
  ANOTHER,
  acceptedOffer,
  acceptsHandoffOffer,
  confirmedRecord,
  continuedRequest,
  earlierRequest,
  NAMES_RECORD,
  offerAsked,
  referredRequest,
} from './conversation/read-follow-up.js';
import { readOthersRecord } from './conversation/read-others-record.js';
import { readWithheldValue } from './conversation/read-withheld-value.js';
import { fillArguments } from './fill/fill-arguments.js';
import { readStatedNow } from './fill/find-dates.js';
import { createTextReadings } from './fill/read-text.js';
import { decideWithKnowledge } from './knowledge/decide-with-knowledge.js';
import { readKnowledgeResults } from './knowledge/read-knowledge-results.js';
import { type OperationsChoice, recallSearch, rememberSearch } from './knowledge/searched-choice.js';
import { splitWords } from './language/split-words.js';
import { askForParameters } from './reply/ask-for-parameters.js';
import { classifySmallTalk } from './reply/classify-small-talk.js';
import { declineAction } from './reply/decline-action.js';
import { describeAction } from './reply/describe-action.js';
import { describeCapabilities, HANDOFF_OFFER } from './reply/describe-capabilities.js';
import { writeReply } from './reply/write-reply.js';

/** One call the engine makes. */
export interface DecidedCall {
  toolName: string;
  input: Record<string, unknown>;
}

/** What the engine does this step: one call, several (one per request of the message), or a reply. */
export type Decision =
  | ({ type: 'tool-call' } & DecidedCall)
  | { type: 'tool-calls'; calls: DecidedCall[] }
  | { type: 'text'; text: string };

/** The tool name the agent layer uses for handing the chat to a person. */
export const HANDOFF_TOOL_NAME = 'handoff_to_human';

const SMALL_TALK_REPLIES = {
  greeting: 'Hello! How can I help you today?',
  thanks: "You're welcome! Is there anything else I can help with?",
  goodbye: 'Thank you for reaching out. Have a great day!',
  handoff: "I can't transfer you to a person from here, but I'll do my best to help. What do you need?",
} as const;

/** Earlier turns whose words inform the choice of a follow-up. */
const CONTEXT_TURNS = 3;

/** The turns before the last `skip`, most recent first. */
function turnsBefore(conversation: Conversation, skip: number) {
  return conversation.turns.slice(0, -skip).reverse();
}

/** The reply to the turn's tool results, each answering its part of the customer's request. */
function answerResults(conversation: Conversation, tools: EngineTool[]): Decision {
  return { type: 'text', text: writeReply({ conversation, tools }) };
}

/** Where a message may be cut into requests: after a sentence, at a semicolon, before "also". */
const REQUEST_BOUNDARY = /(?<=[?!.])\s+|;\s*|,?\s+(?:and\s+)?also\b,?\s*/gi;
/** A quoted text ("'Happy birthday Dad! Love, Emma'"), never cut: it is one value. */
const QUOTED = /"[^"]*"|“[^”]*”|(?<=^|[\s:(])'[^']+'(?=[\s.,!?;:)]|$)/g;

/** Parts of a message that can each ask for something: its sentences, and clauses opened by "also". */
function splitRequests(text: string): string[] {
  const quoted = [...text.matchAll(QUOTED)].map((match) => [match.index, match.index + match[0].length]);
  const parts: string[] = [];
  let start = 0;
  for (const boundary of text.matchAll(REQUEST_BOUNDARY)) {
    if (quoted.some(([from, to]) => boundary.index > from && boundary.index < to)) continue;
    parts.push(text.slice(start, boundary.index));
    start = boundary.index + boundary[0].length;
  }
  parts.push(text.slice(start));
  return parts.map((part) => part.trim()).filter((part) => contentStems(part).length > 0);
}

/**
 * A call for each part of a message that asks for two things ("did my payment go through? also when
 * does the Austin store open?"), when at least two parts each call a different operation and every
 * part that calls one asks something of its own; or the one change a part asks for whole, when the
 * other parts ask for nothing. Exported for its tests.
 */
export function decideRequests(
  text: string,
  options: Omit<Parameters<typeof chooseTool>[0], 'text'>,
): DecidedCall[] {
  const parts = splitRequests(text);
  if (parts.length < 2) return [];
  const calls: DecidedCall[] = [];
  // Whether every part that calls nothing asks for nothing, and whether the one call is a change asked for.
  let story = true;
  let change = false;
  for (const part of parts) {
    const choice = chooseTool({ ...options, text: part });
    if (choice.type !== 'call') {
      if (choice.type !== 'none') story = false;
      continue;
    }
    // A part that only tells ("Contact me at ana@example.com") belongs to the request beside it.
    if (!choice.requests) return [];
    // A change asked for, not a question that names one ("could you check if the system is set to …?").
    change = !isReadMethod(choice.tool.operation?.method) && !/\?\s*$/.test(part);
    if (!calls.some((call) => call.toolName === choice.tool.name))
      calls.push({ toolName: choice.tool.name, input: choice.input });
  }
  // "Please refund the $4.50 upcharge on payment GQTF…. You were out of oat milk and I got regular
  // milk.": the one change a part asks for, whole, is the request; the rest tells its story.
  if (calls.length === 1 && story && change) return calls;
  return calls.length >= 2 ? calls : [];
}

/** The first part of a message of several that asks a question an operation reads the answer to. */
function answeredPart(text: string, options: Omit<Parameters<typeof chooseTool>[0], 'text'>) {
  const parts = splitRequests(text);
  if (parts.length < 2) return undefined;
  for (const part of parts) {
    if (!/\?\s*$/.test(part)) continue;
    const choice = chooseTool({ ...options, text: part });
    if (choice.type === 'call' && choice.requests && isReadMethod(choice.tool.operation?.method))
      return choice;
  }
  return undefined;
}

const SORRY = "I'm sorry to hear that.";
const OTHERS_RECORD_REPLY =
  "I'm sorry, I can only look up or change your own account and records. If they get in touch with us themselves, we'll be glad to help them.";

/** Numbers long enough to name a record (an order, a ticket), not a quantity. */
const NUMBERS = /\d{3,}/g;
/** "please refund it. Thanks!": a request with its thanks, not a sign-off. */
const PLEASE = /\b(?:please|pls|plz|kindly)\b/i;

/** A complaint no operation answers: an acknowledgement, and the case it can open or a person. */
function answerComplaint(remedy: ReturnType<typeof chooseRemedy>): Decision {
  if (remedy.type === 'call') return { type: 'tool-call', toolName: remedy.tool.name, input: remedy.input };
  if (remedy.type !== 'ask') return { type: 'text', text: `${SORRY} ${HANDOFF_OFFER}` };
  const offer = describeAction(remedy.tool, { own: true });
  const next = askForParameters(remedy.missing, remedy.tool);
  return { type: 'text', text: offer ? `${SORRY} I can ${offer} for you. ${next}` : `${SORRY} ${next}` };
}

/** Words of an operation's name or summary that say it hands the conversation to a person. */
const TO_PERSON = /\b(?:human|person|people|agent|agents|representative|operator|staff)\b/i;
const HANDS_OVER = /\b(?:transfer|transfers|escalate|escalates|hand|hands|handoff|forward|forwards)\b/i;

/**
 * The business's own operation for handing the customer to a person (tau-bench's
 * transfer_to_human_agents), when the agent has no built-in hand-off: exactly one whose name or
 * summary says it transfers to a person.
 */
function findHandoffOperation(tools: EngineTool[]): EngineTool | undefined {
  const found = tools.filter((tool) => {
    const words = `${splitWords(tool.name).join(' ')} ${tool.operation?.summary ?? tool.description.split(/[.\n]/)[0]}`;
    return TO_PERSON.test(words) && HANDS_OVER.test(words);
  });
  return found.length === 1 ? found[0] : undefined;
}

/**
 * Decides the next step for `conversation` with the `offered` tools; `ranking` is the whole catalog
 * they were offered from, when the agent passes it.
 */
export function decideTurn(given: Conversation, offered: EngineTool[], ranking?: OfferedRanking): Decision {
  // Knowledge sources (./knowledge): the search tool and its results apart from the operations'.
  const knowledge = readKnowledgeResults(given, offered);
  const { conversation, tools } = knowledge;
  if (conversation.toolResults.length > 0) return answerResults(conversation, tools);
  const last = conversation.turns[conversation.turns.length - 1];
  if (last?.role !== 'user' || !last.text.trim()) return { type: 'text', text: SMALL_TALK_REPLIES.greeting };
  const smallTalk = classifySmallTalk(last.text);
  const handoff = tools.find((tool) => tool.name === HANDOFF_TOOL_NAME) ?? findHandoffOperation(tools);
  const accepted = acceptsHandoffOffer(conversation);
  if (handoff && (smallTalk === 'handoff' || accepted)) {
    // A "yes" to the offer of a person says nothing of the issue: the request before the offer does.
    const account = accepted
      ? (turnsBefore(conversation, 2).find((turn) => turn.role === 'user')?.text ?? last.text)
      : last.text;
    const filled = fillArguments({
      parameters: listParameters(handoff.inputSchema),
      text: account,
      subjectConcepts: new Set(),
    });
    const input = { ...filled.input };
    // The customer's own words are the account of why they want a person ("summary", "reason").
    for (const parameter of listParameters(handoff.inputSchema))
      if (
        parameter.type === 'string' &&
        (filled.missing.some((missing) => missing.name === parameter.name) ||
          ACCOUNT_NAME.test(parameter.name))
      )
        input[parameter.name] = account;
    return { type: 'tool-call', toolName: handoff.name, input };
  }
  const operations = tools.filter((tool) => tool !== handoff);
  const earlierTurns = conversation.turns
    .slice(-CONTEXT_TURNS - 1, -1)
    .map((turn) => turn.text)
    .reverse();
  const context = [...earlierTurns].reverse().join('\n');
  const earlierText = earlierRequest(conversation);
  // "hold on, let me find it" to "What's the order number?": the request waits for the value.
  const withheld =
    earlierText && !smallTalk
      ? readWithheldValue(conversation.turns[conversation.turns.length - 2].text, last.text)
      : undefined;
  if (withheld)
    return {
      type: 'text',
      text: `No problem. Send me the ${withheld} when you have it, and I'll take it from there.`,
    };
  const now = readStatedNow(conversation.system);
  // Every fill of this decision reads the message's values (its dates, its numbers) once.
  const readings = createTextReadings(now);
  const options = { tools: operations, context, system: conversation.system, now, ranking, readings };
  // "and my other order?" is about another one: earlier ids stay out.
  const another = ANOTHER.test(last.text);
  const chooseOptions = { ...options, text: last.text, earlierTurns: another ? [] : earlierTurns };
  // Read again with a search's passages, the decision takes the choice it made before asking for it.
  const inputs = { turns: conversation.turns, system: conversation.system, operations, ranking };
  const made =
    (knowledge.searches.length > 0 ? recallSearch(inputs) : undefined) ??
    chooseOperations({ conversation, options, chooseOptions, another, earlierText });
  const { calls } = made;
  // "her email is kara.v@…, is she still on your list?": someone else's records are theirs to ask for.
  if (
    (calls.length > 0 || made.choice.type === 'call' || made.choice.type === 'ask') &&
    readOthersRecord(last.text)
  )
    return { type: 'text', text: OTHERS_RECORD_REPLY };
  if (calls.length > 1) return { type: 'tool-calls', calls };
  let choice = made.choice;
  // The one change a part of the message asks for wins over another choice of the whole, whose
  // story may pull elsewhere; when the whole chose it too, its inputs (from every part) stand.
  const [asked] = calls;
  if (asked && !(choice.type === 'call' && choice.tool.name === asked.toolName))
    return { type: 'tool-call', ...asked };
  // A look-up by words (a search, a list) is no answer to a complaint; one by the number it gives is.
  const byNumber =
    choice.type === 'call' &&
    Object.values(choice.input).some((value) => {
      const text = String(value);
      return /\d/.test(text) && last.text.includes(text.replace(/^#/, ''));
    });
  // The answer to what was asked for a complaint's case (the email to reply to) opens the case; an
  // answer the choice looks a record up by (the ticket number asked for) does not.
  if (earlierText && !smallTalk && !byNumber && readComplaint(earlierText)) {
    const remedy = chooseRemedy({ ...options, text: last.text, earlierText });
    if (remedy.type === 'call') return answerComplaint(remedy);
  }
  // A complaint that asks nothing is not answered with a look-up: a case is opened for it, or a
  // person offered.
  const tells =
    choice.type === 'none' ||
    (choice.type === 'call' && !choice.requests && isReadMethod(choice.tool.operation?.method));
  const complaint = !smallTalk && tells && Boolean(readComplaint(last.text));
  // "Please open a ticket: the export is broken": the case the complaint asks for takes the complaint
  // as its account, rather than asking for it.
  if (choice.type === 'ask' && !smallTalk && readComplaint(last.text)) {
    const remedy = chooseRemedy({ ...options, text: last.text });
    if (remedy.type === 'call' && remedy.tool === choice.tool) choice = remedy;
  }
  const searches = choice.type === 'call' && !byNumber;
  // The business's articles may say what to do (a parcel marked delivered that never came): a
  // passage that answers the complaint comes first, with the apology.
  const fromKnowledge = decideWithKnowledge({
    view: knowledge,
    text: last.text,
    choice,
    smallTalk: Boolean(smallTalk),
    complaint: complaint ? SORRY : undefined,
    operations,
    context,
    system: conversation.system,
    ranking,
  });
  if (fromKnowledge?.type === 'tool-call' && fromKnowledge.toolName === knowledge.tool?.name)
    rememberSearch(inputs, made);
  if (fromKnowledge) return fromKnowledge;
  if (complaint) {
    const remedy = chooseRemedy({ ...options, text: last.text });
    if (remedy.type !== 'none' || choice.type === 'none' || searches) return answerComplaint(remedy);
  }
  // "thx!! see you saturday" closes the chat: thanks or a goodbye that asks nothing and names no
  // record calls nothing, whatever its words brush against.
  const signsOff =
    (smallTalk === 'thanks' || smallTalk === 'goodbye') &&
    choice.type === 'call' &&
    !choice.requests &&
    !NAMES_RECORD.test(last.text) &&
    !PLEASE.test(last.text);
  if (choice.type === 'call' && !signsOff)
    return { type: 'tool-call', toolName: choice.tool.name, input: choice.input };
  if (choice.type === 'ask') return { type: 'text', text: askForParameters(choice.missing, choice.tool) };
  if (choice.type === 'unable' && !smallTalk) {
    // "what did I order in #1150? I want to reorder the exact same thing": the question one part asks
    // is answered, though the deed another asks is none the catalog does.
    const answer = earlierText ? undefined : answeredPart(last.text, chooseOptions);
    if (answer) return { type: 'tool-call', toolName: answer.tool.name, input: answer.input };
    return { type: 'text', text: declineAction(choice.action) };
  }
  if (smallTalk) return { type: 'text', text: SMALL_TALK_REPLIES[smallTalk] };
  return {
    type: 'text',
    text: describeCapabilities({ tools: operations, text: last.text, context, system: conversation.system }),
  };
}

/** What the operations' part of a decision reads. */
interface ChoosingOptions {
  conversation: Conversation;
  options: Omit<Parameters<typeof chooseTool>[0], 'text'>;
  /** The options of a choice for the customer's message, its earlier turns left out for `another`. */
  chooseOptions: Parameters<typeof chooseTool>[0];
  /** Whether the message is about another thing than the one before ("my other order"). */
  another: boolean;
  /** The customer's request this message answers, if it answers the assistant's question. */
  earlierText: string | undefined;
}

/**
 * The operations' part of a decision: a call for each request of a message that asks for several,
 * else the choice for the message, read with the request it continues or refers to.
 */
function chooseOperations(choosing: ChoosingOptions): OperationsChoice {
  const { conversation, options, chooseOptions, another, earlierText } = choosing;
  const last = conversation.turns[conversation.turns.length - 1];
  const calls = earlierText ? [] : decideRequests(last.text, options);
  if (calls.length > 1) return { calls, choice: { type: 'none' } };
  // "ok delete it", "cancel it pls": a short request about what the request before it was about
  // reads with that request's words; the message alone is chosen for only when that finds nothing.
  // "yes please do" to "I can refund the $12.50 on order 07-…": the offer is the request.
  const offer = another ? undefined : acceptedOffer(conversation);
  const referred = earlierText || another || offer ? undefined : referredRequest(conversation);
  const confirmed = confirmedRecord(conversation);
  const joined = offer
    ? chooseTool({
        ...chooseOptions,
        rankText: `${offer}\n${confirmed}\n${last.text}`,
        earlierText: offer,
      })
    : referred
      ? chooseTool({ ...chooseOptions, rankText: `${referred}\n${last.text}` })
      : undefined;
  let choice: Choice;
  if (joined && (joined.type === 'call' || joined.type === 'ask')) choice = joined;
  else {
    // "yes that's right" to "I found your profile (user ID 40219876). The new name should be …?": the
    // request before, about the record the assistant found.
    // "Lm2nB5…" to "I can refund the duplicate charge. Can you send me the payment ID?": the request
    // the answer completes is the offer, with the customer's message before.
    const asked = earlierText ? offerAsked(conversation) : undefined;
    const rankText =
      earlierText && (confirmed || asked)
        ? [asked, earlierText, confirmed, last.text].filter(Boolean).join('\n')
        : undefined;
    choice = chooseTool({ ...chooseOptions, earlierText, ...(rankText ? { rankText } : {}) });
    // A message that only continues the request before it ("what about 12350?") repeats its choice,
    // with this message's details first.
    const continued = earlierText ? undefined : continuedRequest(conversation);
    if (choice.type === 'none' && continued && !another) {
      const repeated = chooseTool({ ...chooseOptions, earlierText: continued, rankText: continued });
      // The number this message gives must go somewhere: "what about 12346" after store hours is no
      // second store search.
      const numbers = last.text.match(NUMBERS) ?? [];
      const takesThem =
        repeated.type !== 'call' ||
        numbers.every((number) =>
          Object.values(repeated.input).some((value) => String(value).includes(number)),
        );
      if (takesThem) choice = repeated;
    }
  }
  return { calls, choice };
}
