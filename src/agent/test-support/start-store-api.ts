// A real local HTTP server playing the Trailhead store's API, with the agent's tools pointed at it.
import type { ServerResponse } from 'node:http';
import type { LanguageModel } from 'ai';
import type { Executor, RequestLogEntry } from '../../executor/index.js';
import { createExecutor } from '../../executor/index.js';
import {
  type RecordedRequest,
  sendJson,
  startTestServer,
  type TestServer,
} from '../../executor/test-support/start-test-server.js';
import { loadStoreTools } from '../../tools/test-support/load-catalogs.js';
import type { AgentTool, RunTurnOptions } from '../run-turn-options.js';

/** The store API's key: it must reach the API and never the model. */
export const STORE_API_KEY = 'store-secret-key-9f8e7d6c5b4a';

/** A running store API with everything a turn needs to call it. */
export interface StoreApi {
  /** The HTTP server, with every request it received. */
  server: TestServer;
  /** The store's operations as agent tools, all enabled. */
  tools: AgentTool[];
  /** An executor allowed to reach 127.0.0.1. */
  executor: Executor;
  /** POST /returns requests received: returns actually created. */
  createdReturns(): RecordedRequest[];
  /** Stops the server and the executor. */
  close(): Promise<void>;
}

/** Overrides the answer to some requests (return true when handled). */
export type StoreOverride = (request: RecordedRequest, response: ServerResponse) => boolean;

const SHIPPED_ORDER = {
  orderNumber: '88812',
  state: 'shipped',
  carrier: 'DHL',
  trackingLink: 'https://track.example/88812',
  expectedOn: '2025-03-14',
};

const ITEMS = [
  { sku: 'TR-2231', title: 'Ridge waterproof hiking boots', price: 129, inStock: 4 },
  { sku: 'TR-1180', title: 'Summit light hiking boots', price: 99, inStock: 0 },
];

function route(request: RecordedRequest): [number, unknown] {
  if (request.headers['x-api-key'] !== STORE_API_KEY) return [401, { error: 'missing API key' }];
  const url = new URL(request.url, 'http://store');
  const order = /^\/orders\/(\d+)$/.exec(url.pathname);
  if (request.method === 'GET' && url.pathname === '/catalog/items') return [200, { items: ITEMS }];
  if (request.method === 'GET' && order?.[1] === '88812') return [200, SHIPPED_ORDER];
  if (request.method === 'GET' && order) return [404, { error: `No order with number ${order[1]}` }];
  if (request.method === 'POST' && url.pathname === '/returns')
    return [201, { returnId: 'RET-501', labelUrl: 'https://labels.example/RET-501.pdf' }];
  return [500, { error: 'unexpected request' }];
}

/** Starts the store API on 127.0.0.1; `enabled` filters the operations the agent gets (default all). */
export async function startStoreApi(
  options: {
    override?: StoreOverride;
    enabled?: (name: string) => boolean;
    /** Receives each request-log entry of the executor. */
    onLog?: (entry: RequestLogEntry) => void;
  } = {},
): Promise<StoreApi> {
  const server = await startTestServer((request, response) => {
    if (options.override?.(request, response)) return;
    const [status, body] = route(request);
    sendJson(response, status, body);
  });
  const integration = {
    id: 'int_store',
    baseUrl: server.url,
    auth: { type: 'apiKey' as const, in: 'header' as const, name: 'X-Api-Key', value: STORE_API_KEY },
  };
  const definitions = await loadStoreTools();
  const tools = definitions
    .filter((tool) => options.enabled?.(tool.name) ?? true)
    .map((tool) => ({ tool, integration }));
  const executor = createExecutor({ allowHosts: ['127.0.0.1'], onLog: options.onLog });
  return {
    server,
    tools,
    executor,
    createdReturns: () =>
      server.requests.filter((request) => request.method === 'POST' && request.url === '/returns'),
    async close() {
      await executor.close();
      await server.close();
    },
  };
}

/** Turn options for `model` against `store`: no base prompt, no history, all store tools; `extra` overrides. */
export function storeTurn(
  model: LanguageModel,
  store: StoreApi,
  extra: Partial<RunTurnOptions> = {},
): RunTurnOptions {
  return {
    model,
    basePrompt: '',
    tools: store.tools,
    executor: store.executor,
    history: [],
    message: '',
    ...extra,
  };
}
