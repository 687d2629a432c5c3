// Turns interrupted from outside: a client that hangs up, and a server killed in the middle of turns
// (rows left as a crash leaves them, and a real SIGKILL), on each dialect.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { UNCERTAIN_REPLY } from '../agent/index.js';
import { type FakeModelServer, startFakeModelServer } from '../agent/test-support/start-fake-model-server.js';
import type { Message } from '../store/index.js';
import { storeDialects, testPostgresUrl } from '../store/test-support/store-dialects.js';
import { connectAgent, newConversation, readConversation, say } from './test-support/order-conversations.js';
import { type OrderApi, orderScript, startOrderApi } from './test-support/start-order-api.js';
import { openSharedTestApp, openTestApp, type TestApp, testAdminToken } from './test-support/test-app.js';

/** POSTs a chat message over real HTTP to `base`; resolves when the answer ends or the client gives up. */
function post(
  base: string,
  conversationId: string,
  text: string,
  options: { signal?: AbortSignal; sse?: boolean },
) {
  return fetch(`${base}/api/v1/conversations/${conversationId}/messages`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${testAdminToken}`,
      'content-type': 'application/json',
      ...(options.sse ? { accept: 'text/event-stream' } : {}),
    },
    body: JSON.stringify({ text }),
    signal: options.signal,
  })
    .then((response) => response.text())
    .catch(() => 'no answer');
}

/** Every customer message has a reply, or its conversation is with a person and has a note saying why. */
function expectEveryMessageAnswered(conversation: { status: string; messages: Message[] }) {
  const note = conversation.messages.some((message) => message.role === 'system');
  for (const message of conversation.messages.filter((entry) => entry.role === 'customer')) {
    const reply = conversation.messages.find((entry) => entry.replyTo === message.id);
    if (reply) continue;
    expect(conversation.status, `"${message.text}" has no reply`).toBe('waiting-for-human');
    expect(note, `"${message.text}" has no reply and no note`).toBe(true);
    expect(['handed-over', 'for-person']).toContain(message.replyState);
  }
}

for (const dialect of storeDialects) {
  describe.skipIf(!dialect.available)(`interrupted turns on ${dialect.name}`, () => {
    let api: OrderApi;
    let model: FakeModelServer;
    let slowModel: FakeModelServer;
    let test: TestApp;
    let agent: { id: string };
    let base: string;
    beforeAll(async () => {
      api = await startOrderApi();
      model = await startFakeModelServer('openai-compatible', orderScript);
      slowModel = await startFakeModelServer('openai-compatible', orderScript, undefined, { delayMs: 3_000 });
      test = await openTestApp(dialect, { allowHosts: ['127.0.0.1'], turnLeaseMs: 1_000 });
      agent = await connectAgent(test, api, model);
      await test.app.listen({ port: 0, host: '127.0.0.1' });
      base = `http://127.0.0.1:${(test.app.server.address() as AddressInfo).port}`;
    });
    afterAll(async () => {
      await test.close();
      await slowModel.close();
      await model.close();
      await api.close();
    });
    beforeEach(() => {
      api.delayMs = 0;
    });

    it('stops the API call of a client that hangs up, and makes no more model calls', async () => {
      const conversationId = await newConversation(test, agent.id);
      await say(test, conversationId, 'Cancel order 55512');
      const [modelCalls, cancels, abandoned] = [model.rawBodies.length, api.cancels().length, api.abandoned];
      api.delayMs = 5_000;
      const client = new AbortController();
      const answer = post(base, conversationId, 'yes', { signal: client.signal, sse: true });
      await expect.poll(() => api.cancels().length).toBe(cancels + 1);
      client.abort();
      expect(await answer).toBe('no answer');

      // The call in flight was dropped at once, not waited for.
      await expect.poll(() => api.abandoned, { timeout: 5_000 }).toBe(abandoned + 1);
      await expect
        .poll(async () => (await readConversation(test, conversationId)).messages.at(-1)?.replyState, {
          timeout: 5_000,
        })
        .toBe('cancelled');
      expect(model.rawBodies.length).toBe(modelCalls);
      // What was sent is recorded as such, for the business; nothing may run it again.
      const stored = await readConversation(test, conversationId);
      expect(stored.traces.at(-1)).toMatchObject({
        outcome: 'cancelled',
        steps: expect.arrayContaining([
          expect.objectContaining({ type: 'tool-call', tool: 'cancelOrder', outcome: 'network' }),
          { type: 'turn-stopped', reason: 'cancelled' },
        ]),
      });
      api.delayMs = 0;
      const again = (await say(test, conversationId, 'yes')).json();
      expect(api.cancels().length).toBe(cancels + 1);
      expect(again.reply.text).toBe('How else can I help?');
    });

    it('stops the model call of a client that hangs up, before any API call', async () => {
      const slowAgent = await connectAgent(test, api, slowModel);
      const conversationId = await newConversation(test, slowAgent.id);
      const [apiCalls, modelCalls] = [api.server.requests.length, slowModel.rawBodies.length];
      const client = new AbortController();
      const answer = post(base, conversationId, 'Where is my order 55512?', { signal: client.signal });
      await expect.poll(() => slowModel.rawBodies.length).toBe(modelCalls + 1);
      client.abort();
      expect(await answer).toBe('no answer');
      await expect.poll(() => slowModel.abandoned, { timeout: 5_000 }).toBe(1);
      await expect
        .poll(async () => (await readConversation(test, conversationId)).messages[0]?.replyState, {
          timeout: 5_000,
        })
        .toBe('cancelled');
      expect(api.server.requests.length).toBe(apiCalls);
      expect((await readConversation(test, conversationId)).traces).toEqual([
        expect.objectContaining({ outcome: 'cancelled', messageId: null }),
      ]);
    });

    it('answers after a restart what a crash left unanswered, and hands over an action it may have run', async () => {
      const { store } = test;
      // A crash in the middle of an ordinary turn: the message pending, the conversation held, both leases over.
      const tracking = await newConversation(test, agent.id);
      const question = await store.conversations.addMessage(tracking, {
        role: 'customer',
        text: 'Where is my order 55512?',
        replyState: 'pending',
        leaseMs: -1,
      });
      await store.conversations.acquireTurn({
        conversationId: tracking,
        messageId: question.id,
        turnId: randomUUID(),
        leaseMs: -1,
      });
      // A crash after the confirmed action was claimed: it may have been sent.
      const cancelling = await newConversation(test, agent.id);
      await say(test, cancelling, 'Cancel order 55512');
      const yes = await store.conversations.addMessage(cancelling, {
        role: 'customer',
        text: 'yes',
        replyState: 'pending',
        leaseMs: -1,
      });
      const crashed = { conversationId: cancelling, messageId: yes.id, turnId: randomUUID() };
      await store.conversations.acquireTurn({ ...crashed, leaseMs: -1 });
      const pending = (await store.conversations.get(cancelling))?.pendingAction as { id: string };
      expect(await store.conversations.claimPendingAction({ ...crashed, actionId: pending.id })).toBe(true);
      const cancels = api.cancels().length;

      const restarted = await openSharedTestApp(dialect, test, {
        allowHosts: ['127.0.0.1'],
        turnLeaseMs: 1_000,
        recovery: { intervalMs: 100 },
      });
      try {
        await expect
          .poll(
            async () => {
              const messages = [
                ...(await readConversation(test, tracking)).messages,
                ...(await readConversation(test, cancelling)).messages,
              ];
              return messages.filter((message) => message.replyState === 'pending').length;
            },
            { timeout: 20_000 },
          )
          .toBe(0);
        const answered = await readConversation(test, tracking);
        expect(answered.messages.map((message) => [message.role, message.text, message.replyState])).toEqual([
          ['customer', 'Where is my order 55512?', 'answered'],
          ['agent', 'Order 55512 has shipped with DHL.', null],
        ]);
        expect(answered.traces[0].steps[0]).toMatchObject({ type: 'recovered' });

        const handedOver = await readConversation(test, cancelling);
        expect(api.cancels().length).toBe(cancels);
        expect(handedOver.status).toBe('waiting-for-human');
        expect(handedOver.messages.at(-2)).toMatchObject({
          role: 'agent',
          text: UNCERTAIN_REPLY,
          replyTo: yes.id,
        });
        expect(handedOver.messages.at(-1)).toMatchObject({
          role: 'system',
          text: expect.stringContaining(`Idempotency-Key ${pending.id}`),
        });
      } finally {
        await restarted.close();
      }
    });

    // A child process starts slowly (tsx compiles the server): give it time.
    it('leaves no message without a reply or a note after a kill -9 under load and a restart', async () => {
      const conversations = await Promise.all(
        Array.from({ length: 8 }, () => newConversation(test, agent.id)),
      );
      const [tracking, cancelling] = [conversations.slice(0, 4), conversations.slice(4)];
      for (const id of cancelling) await say(test, id, 'Cancel order 55512');
      const cancelsBefore = api.cancels().length;
      const requestsBefore = api.server.requests.length;

      const child = await startChild(dialect.name, test.location);
      try {
        // As long as the integration's timeout: no turn may end before the kill, however slow the machine.
        api.delayMs = 60_000;
        const sent = [
          ...tracking.map((id) => post(child.url, id, 'Where is my order 55512?', {})),
          ...cancelling.map((id) => post(child.url, id, 'yes', {})),
        ];
        await expect.poll(() => api.server.requests.length - requestsBefore, { timeout: 30_000 }).toBe(8);
        // A second message in two conversations: it waits behind the first when the server dies.
        sent.push(
          post(child.url, tracking[0], 'Are you there?', {}),
          post(child.url, cancelling[0], 'Hello?', {}),
        );
        await expect
          .poll(
            async () =>
              (await readConversation(test, tracking[0])).messages.length +
              (await readConversation(test, cancelling[0])).messages.length,
            { timeout: 20_000 },
          )
          .toBe(6);
        child.process.kill('SIGKILL');
        await Promise.all(sent);
      } finally {
        child.process.kill('SIGKILL');
      }
      api.delayMs = 0;
      const cancelsSent = api.cancels().length - cancelsBefore;
      expect(cancelsSent).toBe(4);

      const restarted = await openSharedTestApp(dialect, test, {
        allowHosts: ['127.0.0.1'],
        turnLeaseMs: 1_000,
        recovery: { intervalMs: 100 },
      });
      try {
        await expect
          .poll(
            async () => {
              const states = await Promise.all(
                conversations.map(async (id) =>
                  (await readConversation(test, id)).messages.map((message) => message.replyState),
                ),
              );
              return states.flat().filter((state) => state === 'pending').length;
            },
            { timeout: 30_000 },
          )
          .toBe(0);
        for (const id of conversations) expectEveryMessageAnswered(await readConversation(test, id));
        // The restart ran no confirmed action a second time.
        expect(api.cancels().length - cancelsBefore).toBe(cancelsSent);
        for (const id of cancelling) {
          const conversation = await readConversation(test, id);
          expect(conversation.status).toBe('waiting-for-human');
          expect(conversation.messages.map((message) => message.text)).toContain(UNCERTAIN_REPLY);
        }
      } finally {
        await restarted.close();
      }
    }, 120_000);
  });
}

/** Starts `serve-child.ts` in its own process over the test's database and waits until it listens. */
async function startChild(
  dialectName: 'sqlite' | 'postgres',
  location: string,
): Promise<{ process: ChildProcess; url: string }> {
  const script = fileURLToPath(new URL('./test-support/serve-child.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    env: {
      ...process.env,
      CHILD_TURN_LEASE_MS: '1000',
      ...(dialectName === 'postgres'
        ? { CHILD_DATABASE_URL: testPostgresUrl, CHILD_POSTGRES_SCHEMA: location }
        : { CHILD_SQLITE_PATH: location }),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const found = /listening (\d+)/.exec(output);
      if (found) resolve(found[1]);
    });
    child.once('exit', (code) => reject(new Error(`the child server exited with ${code}: ${output}`)));
  });
  return { process: child, url: `http://127.0.0.1:${port}` };
}
