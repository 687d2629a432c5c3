// CPU of one chat turn (POST /api/v1/conversations/:id/messages, JSON answer) with the built-in
// engine, through the real server: the demo agent; an agent with GitHub's REST operations added to the
// demo store's (the same messages find the same tools: only the catalog's size differs; skipped when
// ../shared is absent); the demo agent in a 2,000-message conversation. Baseline in the same run: a
// bare Fastify handler doing one SQLite insert and one select. Targets: the demo turn at most 20x the
// bare handler, the GitHub agent at most 1.5x the demo agent, the long conversation at most 1.2x a
// fresh one. CPU is the process's (user + system) per request, median; the demo store API answers from a child
// process, as a business's API answers from its own servers, so its work is not counted.
// Run: node --import tsx bench/turn-cost.ts [turns]
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import Fastify, { type FastifyInstance } from 'fastify';
import { DEFAULT_HISTORY_MESSAGES } from '../src/agent/index.js';
import { importSchema } from '../src/openapi/index.js';
import { startBenchChild } from './support/bench-child.js';
import { BENCH_ADMIN_TOKEN, startBenchServer } from './support/bench-server.js';

const turns = Number(process.argv[2] ?? 40);
const WARM_UP_TURNS = 40;
const MESSAGES = [
  'Show me leather bags',
  'Where is my order #12345?',
  "What's the weather today?",
  "What's your return policy?",
];
const githubPath = new URL('../../shared/corpus/openapi/github/api.github.com.json', import.meta.url)
  .pathname;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** CPU ms of one `run`. */
