// The lists the admin UI and API offer, at 1x and 10x the data, on SQLite and (with TEST_POSTGRES_URL
// or BENCH_POSTGRES_URL) PostgreSQL: a property's conversations (all, by status, by agent, the
// unanswered ones, a page deep by cursor and by offset) and its request logs (all and by each
// filter, a second page). Prints each list's median time at both sizes and the 10x/1x ratio; the
// target is 10x the data within 2x the time (offset paging is shown for comparison, not held to it).
// Run: node --import tsx bench/lists.ts [conversations at 1x, default 3000]
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import pg from 'pg';
import { createStore, type Store } from '../src/store/index.js';

const BASE = Number(process.argv[2] ?? 3_000);
const LOGS_PER_CONVERSATION = 5;
const RUNS = 25;
const postgresUrl = process.env.BENCH_POSTGRES_URL ?? process.env.TEST_POSTGRES_URL;
const TOOLS = Array.from({ length: 20 }, (_, index) => `tool${index}`);

/** A deterministic generator, so every run seeds the same rows. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

/** A time-sortable id for `time` (the store's format: milliseconds, counter, random). */
function idAt(time: number, counter: number, next: () => number): string {
  const tail = Math.floor(next() * 36 ** 9)
    .toString(36)
    .padStart(9, '0');
  return `${time.toString(36).padStart(9, '0')}${(counter % 36 ** 4).toString(36).padStart(4, '0')}${tail}`;
}

type Row = Record<string, string | number | null>;

/** Rows for `count` conversations over 90 days in `propertyId` (two agents), with messages and logs. */
function generate(count: number, ids: Ids, seed: number) {
  const next = random(seed);
  const start = Date.UTC(2026, 0, 1);
  const conversations: Row[] = [];
  const messages: Row[] = [];
  const logs: Row[] = [];
  for (let index = 0; index < count; index++) {
    const created = start + Math.floor(next() * 90 * 86_400_000);
    const updated = created + Math.floor(next() * 3_600_000);
    const roll = next();
    const status = roll < 0.05 ? 'waiting-for-human' : roll < 0.4 ? 'closed' : 'open';
    const id = idAt(created, index, next);
    const failed = next() < 0.03;
    conversations.push({
      id,
      agent_id: ids.agents[index % 2],
      property_id: ids.property,
      status,
      visitor_id: null,
      metadata_json: '{}',
      has_unanswered: failed ? 1 : 0,
      created_at: new Date(created).toISOString(),
      updated_at: new Date(updated).toISOString(),
    });
    for (let turn = 0; turn < 2; turn++) {
      const time = created + turn * 1000;
      messages.push({
        id: idAt(time, index * 2 + turn, next),
        conversation_id: id,
        role: turn === 0 ? 'customer' : 'agent',
        text: turn === 0 ? 'Where is my order?' : 'It ships tomorrow.',
        reply_state: turn === 0 ? (failed ? 'failed' : 'answered') : null,
        created_at: new Date(time).toISOString(),
      });
    }
    for (let call = 0; call < LOGS_PER_CONVERSATION; call++) {
      const time = created + call * 500;
      const outcome = next() < 0.05 ? 'error' : next() < 0.1 ? 'not-found' : 'ok';
      logs.push({
        id: idAt(time, index * LOGS_PER_CONVERSATION + call, next),
        integration_id: ids.integrations[call % 2],
        property_id: ids.property,
        agent_id: ids.agents[index % 2],
        conversation_id: id,
        tool: TOOLS[Math.floor(next() * TOOLS.length)],
        operation_id: null,
        method: 'GET',
        url: 'https://api.shop.test/orders/1',
        request_headers_json: '{}',
        request_body: null,
        status: outcome === 'ok' ? 200 : outcome === 'not-found' ? 404 : 500,
        duration_ms: Math.floor(next() * 300),
        response_excerpt: '{"status":"shipped"}',
        outcome,
        error: null,
        attempts: 1,
        created_at: new Date(time).toISOString(),
      });
    }
  }
  return { conversations, messages, logs };
}

