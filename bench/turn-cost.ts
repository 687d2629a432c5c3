// CPU of one chat turn (POST /api/v1/conversations/:id/messages, JSON answer) with the built-in
// engine, through the real server: the demo agent; an agent with GitHub's REST operations added to the
// demo store's (the same messages find the same tools: only the catalog's size differs; skipped when
// ../shared is absent); the demo agent in a 2,000-message conversation. Baseline in the same run: a
// bare Fastify handler doing one SQLite insert and one select. Targets: the demo turn at most 20x the
// bare handler, the GitHub agent at most 1.5x the demo agent, the long conversation at most 1.2x a
// fresh one. CPU is the process's (user + system) per request, median; the demo store API answers from a child
// process, as a business's API answers from its own servers, so its work is not counted.
// Each comparison is one phase: its cases warmed up together, then measured taking turns (one turn
// against ten bare requests, as before), in an order rotated every time, each charged with the
// background work it leaves (`support/measure-cpu.ts`). A sample sums one turn of each of the four
// messages (they cost 4 to 8 ms apart, and the median of single turns fell between the two groups)
// or ten bare requests per message; a ratio is of the medians over all samples, with its range over
// five rounds of them.
// Run: node --import tsx bench/turn-cost.ts [samples per case, default 100: 400 turns]
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import Fastify, { type FastifyInstance } from 'fastify';
import { DEFAULT_HISTORY_MESSAGES } from '../src/agent/index.js';
import { importSchema } from '../src/openapi/index.js';
import { startBenchChild } from './support/bench-child.js';
import { BENCH_ADMIN_TOKEN, startBenchServer } from './support/bench-server.js';
import { type CpuCase, type CpuFigures, describeRatio, measureCpu } from './support/measure-cpu.js';

const samples = Number(process.argv[2] ?? 100);
// A server runs for days: its code is compiled and optimised by the time most turns arrive. V8 still
// compiles the turn's hot functions with TurboFan between the 40th and the few hundredth turn (with
// 300 turns of warm-up the first phase's turns still cost a quarter more than the same turns in the
// next phases), so the first phase warms up for 800 turns before it measures; the later phases add
// the code paths of a long history and of a large catalog (its first turn compiles the catalog).
const WARM_UP_SAMPLES = 200;
const LATER_WARM_UP_SAMPLES = 30;
// A long conversation takes this many samples (four turns each) before the next one replaces it, so
// that every turn meets about 2,000 earlier messages (and the window's conversation about its size).
const SAMPLES_PER_LONG_CONVERSATION = 5;
const SAMPLES_PER_WINDOW_CONVERSATION = 1;
const MESSAGES = [
  'Show me leather bags',
  'Where is my order #12345?',
  "What's the weather today?",
  "What's your return policy?",
];
// BENCH_SAMPLES_FILE=path writes every case's samples there as JSON, to look at their spread.
const samplesFile = process.env.BENCH_SAMPLES_FILE;
const figures: Record<string, CpuFigures> = {};
const githubPath = new URL('../../shared/corpus/openapi/github/api.github.com.json', import.meta.url)
  .pathname;

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
  /**
   * A turn of `agentId` for each message per sample, each in a new conversation (made before the
   * sample, unmeasured) or, with `history`, all in a conversation of that many earlier messages,
   * replaced after `samplesEach` samples.
   */
  const turnsOf = (agentId: string, history?: { messages: number; samplesEach: number }): CpuCase => {
    let conversationIds: string[] = [];
    return {
      requests: MESSAGES.length,
      async prepare(index) {
        if (!history) {
          conversationIds = [];
          for (const _ of MESSAGES) conversationIds.push(await newConversation(agentId));
        } else if (index % history.samplesEach === 0) {
          conversationIds = Array(MESSAGES.length).fill(await conversationOf(history.messages));
        }
      },
      async run(_, part) {
        await call(`/api/v1/conversations/${conversationIds[part]}/messages`, { text: MESSAGES[part] });
      },
    };
  };
  // Ten bare requests per message (one sample's part) against each turn, each counted as a tenth.
  const bareRequests: CpuCase = {
    requests: 10 * MESSAGES.length,
    async run(index, part) {
      for (let request = 0; request < 10; request++) {
        const response = await bare.app.inject({
          method: 'POST',
          url: `/messages/c${(index * 10 + request) % 50}`,
          payload: { text: MESSAGES[part] },
        });
        if (response.statusCode !== 200) throw new Error(`bare handler answered ${response.statusCode}`);
      }
    },
  };

  const [bareFigures, demo] = await measureCpu({
    parts: MESSAGES.length,
    cases: [bareRequests, turnsOf(bench.agentId)],
    warmUp: WARM_UP_SAMPLES,
    samples,
  });
  Object.assign(figures, { bare: bareFigures, demo });
  console.log(
    `demo agent turn: ${demo.median.toFixed(2)} ms CPU median; bare Fastify + SQLite handler ${bareFigures.median.toFixed(3)} ms (${describeRatio(demo, bareFigures)}; target <= 20x)`,
  );

  const [fresh, long, window] = await measureCpu({
    parts: MESSAGES.length,
    cases: [
      turnsOf(bench.agentId),
      turnsOf(bench.agentId, { messages: 2000, samplesEach: SAMPLES_PER_LONG_CONVERSATION }),
      turnsOf(bench.agentId, {
        messages: DEFAULT_HISTORY_MESSAGES,
        samplesEach: SAMPLES_PER_WINDOW_CONVERSATION,
      }),
    ],
    warmUp: LATER_WARM_UP_SAMPLES,
    samples,
  });
  Object.assign(figures, { fresh, long, window });
  console.log(
    `turn in a 2,000-message conversation: ${long.median.toFixed(2)} ms CPU median; fresh conversation ${fresh.median.toFixed(2)} ms (${describeRatio(long, fresh)}; target <= 1.2x); ${DEFAULT_HISTORY_MESSAGES}-message conversation (the history window's size) ${window.median.toFixed(2)} ms (${describeRatio(long, window)})`,
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
    // The demo agent's help pages too, so that only the catalog's size differs.
    for (const link of await store.knowledge.listAgentSources(demoAgent.id))
      if (link.enabled) await store.knowledge.setAgentSource(agent.id, link.sourceId, true);
    const [demoAgain, githubFigures] = await measureCpu({
      parts: MESSAGES.length,
      cases: [turnsOf(bench.agentId), turnsOf(agent.id)],
      warmUp: LATER_WARM_UP_SAMPLES,
      samples,
    });
    Object.assign(figures, { demoAgain, github: githubFigures });
    console.log(
      `agent with GitHub's ${imported.value.tools.length} operations and the demo's: ${githubFigures.median.toFixed(2)} ms CPU median; demo agent ${demoAgain.median.toFixed(2)} ms (${describeRatio(githubFigures, demoAgain)}; target <= 1.5x)`,
    );
  }
  if (samplesFile) writeFileSync(samplesFile, JSON.stringify(figures));
} finally {
  await bench.close();
  await api.stop();
  await bare.app.close();
  bare.close();
  rmSync(dataDir, { recursive: true, force: true });
}
