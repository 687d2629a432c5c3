// Decision time of the embedded engine through `generateText`, as the agent offers tools: a 10-operation
// store catalog and the ~1,200-operation GitHub REST document (skipped when ../shared is absent).
// Run: node --import tsx bench/engine.ts [iterations]
import { existsSync, readFileSync } from 'node:fs';
import { generateText, jsonSchema, stepCountIs, type Tool, tool } from 'ai';
import { storeTools } from '../src/engine/__fixtures__/store-tools.js';
import { createEmbeddedModel } from '../src/engine/index.js';
import { importSchema } from '../src/openapi/index.js';

const iterations = Number(process.argv[2] ?? 300);
const model = createEmbeddedModel();
const githubPath = new URL('../../shared/corpus/openapi/github/api.github.com.json', import.meta.url)
  .pathname;

type Described = { name: string; description: string; inputSchema: Record<string, unknown> };
const toTools = (list: Described[]): Record<string, Tool> =>
  Object.fromEntries(
    list.map((entry) => [
      entry.name,
      tool({ description: entry.description, inputSchema: jsonSchema(entry.inputSchema) }),
    ]),
  );

const extraStoreTools: Described[] = [
  'getPaymentStatus',
  'getBillingDetails',
  'cancelOrder',
  'subscribeNewsletter',
].map((name) => ({
  name,
  description: `${name.replace(/([A-Z])/g, ' $1').toLowerCase()}: an operation of the store API.`,
  inputSchema: {
    type: 'object',
    required: ['email'],
    properties: { email: { type: 'string', format: 'email' } },
  },
}));

async function measure(label: string, tools: Record<string, Tool>, messages: string[]) {
  const first = performance.now();
  await generateText({ model, prompt: messages[0], tools, stopWhen: stepCountIs(1) });
  const firstMs = performance.now() - first;
  const times: number[] = [];
  for (let index = 0; index < iterations; index++) {
    const started = performance.now();
    await generateText({ model, prompt: messages[index % messages.length], tools, stopWhen: stepCountIs(1) });
    times.push(performance.now() - started);
  }
  times.sort((left, right) => left - right);
  const median = times[Math.floor(times.length / 2)];
  const p95 = times[Math.floor(times.length * 0.95)];
  console.log(
    `${label.padEnd(28)} first ${firstMs.toFixed(1)} ms (index build)  median ${median.toFixed(2)} ms  p95 ${p95.toFixed(2)} ms`,
  );
}

const storeMessages = [
  'Show me leather bags',
  'Where is my order #12345?',
  "What's the weather today?",
  'is there a shop in Lyon?',
];
await measure(
  `store (${storeTools.length + extraStoreTools.length} operations)`,
  toTools([...storeTools, ...extraStoreTools]),
  storeMessages,
);

if (!existsSync(githubPath)) {
  console.log('GitHub REST document not found (../shared is absent): skipping the 1,200-operation benchmark');
} else {
  const imported = await importSchema(readFileSync(githubPath, 'utf8'));
  if (!imported.ok) throw new Error(`GitHub document rejected: ${imported.error.message}`);
  const operations = imported.value.tools.filter((entry) => entry.callable);
  const githubMessages = [
    'List the open pull requests of octocat/hello-world',
    'Create an issue in my repository titled crash on start',
    'Who starred the repository torvalds/linux?',
    'Delete the branch feature-x',
  ];
  await measure(`GitHub (${operations.length} operations)`, toTools(operations), githubMessages);
}