async function cpuOf(run: () => Promise<void>): Promise<number> {
  const before = process.cpuUsage();
  await run();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

/**
 * Median CPU ms of each case's runs (`count` each, after 5 unmeasured), taken in turn so that what
 * else the machine does weighs on every case alike.
 */
async function cpuMedians(count: number, cases: ((index: number) => Promise<void>)[]): Promise<number[]> {
  const times = cases.map((): number[] => []);
  for (let index = 0; index < count + 5; index++)
    for (const [position, run] of cases.entries()) {
      const used = await cpuOf(() => run(index));
      if (index >= 5) times[position].push(used);
    }
  return times.map(median);
}

/** The bare baseline: Fastify and better-sqlite3, one insert and one select per request. */
function bareApp(path: string): { app: FastifyInstance; close: () => void } {
  const database = new Sqlite(path);
  database.pragma('journal_mode = WAL');
  database.exec('CREATE TABLE messages (id INTEGER PRIMARY KEY, conversation TEXT, text TEXT)');
  const insert = database.prepare('INSERT INTO messages (conversation, text) VALUES (?, ?)');
  const select = database.prepare('SELECT id, text FROM messages WHERE id = ?');
  const app = Fastify();
  app.post<{ Params: { id: string }; Body: { text: string } }>('/messages/:id', async (request) => {
    const { lastInsertRowid } = insert.run(request.params.id, request.body.text);
    return { reply: select.get(lastInsertRowid) };
  });
  return { app, close: () => database.close() };
}

const dataDir = mkdtempSync(join(tmpdir(), 'concierge-bench-bare-'));
const bare = bareApp(join(dataDir, 'bare.db'));
// The demo store API runs in another process, as a business's API does: its own work is not the turn's.
const api = await startBenchChild('sqlite');
const bench = await startBenchServer('sqlite', { demoApiUrl: `${api.url}/demo/api` });
try {
  const { app, store } = bench.server;
  const call = async (url: string, payload: object) => {
    const response = await app.inject({
      method: 'POST',
      url,
      payload,
      headers: { authorization: `Bearer ${BENCH_ADMIN_TOKEN}` },
    });
    if (response.statusCode >= 300)
      throw new Error(`${url} answered ${response.statusCode}: ${response.body}`);
    return response.json();
  };
  const newConversation = async (agentId: string): Promise<string> =>
    (await call(`/api/v1/agents/${agentId}/conversations`, {})).id;
  /** A turn of `agentId` per run, each in a new conversation (or all in `conversationId`). */
  const turnOf = async (agentId: string, conversationId?: string) => {
    const conversations: string[] = [];
    for (let index = 0; index < turns + 5; index++)
      conversations.push(conversationId ?? (await newConversation(agentId)));
    return async (index: number) => {
      await call(`/api/v1/conversations/${conversations[index]}/messages`, {
        text: MESSAGES[index % MESSAGES.length],
      });
    };
  };
  // Ten bare requests per turn measured, each counted as a tenth.
  const bareTen = async (index: number) => {
    for (let request = 0; request < 10; request++) {
      const response = await bare.app.inject({
        method: 'POST',
        url: `/messages/c${(index * 10 + request) % 50}`,
        payload: { text: MESSAGES[index % MESSAGES.length] },
      });
      if (response.statusCode !== 200) throw new Error(`bare handler answered ${response.statusCode}`);
    }
  };
  // A server runs for days: its code is compiled and optimised by the time most turns arrive. Forty
  // unmeasured turns (and bare requests) first, so the figures are the steady state, not the warm-up.
  const warmUp = [bareTen, await turnOf(bench.agentId)];
  for (let index = 0; index < WARM_UP_TURNS; index++) for (const run of warmUp) await run(index);
  const [bareTenMs, demoMs] = await cpuMedians(turns, [bareTen, await turnOf(bench.agentId)]);
  const bareMs = bareTenMs / 10;
  console.log(
    `demo agent turn: ${demoMs.toFixed(2)} ms CPU median; bare Fastify + SQLite handler ${bareMs.toFixed(3)} ms (${(demoMs / bareMs).toFixed(1)}x, target <= 20x)`,
  );

  /** A conversation with `count` earlier messages, customer and agent in turn, as a long chat leaves them. */
  const conversationOf = async (count: number) => {
    const id = await newConversation(bench.agentId);
    for (let index = 0; index < count / 2; index++) {
      await store.conversations.addMessage(id, {
        role: 'customer',
        text: `${MESSAGES[index % MESSAGES.length]} (${index})`,
        replyState: 'answered',
      });
      await store.conversations.addMessage(id, {
        role: 'agent',
        text: 'Here is what I found for you: the details are below, with a link to follow.',
      });
    }
    return id;
  };
  const [long, window] = [await conversationOf(2000), await conversationOf(DEFAULT_HISTORY_MESSAGES)];
  const [freshMs, longMs, windowMs] = await cpuMedians(turns, [
    await turnOf(bench.agentId),
    await turnOf(bench.agentId, long),
    await turnOf(bench.agentId, window),
  ]);
  console.log(
    `turn in a 2,000-message conversation: ${longMs.toFixed(2)} ms CPU median; fresh conversation ${freshMs.toFixed(2)} ms (${(longMs / freshMs).toFixed(2)}x, target <= 1.2x); ${DEFAULT_HISTORY_MESSAGES}-message conversation (the history window's size) ${windowMs.toFixed(2)} ms (${(longMs / windowMs).toFixed(2)}x)`,
  );

  if (!existsSync(githubPath)) {
    console.log('GitHub agent: skipped (../shared/corpus/openapi/github is absent)');
  } else {
    const imported = await importSchema(readFileSync(githubPath, 'utf8'));
    if (!imported.ok) throw new Error(`GitHub's document did not compile: ${imported.error.message}`);
    const demoAgent = (await store.agents.get(bench.agentId))!;
    const demoIntegration = (await store.agents.listIntegrations(demoAgent.id))[0];
    const agent = await store.agents.create({
      propertyId: demoAgent.propertyId,
      name: 'GitHub and store',
      basePrompt: demoAgent.basePrompt,
    });
    const github = await store.integrations.create(
      // Its calls go to the demo API, which answers 404: nothing leaves the machine.
      { propertyId: demoAgent.propertyId, name: 'GitHub', baseUrl: `${api.url}/demo/api/github` },
      {
        sourceText: '{}',
        sourceUrl: null,
        sha256: imported.value.sha256,
        openapiVersion: imported.value.openapiVersion,
        tools: imported.value.tools,
        lint: [],
      },
    );
    await store.agents.setIntegration(agent.id, demoIntegration.integrationId, true);
    await store.agents.setIntegration(agent.id, github.id, true);
    const [demoAgainMs, githubMs] = await cpuMedians(turns, [
      await turnOf(bench.agentId),
      await turnOf(agent.id),
    ]);
    console.log(
      `agent with GitHub's ${imported.value.tools.length} operations and the demo's: ${githubMs.toFixed(2)} ms CPU median; demo agent ${demoAgainMs.toFixed(2)} ms (${(githubMs / demoAgainMs).toFixed(2)}x, target <= 1.5x)`,
    );
  }
} finally {
  await bench.close();
  await api.stop();
  await bare.app.close();
  bare.close();
  rmSync(dataDir, { recursive: true, force: true });
}
