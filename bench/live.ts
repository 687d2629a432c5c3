// How fast a person's reply reaches the widget: sent through one server, received on the widget's
// event stream opened on another (PostgreSQL, LISTEN/NOTIFY) or the same one (SQLite, in process),
// against the widget's former 4-second polling of the same conversation, measured in the same run.
// Run: node --import tsx bench/live.ts (PostgreSQL with TEST_POSTGRES_URL or BENCH_POSTGRES_URL)
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../src/server/create-app.js';
import { openEventStream } from '../src/server/test-support/open-event-stream.js';
import { createStore, type Store } from '../src/store/index.js';
import { dropSchema } from './support/drop-schema.js';

const REPLIES = 20;
const POLL_MS = 4_000;
const token = 'bench-admin-token-0123456789';
const postgresUrl = process.env.BENCH_POSTGRES_URL ?? process.env.TEST_POSTGRES_URL;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function serve(store: Store) {
  const app = await createApp({ store, adminToken: token, demo: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` };
}

/** Sends replies through the first store's server, watched on the second's: stream and polling delays in ms. */
async function measure(name: string, stores: [Store, Store]) {
  const sender = await serve(stores[0]);
  const watcher = stores[1] === stores[0] ? sender : await serve(stores[1]);
  try {
    const property = await stores[0].properties.create({ name: 'Shop' });
    const agent = await stores[0].agents.create({ propertyId: property.id, name: 'Bot' });
    const visitor = (await (
      await fetch(`${watcher.url}/api/v1/widget/conversations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ agentKey: agent.publicKey }),
      })
    ).json()) as { id: string; visitorToken: string };
    const headers = { 'x-visitor-token': visitor.visitorToken };
    const stream = await openEventStream(
      `${watcher.url}/api/v1/widget/conversations/${visitor.id}/events`,
      headers,
    );
    const sentAt = new Map<string, number>();
    const polled = new Map<string, number>();
    let polling = true;
    const poller = (async () => {
      let after = '';
      while (polling) {
        await sleep(POLL_MS);
        const page = (await (
          await fetch(`${watcher.url}/api/v1/widget/conversations/${visitor.id}/messages?after=${after}`, {
            headers,
          })
        ).json()) as { items: { id: string; text: string }[] };
        for (const message of page.items) {
          after = message.id;
          if (!polled.has(message.text)) polled.set(message.text, performance.now());
        }
      }
    })();
    const streamed: number[] = [];
    for (let index = 0; index < REPLIES; index++) {
      await sleep(200 + Math.random() * 700);
      const text = `Reply ${index}`;
      const start = performance.now();
      sentAt.set(text, start);
      await fetch(`${sender.url}/api/v1/conversations/${visitor.id}/human-replies`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ text }),
      });
      await stream.waitFor((event) => event.data.text === text);
      streamed.push(performance.now() - start);
    }
    while (polled.size < REPLIES) await sleep(100);
    polling = false;
    await poller;
    stream.close();
    const byPolling = [...sentAt].map(([text, start]) => (polled.get(text) ?? 0) - start);
    console.log(
      `${name}: a person's reply on the widget's stream after ${median(streamed).toFixed(1)} ms median (max ${Math.max(...streamed).toFixed(1)}), by ${POLL_MS / 1000}-second polling after ${median(byPolling).toFixed(0)} ms (max ${Math.max(...byPolling).toFixed(0)}); ${(median(byPolling) / median(streamed)).toFixed(0)}x sooner, ${REPLIES} replies`,
    );
  } finally {
    if (watcher !== sender) await watcher.app.close();
    await sender.app.close();
  }
}

const secretKey = randomBytes(32);
const dir = mkdtempSync(join(tmpdir(), 'concierge-bench-live-'));
try {
  const store = await createStore({ dataDir: dir, secretKey });
  await measure('SQLite, one server', [store, store]);
  await store.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
if (postgresUrl) {
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const first = await createStore({ databaseUrl: postgresUrl, postgresSchema: schema, secretKey });
  const second = await createStore({ databaseUrl: postgresUrl, postgresSchema: schema, secretKey });
  try {
    await measure('PostgreSQL, two servers', [first, second]);
  } finally {
    await second.close();
    await first.close();
    await dropSchema(postgresUrl, schema);
  }
} else {
  console.log('PostgreSQL skipped: set TEST_POSTGRES_URL or BENCH_POSTGRES_URL');
}
