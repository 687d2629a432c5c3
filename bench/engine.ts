// Decision time of the embedded engine as a turn makes it: the tool selection (at most 20 offered, as
// the agent offers them, with each operation's shape) and the decision through `generateText`, for a
// 10-operation store catalog and the ~1,200-operation GitHub REST document (skipped when ../shared is
// absent). Baseline in the same run: the same selection and `generateText` call with a model that
// decides nothing, the floor the AI SDK and the selection cost.
// Run: node --import tsx bench/engine.ts [iterations]
import { existsSync, readFileSync } from 'node:fs';
import type { LanguageModelV3 } from '@ai-sdk/provider';
import { generateText, jsonSchema, stepCountIs, type Tool, tool } from 'ai';
import { MAX_OFFERED_OPERATIONS } from '../src/agent/offer-tools.js';
import { createEmbeddedModel } from '../src/engine/index.js';
import { importSchema } from '../src/openapi/index.js';
import {
  compileToolCatalog,
  selectTools,
  shapeOf,
  shapeProviderOptions,
  type ToolCatalog,
  type ToolDefinition,
} from '../src/tools/index.js';
import { loadStoreTools } from '../src/tools/test-support/load-catalogs.js';
import { floorModel } from './support/floor-model.js';

const iterations = Number(process.argv[2] ?? 300);
const engine = createEmbeddedModel();
const githubPath = new URL('../../shared/corpus/openapi/github/api.github.com.json', import.meta.url)
  .pathname;

const floor = floorModel;

function toTools(list: ToolDefinition[]): Record<string, Tool> {
  return Object.fromEntries(
    list.map((entry) => [
      entry.name,
      tool({
        description: entry.description,
        inputSchema: jsonSchema(entry.inputSchema as Parameters<typeof jsonSchema>[0]),
        providerOptions: shapeProviderOptions(shapeOf(entry)),
      }),
    ]),
  );
}

async function decide(model: LanguageModelV3, catalog: ToolCatalog, message: string) {
  const offered = selectTools({ tools: catalog, query: message, limit: MAX_OFFERED_OPERATIONS });
  await generateText({ model, prompt: message, tools: toTools(offered), stopWhen: stepCountIs(1) });
}

async function timeMedian(model: LanguageModelV3, catalog: ToolCatalog, messages: string[]) {
  const first = performance.now();
  await decide(model, catalog, messages[0]);
  const firstMs = performance.now() - first;
  const times: number[] = [];
  for (let index = 0; index < iterations; index++) {
    const started = performance.now();
    await decide(model, catalog, messages[index % messages.length]);
    times.push(performance.now() - started);
  }
  times.sort((left, right) => left - right);
  return {
    firstMs,
    median: times[Math.floor(times.length / 2)],
    p95: times[Math.floor(times.length * 0.95)],
  };
}

async function measure(label: string, tools: ToolDefinition[], messages: string[]) {
  // Compiled once, as an agent's catalog is for every turn of its version.
  const catalog = compileToolCatalog(tools);
  const base = await timeMedian(floor, catalog, messages);
  const result = await timeMedian(engine, catalog, messages);
  console.log(
    `${label.padEnd(28)} engine median ${result.median.toFixed(2)} ms (p95 ${result.p95.toFixed(2)}, first ${result.firstMs.toFixed(0)} ms with the index build)` +
      `  baseline median ${base.median.toFixed(2)} ms  engine/baseline ${(result.median / base.median).toFixed(2)}x`,
  );
}

const store = (await loadStoreTools()).filter((entry) => entry.callable);
await measure(`store (${store.length} operations)`, store, [
  'Show me leather bags',
  'Where is my order #12345?',
  "What's the weather today?",
  'is there a shop in Lyon?',
]);

if (!existsSync(githubPath)) {
  console.log('GitHub REST document not found (../shared is absent): skipping the 1,200-operation benchmark');
} else {
  const imported = await importSchema(readFileSync(githubPath, 'utf8'));
  if (!imported.ok) throw new Error(`GitHub document rejected: ${imported.error.message}`);
  const operations = imported.value.tools.filter((entry) => entry.callable);
  await measure(`GitHub (${operations.length} operations)`, operations, [
    'List the open pull requests of octocat/hello-world',
    'Create an issue in my repository titled crash on start',
    'Who starred the repository torvalds/linux?',
    'Delete the branch feature-x',
  ]);
}
