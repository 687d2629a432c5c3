// Reads what the customer's last message continues: the request the agent's question asked about,
// an offer the customer takes, a request before that a short message leans on or refers back to.
import { contentStems } from '../../tools/index.js';
import { HANDOFF_OFFER } from '../reply/describe-capabilities.js';
import type { Conversation, Turn } from './read-conversation.js';
import { asksForValue, givesValue } from './read-withheld-value.js';

/** A record's number or code: three digits in a row, or letters and digits mixed in one token (`ch_3NbV7c`). */
export const NAMES_RECORD = /\d{3,}|\b(?=\w*\d)(?=\w*[a-z])\w{6,}\b/i;

/**
 * A question that asks for a new request, not for something the one before lacks: "What can I do for
 * you?", "How else can I help?", "Anything else?".
 */
const OPEN_OFFER =
  /\b(?:(?:what|how)\s+(?:else\s+)?(?:can|may|could)\s+I\s+(?:do|help|assist)|anything\s+else|what\s+would\s+you\s+like(?:\s+to\s+do)?)\b[^?]*\?\s*$/i;

/** The customer's message before the assistant's last question, when the customer is answering it. */
export function earlierRequest(conversation: Conversation): string | undefined {
  const turns = conversation.turns;
  const assistant = turns[turns.length - 2];
  const before = turns[turns.length - 3];
  if (!asksCustomer(assistant) || OPEN_OFFER.test(assistant.text)) return undefined;
  return before?.role === 'user' ? before.text : undefined;
}

/** Whether a turn is the assistant's question to the customer, asked in words alone. */
function asksCustomer(turn: Turn | undefined): turn is Turn {
  // A question mark inside a link (`?tracknum=`) is no question to the customer.
  return turn?.role === 'assistant' && /\?(?:\s|$)/.test(turn.text) && turn.toolCalls.length === 0;
}

/**
 * What the assistant offered to do in the message whose question the customer answers ("I can refund
 * the duplicate charge. Can you send me the payment ID?": the refund is what the payment ID is for).
 */
export function offerAsked(conversation: Conversation): string | undefined {
  const assistant = conversation.turns[conversation.turns.length - 2];
  if (!asksCustomer(assistant) || assistant.text.includes(HANDOFF_OFFER)) return undefined;
  return offerIn(assistant.text);
}

/** "and my other order?", "what about 12350?": a message that leans on the request before it. */
const ELLIPTICAL = /^\s*(?:and|also|what about|how about|same for|same with|ok and|and what about)\b/i;
const MAX_ELLIPTICAL_WORDS = 5;

/** A message about another thing than the one before ("my other order"). */
export const ANOTHER = /\b(?:other|another|different)\b/i;

/** "it", "that one", "them": a thing the conversation named before. */
const REFERS_BACK = /\b(?:it|that(?: one)?|this one|them|those)\b/i;
const MAX_REFERRING_WORDS = 6;

/**
 * The customer's request before the last message, when the last one leans on it: it `matches` and
 * has at most `maxWords` content words.
 */
function requestLeanedOn(conversation: Conversation, matches: RegExp, maxWords: number): string | undefined {
  const turns = conversation.turns;
  const last = turns[turns.length - 1];
  if (!matches.test(last.text) || contentStems(last.text).length > maxWords) return undefined;
  for (let index = turns.length - 2; index >= 0; index--)
    if (turns[index].role === 'user') return turns[index].text;
  return undefined;
}

/** The customer's previous request when this message only continues it ("what about 12350?"). */
export const continuedRequest = (conversation: Conversation) =>
  requestLeanedOn(conversation, ELLIPTICAL, MAX_ELLIPTICAL_WORDS);

/**
 * "perfect, that's all I needed, thanks!", "that's it, thank you": a message that closes the request,
 * asking nothing more, whatever "that" points at.
 */
const CLOSES =
  /\b(?:that'?s|that\s+is|this\s+is)\s+(?:all|it|everything)\b|\b(?:thanks|thank\s+you|thx|cheers)\b/i;

/** The customer's previous request when this short message refers back to what it was about. */
export function referredRequest(conversation: Conversation): string | undefined {
  const last = conversation.turns[conversation.turns.length - 1];
  if (last && CLOSES.test(last.text) && !last.text.includes('?')) return undefined;
  return requestLeanedOn(conversation, REFERS_BACK, MAX_REFERRING_WORDS);
}

export const AFFIRMATIVE = /^\s*(?:yes|yeah|yep|sure|ok(?:ay)?|please(?: do)?|y|go ahead)\b/i;

/** "I can refund the $12.50 …", "Shall I cancel it?": what the assistant offers to do. */
const OFFER =
  /\b(?:I can|I could|I'll|I will|shall I|should I|(?:would|do) you (?:like|want) me to|want me to)\s+([^.?!\n]+)/gi;
/** A yes that takes an offer ("yes please do", "ok go ahead", "perfect, do it"). */
const TAKES_OFFER = new RegExp(
  `${AFFIRMATIVE.source}|^\\s*(?:yup|do it|go for it|deal|perfect|great)\\b`,
  'i',
);

/**
 * What the assistant offered to do in its last message when the customer's answer takes the offer
 * ("I can refund the $12.50 shipping difference on order 07-33451-20981." - "yes please do"); the
 * hand-off to a person is answered apart.
 */
export function acceptedOffer(conversation: Conversation): string | undefined {
  const turns = conversation.turns;
  const offer = turns[turns.length - 2];
  if (offer?.role !== 'assistant' || offer.toolCalls.length > 0) return undefined;
  if (!TAKES_OFFER.test(turns[turns.length - 1].text) || offer.text.includes(HANDOFF_OFFER)) return undefined;
  // "sure its sub_1P3g…" to "I can do that. What's the subscription ID?" answers the question: the
  // request it completes is the one before (`earlierRequest`), not the offer's words.
  if (asksForValue(offer.text) && givesValue(turns[turns.length - 1].text)) return undefined;
  return offerIn(offer.text);
}

/** What a message of the assistant's offers to do, its last offer's words ("refund the $12.50 …"). */
function offerIn(text: string): string | undefined {
  return [...text.matchAll(OFFER)].pop()?.[1]?.trim() || undefined;
}

/**
 * The assistant's sentences in its last message that name a record by its id ("I found your account
 * (customer ID 6290184337521)."), when the customer says yes to it: the record the yes is about.
 */
export function confirmedRecord(conversation: Conversation): string {
  const turns = conversation.turns;
  const question = turns[turns.length - 2];
  if (question?.role !== 'assistant' || !TAKES_OFFER.test(turns[turns.length - 1].text)) return '';
  return question.text
    .split(/(?<=[.!?])\s+/)
    .filter((sentence) => NAMES_RECORD.test(sentence))
    .join(' ');
}

/** Whether the customer says yes to the hand-off the assistant offered in its last message. */
export function acceptsHandoffOffer(conversation: Conversation): boolean {
  const turns = conversation.turns;
  const offer = turns[turns.length - 2];
  return (
    offer?.role === 'assistant' &&
    offer.text.includes(HANDOFF_OFFER) &&
    AFFIRMATIVE.test(turns[turns.length - 1].text)
  );
}
