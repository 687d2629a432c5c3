// The executor's own overhead per call against a local server, next to a bare fetch of the same URL.
// Run: node --import tsx bench/executor.ts [iterations]
import { Worker } from 'node:worker_threads';
import { Agent } from 'undici';
import { createExecutor } from '../src/executor/index.js';
import type { ToolDefinition } from '../src/tools/index.js';

const iterations = Number(process.argv[2] ?? 3000);
const warmup = 500;

// The server runs on its own thread so its work does not sit on the measured event loop.
const serverSource = `
const { createServer } = require('node:http');
const { parentPort } = require('node:worker_threads');
const products = Array.from({ length: 5 }, (_, id) => ({ id, name: 'Leather bag ' + id, price: 120 + id, inStock: true }));
const body = JSON.stringify({ items: products, total: products.length });
const server = createServer((request, response) => {
  request.resume();
  response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  response.end(body);
});
server.keepAliveTimeout = 60000;
server.listen(0, '127.0.0.1', () => parentPort.postMessage(server.address().port));
`;

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))];
}

function summarize(label: string, samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const median = percentile(sorted, 0.5);
  const mean = samples.reduce((sum, value) => sum + value, 0) / samples.length;
  const format = (ms: number) => `${(ms * 1000).toFixed(0).padStart(6)} µs`;
  console.log(
    `${label.padEnd(12)} median ${format(median)}   p90 ${format(percentile(sorted, 0.9))}   p99 ${format(percentile(sorted, 0.99))}   mean ${format(mean)}`,
  );
  return median;
}

const worker = new Worker(serverSource, { eval: true });
const port = await new Promise<number>((resolve) => worker.once('message', resolve));
const baseUrl = `http://127.0.0.1:${port}`;

const tool: ToolDefinition = {
  name: 'searchProducts',
  operationId: 'searchProducts',
  method: 'get',
  path: '/products',
  description: 'Search the product catalog.',
  tags: [],
  inputSchema: {
    type: 'object',
    properties: { q: { type: 'string' }, limit: { type: 'integer', minimum: 1, maximum: 50 } },
    required: ['q'],
    additionalProperties: false,
  },
  parameters: [
    { inputName: 'q', name: 'q', in: 'query', required: true, schema: { type: 'string' } },
    { inputName: 'limit', name: 'limit', in: 'query', required: false, schema: { type: 'integer' } },
  ],
  idempotent: true,
  readOnly: true,
  deprecated: false,
  callable: true,
  pointer: '/paths/~1products/get',
};
const auth = { type: 'apiKey' as const, in: 'header' as const, name: 'X-Api-Key', value: 'bench-secret-key' };
const executor = createExecutor({ allowHosts: ['127.0.0.1'], onLog: () => undefined });
const url = `${baseUrl}/products?q=leather%20bags&limit=5`;

async function viaExecutor(): Promise<void> {
  const result = await executor.executeToolCall({
    tool,
    args: { q: 'leather bags', limit: '5' },
    integration: { id: 'bench', baseUrl, auth },
  });
  if (result.outcome !== 'ok') throw new Error(`executor call ended ${result.outcome}: ${result.log.error}`);
}

async function viaFetch(): Promise<void> {
  const response = await fetch(url, { headers: { accept: 'application/json', 'x-api-key': auth.value } });
  if (response.status !== 200) throw new Error(`fetch got ${response.status}`);
  await response.json();
}

// The same transport the executor uses, without it: what remains is the executor's own work.
const plainAgent = new Agent();
async function viaUndici(): Promise<void> {
  const response = await plainAgent.request({
    origin: baseUrl,
    path: '/products?q=leather%20bags&limit=5',
    method: 'GET',
    headers: { accept: 'application/json', 'x-api-key': auth.value },
  });
  if (response.statusCode !== 200) throw new Error(`undici got ${response.statusCode}`);
  await response.body.json();
}

async function time(call: () => Promise<void>): Promise<number> {
  const start = performance.now();
  await call();
  return performance.now() - start;
}

for (let index = 0; index < warmup; index += 1) {
  await viaExecutor();
  await viaFetch();
  await viaUndici();
}

const executorSamples: number[] = [];
const fetchSamples: number[] = [];
const undiciSamples: number[] = [];
const contenders: [() => Promise<void>, number[]][] = [
  [viaExecutor, executorSamples],
  [viaFetch, fetchSamples],
  [viaUndici, undiciSamples],
];
for (let index = 0; index < iterations; index += 1) {
  // Rotate which goes first so none always runs right after another's garbage or timers.
  for (let turn = 0; turn < contenders.length; turn += 1) {
    const [call, samples] = contenders[(index + turn) % contenders.length];
    samples.push(await time(call));
  }
}

console.log(
  `executor vs bare fetch, GET ${url}, ${iterations} calls each (after ${warmup} warm-up), node ${process.version}`,
);
const executorMedian = summarize('executor', executorSamples);
const fetchMedian = summarize('bare fetch', fetchSamples);
const undiciMedian = summarize('bare undici', undiciSamples);
console.log(
  `ratio of medians (executor / fetch): ${(executorMedian / fetchMedian).toFixed(2)}x (goal < 1.20x)`,
);
console.log(
  `executor's own work at the median: ${((executorMedian - undiciMedian) * 1000).toFixed(0)} µs over undici.request (validation, building, redaction, log entry)`,
);

await Promise.all([executor.close(), plainAgent.close()]);
await worker.terminate();