interface Ids {
  property: string;
  agents: string[];
  integrations: string[];
}

/** A property with two agents and two integrations, made through the store. */
async function createProperty(store: Store, name: string): Promise<Ids> {
  const property = await store.properties.create({ name });
  const agents = [
    await store.agents.create({ propertyId: property.id, name: 'A' }),
    await store.agents.create({ propertyId: property.id, name: 'B' }),
  ];
  const integrations = [];
  for (const integration of ['Orders', 'Catalog'])
    integrations.push(
      await store.integrations.create({
        propertyId: property.id,
        name: integration,
        baseUrl: 'https://api.shop.test',
      }),
    );
  return {
    property: property.id,
    agents: agents.map((agent) => agent.id),
    integrations: integrations.map((integration) => integration.id),
  };
}

/** Inserts rows in bulk, beside the store (the repositories insert one at a time). */
type BulkInsert = (table: string, rows: Row[]) => Promise<void>;

function sqliteBulk(path: string): { insert: BulkInsert; close: () => void } {
  const database = new Sqlite(path);
  return {
    async insert(table, rows) {
      const columns = Object.keys(rows[0]);
      const statement = database.prepare(
        `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((column) => `@${column}`).join(', ')})`,
      );
      database.transaction(() => {
        for (const row of rows) statement.run(row);
      })();
    },
    // No ANALYZE: the plans are those of a store that never ran it.
    close: () => database.close(),
  };
}

