// A turn as one unit of work, checked through the chat and widget APIs against a real local business
// API and a model speaking the OpenAI-compatible protocol, on each dialect with two app servers
// sharing the database.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { UNCERTAIN_REPLY } from '../agent/index.js';
import { type FakeModelServer, startFakeModelServer } from '../agent/test-support/start-fake-model-server.js';
import { createWriteFailures } from '../store/test-support/fail-writes.js';
import { storeDialects } from '../store/test-support/store-dialects.js';
import { connectAgent, newConversation, readConversation, say } from './test-support/order-conversations.js';
import { type OrderApi, orderScript, startOrderApi } from './test-support/start-order-api.js';
import {
  openSharedTestApp,
  openTestApp,
  startWidgetConversation,
  type TestApp,
} from './test-support/test-app.js';

const QUESTION = "I'm about to cancel an order with order ID 55512. Shall I go ahead? (yes / no)";

for (const dialect of storeDialects) {
  describe.skipIf(!dialect.available)(`a turn as one unit of work on ${dialect.name}`, () => {
    let api: OrderApi;
    let model: FakeModelServer;
    beforeAll(async () => {
      api = await startOrderApi();
      model = await startFakeModelServer('openai-compatible', orderScript);
    });
    afterAll(async () => {
      await model.close();
      await api.close();
    });
    beforeEach(() => {
      api.delayMs = 0;
    });

    describe('two app servers on one database', () => {
      let first: TestApp;
      let second: TestApp;
      let agent: { id: string; publicKey: string };
      beforeAll(async () => {
        first = await openTestApp(dialect, { allowHosts: ['127.0.0.1'] });
        second = await openSharedTestApp(dialect, first, { allowHosts: ['127.0.0.1'] });
        agent = await connectAgent(first, api, model);
      });
      afterAll(async () => {
        await second.close();
        await first.close();
      });

      it('sends exactly one request for 10 simultaneous "yes" to one pending action, and answers each once', async () => {
        const conversationId = await newConversation(first, agent.id);
        const proposal = (await say(first, conversationId, 'Please cancel order 55512')).json();
        expect(proposal.reply.text).toBe(QUESTION);
        const before = api.cancels().length;

        const answers = await Promise.all(
          Array.from({ length: 10 }, (_, index) => say(index % 2 ? second : first, conversationId, 'yes')),
        );
        expect(answers.map((answer) => answer.statusCode)).toEqual(Array(10).fill(200));
        expect(api.cancels().length - before).toBe(1);
        const sent = api.cancels().at(-1)!;
        expect(sent.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
        expect(
          answers.filter((answer) => answer.json().reply.text === 'Order 55512 is cancelled.'),
        ).toHaveLength(1);

        const { messages, pendingAction } = await readConversation(second, conversationId);
        expect(pendingAction).toBeNull();
        const yeses = messages.filter((message) => message.role === 'customer' && message.text === 'yes');
        expect(yeses.map((message) => message.replyState)).toEqual(Array(10).fill('answered'));
        // Each "yes" has one reply, written after it. (Which "yes" got the first turn depends on which
        // insert committed first, not on id order: two requests can commit in either order.)
        const replies = yeses.map((yes) => messages.filter((message) => message.replyTo === yes.id));
        expect(replies.map((found) => found.length)).toEqual(Array(10).fill(1));
        for (const [index, [reply]] of replies.entries()) expect(reply.id > yeses[index].id).toBe(true);
        // The first "yes" to get its turn ran the action; the others found none pending.
        const [firstReply] = replies
          .map(([reply]) => reply)
          .sort((left, right) => left.id.localeCompare(right.id));
        expect(firstReply.text).toBe('Order 55512 is cancelled.');
      });

      it('sends one cancellation for a triple click in the widget', async () => {
        const started = await startWidgetConversation(first, agent.publicKey);
        const send = (test: TestApp, text: string) =>
          test.call({
            method: 'POST',
            url: `/api/v1/widget/conversations/${started.id}/messages`,
            headers: { 'x-visitor-token': started.visitorToken, accept: 'text/event-stream' },
            payload: { text },
            token: null,
          });
        await send(first, 'cancel my order 55512 please');
        const before = api.cancels().length;
        const clicks = await Promise.all([send(first, 'Yes'), send(second, 'Yes'), send(first, 'Yes')]);
        expect(clicks.map((click) => click.statusCode)).toEqual([200, 200, 200]);
        expect(api.cancels().length - before).toBe(1);
      });

      it('makes no model call for a message a person answered while it waited its turn', async () => {
        const conversationId = await newConversation(first, agent.id);
        const conversations = first.store.conversations;
        const earlier = await conversations.addMessage(conversationId, {
          role: 'customer',
          text: 'hello?',
          replyState: 'pending',
          leaseMs: 30_000,
        });
        const running = { conversationId, messageId: earlier.id, turnId: 'a turn of another server' };
        expect(await conversations.acquireTurn({ ...running, leaseMs: 30_000 })).toBe(true);
        const modelCalls = model.rawBodies.length;
        const turn = say(second, conversationId, 'Where is order 55512?');
        await expect.poll(async () => (await conversations.listMessages(conversationId)).length).toBe(2);
        // A person answers while the status is still open, then the running turn ends.
        await conversations.addMessage(conversationId, { role: 'human', text: 'Sam here, one moment.' });
        await conversations.releaseTurn({ ...running, replyState: 'failed' });

        const answer = await turn;
        expect(answer.statusCode).toBe(200);
        expect(answer.json().reply).toBeNull();
        expect(model.rawBodies.length).toBe(modelCalls);
        const stored = await readConversation(first, conversationId);
        expect(stored.traces.at(-1)).toMatchObject({
          outcome: 'dropped',
          steps: expect.arrayContaining([{ type: 'turn-stopped', reason: 'taken-over' }]),
        });
      });

      it("keeps a person's takeover during a slow API call: the late reply never reaches the customer", async () => {
        const started = await startWidgetConversation(first, agent.publicKey);
        const visitor = { 'x-visitor-token': started.visitorToken };
        const url = `/api/v1/widget/conversations/${started.id}/messages`;
        await first.call({
          method: 'POST',
          url,
          headers: visitor,
          payload: { text: 'cancel 55512' },
          token: null,
        });
        const modelCalls = model.rawBodies.length;
        api.delayMs = 800;
        const before = api.cancels().length;
        const turn = first.call({
          method: 'POST',
          url,
          headers: { ...visitor, accept: 'text/event-stream' },
          payload: { text: 'yes' },
          token: null,
        });
        await expect.poll(() => api.cancels().length, { timeout: 5_000 }).toBe(before + 1);
        const human = await second.call({
          method: 'POST',
          url: `/api/v1/conversations/${started.id}/human-replies`,
          payload: { text: 'Hi, Sam here. I am on it.' },
        });
        expect(human.statusCode).toBe(201);

        const events = (await turn).body;
        expect(events).not.toContain('event: message-delta');
        expect(events).toContain('"reply":null');
        expect(events).toContain('"status":"waiting-for-human"');
        expect(model.rawBodies.length).toBe(modelCalls);

        const seen = (await first.call({ method: 'GET', url, headers: visitor, token: null })).json() as {
          status: string;
          items: { role: string; text: string }[];
        };
        expect(seen.status).toBe('waiting-for-human');
        expect(seen.items.map((message) => message.role)).toEqual(['customer', 'agent', 'customer', 'human']);
        const stored = await readConversation(second, started.id);
        expect(stored.status).toBe('waiting-for-human');
        expect(stored.traces.at(-1)).toMatchObject({
          outcome: 'dropped',
          messageId: null,
          steps: expect.arrayContaining([
            expect.objectContaining({ type: 'tool-call', tool: 'cancelOrder', outcome: 'ok' }),
            { type: 'turn-stopped', reason: 'taken-over' },
          ]),
        });
      });
    });

    it('asks first, or not, as each operation is set', async () => {
      const test = await openTestApp(dialect, { allowHosts: ['127.0.0.1'] });
      try {
        const agent = await connectAgent(test, api, model);
        const integrationId = (
          await test.call({ method: 'GET', url: `/api/v1/agents/${agent.id}/integrations` })
        ).json().items[0].integrationId;
        const set = (name: string, needsConfirmation: boolean) =>
          test.call({
            method: 'PUT',
            url: `/api/v1/integrations/${integrationId}/operations/${name}`,
            payload: { needsConfirmation },
          });
        await set('cancelOrder', false);
        await set('trackOrder', true);
        const conversationId = await newConversation(test, agent.id);
        const before = api.cancels().length;
        const cancelled = (await say(test, conversationId, 'Cancel order 55512')).json();
        expect(cancelled).toMatchObject({
          reply: { text: 'Order 55512 is cancelled.' },
          pendingAction: null,
        });
        expect(api.cancels().length).toBe(before + 1);
        const asked = (await say(test, conversationId, 'Where is my order 55512?')).json();
        expect(asked.reply.text).toBe(
          "I'm about to track an order with order ID 55512. Shall I go ahead? (yes / no)",
        );
        expect(asked.pendingAction).toMatchObject({ tool: 'trackOrder' });
      } finally {
        await test.close();
      }
    });

    describe('a failure at any write of a turn', () => {
      const failures = createWriteFailures();
      let test: TestApp;
      let agent: { id: string };
      beforeAll(async () => {
        test = await openTestApp(dialect, {
          allowHosts: ['127.0.0.1'],
          storePlugins: [failures.plugin],
          turnLeaseMs: 300,
        });
        agent = await connectAgent(test, api, model);
      });
      afterAll(() => test.close());
      afterEach(() => failures.disarm());

      it.each([
        ['one write', 1],
        ['a write and the clean-up after it', 2],
      ])(
        'failing %s leaves no half-saved turn and never runs the action twice on retry',
        async (_, count) => {
          let failedWrites = 0;
          for (let write = 1; write < 40; write += 1) {
            const conversationId = await newConversation(test, agent.id);
            expect((await say(test, conversationId, 'Cancel order 55512')).json().reply.text).toBe(QUESTION);
            const before = api.cancels().length;
            failures.failAt(write, count);
            const first = await say(test, conversationId, 'yes');
            const fired = failures.fired();
            failures.disarm();
            const sentFirst = api.cancels().length - before;
            if (!fired) {
              expect(first.statusCode).toBe(200);
              break;
            }
            failedWrites += 1;

            // Either the whole turn was stored, or none of it: never a reply without its trace.
            const after = await readConversation(test, conversationId);
            const yes = after.messages.find((message) => message.text === 'yes');
            const replies = after.messages.filter(
              (message) => message.replyTo && message.replyTo === yes?.id,
            );
            const traces = after.traces.filter(
              (trace) => trace.customerMessageId && trace.customerMessageId === yes?.id,
            );
            if (replies.length > 0) {
              expect(yes?.replyState).toBe('answered');
              expect(traces.map((trace) => trace.messageId)).toEqual([replies[0].id]);
              expect(after.pendingAction).toBeNull();
            } else {
              expect(first.statusCode).toBeGreaterThanOrEqual(500);
              expect(traces).toEqual([]);
              expect(['failed', 'pending', undefined]).toContain(yes?.replyState);
            }

            const retry = await say(test, conversationId, 'yes');
            expect(retry.statusCode).toBe(200);
            const sent = api.cancels().length - before;
            expect(sent).toBeLessThanOrEqual(1);
            if (sentFirst === 1 && replies.length === 0) {
              // The first attempt sent it but could not record it: the retry hands over, never re-sends.
              expect(retry.json()).toMatchObject({
                reply: { text: UNCERTAIN_REPLY },
                status: 'waiting-for-human',
              });
            }
            // A message the failure left pending is not lost: the recovery finds it.
            const orphans = await test.store.conversations.listOrphanedMessages();
            const left = (await readConversation(test, conversationId)).messages.filter(
              (message) => message.replyState === 'pending',
            );
            for (const message of left) expect(orphans.map((orphan) => orphan.id)).toContain(message.id);
          }
          expect(failedWrites).toBeGreaterThan(5);
        },
      );
    });
  });
}
