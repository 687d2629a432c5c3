import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmbeddedModel } from '../../engine/index.js';
import { defineTool } from '../../executor/test-support/define-tool.js';
import { createLanguageModel } from '../../providers/index.js';
import { compileTestSchema } from './__fixtures__/compile-test-schema.js';
import { startScriptedChatServer } from './__fixtures__/start-scripted-chat-server.js';
import { loadSuite } from './load-suite.js';
import { runSuites } from './run-suite.js';

const suitePath = new URL('./__fixtures__/mini-suite.yaml', import.meta.url).pathname;
const replySuitePath = new URL('./__fixtures__/reply-suite.yaml', import.meta.url).pathname;

describe('runSuites', () => {
  it('loads suite and per-case schemas, history and base prompt, and scores the embedded engine', async () => {
    const suite = await loadSuite(suitePath);
    expect(suite.cases.map((suiteCase) => suiteCase.id)).toEqual([
      'track',
      'follow-up',
      'weather',
      'wrong-args',
      'inline-schema',
    ]);
    // The suite's base prompt is every case's that names none of its own.
    expect(suite.cases.map((suiteCase) => suiteCase.basePrompt)).toEqual(
      suite.cases.map(() => 'If the customer asks about order status, use the trackOrder API tool call.'),
    );
    const report = await runSuites({
      suites: [suite],
      model: createEmbeddedModel(),
      compileSchema: compileTestSchema,
    });
    const [mini] = report.suites;
    expect(mini).toMatchObject({
      name: 'mini',
      cases: 5,
      callAccuracy: 1,
      falseCallRate: 0,
      missedCallRate: 0,
      argAccuracy: 0.75,
    });
    expect(mini.failures).toEqual([
      expect.objectContaining({
        id: 'wrong-args',
        reason: 'wrong-args',
        wrongArgs: ['orderId'],
        chosen: { call: 'trackOrder', args: { orderId: '5555' } },
      }),
    ]);
    expect(mini.medianMs).toBeGreaterThan(0);
    expect(report.callAccuracy).toBe(1);
  });

  it('leaves a rate without cases to measure null, not 0', async () => {
    const suite = await loadSuite(suitePath);
    const onlyUnrelated = { ...suite, cases: suite.cases.filter((suiteCase) => suiteCase.id === 'weather') };
    const report = await runSuites({
      suites: [onlyUnrelated],
      model: createEmbeddedModel(),
      compileSchema: compileTestSchema,
    });
    expect(report.suites[0]).toMatchObject({
      cases: 1,
      callAccuracy: 1,
      falseCallRate: 0,
      argAccuracy: null,
      missedCallRate: null,
    });
  });

  it('reports a case whose schema cannot be compiled as an error failure', async () => {
    const suite = await loadSuite(suitePath);
    const report = await runSuites({
      suites: [{ ...suite, cases: suite.cases.slice(0, 1) }],
      model: createEmbeddedModel(),
      compileSchema: async () => {
        throw new Error('bad schema');
      },
    });
    expect(report.suites[0].failures[0]).toMatchObject({
      id: 'track',
      reason: 'error',
      detail: 'bad schema',
    });
    expect(report.missedCallRate).toBe(1);
  });
});

describe('runSuites with an OpenAI-compatible server', () => {
  let server: Awaited<ReturnType<typeof startScriptedChatServer>>;
  beforeAll(async () => {
    server = await startScriptedChatServer((request) => {
      const last = request.messages[request.messages.length - 1].content;
      return /order/i.test(last)
        ? { toolName: 'trackOrder', arguments: '{"orderId":"12345"}' }
        : { text: 'I cannot help with that.' };
    });
  });
  afterAll(() => server.close());

  it('offers the tools over the wire and scores the scripted decisions', async () => {
    const suite = await loadSuite(suitePath);
    const model = createLanguageModel({
      provider: 'openai-compatible',
      baseUrl: server.baseUrl,
      model: 'scripted',
    });
    const report = await runSuites({
      suites: [{ ...suite, cases: suite.cases.slice(0, 3) }],
      model,
      compileSchema: compileTestSchema,
    });
    expect(server.requests[0].tools.map((entry) => entry.function.name)).toEqual(['trackOrder']);
    expect(report.suites[0]).toMatchObject({ cases: 3, falseCallRate: 0 });
    expect(report.suites[0].failures.map((failure) => failure.id)).toEqual(['follow-up']);
  });
});

describe('runSuites with reply cases', () => {
  /** The mini document's one operation, compiled as the executor needs it. */
  const compileWithDefinition = async () => {
    const definition = defineTool({
      name: 'trackOrder',
      operationId: 'trackOrder',
      method: 'get',
      path: '/orders/{orderId}',
      summary: 'Track an order',
      parameters: [{ name: 'orderId', in: 'path', schema: { type: 'string', pattern: '^[0-9]{4,10}$' } }],
    });
    return [
      {
        name: 'trackOrder',
        operationId: 'trackOrder',
        description: 'Track an order',
        inputSchema: definition.inputSchema as Record<string, unknown>,
        definition,
      },
    ];
  };

  it('calls through the executor, scores the reply, and reports the reply pass rate apart from the calls', async () => {
    const suite = await loadSuite(replySuitePath);
    expect(suite.cases.map((suiteCase) => [suiteCase.id, suiteCase.results?.length ?? 0])).toEqual([
      ['shipped', 1],
      ['html-page', 1],
      ['wrong-on-purpose', 1],
      ['no-results', 0],
    ]);
    const report = await runSuites({
      suites: [suite],
      model: createEmbeddedModel(),
      compileSchema: compileWithDefinition,
    });
    const [replies] = report.suites;
    expect(replies).toMatchObject({ cases: 4, replyCases: 4, replyPassRate: 0.75, callAccuracy: 1 });
    expect(replies.failures).toEqual([
      expect.objectContaining({
        id: 'wrong-on-purpose',
        reason: 'reply',
        outcomes: ['trackOrder: ok'],
        replyProblems: [
          'lacks one of ["delivered","on its way"]',
          expect.stringMatching(/^is \d+ characters long, more than 20$/),
        ],
        reply: expect.stringContaining('processing'),
      }),
    ]);
    expect(report).toMatchObject({ replyPassRate: 0.75, replyCases: 4 });
  });

  it("reports a call to an operation the schema lacks as that case's error", async () => {
    const suite = await loadSuite(replySuitePath);
    const report = await runSuites({
      suites: [{ ...suite, cases: suite.cases.slice(1, 2) }],
      model: createEmbeddedModel(),
      compileSchema: async () => [],
    });
    expect(report.suites[0].failures[0]).toMatchObject({
      id: 'html-page',
      reason: 'error',
      detail: "the schema has no operation 'trackOrder' to call",
    });
    expect(report.replyPassRate).toBe(0);
  });
});
