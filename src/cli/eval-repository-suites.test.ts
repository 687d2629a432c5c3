// The repository's own eval suites (eval/*/cases.yaml) with the built-in engine: the reply pass rate
// of each suite stays at its floor, and the figures are printed.
import { readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { loadSuite, runSuites } from '../agent/eval/index.js';
import { createEmbeddedModel } from '../engine/index.js';
import { compileSuiteSchema } from './eval-command.js';
import { formatEvalReport } from './eval-command-report.js';

const evalDirectory = new URL('../../eval/', import.meta.url);
/** The reply pass rate each suite must keep (all of them pass today). */
const REPLY_FLOOR: Record<string, number> = { 'demo-store': 1, 'chat-replies': 1, 'chat-situations': 1 };

describe('the repository eval suites', () => {
  it('keep their reply pass rate floors with the embedded engine', async () => {
    const entries = await readdir(evalDirectory, { withFileTypes: true });
    const paths = entries
      .filter((entry) => entry.isDirectory())
      .map((entry) => new URL(`${entry.name}/cases.yaml`, evalDirectory).pathname);
    const suites = await Promise.all(paths.map((path) => loadSuite(path)));
    const report = await runSuites({
      suites,
      model: createEmbeddedModel(),
      compileSchema: compileSuiteSchema,
    });
    console.log(formatEvalReport(report));
    for (const [name, floor] of Object.entries(REPLY_FLOOR)) {
      const suite = report.suites.find((entry) => entry.name === name);
      expect(suite, `suite ${name}`).toBeDefined();
      expect(suite?.replyPassRate, `${name} reply pass rate`).toBeGreaterThanOrEqual(floor);
    }
    expect(report.replyCases).toBeGreaterThanOrEqual(46);
  });
});