async function postgresBulk(schema: string): Promise<{ insert: BulkInsert; close: () => Promise<void> }> {
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  await client.query(`SET search_path TO ${schema}`);
  return {
    async insert(table, rows) {
      const columns = Object.keys(rows[0]);
      for (let offset = 0; offset < rows.length; offset += 1000) {
        const batch = rows.slice(offset, offset + 1000);
        const values: unknown[] = [];
        const tuples = batch.map((row) => {
          const placeholders = columns.map((column) => {
            values.push(row[column]);
            return `$${values.length}`;
          });
          return `(${placeholders.join(', ')})`;
        });
        await client.query(
          `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')}`,
          values,
        );
      }
    },
    close: async () => {
      // What autovacuum would have done by then.
      await client.query('ANALYZE');
      await client.end();
    },
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Each list's name and call, for the property `ids` in `store`. */
function lists(
  store: Store,
  ids: Ids & { sampleConversation: string },
): [name: string, call: () => Promise<unknown>, heldToTarget: boolean][] {
  const property = ids.property;
  return [
    ['conversations: first page', () => store.conversations.list({ propertyId: property }), true],
    [
      'conversations: waiting for a person',
      () => store.conversations.list({ propertyId: property, status: 'waiting-for-human' }),
      true,
    ],
    [
      'conversations: closed',
      () => store.conversations.list({ propertyId: property, status: 'closed' }),
      true,
    ],
    [
      'conversations: one agent',
      () => store.conversations.list({ propertyId: property, agentId: ids.agents[1] }),
      true,
    ],
    [
      'conversations: unanswered',
      () => store.conversations.list({ propertyId: property, unanswered: true }),
      true,
    ],
    [
      'conversations: page 31 (cursor)',
      async () => {
        let cursor: string | undefined;
        for (let page = 0; page < 31; page++)
          cursor = (await store.conversations.list({ propertyId: property, cursor, limit: 50 }))
            .next as string;
      },
      true,
    ],
    [
      'conversations: offset 1500 (old)',
      () => store.conversations.list({ propertyId: property, offset: 1500 }),
      false,
    ],
    ['logs: first page', () => store.requestLogs.list({ propertyId: property }), true],
    [
      'logs: second page',
      async () =>
        store.requestLogs.list({
          propertyId: property,
          cursor: (await store.requestLogs.list({ propertyId: property })).next,
        }),
      true,
    ],
    ['logs: one integration', () => store.requestLogs.list({ integrationId: ids.integrations[0] }), true],
    ['logs: by tool', () => store.requestLogs.list({ propertyId: property, tool: 'tool7' }), true],
    ['logs: by status 500', () => store.requestLogs.list({ propertyId: property, status: 500 }), true],
    [
      'logs: by outcome error',
      () => store.requestLogs.list({ propertyId: property, outcome: 'error' }),
      true,
    ],
    [
      'logs: by conversation',
      async () => store.requestLogs.list({ propertyId: property, conversationId: ids.sampleConversation }),
      true,
    ],
  ];
}

/** Seeds `scale` x BASE conversations (and a second property of the same size) and times each list. */
async function measureAt(
  open: () => Promise<{
    store: Store;
    bulk: BulkInsert;
    done: () => Promise<void>;
    close: () => Promise<void>;
  }>,
  scale: number,
): Promise<Map<string, { ms: number; held: boolean }>> {
  const { store, bulk, done, close } = await open();
  try {
    const seeded = Date.now();
    let shop: (Ids & { sampleConversation: string }) | undefined;
    for (const [name, seed] of [
      ['Shop', 1],
      ['Other', 2],
    ] as const) {
      const ids = await createProperty(store, name);
      const rows = generate(BASE * scale, ids, seed);
      await bulk('conversations', rows.conversations);
      await bulk('messages', rows.messages);
      await bulk('request_logs', rows.logs);
      if (name === 'Shop')
        shop = {
          ...ids,
          sampleConversation: String(rows.conversations[Math.floor(rows.conversations.length / 2)].id),
        };
    }
    await done();
    const seconds = ((Date.now() - seeded) / 1000).toFixed(1);
    process.stdout.write(
      `  ${scale}x: ${BASE * scale * 2} conversations, ${BASE * scale * 2 * LOGS_PER_CONVERSATION} logs (seeded in ${seconds} s)\n`,
    );
    const results = new Map<string, { ms: number; held: boolean }>();
    for (const [name, call, held] of lists(store, shop!)) {
      for (let warm = 0; warm < 10; warm++) await call();
      const times: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        const start = performance.now();
        await call();
        times.push(performance.now() - start);
      }
      results.set(name, { ms: median(times), held });
    }
    return results;
  } finally {
    await close();
  }
}

async function compare(label: string, open: Parameters<typeof measureAt>[0]): Promise<boolean> {
  console.log(label);
  const small = await measureAt(open, 1);
  const large = await measureAt(open, 10);
  let within = true;
  for (const [name, { ms, held }] of small) {
    const big = large.get(name)!.ms;
    const ratio = big / ms;
    if (held && ratio > 2) within = false;
    console.log(
      `  ${name.padEnd(38)} 1x ${ms.toFixed(2).padStart(7)} ms   10x ${big.toFixed(2).padStart(7)} ms   ratio ${ratio.toFixed(2)}${held ? (ratio > 2 ? '  OVER 2x' : '') : '  (not held to the target)'}`,
    );
  }
  return within;
}

let allWithin = await compare('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'concierge-bench-lists-'));
  const path = join(dir, 'concierge.db');
  const store = await createStore({ sqlitePath: path, secretKey: randomBytes(32) });
  const bulk = sqliteBulk(path);
  return {
    store,
    bulk: bulk.insert,
    done: async () => bulk.close(),
    close: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
if (postgresUrl) {
  allWithin =
    (await compare('PostgreSQL', async () => {
      const schema = `bench_${randomBytes(4).toString('hex')}`;
      const store = await createStore({
        databaseUrl: postgresUrl,
        postgresSchema: schema,
        secretKey: randomBytes(32),
      });
      const bulk = await postgresBulk(schema);
      return {
        store,
        bulk: bulk.insert,
        done: bulk.close,
        close: async () => {
          await store.close();
          const client = new pg.Client({ connectionString: postgresUrl });
          await client.connect();
          await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
          await client.end();
        },
      };
    })) && allWithin;
} else {
  console.log('PostgreSQL skipped: set TEST_POSTGRES_URL or BENCH_POSTGRES_URL');
}
console.log(
  allWithin ? 'every list held: 10x the data within 2x the time' : 'some list took over 2x at 10x the data',
);
