// What a widget visitor sees of a turn: the reply, its sources by name and the state the customer
// needs. Tool arguments, API responses, errors and timings (the trace) stay on the admin API.
import type { TurnEvent } from '../agent/index.js';
import type { TurnView } from './respond-with-turn.js';
import type { ConversationTurnResult } from './run-conversation-turn.js';

/** A turn as the public widget API returns it. */
export interface PublicTurn {
  /** The agent's reply, or null when the conversation waits for a person. */
  reply: { id: string; text: string } | null;
  /** The names of the API operations the reply was answered from. */
  sources: string[];
  /** `open`, `waiting-for-human` (handed to a person) or `closed`. */
  status: string;
  /** The action the agent asks the customer to confirm, in words, and until when. */
  pendingAction: { summary: string; expiresAt: string } | null;
  /** The stored customer message. */
  messageId: string;
  /** Set when the visitor must sign in for what they asked: where (null: the site's usual sign-in). */
  signIn: { url: string | null } | null;
}

/** The public view of `result`: built field by field, so nothing else can slip through. */
export function serializePublicTurn(result: ConversationTurnResult): PublicTurn {
  const pending = result.pendingAction;
  return {
    reply: result.reply && { id: result.reply.id, text: result.reply.text },
    sources: [...result.trace.dataSources],
    status: result.status,
    pendingAction: pending && { summary: pending.summary, expiresAt: pending.expiresAt },
    messageId: result.message.id,
    signIn: result.signIn && { url: result.signIn.url },
  };
}

/** The public view of a streamed event: only the reply's pieces. */
function publicEvent(event: TurnEvent): unknown {
  return event.type === 'message-delta' ? { type: 'message-delta', text: event.text } : undefined;
}

/** How the widget API answers a turn, as JSON or as server-sent events. */
export const publicTurnView: TurnView = { serialize: serializePublicTurn, event: publicEvent };

/** JSON Schema of `PublicTurn` (the 200 answer of the widget's message route; fields not in it are dropped). */
export const publicTurnSchema = {
  type: 'object',
  required: ['reply', 'sources', 'status', 'pendingAction', 'messageId', 'signIn'],
  properties: {
    reply: {
      anyOf: [
        {
          type: 'object',
          required: ['id', 'text'],
          properties: { id: { type: 'string' }, text: { type: 'string' } },
          additionalProperties: false,
        },
        { type: 'null' },
      ],
    },
    sources: { type: 'array', items: { type: 'string' } },
    status: { type: 'string' },
    pendingAction: {
      anyOf: [
        {
          type: 'object',
          required: ['summary', 'expiresAt'],
          properties: { summary: { type: 'string' }, expiresAt: { type: 'string' } },
          additionalProperties: false,
        },
        { type: 'null' },
      ],
    },
    messageId: { type: 'string' },
    signIn: {
      anyOf: [
        {
          type: 'object',
          required: ['url'],
          properties: { url: { type: ['string', 'null'] } },
          additionalProperties: false,
        },
        { type: 'null' },
      ],
    },
  },
  additionalProperties: false,
} as const;
