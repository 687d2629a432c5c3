// Test helper: a real business API on 127.0.0.1 with an order lookup and a cancellation, counting
// what it receives, optionally slow, and a scripted model that uses it.
import type { ScriptedReply, SeenRequest } from '../../agent/test-support/scripted-reply.js';
import {
  type RecordedRequest,
  sendJson,
  startTestServer,
  type TestServer,
} from '../../executor/test-support/start-test-server.js';

/** A running order API. */
export interface OrderApi {
  server: TestServer;
  /** Its OpenAPI document (trackOrder: GET, cancelOrder: DELETE). */
  schema: string;
  /** DELETE requests received: cancellations actually sent. */
  cancels(): RecordedRequest[];
  /** Delay before answering, in ms (0: at once); change it between requests. */
  delayMs: number;
  /** Requests whose client hung up before the (delayed) answer. */
  abandoned: number;
  close(): Promise<void>;
}

/** Starts the order API. */
export async function startOrderApi(): Promise<OrderApi> {
  const api: OrderApi = {
    server: undefined as unknown as TestServer,
    schema: '',
    cancels: () => api.server.requests.filter((request) => request.method === 'DELETE'),
    delayMs: 0,
    abandoned: 0,
    close: () => api.server.close(),
  };
  api.server = await startTestServer(async (request, response) => {
    if (api.delayMs > 0) {
      let closed = false;
      // The wait ends early when the client hangs up, so a long delay holds no timer after a kill.
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, api.delayMs);
        response.on('close', () => {
          if (response.writableFinished) return;
          closed = true;
          api.abandoned += 1;
          clearTimeout(timer);
          resolve();
        });
      });
      if (closed) return;
    }
    const order = /^\/orders\/(\d+)$/.exec(request.url)?.[1];
    if (!order) return sendJson(response, 404, { error: 'no such order' });
    if (request.method === 'DELETE') return sendJson(response, 200, { orderId: order, state: 'cancelled' });
    return sendJson(response, 200, { orderId: order, state: 'shipped', carrier: 'DHL' });
  });
  api.schema = `openapi: 3.0.3
info: { title: Orders, version: '1' }
servers: [{ url: '${api.server.url}' }]
paths:
  /orders/{orderId}:
    parameters:
      - { name: orderId, in: path, required: true, description: The order number, schema: { type: string } }
    get:
      operationId: trackOrder
      summary: Track an order
      responses: { '200': { description: The order } }
    delete:
      operationId: cancelOrder
      summary: Cancel an order
      responses: { '200': { description: Cancelled } }
`;
  return api;
}

/** The model's script: cancels or tracks order 55512 when asked, answers from the result, else small talk. */
export function orderScript(request: SeenRequest): ScriptedReply {
  const result = request.toolResults.at(-1);
  if (result)
    return {
      text: result.includes('cancelled') ? 'Order 55512 is cancelled.' : 'Order 55512 has shipped with DHL.',
    };
  if (/cancel/i.test(request.lastUserText))
    return { toolCalls: [{ name: 'cancelOrder', args: { orderId: '55512' } }] };
  if (/where/i.test(request.lastUserText))
    return { toolCalls: [{ name: 'trackOrder', args: { orderId: '55512' } }] };
  return { text: 'How else can I help?' };
}
