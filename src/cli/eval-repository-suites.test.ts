// The repository's own eval suites (eval/*/cases.yaml) with the built-in engine: the reply pass rate
// and the knowledge source hit rate of each suite stay at their floors, and the figures are printed.
import { readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { loadSuite, runSuites } from '../agent/eval/index.js';
import { createEmbeddedModel } from '../engine/index.js';
import { compileSuiteSchema } from './eval-command.js';
import { formatEvalReport } from './eval-command-report.js';
import { openEvalKnowledge } from './eval-knowledge.js';

const evalDirectory = new URL('../../eval/', import.meta.url);
/** The reply pass rate each suite must keep (all of them pass today). */
const REPLY_FLOOR: Record<string, number> = {
  'demo-store': 1,
  'chat-replies': 1,
  'chat-situations': 1,
  'fern-and-fable': 0.8,
  ledgerly: 1,
};
/**
 * The knowledge source hit rate each help-center suite must keep: a little under today's figures
 * (fern-and-fable 0.833, ledgerly 0.917), so a change that loses sources fails here.
 */
const SOURCE_FLOOR: Record<string, number> = { 'fern-and-fable': 0.8, ledgerly: 0.87 };

describe('the repository eval suites', () => {
  it('keep their reply pass rate and source hit rate floors with the embedded engine', async () => {
    const entries = await readdir(evalDirectory, { withFileTypes: true });
    const paths = entries
      .filter((entry) => entry.isDirectory())
      .map((entry) => new URL(`${entry.name}/cases.yaml`, evalDirectory).pathname);
    const suites = await Promise.all(paths.map((path) => loadSuite(path)));
    const knowledge = await openEvalKnowledge();
    const report = await runSuites({
      suites,
      model: createEmbeddedModel(),
      compileSchema: compileSuiteSchema,
      prepareKnowledge: knowledge.prepare,
    }).finally(() => knowledge.close());
    console.log(formatEvalReport(report));
    for (const [name, floor] of Object.entries(REPLY_FLOOR)) {
      const suite = report.suites.find((entry) => entry.name === name);
      expect(suite, `suite ${name}`).toBeDefined();
      expect(suite?.replyPassRate, `${name} reply pass rate`).toBeGreaterThanOrEqual(floor);
    }
    for (const [name, floor] of Object.entries(SOURCE_FLOOR)) {
      const suite = report.suites.find((entry) => entry.name === name);
      expect(suite?.sourceHitRate, `${name} source hit rate`).toBeGreaterThanOrEqual(floor);
      // Knowledge questions call no operation.
      expect(suite?.falseCallRate, `${name} false-call rate`).toBe(0);
    }
    expect(report.replyCases).toBeGreaterThanOrEqual(46);
  });
});
