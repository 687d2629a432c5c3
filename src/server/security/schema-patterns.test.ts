// Security regression: a schema's regular expression cannot stall the server. Patterns run on RE2
// (linear time); one RE2 cannot run (lookaround, backreferences) is dropped at import with a lint
// finding, never a crash or a stall.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeModelServer } from '../../agent/test-support/start-fake-model-server.js';
import { storeDialects } from '../../store/test-support/store-dialects.js';
import { openTestApp, startWidgetConversation, type TestApp } from '../test-support/test-app.js';
import { createPropertyWithKey, itemsSchema, startInternalService } from './security-support.js';

/** 28 characters: `^(a+)+$` takes seconds on a backtracking engine (each more doubles it); RE2 takes microseconds. */
// Against `^(a+)+$` a backtracking engine needs about 2^40 steps for this string (hours); RE2 reads it
// once. The event loop's longest stall is bounded at STALL_MS, far from both, so a busy machine
// cannot fail the check and a backtracking match cannot pass it.
const EVIL_INPUT = `${'a'.repeat(40)}b`;
const STALL_MS = 10_000;

/**
 * Runs `work` while polling /health; resolves with its result and the longest time between two
 * /health answers (a blocked event loop stretches it, whenever in the work the block happens).
 */
async function whileHealthPolled<T>(
  test: TestApp,
  work: Promise<T>,
): Promise<{ result: T; longestMs: number }> {
  let done = false;
  let longestMs = 0;
  let last = performance.now();
  const settled = work.finally(() => {
    done = true;
  });
  while (!done) {
    const health = await test.call({ method: 'GET', url: '/health', token: null });
    expect(health.statusCode).toBe(200);
    const now = performance.now();
    longestMs = Math.max(longestMs, now - last);
    last = now;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return { result: await settled, longestMs };
}

describe('security: schema patterns are matched in linear time or not at all', () => {
  let api: Awaited<ReturnType<typeof startInternalService>>;
  let model: Awaited<ReturnType<typeof startFakeModelServer>>;
  let test: TestApp;
  let propertyId: string;
  let key: string;

  beforeAll(async () => {
    api = await startInternalService();
    model = await startFakeModelServer('openai-compatible', (request) =>
      request.toolResults.length === 0
        ? { toolCalls: [{ name: 'listItems', args: { q: EVIL_INPUT } }] }
        : { text: 'Sorry, that code is not valid.' },
    );
    test = await openTestApp(storeDialects[0], { allowHosts: ['127.0.0.1'] });
    ({ propertyId, key } = await createPropertyWithKey(test));
  });
  /** Imports an integration whose `q` takes the catastrophic pattern `^(a+)+$`. */
  async function importCodes() {
    const response = await test.call({
      method: 'POST',
      url: `/api/v1/properties/${propertyId}/integrations`,
      payload: {
        name: 'Codes',
        schemaText: itemsSchema(api.origin, "{ type: string, pattern: '^(a+)+$' }"),
      },
      token: key,
    });
    expect(response.statusCode).toBe(201);
    return response.json();
  }
  afterAll(async () => {
    await test.close();
    await model.close();
    await api.close();
  });

  it('imports patterns RE2 cannot run with a lint finding, and drops them', async () => {
    const patterns = {
      lookahead: '^(?=.*[0-9])[a-z0-9]+$',
      backreference: '^(a)\\1$',
      lookbehind: '(?<!x)y',
      invalid: '[unclosed',
    };
    for (const [kind, pattern] of Object.entries(patterns)) {
      const response = await test.call({
        method: 'POST',
        url: `/api/v1/properties/${propertyId}/integrations`,
        payload: {
          name: `Pattern ${kind}`,
          schemaText: itemsSchema(api.origin, `{ type: string, pattern: '${pattern}' }`),
        },
        token: key,
      });
      expect(response.statusCode, kind).toBe(201);
      const body = response.json();
      const finding = body.lint.find((item: { code: string }) => /pattern/.test(item.code));
      expect(finding, kind).toMatchObject({
        code: kind === 'invalid' ? 'invalid-pattern' : 'unsupported-pattern',
        message: expect.stringContaining('it is ignored'),
      });
      expect(body.operations[0].inputSchema.properties.q.pattern, kind).toBeUndefined();
    }
  });

  it('keeps a pattern RE2 runs, and a try-it call with a crafted string answers at once', async () => {
    const integration = await importCodes();
    expect(integration.operations[0].inputSchema.properties.q.pattern).toBe('^(a+)+$');
    const { result, longestMs } = await whileHealthPolled(
      test,
      test.call({
        method: 'POST',
        url: `/api/v1/integrations/${integration.id}/operations/listItems/try`,
        payload: { args: { q: EVIL_INPUT } },
        token: key,
      }),
    );
    expect(result.json().outcome).toBe('invalid-arguments');
    expect(result.json().durationMs).toBeLessThan(1000);
    expect(longestMs).toBeLessThan(STALL_MS);
    expect(api.requests).toEqual([]);
  });

  it("keeps /health answering while a widget message's tool call is checked against the pattern", async () => {
    const integration = await importCodes();
    const agent = await test.store.agents.create({
      propertyId,
      name: 'Hosted',
      model: { provider: 'openai-compatible', baseUrl: model.baseUrl, model: 'llama', apiKey: 'k' },
    });
    await test.store.agents.setIntegration(agent.id, integration.id, true);
    const started = await startWidgetConversation(test, agent.publicKey);
    const { result, longestMs } = await whileHealthPolled(
      test,
      test.call({
        method: 'POST',
        url: `/api/v1/widget/conversations/${started.id}/messages`,
        headers: { 'x-visitor-token': started.visitorToken },
        payload: { text: `My code is ${EVIL_INPUT}` },
        token: null,
      }),
    );
    expect(result.statusCode).toBe(200);
    expect(longestMs).toBeLessThan(STALL_MS);
    expect(api.requests).toEqual([]);
    const traces = await test.store.conversations.listTraces(started.id);
    expect(traces[0].steps).toContainEqual(
      expect.objectContaining({ type: 'tool-call', tool: 'listItems', outcome: 'invalid-arguments' }),
    );
  });

  // The embedded engine fills inputs against schema patterns too (matchesSchemaPattern, on RE2).
  it('keeps /health answering while the embedded engine reads a crafted message', async () => {
    const integration = await importCodes();
    const agent = await test.store.agents.create({ propertyId, name: 'Embedded' });
    await test.store.agents.setIntegration(agent.id, integration.id, true);
    const started = await startWidgetConversation(test, agent.publicKey);
    for (const text of ['Which items are there?', EVIL_INPUT, `Items matching ${EVIL_INPUT}`]) {
      const { result, longestMs } = await whileHealthPolled(
        test,
        test.call({
          method: 'POST',
          url: `/api/v1/widget/conversations/${started.id}/messages`,
          headers: { 'x-visitor-token': started.visitorToken },
          payload: { text },
          token: null,
        }),
      );
      expect(result.statusCode).toBe(200);
      expect(longestMs).toBeLessThan(STALL_MS);
    }
  });
});
