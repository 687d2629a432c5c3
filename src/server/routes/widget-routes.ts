// The public chat API of the widget: a visitor starts a conversation with an agent's public key and
// may then only read and write that conversation, with its visitor token. Rate-limited.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  type Agent,
  type Conversation,
  type ConversationIdentity,
  hashToken,
  newToken,
  type Store,
} from '../../store/index.js';
import {
  IdentityMismatchError,
  NotFoundError,
  TooManyRequestsError,
  UnauthorizedError,
} from '../http-errors.js';
import {
  type IdentityVerifier,
  MAX_TOKEN_LENGTH,
  type VerifiedToken,
} from '../identity/verify-identity-token.js';
import {
  type ConversationStreams,
  eventStreamResponse,
  eventsQuery,
  type StreamCapSettings,
} from '../live/index.js';
import { publicTurnSchema, publicTurnView } from '../public-turn.js';
import type { RateLimitCounter } from '../rate-limit.js';
import { respondWithTurn } from '../respond-with-turn.js';
import { noContent, ref } from '../response-schemas.js';
import { type ConversationTurnContext, runConversationTurn } from '../run-conversation-turn.js';
import { idParams } from '../schemas.js';
import { messageBody, messagesQuery } from './chat-routes.js';

/** Limits per minute: conversations started per IP, messages per visitor and per IP, reads per IP. */
export interface WidgetLimits {
  conversationsPerIp: number;
  messagesPerVisitor: number;
  messagesPerIp: number;
  readsPerIp: number;
}

const defaultLimits: WidgetLimits = {
  conversationsPerIp: 20,
  messagesPerVisitor: 30,
  messagesPerIp: 60,
  readsPerIp: 240,
};

const WINDOW_MS = 60_000;

/** One limit checked on a request: its counter's scope, the most allowed per window, and who it is. */
interface Limit {
  scope: string;
  max: number;
  who: string;
}

/** The conversation's identity from a token that passed the verifier, as of now. */
function tokenIdentity(verified: VerifiedToken): ConversationIdentity {
  return {
    ...verified.identity,
    source: 'token',
    verifiedAt: new Date().toISOString(),
    expiresAt: verified.expiresAt,
  };
}

