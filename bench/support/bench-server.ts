// The benchmarks' real server: `concierge serve` as it starts (demo seeded, built-in engine) over a
// fresh SQLite directory or a fresh PostgreSQL schema, listening on 127.0.0.1 with a known admin token.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type RunningServer, readServerConfig, startServer } from '../../src/server/index.js';

/** The admin token of bench servers. */
export const BENCH_ADMIN_TOKEN = 'bench-admin-token-0123456789';

/** The secret key of bench servers: one for all, so that servers joining one database read its secrets. */
const BENCH_SECRET_KEY = Buffer.alloc(32, 'bench').toString('base64');

/** The PostgreSQL URL of the benchmarks, when one is set (`BENCH_POSTGRES_URL`, else `TEST_POSTGRES_URL`). */
export const benchPostgresUrl = process.env.BENCH_POSTGRES_URL || process.env.TEST_POSTGRES_URL || undefined;

/** A running bench server; `close` also removes its data. */
export interface BenchServer {
  server: RunningServer;
  /** The demo agent's id. */
  agentId: string;
  /** The PostgreSQL schema it runs on (PostgreSQL only). */
  schema?: string;
  close: () => Promise<void>;
}

/**
 * Starts the server on `dialect` (PostgreSQL needs `benchPostgresUrl`). With `demoApiUrl`, the demo
 * integration calls the demo store API there (another process on 127.0.0.1, as a business's API would
 * be) instead of this server's own. With `schema` (PostgreSQL), it joins the database of a bench
 * server already running there, as another app server would, and leaves it to that one to drop.
 */
export async function startBenchServer(
  dialect: 'sqlite' | 'postgres' = 'sqlite',
  options: { demoApiUrl?: string; schema?: string } = {},
): Promise<BenchServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'concierge-bench-'));
  const schema = options.schema ?? `bench_${randomBytes(6).toString('hex')}`;
  const ownsSchema = options.schema === undefined;
  const env: NodeJS.ProcessEnv = {
    CONCIERGE_DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    CONCIERGE_ADMIN_TOKEN: BENCH_ADMIN_TOKEN,
    CONCIERGE_SECRET_KEY: BENCH_SECRET_KEY,
    CONCIERGE_LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'silent',
    ...(options.demoApiUrl ? { CONCIERGE_ALLOW_HOSTS: new URL(options.demoApiUrl).host } : {}),
    ...(dialect === 'postgres' ? { DATABASE_URL: benchPostgresUrl, DATABASE_SCHEMA: schema } : {}),
  };
  const server = await startServer(readServerConfig(env));
  if (!server.demo?.integrationId) throw new Error('the bench server did not seed its demo');
  if (options.demoApiUrl)
    await server.store.integrations.update(server.demo.integrationId, { baseUrl: options.demoApiUrl });
  return {
    server,
    agentId: server.demo.agentId,
    ...(dialect === 'postgres' ? { schema } : {}),
    async close() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
      if (dialect === 'postgres' && ownsSchema) {
        const client = new pg.Client({ connectionString: benchPostgresUrl });
        await client.connect();
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await client.end();
      }
    },
  };
}
