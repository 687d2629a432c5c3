// Answers a chat message as JSON, or as server-sent events when the client asks for text/event-stream.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { TurnEvent } from '../agent/index.js';
import { toErrorResponse } from './error-handler.js';
import type { ConversationTurnResult } from './run-conversation-turn.js';

/** The events streamed to the client, in the order they happen. */
const streamedEvents = new Set(['turn-start', 'tool-call-start', 'tool-call-end', 'message-delta']);

/** The JSON body of a turn: DESIGN.md's `{reply: {text}, trace: {steps}}` plus state. */
export function serializeTurn(result: ConversationTurnResult) {
  return {
    reply: result.reply,
    trace: result.trace,
    status: result.status,
    pendingAction: result.pendingAction,
    messageId: result.message.id,
    signIn: result.signIn,
  };
}

/** What a caller is shown of a turn: its JSON body, and each streamed event (undefined: not sent). */
export interface TurnView {
  serialize: (result: ConversationTurnResult) => object;
  event: (event: TurnEvent) => unknown;
}

/** The admin API's view: the whole trace. */
export const adminTurnView: TurnView = {
  serialize: serializeTurn,
  event: (event) => (streamedEvents.has(event.type) ? event : undefined),
};

/**
 * Runs `turn` and replies with JSON, or streams its events as SSE ending with `turn-end`. When the
 * client closes the connection first, the turn's signal aborts: its model and API calls stop.
 */
export async function respondWithTurn(
  request: FastifyRequest,
  reply: FastifyReply,
  turn: (onEvent?: (event: TurnEvent) => void, signal?: AbortSignal) => Promise<ConversationTurnResult>,
  view: TurnView = adminTurnView,
): Promise<unknown> {
  const abort = new AbortController();
  // The response's close, not the request's: the request emits `close` once its body has been read.
  const onClose = () => {
    if (!reply.raw.writableFinished) abort.abort();
  };
  reply.raw.on('close', onClose);
  try {
    if (!(request.headers.accept ?? '').includes('text/event-stream'))
      return view.serialize(await turn(undefined, abort.signal));
    return await streamTurn(request, reply, (onEvent) => turn(onEvent, abort.signal), view);
  } finally {
    reply.raw.off('close', onClose);
  }
}

async function streamTurn(
  request: FastifyRequest,
  reply: FastifyReply,
  turn: (onEvent: (event: TurnEvent) => void) => Promise<ConversationTurnResult>,
  view: TurnView,
): Promise<unknown> {
  reply.hijack();
  reply.raw.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
    ...(reply.getHeader('access-control-allow-origin')
      ? { 'access-control-allow-origin': String(reply.getHeader('access-control-allow-origin')) }
      : {}),
  });
  const send = (event: string, data: unknown) => {
    if (!reply.raw.writableEnded) reply.raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };
  try {
    const result = await turn((event) => {
      const data = view.event(event);
      if (data !== undefined) send(event.type, data);
    });
    send('turn-end', { type: 'turn-end', ...view.serialize(result) });
  } catch (error) {
    const { status, body } = toErrorResponse(error);
    if (status >= 500) request.log.error({ err: { message: (error as Error).message } }, 'chat turn failed');
    send('error', { status, ...body });
  }
  reply.raw.end();
  return reply;
}
