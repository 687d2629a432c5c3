// The tools part of a turn for an agent with a 1,010-operation integration (the generated back office
// with the Trailhead store's operations among it): load the agent's tools from the store and choose
// those offered for the message. Each turn shares the agent's catalog compiled for the integration's
// version and settings (the names and selection index with it); the baseline compiles a new catalog
// every turn.
// Run: node --import tsx bench/agent-tools.ts
import { randomBytes } from 'node:crypto';
import { offerTools } from '../src/agent/offer-tools.js';
import { type CatalogReader, createCatalogReader } from '../src/server/create-catalog-reader.js';
import { loadAgentCatalog } from '../src/server/run-conversation-turn.js';
import { createStore } from '../src/store/index.js';
import { loadLargeCatalog } from '../src/tools/test-support/load-catalogs.js';

const TURNS = 40;
const MESSAGES = [
  'Where is my order 1042?',
  'Do you have hiking boots in size 44?',
  'I want to return the tent I bought',
  'What are your opening hours in Lyon?',
];

const store = await createStore({ sqlitePath: ':memory:', secretKey: randomBytes(32) });
try {
  const { tools } = await loadLargeCatalog();
  const property = await store.properties.create({ name: 'Shop' });
  const agent = await store.agents.create({ propertyId: property.id, name: 'Bot' });
  const integration = await store.integrations.create(
    { propertyId: property.id, name: 'Back office', baseUrl: 'https://api.shop.test' },
    { sourceText: '{}', sourceUrl: null, sha256: 'x', openapiVersion: '3.0.3', tools, lint: [] },
  );
  await store.agents.setIntegration(agent.id, integration.id, true);

  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const measure = async (catalogs: CatalogReader) => {
    const times: number[] = [];
    for (let turn = 0; turn < TURNS + 3; turn++) {
      const start = performance.now();
      const catalog = await loadAgentCatalog({ store, catalogs }, agent.id);
      offerTools({
        tools: catalog.forCustomer(null),
        basePrompt: '',
        message: MESSAGES[turn % MESSAGES.length],
        history: [],
      });
      if (turn >= 3) times.push(performance.now() - start);
    }
    return median(times);
  };
  const shared = createCatalogReader(store);
  const fresh: CatalogReader = { read: shared.read, reuse: (_key, _fingerprint, build) => build() };
  // Once each to warm up, then measured.
  await measure(shared);
  await measure(fresh);
  const baseline = await measure(fresh);
  const reused = await measure(shared);
  console.log(
    `${tools.length} operations: tools of a turn (load + choose) ${reused.toFixed(2)} ms median with the shared catalog; ${baseline.toFixed(2)} ms compiling a new one each turn (${(baseline / reused).toFixed(1)}x)`,
  );
} finally {
  await store.close();
}
