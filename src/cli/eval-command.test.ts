import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScriptedChatServer } from '../agent/eval/__fixtures__/start-scripted-chat-server.js';
import { runCommand as run } from './test-support/run-command.js';

const suite = new URL('../agent/eval/__fixtures__/mini-suite.yaml', import.meta.url).pathname;
const replySuite = new URL('../agent/eval/__fixtures__/reply-suite.yaml', import.meta.url).pathname;

describe('concierge eval', () => {
  it('prints figures per suite and the failing cases with what was expected and chosen', async () => {
    const { code, stdout } = await run(['eval', suite]);
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /mini\s+cases\s+5\s+call 100\.0%\s+args\s+75\.0%\s+false-call\s+0\.0%\s+missed-call\s+0\.0%\s+recall@20 100\.0%\s+median/,
    );
    expect(stdout).toContain('wrong-args: wrong-args (orderId)');
    expect(stdout).toContain('expected: trackOrder {"orderId":"6666"}');
    expect(stdout).toContain('chosen:   trackOrder {"orderId":"5555"}');
  });

  it('prints one JSON document with --json', async () => {
    const { code, stdout } = await run(['eval', suite, '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({
      callAccuracy: 1,
      argAccuracy: 0.75,
      falseCallRate: 0,
      missedCallRate: 0,
      selectionRecall: 1,
      cases: 5,
    });
    expect(report.suites[0]).toMatchObject({
      name: 'mini',
      cases: 5,
      failures: [expect.objectContaining({ id: 'wrong-args' })],
    });
    expect(typeof report.suites[0].medianMs).toBe('number');
  });

  it('prints the reply pass rate, and each failing reply with its problems, calls and text', async () => {
    const { code, stdout } = await run(['eval', replySuite]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/replies\s+cases\s+4\s+call 100\.0%.*reply\s+75\.0% of 4/);
    expect(stdout).toContain('wrong-on-purpose: reply');
    expect(stdout).toContain('calls:    trackOrder: ok');
    expect(stdout).toMatch(
      /problems: lacks one of \["delivered","on its way"\]; is \d+ characters long, more than 20/,
    );
    expect(stdout).toMatch(/reply: {4}Your order 12347 is processing\./);
    const json = JSON.parse((await run(['eval', replySuite, '--json'])).stdout);
    expect(json).toMatchObject({
      replyPassRate: 0.75,
      replyCases: 4,
      suites: [{ name: 'replies', replyPassRate: 0.75 }],
    });
  });

  it('exits 2 naming the case for a malformed reply expectation', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'concierge-eval-'));
    const path = join(dir, 'bad.yaml');
    await writeFile(
      path,
      'schema: {openapi: 3.0.3, info: {title: t, version: "1"}, paths: {}}\ncases:\n  - {id: broken, say: hi, expect: {reply: {includes: ["/(/"]}}}\n',
    );
    const result = await run(['eval', path]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/case 'broken': expect\.reply\.includes\[0\]: Invalid regular expression/);
    await rm(dir, { recursive: true, force: true });
  });

  it('says of a failing case when its operation was not among the tools offered', async () => {
    const nouns =
      `order invoice ticket parcel coupon refund store product review user team project widget gadget
      sprocket lever valve piston gasket bolt rivet spring gear shaft axle pulley cable clamp bracket flange
      nozzle washer spindle hinge`.split(/\s+/);
    const paths = Object.fromEntries(
      nouns.map((noun) => [
        `/${noun}s/{id}`,
        {
          get: {
            operationId: `get_${noun}`,
            summary: `Get a ${noun}`,
            parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
            responses: { '200': { description: 'ok' } },
          },
        },
      ]),
    );
    const dir = await mkdtemp(join(tmpdir(), 'concierge-eval-'));
    const path = join(dir, 'many.json');
    await writeFile(
      path,
      JSON.stringify({
        name: 'many',
        schema: { openapi: '3.0.3', info: { title: 'many', version: '1' }, paths },
        cases: [
          // Scored against the hinge's look-up, which no word of the message brings among the 20 offered.
          { id: 'unoffered', say: 'where is my order 5521?', expect: { call: 'get_hinge' } },
          { id: 'offered', say: 'show me invoice 77', expect: { call: 'get_order' } },
        ],
      }),
    );
    const text = await run(['eval', path]);
    expect(text.stdout).toContain('selection: get_hinge was not among the tools offered');
    const [many] = JSON.parse((await run(['eval', path, '--json'])).stdout).suites;
    expect(many.selectionRecall).toBe(0.5);
    const failure = (id: string) => many.failures.find((entry: { id: string }) => entry.id === id);
    expect(failure('unoffered')).toMatchObject({ notOffered: true });
    expect(failure('offered')).not.toHaveProperty('notOffered');
    await rm(dir, { recursive: true, force: true });
  });

  it("names the arguments as the document does, though a model is offered a safe name ('id:in' as 'id_in')", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'concierge-eval-'));
    const path = join(dir, 'filters.json');
    const idIn = { name: 'id:in', in: 'query', schema: { type: 'array', items: { type: 'integer' } } };
    await writeFile(
      path,
      JSON.stringify({
        name: 'filters',
        schema: {
          openapi: '3.0.3',
          info: { title: 'customers', version: '1' },
          paths: {
            '/customers': {
              delete: {
                operationId: 'deleteCustomers',
                summary: 'Delete customers',
                parameters: [{ ...idIn, required: true }],
                responses: { '204': { description: 'deleted' } },
              },
            },
            '/customers/{customerId}/consents': {
              get: {
                operationId: 'getCustomerConsent',
                summary: 'Get customer consent',
                parameters: [{ name: 'customerId', in: 'path', required: true, schema: { type: 'integer' } }],
                responses: { '200': { description: 'ok' } },
              },
            },
          },
        },
        cases: [
          {
            id: 'delete-by-filter',
            say: 'Please delete my account, customer ID 88213',
            expect: { call: 'deleteCustomers', args: { 'id:in': { anyOf: [[88213]] } } },
          },
        ],
      }),
    );
    const [filters] = JSON.parse((await run(['eval', path, '--json'])).stdout).suites;
    expect(filters).toMatchObject({ callAccuracy: 1, argAccuracy: 1, failures: [] });
    await rm(dir, { recursive: true, force: true });
  });

  it('offers every operation with --all-tools, and then reports no selection recall', async () => {
    const { code, stdout } = await run(['eval', suite, '--json', '--all-tools']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ callAccuracy: 1, selectionRecall: null });
  });

  it('exits 2 for a missing suite, an unknown provider, or an OpenAI-compatible provider without a base URL', async () => {
    expect((await run(['eval'])).code).toBe(2);
    expect((await run(['eval', '/nonexistent/suite.yaml'])).stderr).toMatch(/cannot read suite/);
    expect((await run(['eval', suite, '--provider', 'acme'])).stderr).toMatch(/unknown provider 'acme'/);
    const compatible = await run(['eval', suite, '--provider', 'openai-compatible', '--model', 'm']);
    expect(compatible.code).toBe(2);
    expect(compatible.stderr).toMatch(/needs a base URL/);
  });
});

describe('concierge eval --provider openai-compatible', () => {
  let server: Awaited<ReturnType<typeof startScriptedChatServer>>;
  beforeAll(async () => {
    server = await startScriptedChatServer(() => ({
      toolName: 'trackOrder',
      arguments: '{"orderId":"12345"}',
    }));
  });
  afterAll(() => server.close());

  it('runs the suite against the server end to end', async () => {
    const argv = [
      'eval',
      suite,
      '--json',
      '--provider',
      'openai-compatible',
      '--model',
      'scripted',
      '--base-url',
      server.baseUrl,
    ];
    const { code, stdout } = await run(argv);
    expect(code).toBe(0);
    const [mini] = JSON.parse(stdout).suites;
    expect(mini.failures.map((failure: { id: string }) => failure.id)).toEqual([
      'follow-up',
      'weather',
      'wrong-args',
      'inline-schema',
    ]);
    expect(mini.falseCallRate).toBe(1);
  });
});
