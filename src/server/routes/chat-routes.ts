// The chat API for the admin's preview and for integrations: send a message, read, reply as a person.
import type { FastifyInstance } from 'fastify';
import type { Store } from '../../store/index.js';
import { ConflictError } from '../http-errors.js';
import type { ScopedLoaders } from '../load-scoped.js';
import { respondWithTurn } from '../respond-with-turn.js';
import { ref } from '../response-schemas.js';
import { type ConversationTurnContext, runConversationTurn } from '../run-conversation-turn.js';
import { idParams } from '../schemas.js';

/** A chat message body: 1 to 4,000 characters. */
export const messageBody = {
  type: 'object',
  required: ['text'],
  properties: { text: { type: 'string', minLength: 1, maxLength: 4000, pattern: '\\S' } },
  additionalProperties: false,
} as const;

/** Query of reading messages: only those after a message id (for polling). */
export const messagesQuery = {
  type: 'object',
  properties: { after: { type: 'string', maxLength: 64 } },
  additionalProperties: false,
} as const;

/** Routes to talk in a conversation through the admin API. */
export async function registerChatRoutes(
  app: FastifyInstance,
  { store, load, turns }: { store: Store; load: ScopedLoaders; turns: ConversationTurnContext },
): Promise<void> {
  app.post<{ Params: { id: string }; Body: { text: string } }>(
    '/conversations/:id/messages',
    {
      schema: {
        tags: ['chat'],
        summary: "Send the customer's message and get the agent's reply with the turn's trace",
        response: { 200: ref('TurnResult') },
        description:
          'With `Accept: text/event-stream` the turn streams as server-sent events: turn-start, tool-call-start, tool-call-end, message-delta, then turn-end with the same body as the JSON answer.',
        params: idParams,
        body: messageBody,
      },
    },
    async (request, reply) => {
      const conversation = await load.conversation(request, request.params.id);
      return respondWithTurn(request, reply, (onEvent, signal) =>
        runConversationTurn(turns, { conversation, text: request.body.text.trim(), onEvent, signal }),
      );
    },
  );

  app.get<{ Params: { id: string }; Querystring: { after?: string } }>(
    '/conversations/:id/messages',
    {
      schema: {
        tags: ['chat'],
        summary: 'Messages of a conversation, oldest first',
        response: { 200: ref('MessagePage') },
        params: idParams,
        querystring: messagesQuery,
      },
    },
    async (request) => {
      const conversation = await load.conversation(request, request.params.id);
      return {
        status: conversation.status,
        items: await store.conversations.listMessages(conversation.id, { after: request.query.after }),
      };
    },
  );

  app.post<{ Params: { id: string }; Body: { text: string } }>(
    '/conversations/:id/human-replies',
    {
      schema: {
        tags: ['chat'],
        summary: 'Reply to the customer as a person of the business (the agent stays silent meanwhile)',
        response: { 201: ref('Message') },
        params: idParams,
        body: messageBody,
      },
    },
    async (request, reply) => {
      const conversation = await load.conversation(request, request.params.id);
      if (conversation.status === 'closed') throw new ConflictError('this conversation is closed');
      const message = await store.conversations.addMessage(conversation.id, {
        role: 'human',
        text: request.body.text.trim(),
      });
      if (conversation.status !== 'waiting-for-human') {
        // A person stepping in takes the conversation over until it is handed back (status open).
        await store.conversations.update(conversation.id, {
          status: 'waiting-for-human',
          pendingAction: null,
        });
      }
      return reply.status(201).send(message);
    },
  );
}
