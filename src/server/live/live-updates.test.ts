import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeDialects, testPostgresUrl } from '../../store/test-support/store-dialects.js';
import { retryDelay } from '../deliver-handoffs.js';
import { openEventStream } from '../test-support/open-event-stream.js';
import {
  openSharedTestApp,
  openTestApp,
  startWidgetConversation,
  type TestApp,
  type TestAppOptions,
  testAdminToken,
} from '../test-support/test-app.js';

/** A hand-off webhook target that answers 503 while `down` or for its first `failures` requests. */
interface WebhookTarget {
  url: string;
  /** Every request's delivery id and the status it was answered with. */
  requests: { deliveryId: string; status: number; conversationId: string }[];
  failures: number;
  down: boolean;
  close: () => Promise<void>;
}

async function startWebhookTarget(): Promise<WebhookTarget> {
  let server: Server;
  const target: WebhookTarget = {
    url: '',
    requests: [],
    failures: 0,
    down: false,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      const payload = JSON.parse(body);
      const status = target.down || target.failures > 0 ? 503 : 200;
      if (status === 503 && !target.down) target.failures -= 1;
      target.requests.push({
        deliveryId: String(request.headers['x-concierge-delivery']),
        status,
        conversationId: payload.conversation.id,
      });
      response.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  target.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/handoff`;
  return target;
}

/** Listens on a free port of 127.0.0.1: its base URL. */
async function listen(test: TestApp): Promise<string> {
  await test.app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(test.app.server.address() as AddressInfo).port}`;
}

const fastRetries: TestAppOptions = {
  allowHosts: ['127.0.0.1'],
  handoffDeliveries: { retryDelayMs: 50, maxRetryDelayMs: 200, pollMs: 50 },
};

/** Creates an agent whose hand-offs go to `webhookUrl`: its public key. */
async function createAgent(test: TestApp, webhookUrl: string): Promise<string> {
  const property = (
    await test.call({ method: 'POST', url: '/api/v1/properties', payload: { name: 'Shop' } })
  ).json();
  const agent = (
    await test.call({
      method: 'POST',
      url: `/api/v1/properties/${property.id}/agents`,
      payload: { name: 'Assistant', handoffWebhookUrl: webhookUrl },
    })
  ).json();
  return agent.publicKey;
}

/** Sends a visitor's message through `test`'s widget API. */
function sendAsVisitor(test: TestApp, visitor: { id: string; visitorToken: string }, text: string) {
  return test.call({
    method: 'POST',
    url: `/api/v1/widget/conversations/${visitor.id}/messages`,
    headers: { 'x-visitor-token': visitor.visitorToken },
    payload: { text },
    token: null,
  });
}

describe('retry delays', () => {
  it('double from the first, stay under the longest, and are jittered in their upper half', () => {
    expect(retryDelay(1, 1000, 60_000, 0)).toBe(500);
    expect(retryDelay(1, 1000, 60_000, 1)).toBe(1000);
    expect(retryDelay(3, 1000, 60_000, 1)).toBe(4000);
    expect(retryDelay(30, 1000, 60_000, 0.5)).toBe(45_000);
  });
});

for (const dialect of storeDialects) {
  // On PostgreSQL the stream is opened on another server than the one the change is made on; on
  // SQLite (one server) on the same one.
  const across = dialect.name === 'postgres';
  describe.skipIf(!dialect.available)(`live updates on ${dialect.name}`, () => {
    let target: WebhookTarget;
    let first: TestApp;
    let second: TestApp;
    let streamUrl: string;
    let streamServer: TestApp;
    let agentKey: string;

    beforeAll(async () => {
      target = await startWebhookTarget();
      first = await openTestApp(dialect, { ...fastRetries, liveStreams: { perVisitor: 3 } });
      second = await openSharedTestApp(dialect, first, { ...fastRetries, liveStreams: { perVisitor: 3 } });
      streamServer = across ? second : first;
      await listen(first);
      streamUrl = await listen(second);
      if (!across) streamUrl = `http://127.0.0.1:${(first.app.server.address() as AddressInfo).port}`;
      agentKey = await createAgent(first, target.url);
    });
    afterAll(async () => {
      await second.close();
      await first.close();
      await target.close();
    });

    const widgetStream = (visitor: { id: string; visitorToken: string }, headers = {}, query = '') =>
      openEventStream(`${streamUrl}/api/v1/widget/conversations/${visitor.id}/events${query}`, {
        'x-visitor-token': visitor.visitorToken,
        ...headers,
      });

    it(`brings a person's reply and status changes to the widget's stream${across ? ' on another server' : ''}`, async () => {
      const visitor = await startWidgetConversation(streamServer, agentKey);
      const stream = await widgetStream(visitor);
      try {
        expect(stream.status).toBe(200);
        await stream.waitFor((event) => event.event === 'status' && event.data.status === 'open');
        const reply = await first.call({
          method: 'POST',
          url: `/api/v1/conversations/${visitor.id}/human-replies`,
          payload: { text: 'Hi, this is Sam from the team.' },
        });
        expect(reply.statusCode).toBe(201);
        const message = await stream.waitFor((event) => event.event === 'message');
        expect(message).toMatchObject({
          id: reply.json().id,
          data: { role: 'human', text: 'Hi, this is Sam from the team.' },
        });
        await stream.waitFor((event) => event.data.status === 'waiting-for-human');
        await first.call({
          method: 'PATCH',
          url: `/api/v1/conversations/${visitor.id}`,
          payload: { status: 'closed' },
        });
        await stream.waitFor((event) => event.data.status === 'closed');
      } finally {
        stream.close();
      }
    });

    it("hands over: the widget's and the admin's streams see it, and the webhook arrives once despite 503s", async () => {
      target.failures = 3;
      const visitor = await startWidgetConversation(first, agentKey);
      const widget = await widgetStream(visitor);
      const admin = await openEventStream(`${streamUrl}/api/v1/conversations/${visitor.id}/events`, {
        authorization: `Bearer ${testAdminToken}`,
      });
      try {
        expect(admin.status).toBe(200);
        await admin.waitFor((event) => event.event === 'status');
        const handoff = await sendAsVisitor(first, visitor, 'I want to talk to a person');
        expect(handoff.json()).toMatchObject({ status: 'waiting-for-human' });
        await widget.waitFor((event) => event.data.status === 'waiting-for-human');
        // The admin sees the customer's message, the system note and the hand-off itself.
        await admin.waitFor((event) => event.event === 'message' && event.data.role === 'customer');
        await admin.waitFor((event) => event.event === 'message' && event.data.role === 'system');
        await admin.waitFor((event) => event.event === 'update' && event.data.type === 'handoff');
        // The visitor is never sent the system note.
        expect(widget.events.filter((event) => event.data.role === 'system')).toEqual([]);

        // Recorded as delivered once the target said 200.
        await expect
          .poll(
            async () => (await first.store.webhookDeliveries.listForConversation(visitor.id))[0]?.status,
            {
              timeout: 10_000,
            },
          )
          .toBe('delivered');
        const [delivery] = await first.store.webhookDeliveries.listForConversation(visitor.id);
        expect(delivery).toMatchObject({ status: 'delivered', attempts: 4, lastError: null });
        const mine = target.requests.filter((request) => request.conversationId === visitor.id);
        expect(mine.map((request) => request.status)).toEqual([503, 503, 503, 200]);
        expect(new Set(mine.map((request) => request.deliveryId))).toEqual(new Set([delivery.id]));
      } finally {
        widget.close();
        admin.close();
      }
    });

    it('lets a visitor stream only their own conversation, and only a few at once', async () => {
      const mine = await startWidgetConversation(first, agentKey);
      const theirs = await startWidgetConversation(first, agentKey);
      const other = await widgetStream({ id: theirs.id, visitorToken: mine.visitorToken });
      expect(other.status).toBe(404);
      const anonymous = await openEventStream(
        `${streamUrl}/api/v1/widget/conversations/${theirs.id}/events`,
        {},
      );
      expect(anonymous.status).toBe(401);
      const admin = await openEventStream(`${streamUrl}/api/v1/conversations/${theirs.id}/events`, {
        'x-visitor-token': theirs.visitorToken,
      });
      expect(admin.status).toBe(401);

      const open = [await widgetStream(mine), await widgetStream(mine), await widgetStream(mine)];
      try {
        expect(open.map((stream) => stream.status)).toEqual([200, 200, 200]);
        expect((await widgetStream(mine)).status).toBe(429);
        expect((await widgetStream(theirs)).status).toBe(200);
      } finally {
        for (const stream of open) stream.close();
      }
      // Closed streams free their places.
      await expect
        .poll(async () => {
          const again = await widgetStream(mine);
          again.close();
          return again.status;
        })
        .toBe(200);
    });

    it.runIf(across)(
      'keeps streams live when the LISTEN connection is lost, catching up what it missed',
      async () => {
        const visitor = await startWidgetConversation(first, agentKey);
        const stream = await widgetStream(visitor);
        try {
          await stream.waitFor((event) => event.event === 'status');
          // Ends every server's LISTEN connection of this schema, as a database restart would.
          const admin = new pg.Client({ connectionString: testPostgresUrl });
          await admin.connect();
          try {
            const terminated = await admin.query(
              'SELECT count(pg_terminate_backend(pid))::int AS count FROM pg_stat_activity WHERE query = $1',
              [`LISTEN "${first.store.postgres?.channel}"`],
            );
            expect(terminated.rows[0].count).toBe(2);
          } finally {
            await admin.end();
          }
          await first.call({
            method: 'POST',
            url: `/api/v1/conversations/${visitor.id}/human-replies`,
            payload: { text: 'Sent while the servers reconnect' },
          });
          await stream.waitFor((event) => event.data.text === 'Sent while the servers reconnect');
          await first.call({
            method: 'POST',
            url: `/api/v1/conversations/${visitor.id}/human-replies`,
            payload: { text: 'Sent after' },
          });
          await stream.waitFor((event) => event.data.text === 'Sent after');
        } finally {
          stream.close();
        }
      },
    );

    it('catches up after a reconnect from Last-Event-ID (or after=)', async () => {
      const visitor = await startWidgetConversation(first, agentKey);
      const say = (text: string) =>
        first.call({
          method: 'POST',
          url: `/api/v1/conversations/${visitor.id}/human-replies`,
          payload: { text },
        });
      const seen = (await say('First reply')).json();
      await say('Second reply');
      await say('Third reply');
      for (const [headers, query] of [
        [{ 'last-event-id': seen.id }, ''],
        [{}, `?after=${seen.id}`],
      ] as const) {
        const stream = await widgetStream(visitor, headers, query);
        try {
          await stream.waitFor((event) => event.data.text === 'Third reply');
          expect(
            stream.events.filter((event) => event.event === 'message').map((event) => event.data.text),
          ).toEqual(['Second reply', 'Third reply']);
        } finally {
          stream.close();
        }
      }
    });
  });

  describe.skipIf(!dialect.available)(`hand-off webhooks across a restart on ${dialect.name}`, () => {
    let target: WebhookTarget;
    let owner: TestApp;

    beforeAll(async () => {
      target = await startWebhookTarget();
      // The database's owner looks for due deliveries once, at start: the servers below do the work.
      owner = await openTestApp(dialect, {
        allowHosts: ['127.0.0.1'],
        handoffDeliveries: { pollMs: 3_600_000 },
      });
    });
    afterAll(async () => {
      await owner.close();
      await target.close();
    });

    it('are delivered by another server when the one that failed them stops', async () => {
      const agentKey = await createAgent(owner, target.url);
      target.down = true;
      const options = {
        ...fastRetries,
        handoffDeliveries: { retryDelayMs: 300, maxRetryDelayMs: 300, pollMs: 50 },
      };
      const stopping = await openSharedTestApp(dialect, owner, options);
      const visitor = await startWidgetConversation(stopping, agentKey);
      await sendAsVisitor(stopping, visitor, 'I want to talk to a person');
      await expect.poll(() => target.requests.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
      await stopping.close();
      const tried = target.requests.length;
      const [pending] = await owner.store.webhookDeliveries.listForConversation(visitor.id);
      expect(pending).toMatchObject({
        status: 'pending',
        attempts: tried,
        lastError: 'answered 503 Service Unavailable',
      });

      target.down = false;
      const started = await openSharedTestApp(dialect, owner, options);
      try {
        await expect
          .poll(
            async () => (await owner.store.webhookDeliveries.listForConversation(visitor.id))[0]?.status,
            {
              timeout: 10_000,
            },
          )
          .toBe('delivered');
        expect(target.requests.filter((request) => request.status === 200)).toHaveLength(1);
        const [delivered] = await owner.store.webhookDeliveries.listForConversation(visitor.id);
        expect(delivered).toMatchObject({ status: 'delivered', attempts: tried + 1 });
        expect(target.requests).toHaveLength(tried + 1);
      } finally {
        await started.close();
      }
    });
  });
}
