// The public chat API of the widget: a visitor starts a conversation with an agent's public key and
// may then only read and write that conversation, with its visitor token. Rate-limited.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { hashToken, newToken, type Store } from '../../store/index.js';
import { NotFoundError, UnauthorizedError } from '../http-errors.js';
import { respondWithTurn } from '../respond-with-turn.js';
import { ref } from '../response-schemas.js';
import { type ConversationTurnContext, runConversationTurn } from '../run-conversation-turn.js';
import { idParams } from '../schemas.js';
import { messageBody, messagesQuery } from './chat-routes.js';

/** Limits per minute: conversations started per IP, messages per visitor, reads per IP. */
export interface WidgetLimits {
  conversationsPerIp: number;
  messagesPerVisitor: number;
  readsPerIp: number;
}

const defaultLimits: WidgetLimits = { conversationsPerIp: 20, messagesPerVisitor: 30, readsPerIp: 240 };

function visitorTokenOf(request: FastifyRequest): string {
  const header = request.headers['x-visitor-token'];
  const token = Array.isArray(header) ? header[0] : header;
  if (!token)
    throw new UnauthorizedError(
      'send the visitor token given when the conversation started as X-Visitor-Token',
    );
  return token;
}

/** Routes under /api/v1/widget, public (no admin credentials) and open to any origin. */
export async function registerWidgetRoutes(
  app: FastifyInstance,
  {
    store,
    turns,
    limits = defaultLimits,
  }: { store: Store; turns: ConversationTurnContext; limits?: WidgetLimits },
): Promise<void> {
  // The widget runs on the business's own site, so these routes answer cross-origin requests.
  app.addHook('onRequest', async (_request, reply) => {
    reply.header('access-control-allow-origin', '*');
    reply.header('access-control-allow-headers', 'content-type, x-visitor-token, accept');
    reply.header('access-control-allow-methods', 'GET, POST, OPTIONS');
    reply.header('access-control-max-age', '600');
  });
  app.options('/widget/*', { config: { public: true }, schema: { hide: true } }, async (_request, reply) =>
    reply.status(204).send(),
  );

  /** The visitor's own conversation, or 404 (as if absent) for anyone else's. */
  async function loadVisitorConversation(request: FastifyRequest<{ Params: { id: string } }>) {
    const tokenHash = hashToken(visitorTokenOf(request));
    const conversation = await store.conversations.get(request.params.id);
    if (!conversation || conversation.visitorId !== tokenHash)
      throw new NotFoundError('conversation', request.params.id);
    return conversation;
  }

  app.post<{ Body: { agentKey: string; metadata?: Record<string, unknown> } }>(
    '/widget/conversations',
    {
      config: { public: true, rateLimit: { max: limits.conversationsPerIp, timeWindow: 60_000 } },
      schema: {
        tags: ['widget'],
        summary: "Start a conversation from the widget with the agent's public key",
        response: { 201: ref('WidgetConversation') },
        security: [],
        body: {
          type: 'object',
          required: ['agentKey'],
          properties: {
            agentKey: { type: 'string', minLength: 1, maxLength: 100 },
            metadata: { type: 'object', maxProperties: 20 },
          },
          additionalProperties: false,
        },
      },
    },
    async (request, reply) => {
      const agent = await store.agents.getByPublicKey(request.body.agentKey);
      if (!agent) throw new NotFoundError('agent', request.body.agentKey);
      const visitorToken = newToken('vt_', 24);
      const conversation = await store.conversations.create({
        agentId: agent.id,
        propertyId: agent.propertyId,
        visitorId: hashToken(visitorToken),
        metadata: request.body.metadata ?? {},
      });
      return reply.status(201).send({ id: conversation.id, visitorToken, status: conversation.status });
    },
  );

  app.post<{ Params: { id: string }; Body: { text: string } }>(
    '/widget/conversations/:id/messages',
    {
      config: {
        public: true,
        rateLimit: {
          max: limits.messagesPerVisitor,
          timeWindow: 60_000,
          keyGenerator: (request) => {
            const header = request.headers['x-visitor-token'];
            return typeof header === 'string' ? `visitor:${hashToken(header)}` : `ip:${request.ip}`;
          },
        },
      },
      schema: {
        tags: ['widget'],
        summary: "Send the visitor's message; JSON or server-sent events as in the chat API",
        response: { 200: ref('TurnResult') },
        security: [],
        params: idParams,
        body: messageBody,
      },
    },
    async (request, reply) => {
      const conversation = await loadVisitorConversation(request);
      return respondWithTurn(request, reply, (onEvent, signal) =>
        runConversationTurn(turns, { conversation, text: request.body.text.trim(), onEvent, signal }),
      );
    },
  );

  app.get<{ Params: { id: string }; Querystring: { after?: string } }>(
    '/widget/conversations/:id/messages',
    {
      config: { public: true, rateLimit: { max: limits.readsPerIp, timeWindow: 60_000 } },
      schema: {
        tags: ['widget'],
        summary: "The visitor's conversation messages (poll with `after` for a person's replies)",
        response: { 200: ref('MessagePage') },
        security: [],
        params: idParams,
        querystring: messagesQuery,
      },
    },
    async (request) => {
      const conversation = await loadVisitorConversation(request);
      const messages = await store.conversations.listMessages(conversation.id, {
        after: request.query.after,
      });
      return {
        status: conversation.status,
        items: messages
          .filter((message) => message.role !== 'system')
          .map(({ id, role, text, createdAt }) => ({ id, role, text, createdAt })),
      };
    },
  );
}