/** The identity token sent as `X-Identity-Token`, if any. */
function identityTokenOf(request: FastifyRequest): string | undefined {
  const header = request.headers['x-identity-token'];
  const token = (Array.isArray(header) ? header[0] : header)?.trim();
  return token || undefined;
}

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
    limits: givenLimits,
    counter,
    verifier,
    streams,
    streamCaps,
  }: {
    store: Store;
    turns: ConversationTurnContext;
    limits?: Partial<WidgetLimits>;
    /** Where requests are counted (memory, PostgreSQL or Redis). */
    counter: RateLimitCounter;
    /** Checks signed-in customers' identity tokens. */
    verifier: IdentityVerifier;
    /** The app's live event streams, and how many one visitor or address may hold open. */
    streams: ConversationStreams;
    streamCaps: StreamCapSettings;
  },
): Promise<void> {
  const limits: WidgetLimits = { ...defaultLimits, ...givenLimits };

  /**
   * Counts the request against each limit in turn; 429 with Retry-After past one. Later limits are not
   * counted once one is passed, so a refused address cannot make counters grow (random visitor tokens).
   */
  async function enforce(request: FastifyRequest, reply: FastifyReply, checks: Limit[]): Promise<void> {
    for (const check of checks) {
      const hit = await counter.hit(check.scope, WINDOW_MS).catch((error: Error) => {
        // A counter that cannot be reached lets requests through rather than take the widget down.
        request.log.warn({ err: { message: error.message } }, `rate limit (${counter.kind}) not counted`);
        return undefined;
      });
      if (hit && hit.count > check.max) {
        const seconds = Math.max(1, Math.ceil((hit.resetAt - Date.now()) / 1000));
        void reply.header('retry-after', String(seconds));
        throw new TooManyRequestsError(
          `too many requests from this ${check.who}: at most ${check.max} a minute; try again in ${seconds} s`,
          seconds,
        );
      }
    }
  }
  const byIp = (request: FastifyRequest, route: string, max: number): Limit => ({
    scope: `widget-${route}:ip:${request.ip}`,
    max,
    who: 'address',
  });

  /** Signing in and out share one limit per address, as many as messages. */
  const limitIdentityChanges = (request: FastifyRequest, reply: FastifyReply) =>
    enforce(request, reply, [byIp(request, 'identity', limits.messagesPerIp)]);

  // The widget runs on the business's own site, so these routes answer cross-origin requests.
  app.addHook('onRequest', async (_request, reply) => {
    reply.header('access-control-allow-origin', '*');
    reply.header('access-control-allow-headers', 'content-type, x-visitor-token, x-identity-token, accept');
    reply.header('access-control-allow-methods', 'GET, POST, PUT, DELETE, OPTIONS');
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

  /** The conversation's identity as `token` says (verified, else 401), or 409 for another customer's. */
  async function signIn(conversation: Conversation, agent: Agent, token: string): Promise<Conversation> {
    const bound = await store.conversations.bindIdentity(
      conversation.id,
      tokenIdentity(await verifier.verify(agent, token)),
    );
    if (bound === 'other-customer') throw new IdentityMismatchError();
    if (bound === 'missing') throw new NotFoundError('conversation', conversation.id);
    return (await store.conversations.get(conversation.id)) as Conversation;
  }

  /** The agent of a visitor's conversation, or 404 when it no longer exists. */
  async function agentOf(conversation: Conversation): Promise<Agent> {
    const agent = await store.agents.get(conversation.agentId);
    if (!agent) throw new NotFoundError('agent', conversation.agentId);
    return agent;
  }

  app.post<{ Body: { agentKey: string; metadata?: Record<string, unknown>; identityToken?: string } }>(
    '/widget/conversations',
    {
      config: { public: true },
      preHandler: (request, reply) =>
        enforce(request, reply, [byIp(request, 'conversations', limits.conversationsPerIp)]),
      schema: {
        tags: ['widget'],
        summary: "Start a conversation from the widget with the agent's public key",
        description:
          "With `identityToken` (a JWT the business's backend signed for the signed-in customer), the conversation acts for that customer and never for another; a token that does not verify is refused with 401 `identity-refused` and nothing is created.",
        response: { 201: ref('WidgetConversation') },
        security: [],
        body: {
          type: 'object',
          required: ['agentKey'],
          properties: {
            agentKey: { type: 'string', minLength: 1, maxLength: 100 },
            metadata: { type: 'object', maxProperties: 20 },
            identityToken: { type: 'string', minLength: 1, maxLength: MAX_TOKEN_LENGTH },
          },
          additionalProperties: false,
        },
      },
    },
    async (request, reply) => {
      const agent = await store.agents.getByPublicKey(request.body.agentKey);
      if (!agent) throw new NotFoundError('agent', request.body.agentKey);
      const token = request.body.identityToken?.trim();
      const verified = token ? await verifier.verify(agent, token) : undefined;
      const visitorToken = newToken('vt_', 24);
      const conversation = await store.conversations.create({
        agentId: agent.id,
        propertyId: agent.propertyId,
        visitorId: hashToken(visitorToken),
        metadata: request.body.metadata ?? {},
        identity: verified && tokenIdentity(verified),
      });
      return reply.status(201).send({
        id: conversation.id,
        visitorToken,
        status: conversation.status,
        signedIn: Boolean(verified),
      });
    },
  );

  app.put<{ Params: { id: string }; Body: { identityToken: string } }>(
    '/widget/conversations/:id/identity',
    {
      config: { public: true },
      preHandler: limitIdentityChanges,
      schema: {
        tags: ['widget'],
        summary: 'Sign the conversation in as the customer of an identity token, or refresh their sign-in',
        description:
          'A conversation acts for one customer only: a token for another is refused with 409 `identity-mismatch` (start a new conversation); a token that does not verify with 401 `identity-refused`.',
        response: { 200: ref('WidgetIdentity') },
        security: [],
        params: idParams,
        body: {
          type: 'object',
          required: ['identityToken'],
          properties: { identityToken: { type: 'string', minLength: 1, maxLength: MAX_TOKEN_LENGTH } },
          additionalProperties: false,
        },
      },
    },
    async (request) => {
      const conversation = await loadVisitorConversation(request);
      const signedIn = await signIn(
        conversation,
        await agentOf(conversation),
        request.body.identityToken.trim(),
      );
      return { signedIn: true, expiresAt: signedIn.identity?.expiresAt ?? null };
    },
  );

  app.delete<{ Params: { id: string } }>(
    '/widget/conversations/:id/identity',
    {
      config: { public: true },
      preHandler: limitIdentityChanges,
      schema: {
        tags: ['widget'],
        summary: 'Sign the customer out of the conversation (Concierge.logout())',
        description:
          'The conversation stops acting for the customer at once; it can never act for another customer.',
        response: { 204: noContent },
        security: [],
        params: idParams,
      },
    },
    async (request, reply) => {
      const conversation = await loadVisitorConversation(request);
      await store.conversations.endIdentity(conversation.id);
      return reply.status(204).send();
    },
  );

  app.post<{ Params: { id: string }; Body: { text: string } }>(
    '/widget/conversations/:id/messages',
    {
      config: { public: true },
      // Per address as well as per visitor: new conversations (new visitor tokens) do not reset it.
      preHandler: (request, reply) => {
        const header = request.headers['x-visitor-token'];
        const checks = [byIp(request, 'messages', limits.messagesPerIp)];
        if (typeof header === 'string')
          checks.push({
            scope: `widget-messages:visitor:${hashToken(header)}`,
            max: limits.messagesPerVisitor,
            who: 'visitor',
          });
        return enforce(request, reply, checks);
      },
      schema: {
        tags: ['widget'],
        summary: "Send the visitor's message; JSON or server-sent events as in the chat API",
        security: [],
        description:
          'Answers the public view of the turn: the reply, the names of its sources and the state (waiting for confirmation, handed to a person, asked to sign in); never the trace. With `Accept: text/event-stream`: message-delta events, then turn-end with the same body. An `X-Identity-Token` header signs the conversation in (or refreshes the sign-in) before the turn, as PUT …/identity does.',
        params: idParams,
        body: messageBody,
        response: { 200: publicTurnSchema },
      },
    },
    async (request, reply) => {
      let conversation = await loadVisitorConversation(request);
      const token = identityTokenOf(request);
      if (token) conversation = await signIn(conversation, await agentOf(conversation), token);
      return respondWithTurn(
        request,
        reply,
        (onEvent, signal) =>
          runConversationTurn(turns, { conversation, text: request.body.text.trim(), onEvent, signal }),
        publicTurnView,
      );
    },
  );

  app.get<{ Params: { id: string }; Querystring: { after?: string } }>(
    '/widget/conversations/:id/messages',
    {
      config: { public: true },
      preHandler: (request, reply) => enforce(request, reply, [byIp(request, 'reads', limits.readsPerIp)]),
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

  app.get<{ Params: { id: string }; Querystring: { after?: string } }>(
    '/widget/conversations/:id/events',
    {
      config: { public: true },
      preHandler: (request, reply) => enforce(request, reply, [byIp(request, 'reads', limits.readsPerIp)]),
      schema: {
        tags: ['widget'],
        summary: "The visitor's conversation as it changes: a person's replies and status changes, live",
        description:
          'Server-sent events, with the visitor token as `X-Visitor-Token` (read it with fetch: EventSource cannot send headers). System notes are left out, as in GET …/messages.',
        response: { 200: eventStreamResponse },
        security: [],
        params: idParams,
        querystring: eventsQuery,
      },
    },
    async (request, reply) => {
      const conversation = await loadVisitorConversation(request);
      await streams.stream(request, reply, {
        conversationId: conversation.id,
        after: request.query.after,
        view: ({ id, role, text, createdAt }) =>
          role === 'system' ? undefined : { id, role, text, createdAt },
        caps: [
          { key: `visitor:${conversation.visitorId}`, max: streamCaps.perVisitor, who: 'visitor' },
          { key: `ip:${request.ip}`, max: streamCaps.perAddress, who: 'address' },
        ],
      });
    },
  );
}
