// A load run against a real server on 127.0.0.1 (a child process, the demo agent on the built-in
// engine, its demo store API served by a second child as a business's API would be, so the API's
// answers do not queue behind the turns they serve): 50 conversations at once, each sending its next message as soon as the last is answered,
// for 30 s, on SQLite and on PostgreSQL (when BENCH_POSTGRES_URL or TEST_POSTGRES_URL is set).
// Prints errors, p50 and p99 latency and turns/s. Targets: 0 errors, p99 under 1 s.
// BENCH_LOAD_SECONDS shortens (or lengthens, up to 120) the run; BENCH_LOAD_CONVERSATIONS changes
// the concurrency (up to 200); BENCH_LOAD_SERVERS=N (up to 4) serves PostgreSQL's run with N app
// servers on its one database, as several app servers share one PostgreSQL, the conversations split
// among them (each client still sends its next message when the last is answered); BENCH_LOG_LEVEL=info
// prints the servers' request logs (with each response time, as the server saw it) to stderr.
// Run: node --import tsx bench/load.ts
import { availableParallelism, loadavg } from 'node:os';
import { startBenchChild } from './support/bench-child.js';
import { BENCH_ADMIN_TOKEN, benchPostgresUrl } from './support/bench-server.js';

const seconds = Math.min(Math.max(Number(process.env.BENCH_LOAD_SECONDS ?? 30), 1), 120);
const conversations = Math.min(Math.max(Number(process.env.BENCH_LOAD_CONVERSATIONS ?? 50), 1), 200);
const postgresServers = Math.min(Math.max(Number(process.env.BENCH_LOAD_SERVERS ?? 1), 1), 4);
// A bound on the count as well as the time, whatever the machine.
const MAX_TURNS = 200_000;
const MESSAGES = [
  'Show me leather bags',
  'Where is my order #12345?',
  "What's the weather today?",
  "What's your return policy?",
  'Do you have a store in Lyon?',
];

async function post(url: string, body: object): Promise<{ status: number; json: unknown }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${BENCH_ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: await response.json().catch(() => null) };
}

const percentile = (sorted: number[], share: number) =>
  sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))];

/** `count` bench servers on one database (several only on PostgreSQL): the first owns it, the others join it. */
async function startServers(dialect: 'sqlite' | 'postgres', demoApiUrl: string, count: number) {
  const first = await startBenchChild(dialect, demoApiUrl);
  const others: (typeof first)[] = [];
  for (let index = 1; index < count; index++)
    others.push(await startBenchChild(dialect, demoApiUrl, first.schema));
  return {
    agentId: first.agentId,
    urls: [first, ...others].map((server) => server.url),
    /** Stops them all (the first last: it drops the database); their CPU ms in all. */
    async stop() {
      const cpu = await Promise.all(others.map((server) => server.stop()));
      return cpu.reduce((sum, ms) => sum + ms, await first.stop());
    },
  };
}

async function loadRun(dialect: 'sqlite' | 'postgres', demoApiUrl: string) {
  const servers = dialect === 'postgres' ? postgresServers : 1;
  const { stop, urls, agentId } = await startServers(dialect, demoApiUrl, servers);
  let report = '';
  let turnsAnswered = 0;
  try {
    const latencies: number[] = [];
    const errors = new Map<string, number>();
    const fail = (what: string) => errors.set(what, (errors.get(what) ?? 0) + 1);
    const ids: string[] = [];
    for (let index = 0; index < conversations; index++) {
      const created = await post(`${urls[0]}/api/v1/agents/${agentId}/conversations`, {});
      ids.push((created.json as { id: string }).id);
    }
    const started = performance.now();
    const deadline = started + seconds * 1000;
    let turns = 0;
    await Promise.all(
      ids.map(async (id, conversation) => {
        const url = urls[conversation % urls.length];
        for (let index = conversation; performance.now() < deadline && turns < MAX_TURNS; index++) {
          turns++;
          const sent = performance.now();
          try {
            const answer = await post(`${url}/api/v1/conversations/${id}/messages`, {
              text: MESSAGES[index % MESSAGES.length],
            });
            if (answer.status !== 200) fail(`status ${answer.status}`);
            else latencies.push(performance.now() - sent);
          } catch (error) {
            fail((error as Error).message);
          }
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    latencies.sort((left, right) => left - right);
    const errorCount = [...errors.values()].reduce((sum, count) => sum + count, 0);
    const served = servers > 1 ? ` (${servers} app servers)` : '';
    report = `${dialect}${served}: ${conversations} conversations for ${seconds} s: ${latencies.length} turns answered, ${(latencies.length / elapsed).toFixed(1)} turns/s, p50 ${percentile(latencies, 0.5).toFixed(0)} ms, p99 ${percentile(latencies, 0.99).toFixed(0)} ms (target < 1000), ${errorCount} errors (target 0)${errorCount ? `: ${[...errors].map(([what, count]) => `${count}x ${what}`).join(', ')}` : ''}`;
    turnsAnswered = latencies.length;
  } finally {
    const cpuMs = await stop();
    // The machine's other work shows in the latencies: the server's own CPU per turn does not.
    if (report)
      console.log(
        `${report}; server CPU (all app servers) ${(cpuMs / Math.max(turnsAnswered, 1)).toFixed(1)} ms per turn; load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores`,
      );
  }
}

const api = await startBenchChild('sqlite');
try {
  const demoApiUrl = `${api.url}/demo/api`;
  await loadRun('sqlite', demoApiUrl);
  if (benchPostgresUrl) await loadRun('postgres', demoApiUrl);
  else console.log('postgres: skipped (set BENCH_POSTGRES_URL or TEST_POSTGRES_URL)');
} finally {
  await api.stop();
}
