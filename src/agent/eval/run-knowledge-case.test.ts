import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openEvalKnowledge } from '../../cli/eval-knowledge.js';
import { createEmbeddedModel } from '../../engine/index.js';
import { KNOWLEDGE_TOOL_NAME } from '../agent-rules.js';
import { startFakeModelServer } from '../test-support/start-fake-model-server.js';
import { compileTestSchema } from './__fixtures__/compile-test-schema.js';
import { loadSuite } from './load-suite.js';
import { runSuites } from './run-suite.js';

const suitePath = new URL('./__fixtures__/knowledge-suite.yaml', import.meta.url).pathname;

describe('eval cases with knowledge sources', () => {
  it('reads sources by file and inline, suite-wide or per case', async () => {
    const suite = await loadSuite(suitePath);
    expect(suite.cases[0].knowledge).toEqual([
      expect.objectContaining({ kind: 'article', format: 'markdown', url: 'https://shop.example/returns' }),
      expect.objectContaining({ kind: 'faq', name: 'Shop FAQ', csv: expect.stringContaining('gift wrap') }),
      { kind: 'article', format: 'markdown', title: 'Shipping', body: expect.stringContaining('Canada') },
    ]);
    expect(suite.cases[0].expect.call).toBe('none');
    const own = suite.cases.find((suiteCase) => suiteCase.id === 'own-sources');
    expect(own?.knowledge).toEqual([
      {
        kind: 'faq',
        name: 'Warranty FAQ',
        pairs: [{ question: 'Is there a warranty?', answer: 'Every bag has a 2-year warranty.' }],
      },
    ]);
    expect(own?.knowledgeKey).not.toBe(suite.cases[0].knowledgeKey);
  });

  it('scores the source the embedded engine answered from, and reports a wrong one', async () => {
    const knowledge = await openEvalKnowledge();
    try {
      const report = await runSuites({
        suites: [await loadSuite(suitePath)],
        model: createEmbeddedModel(),
        compileSchema: compileTestSchema,
        prepareKnowledge: knowledge.prepare,
      });
      const [suite] = report.suites;
      expect(suite).toMatchObject({ cases: 7, sourceCases: 7, callAccuracy: 1 });
      expect(suite.sourceHitRate).toBeCloseTo(6 / 7);
      expect(suite.failures).toEqual([
        expect.objectContaining({
          id: 'wrong',
          reason: 'wrong-source',
          detail: expect.stringMatching(/^used Shipping; replied: We ship to Canada and Mexico/),
        }),
      ]);
      expect(report.sourceHitRate).toBeCloseTo(6 / 7);
    } finally {
      await knowledge.close();
    }
  });

  it("runs a hosted model's search and scores the source its reply names", async () => {
    const llm = await startFakeModelServer('openai', (request) => {
      if (request.toolResults.length === 0)
        return { toolCalls: [{ name: KNOWLEDGE_TOOL_NAME, args: { query: request.lastUserText } }] };
      const result = JSON.parse(request.toolResults[0]) as { passages?: { source: string }[] };
      const source = result.passages?.[0]?.source;
      return { text: source ? `Here you go. (Source: ${source})` : "I don't have that information." };
    });
    const knowledge = await openEvalKnowledge();
    const path = join(tmpdir(), `knowledge-${process.pid}.yaml`);
    writeFileSync(
      path,
      [
        'name: hosted',
        'knowledge:',
        '  - { title: Returns, body: "Return within 30 days." }',
        'cases:',
        '  - { id: hit, say: "What is your return policy?", expect: { source: Returns } }',
        '  - { id: none, say: "Do you sponsor teams?", expect: { source: none } }',
      ].join('\n'),
    );
    try {
      const report = await runSuites({
        suites: [await loadSuite(path)],
        model: llm.model,
        compileSchema: compileTestSchema,
        prepareKnowledge: knowledge.prepare,
      });
      expect(report.suites[0]).toMatchObject({ sourceHitRate: 1, failures: [] });
      expect(llm.requests[0].system).toContain(KNOWLEDGE_TOOL_NAME);
    } finally {
      await knowledge.close();
      await llm.close();
    }
  });

  it('refuses a knowledge entry it cannot read, naming the case', async () => {
    const path = join(tmpdir(), `bad-knowledge-${process.pid}.yaml`);
    writeFileSync(
      path,
      'cases:\n  - { id: x, say: hi, knowledge: [{ video: a.mp4 }], expect: { source: none } }\n',
    );
    await expect(loadSuite(path)).rejects.toThrow(
      /case 'x', knowledge 1: a knowledge entry needs article, page, faq, or title and body/,
    );
    writeFileSync(path, 'cases:\n  - { id: y, say: hi, expect: { source: none } }\n');
    await expect(loadSuite(path)).rejects.toThrow(/case 'y' has no schema/);
  });
});
