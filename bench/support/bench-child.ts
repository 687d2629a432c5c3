// A bench server in a child process (`serve-bench.ts`): the load run's server, and the demo store API
// that the load and turn-cost benchmarks call as a business's API would be called (another process,
// so its work is not counted as the turn's).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';

/**
 * Starts the server child on `dialect`; resolves with its URL, demo agent and PostgreSQL schema once
 * it listens. With `schema`, it joins the database of the bench server running there.
 */
export async function startBenchChild(dialect: 'sqlite' | 'postgres', demoApiUrl = '', schema = '') {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', new URL('./serve-bench.ts', import.meta.url).pathname],
    {
      env: {
        ...process.env,
        BENCH_DIALECT: dialect,
        BENCH_DEMO_API_URL: demoApiUrl,
        BENCH_SCHEMA: schema,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  // Read to the end: a full pipe would stop a child that writes more.
  const lines = createInterface({ input: child.stdout! });
  let cpuMs = Number.NaN;
  const ready = new Promise<{ url: string; agentId: string; schema: string }>((resolve, reject) => {
    lines.on('line', (line) => {
      const [word, url, agentId, schema = ''] = line.split(' ');
      if (word === 'listening') resolve({ url, agentId, schema });
      else if (word === 'cpu') cpuMs = Number(url);
      else if (process.env.BENCH_LOG_LEVEL) process.stderr.write(`${line}\n`);
    });
    child.once('exit', () => reject(new Error(`the ${dialect} bench server exited before listening`)));
  });
  const stop = async () => {
    child.kill('SIGTERM');
    await once(child, 'exit');
    return cpuMs;
  };
  return { stop, ...(await ready) };
}
