// Conversations as the admin sees them: list (waiting for a human first), read, close.
import type { FastifyInstance } from 'fastify';
import {
  type ConversationIdentity,
  type ConversationStatus,
  InvalidCursorError,
  type Store,
} from '../../store/index.js';
import { BadRequestError } from '../http-errors.js';
import {
  type ConversationStreams,
  eventStreamResponse,
  eventsQuery,
  type StreamCapSettings,
} from '../live/index.js';
import type { ScopedLoaders } from '../load-scoped.js';
import { listOf, ref } from '../response-schemas.js';
import { idParams } from '../schemas.js';

const listQuery = {
  type: 'object',
  properties: {
    status: { enum: ['open', 'waiting-for-human', 'closed'] },
    agentId: { type: 'string' },
    unanswered: {
      type: 'boolean',
      description: 'Only conversations with customer messages the agent did not answer',
    },
    limit: { type: 'integer', minimum: 1, maximum: 200 },
    cursor: { type: 'string', maxLength: 400, description: 'The `next` value of the previous page' },
    offset: {
      type: 'integer',
      minimum: 0,
      maximum: 1_000_000_000,
      description: 'Skip this many instead of a cursor (deprecated: slow at depth); `next` is then an offset',
    },
  },
  additionalProperties: false,
} as const;

/** A customer's identity as an admin types it in for the preview. */
interface PreviewIdentity {
  sub: string;
  email?: string;
  name?: string;
  claims?: Record<string, unknown>;
}

/** The identity a preview conversation acts for: the claims typed in, for the whole conversation. */
function toPreviewIdentity(given: PreviewIdentity): ConversationIdentity {
  const email = given.email?.trim() || undefined;
  const name = given.name?.trim() || undefined;
  const named = { ...(email ? { email } : {}), ...(name ? { name } : {}) };
  return {
    sub: given.sub,
    ...named,
    claims: { ...given.claims, sub: given.sub, ...named },
    source: 'admin',
    verifiedAt: new Date().toISOString(),
    expiresAt: null,
  };
}

/** Routes for reading and managing conversations. */
export async function registerConversationRoutes(
  app: FastifyInstance,
  {
    store,
    load,
    streams,
    streamCaps,
  }: { store: Store; load: ScopedLoaders; streams: ConversationStreams; streamCaps: StreamCapSettings },
): Promise<void> {
  app.get<{
    Params: { id: string };
    Querystring: {
      status?: ConversationStatus;
      agentId?: string;
      unanswered?: boolean;
      limit?: number;
      cursor?: string;
      offset?: number;
    };
  }>(
    '/properties/:id/conversations',
    {
      schema: {
        tags: ['conversations'],
        summary: "List a property's conversations, waiting-for-human first, then newest",
        description:
          'Each has `unanswered`: how many of its customer messages the agent did not answer (the turn failed, the customer left, or a restart handed it to a person).',
        response: { 200: listOf('Conversation', ['string', 'integer']) },
        params: idParams,
        querystring: listQuery,
      },
    },
    async (request) => {
      await load.property(request, request.params.id);
      if (request.query.cursor !== undefined && request.query.offset !== undefined)
        throw new BadRequestError('give cursor or offset, not both');
      try {
        return await store.conversations.list({ ...request.query, propertyId: request.params.id });
      } catch (error) {
        if (error instanceof InvalidCursorError) throw new BadRequestError(error.message);
        throw error;
      }
    },
  );

  app.post<{
    Params: { id: string };
    Body: { metadata?: Record<string, unknown>; identity?: PreviewIdentity };
  }>(
    '/agents/:id/conversations',
    {
      schema: {
        tags: ['conversations'],
        summary:
          'Start a conversation with an agent (the preview chat), as an anonymous visitor or a customer',
        description:
          "With `identity`, the conversation acts for that customer, as if their identity token had been verified: its identity-bound operations use these claims. Only the admin or the property's API key can say who the customer is.",
        response: { 201: ref('Conversation') },
        params: idParams,
        body: {
          type: 'object',
          properties: {
            metadata: { type: 'object', maxProperties: 50 },
            identity: {
              type: 'object',
              required: ['sub'],
              properties: {
                sub: { type: 'string', minLength: 1, maxLength: 255, description: "The customer's id" },
                email: { type: 'string', maxLength: 320 },
                name: { type: 'string', maxLength: 200 },
                claims: { type: 'object', maxProperties: 30, description: 'Custom claims' },
              },
              additionalProperties: false,
            },
          },
          additionalProperties: false,
        },
      },
    },
    async (request, reply) => {
      const agent = await load.agent(request, request.params.id);
      const given = request.body?.identity;
      const conversation = await store.conversations.create({
        agentId: agent.id,
        propertyId: agent.propertyId,
        metadata: request.body?.metadata ?? {},
        identity: given && toPreviewIdentity(given),
      });
      return reply.status(201).send(conversation);
    },
  );

  app.get<{ Params: { id: string } }>(
    '/conversations/:id',
    {
      schema: {
        tags: ['conversations'],
        summary: 'Read a conversation with its messages and turn traces',
        response: { 200: ref('ConversationDetail') },
        params: idParams,
      },
    },
    async (request) => {
      const conversation = await load.conversation(request, request.params.id);
      const [messages, traces] = await Promise.all([
        store.conversations.listMessages(conversation.id),
        store.conversations.listTraces(conversation.id),
      ]);
      return { ...conversation, messages, traces };
    },
  );

  app.patch<{ Params: { id: string }; Body: { status: ConversationStatus } }>(
    '/conversations/:id',
    {
      schema: {
        tags: ['conversations'],
        summary: 'Change a conversation status (close it, or reopen it for the agent)',
        response: { 200: ref('Conversation') },
        params: idParams,
        body: {
          type: 'object',
          required: ['status'],
          properties: { status: { enum: ['open', 'waiting-for-human', 'closed'] } },
          additionalProperties: false,
        },
      },
    },
    async (request) => {
      await load.conversation(request, request.params.id);
      return store.conversations.update(request.params.id, { status: request.body.status });
    },
  );

  app.get<{ Params: { id: string }; Querystring: { after?: string } }>(
    '/conversations/:id/events',
    {
      schema: {
        tags: ['conversations'],
        summary: 'A conversation as it changes: new messages, status changes and turns, live',
        description:
          'Server-sent events as the widget gets them, with every message (system notes included) and an `update` event (data: `{type}`: message-added, status-changed, handoff, turn-ended, resync) for each change, after which reply states and traces may have changed too.',
        response: { 200: eventStreamResponse },
        params: idParams,
        querystring: eventsQuery,
      },
    },
    async (request, reply) => {
      const conversation = await load.conversation(request, request.params.id);
      await streams.stream(request, reply, {
        conversationId: conversation.id,
        after: request.query.after,
        view: (message) => message,
        updates: true,
        caps: [{ key: `ip:${request.ip}`, max: streamCaps.perAddress, who: 'address' }],
      });
    },
  );
}
