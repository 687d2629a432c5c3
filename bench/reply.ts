// Reply time of the embedded engine: the step after the tool calls ran, where it writes the answer
// from the API's results (one order, a 12-product list, three stores' hours, two results at once),
// through `generateText` with the demo store's tools as a turn offers them. Baseline in the same run:
// the same call with a model that writes nothing, the floor the AI SDK costs.
// Run: node --import tsx bench/reply.ts [iterations]
import type { LanguageModelV3 } from '@ai-sdk/provider';
import { generateText, jsonSchema, type ModelMessage, stepCountIs, type Tool, tool } from 'ai';
import { createEmbeddedModel } from '../src/engine/index.js';
import { importSchema } from '../src/openapi/index.js';
import { demoInvoices, demoOrders, demoProducts, demoStores } from '../src/server/demo/demo-data.js';
import { demoOpenApiDocument } from '../src/server/demo/demo-openapi.js';
import { toolProviderOptions } from '../src/tools/index.js';
import { floorModel } from './support/floor-model.js';

const iterations = Number(process.argv[2] ?? 500);
const engine = createEmbeddedModel();

const floor = floorModel;

const imported = await importSchema(JSON.stringify(demoOpenApiDocument));
if (!imported.ok) throw new Error(`demo document rejected: ${imported.error.message}`);
const tools: Record<string, Tool> = Object.fromEntries(
  imported.value.tools.map((entry) => [
    entry.name,
    tool({
      description: entry.description,
      inputSchema: jsonSchema(entry.inputSchema as Parameters<typeof jsonSchema>[0]),
      providerOptions: toolProviderOptions(entry),
    }),
  ]),
);

/** The conversation after `calls` ran: the customer's message, the calls, their results. */
function afterCalls(say: string, calls: { name: string; input: Record<string, unknown>; data: unknown }[]) {
  const messages: ModelMessage[] = [
    { role: 'user', content: say },
    {
      role: 'assistant',
      content: calls.map((call, index) => ({
        type: 'tool-call' as const,
        toolCallId: `call_${index}`,
        toolName: call.name,
        input: call.input,
      })),
    },
    {
      role: 'tool',
      content: calls.map((call, index) => ({
        type: 'tool-result' as const,
        toolCallId: `call_${index}`,
        toolName: call.name,
        output: { type: 'json' as const, value: { outcome: 'ok', status: 200, data: call.data } as never },
      })),
    },
  ];
  return messages;
}

// The demo store's own records, as its API answers them (without the customer id it keeps beside them).
const { customerId: _orderCustomer, ...order } = demoOrders.find((entry) => entry.orderNumber === '12345')!;
const { customerId: _invoiceCustomer, ...invoice } = demoInvoices.find(
  (entry) => entry.invoiceNumber === 'INV-2026-001',
)!;
const conversations = [
  afterCalls('Where is my order #12345?', [
    { name: 'trackOrder', input: { orderNumber: '12345' }, data: order },
  ]),
  afterCalls('Is the Leather Backpack in stock?', [
    { name: 'searchProducts', input: { q: 'Leather Backpack' }, data: { products: demoProducts } },
  ]),
  afterCalls('What are the opening hours of the Austin store?', [
    { name: 'findStores', input: {}, data: { stores: demoStores } },
  ]),
  afterCalls(
    'did my payment for invoice INV-2026-001 go through? also when does the Austin store open on saturday?',
    [
      {
        name: 'getPaymentStatus',
        input: { invoiceNumber: 'INV-2026-001' },
        data: invoice,
      },
      { name: 'findStores', input: { city: 'Austin' }, data: { stores: [demoStores[1]] } },
    ],
  ),
];

async function timeMedian(model: LanguageModelV3) {
  const times: number[] = [];
  for (let index = 0; index < iterations; index++) {
    const started = performance.now();
    await generateText({
      model,
      messages: conversations[index % conversations.length],
      tools,
      stopWhen: stepCountIs(1),
    });
    times.push(performance.now() - started);
  }
  times.sort((left, right) => left - right);
  return { median: times[Math.floor(times.length / 2)], p95: times[Math.floor(times.length * 0.95)] };
}

// One warm-up pass loads the word vectors and the stemmer's caches.
for (const messages of conversations)
  await generateText({ model: engine, messages, tools, stopWhen: stepCountIs(1) });
const base = await timeMedian(floor);
const result = await timeMedian(engine);
console.log(
  `reply to tool results (demo store)  engine median ${result.median.toFixed(2)} ms (p95 ${result.p95.toFixed(2)})` +
    `  baseline median ${base.median.toFixed(2)} ms (p95 ${base.p95.toFixed(2)})  engine/baseline ${(result.median / base.median).toFixed(2)}x`,
);
