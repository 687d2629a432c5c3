import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmbeddedModel } from '../../engine/index.js';
import { createLanguageModel } from '../../providers/index.js';
import { compileTestSchema } from './__fixtures__/compile-test-schema.js';
import { loadSuite } from './load-suite.js';
import { runSuites } from './run-suite.js';

const suitePath = new URL('./__fixtures__/mini-suite.yaml', import.meta.url).pathname;

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
  let server: Server;
  let baseUrl = '';
  const requests: Array<{ tools: Array<{ function: { name: string } }> }> = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        const parsed = JSON.parse(body);
        requests.push(parsed);
        const last = parsed.messages[parsed.messages.length - 1].content as string;
        const call = /order/i.test(last)
          ? {
              tool_calls: [
                {
                  id: 'call_1',
                  type: 'function',
                  function: { name: 'trackOrder', arguments: '{"orderId":"12345"}' },
                },
              ],
            }
          : { content: 'I cannot help with that.' };
        response.setHeader('content-type', 'application/json');
        response.end(
          JSON.stringify({
            id: 'chatcmpl-1',
            object: 'chat.completion',
            created: 1,
            model: 'scripted',
            choices: [
              {
                index: 0,
                message: { role: 'assistant', ...call },
                finish_reason: call.tool_calls ? 'tool_calls' : 'stop',
              },
            ],
            usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
          }),
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('offers the tools over the wire and scores the scripted decisions', async () => {
    const suite = await loadSuite(suitePath);
    const model = createLanguageModel({ provider: 'openai-compatible', baseUrl, model: 'scripted' });
    const report = await runSuites({
      suites: [{ ...suite, cases: suite.cases.slice(0, 3) }],
      model,
      compileSchema: compileTestSchema,
    });
    expect(requests[0].tools.map((entry) => entry.function.name)).toEqual(['trackOrder']);
    expect(report.suites[0]).toMatchObject({ cases: 3, falseCallRate: 0 });
    expect(report.suites[0].failures.map((failure) => failure.id)).toEqual(['follow-up']);
  });
});
