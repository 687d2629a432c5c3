import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand as run } from './test-support/run-command.js';

const fixtures = fileURLToPath(new URL('../openapi/__fixtures__/', import.meta.url));
let directory: string;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'concierge-check-'));
  await cp(fixtures, join(directory, 'specs'), { recursive: true });
  await writeFile(join(directory, 'specs', '_stats.json'), '{"not": "a schema"}');
  await writeFile(join(directory, 'specs', 'notes.txt'), 'not a schema either');
  await writeFile(join(directory, 'specs', 'broken.json'), '{"openapi": "3.0.0", "paths": [');
});

afterAll(() => rm(directory, { recursive: true, force: true }));

describe('concierge check', () => {
  it('walks directories for YAML and JSON, skipping _files, and reports every document as JSON', async () => {
    const { code, stdout, stderr } = await run(['check', join(directory, 'specs'), '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    const byName = Object.fromEntries(
      report.documents.map((document: { path: string }) => [
        document.path.slice(directory.length + 7),
        document,
      ]),
    );
    expect(Object.keys(byName)).toEqual([
      'alias-bomb.yaml',
      'broken.json',
      'events-3.1.json',
      'petstore-2.0.json',
      'shop-3.0.yaml',
      'webhooks-only-3.1.yaml',
    ]);
    expect(byName['shop-3.0.yaml']).toMatchObject({ ok: true, version: '3.0.3', tools: 13, uncallable: 2 });
    expect(byName['shop-3.0.yaml'].warnings).toBeGreaterThan(3);
    expect(byName['shop-3.0.yaml'].ms).toBeGreaterThanOrEqual(0);
    expect(byName['broken.json']).toMatchObject({
      ok: false,
      version: null,
      tools: 0,
      error: { code: 'not-json-or-yaml' },
    });
    expect(byName['webhooks-only-3.1.yaml'].error.code).toBe('no-operations');
    expect(report.totals).toMatchObject({ documents: 6, ok: 3, rejected: 3, tools: 13 + 6 + 2 });
    expect(stderr).toContain('checked 6/6 documents (3 rejected)');
  });

  it('prints one line per document and the totals for people', async () => {
    const { code, stdout } = await run([
      'check',
      join(directory, 'specs', 'petstore-2.0.json'),
      join(directory, 'specs', 'broken.json'),
    ]);
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^ok {8}\S+petstore-2\.0\.json {2}2\.0 {2}6 tools, 1 uncallable, 1 warning {2}[\d.]+ ms$/m,
    );
    expect(stdout).toMatch(
      /^rejected {2}\S+broken\.json {2}\(not-json-or-yaml: not valid JSON at line 1, column \d+: .+\)/m,
    );
    expect(stdout).toMatch(/^2 documents: 1 ok, 1 rejected; 6 tools \(1 uncallable\); [\d.]+ s, slowest /m);
  });

  it('exits 2 for a path that does not exist', async () => {
    const { code, stderr } = await run(['check', join(directory, 'nope')]);
    expect(code).toBe(2);
    expect(stderr).toContain('no such file or directory');
  });
});
