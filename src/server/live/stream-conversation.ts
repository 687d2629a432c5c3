// One conversation's changes as server-sent events: what the client missed first (after its
// Last-Event-ID), then each change as it is published, with heartbeats; a cap on open streams.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Conversation, Message, Store } from '../../store/index.js';
import { TooManyRequestsError } from '../http-errors.js';
import type { LiveEvent, LiveEvents } from './live-events.js';

/** A cap on the streams open at once on this server for one client (a visitor, an address). */
export interface StreamCap {
  key: string;
  max: number;
  /** Who is capped, for the error: "visitor", "address". */
  who: string;
}

/** Most bytes waiting for a slow client before its stream is ended (it reconnects and catches up). */
const MAX_BUFFERED_BYTES = 1024 * 1024;

/** How many streams one client may hold open on one server. */
export interface StreamCapSettings {
  /** Per visitor token (widget). Default 3. */
  perVisitor: number;
  /** Per client address. Default 50. */
  perAddress: number;
}

/** Query of an event stream: the last message id the client has (the `Last-Event-ID` header wins). */
export const eventsQuery = {
  type: 'object',
  properties: {
    after: {
      type: 'string',
      maxLength: 64,
      pattern: '^[0-9A-Za-z_-]+$',
      description: 'Send only the messages after this message id',
    },
  },
  additionalProperties: false,
} as const;

/** The OpenAPI description of an event stream's answer. */
export const eventStreamResponse = {
  description:
    'Server-sent events: `message` (id: the message id; data: the message) for each message after `Last-Event-ID` or `after`, then as they come; `status` (data: `{status}`) at first and on each change; `gone` when the conversation was deleted; a comment as heartbeat. Reconnect with `Last-Event-ID` to miss nothing.',
  content: { 'text/event-stream': { schema: { type: 'string' } } },
} as const;

/** What one stream sends. */
export interface StreamConversationOptions {
  conversationId: string;
  /** The last message id the client has (`Last-Event-ID` wins over `after`); all messages when absent. */
  after?: string;
  /** A message as this client sees it, or undefined to leave it out (system notes for visitors). */
  view: (message: Message) => object | undefined;
  /** Also send `update` with each event's type (the admin UI reloads traces and reply states on it). */
  updates?: boolean;
  caps: StreamCap[];
}

/** The open streams of one app: opened per request, all ended when the app closes. */
export interface ConversationStreams {
  stream: (request: FastifyRequest, reply: FastifyReply, options: StreamConversationOptions) => Promise<void>;
  /** Ends every open stream (the app is closing; clients reconnect to another server). */
  endAll: () => void;
}

/** The client's `Last-Event-ID` header, if any. */
function lastEventIdOf(request: FastifyRequest): string | undefined {
  const header = request.headers['last-event-id'];
  const value = (Array.isArray(header) ? header[0] : header)?.trim();
  return value && /^[0-9A-Za-z_-]{1,64}$/.test(value) ? value : undefined;
}

/** Creates the streams of an app over `store` and `live`; `heartbeatMs` between keep-alive comments. */
export function createConversationStreams(options: {
  store: Store;
  live: LiveEvents;
  heartbeatMs?: number;
}): ConversationStreams {
  const { store, live } = options;
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  const open = new Map<string, number>();
  const ends = new Set<() => void>();

  function take(caps: StreamCap[]): () => void {
    const full = caps.find((cap) => (open.get(cap.key) ?? 0) >= cap.max);
    if (full)
      throw new TooManyRequestsError(
        `too many open event streams for this ${full.who}: at most ${full.max}; close one first`,
        5,
      );
    for (const cap of caps) open.set(cap.key, (open.get(cap.key) ?? 0) + 1);
    return () => {
      for (const cap of caps) {
        const count = (open.get(cap.key) ?? 1) - 1;
        if (count > 0) open.set(cap.key, count);
        else open.delete(cap.key);
      }
    };
  }

  async function stream(request: FastifyRequest, reply: FastifyReply, stream: StreamConversationOptions) {
    const release = take(stream.caps);
    reply.hijack();
    const raw = reply.raw;
    const origin = reply.getHeader('access-control-allow-origin');
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
      ...(origin ? { 'access-control-allow-origin': String(origin) } : {}),
    });
    const write = (text: string) => {
      if (raw.writableEnded || raw.destroyed) return;
      // A client that stops reading is let go rather than buffered for without end.
      if (raw.writableLength > MAX_BUFFERED_BYTES) end();
      else raw.write(text);
    };
    let cursor = lastEventIdOf(request) ?? stream.after;
    let status: Conversation['status'] | undefined;
    let reading: Promise<void> | undefined;
    let again = false;
    let ended = false;
    const pending: string[] = [];

    async function read(): Promise<void> {
      do {
        again = false;
        const conversation = await store.conversations.get(stream.conversationId);
        if (!conversation) {
          write('event: gone\ndata: {}\n\n');
          end();
          return;
        }
        const messages = await store.conversations.listMessages(stream.conversationId, { after: cursor });
        for (const message of messages) {
          cursor = message.id;
          const shown = stream.view(message);
          if (shown) write(`id: ${message.id}\nevent: message\ndata: ${JSON.stringify(shown)}\n\n`);
        }
        if (conversation.status !== status) {
          status = conversation.status;
          write(`event: status\ndata: ${JSON.stringify({ status })}\n\n`);
        }
        for (const type of pending.splice(0)) write(`event: update\ndata: ${JSON.stringify({ type })}\n\n`);
      } while (again && !ended);
    }

    /** Reads what changed; an event during a read makes it read once more (events coalesce). */
    function refresh(): void {
      if (ended) return;
      if (reading) {
        again = true;
        return;
      }
      reading = read()
        .catch((error: Error) => {
          request.log.warn(`event stream of conversation ${stream.conversationId}: ${error.message}`);
          end();
        })
        .finally(() => {
          reading = undefined;
          // An event that came after the read's last look but before this point.
          if (again) refresh();
        });
    }

    const unsubscribe = live.subscribe(stream.conversationId, (event: LiveEvent) => {
      if (stream.updates) pending.push(event.type);
      refresh();
    });
    const heartbeat = setInterval(() => write(': heartbeat\n\n'), heartbeatMs);
    heartbeat.unref();
    function end(): void {
      if (ended) return;
      ended = true;
      unsubscribe();
      clearInterval(heartbeat);
      release();
      ends.delete(end);
      if (!raw.writableEnded) raw.end();
    }
    ends.add(end);
    raw.on('close', end);
    // The client reconnects after this long when the stream drops.
    write('retry: 2000\n\n');
    refresh();
  }

  return {
    stream,
    endAll() {
      for (const end of [...ends]) end();
    },
  };
}
