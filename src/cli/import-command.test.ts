import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand as run } from './test-support/run-command.js';

const fixture = (name: string) => fileURLToPath(new URL(`../openapi/__fixtures__/${name}`, import.meta.url));

let server: Server;
let url: string;

beforeAll(async () => {
  const { readFile } = await import('node:fs/promises');
  const petstore = await readFile(fixture('petstore-2.0.json'), 'utf8');
  server = createServer((_request, response) => response.end(petstore));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/swagger.json`;
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

describe('concierge import', () => {
  it('prints the tools and the lint report as one JSON document', async () => {
    const { code, stdout } = await run(['import', fixture('shop-3.0.yaml'), '--json']);
    expect(code).toBe(0);
    const output = JSON.parse(stdout);
    expect(output).toMatchObject({ ok: true, version: '3.0.3' });
    expect(output.tools).toHaveLength(13);
    expect(output.tools[0]).toEqual({
      name: 'listOrders',
      operationId: 'listOrders',
      method: 'get',
      path: '/orders',
      callable: true,
    });
    expect(
      output.lint.find((finding: { code: string }) => finding.code === 'undeclared-path-parameter'),
    ).toMatchObject({
      severity: 'warning',
      line: 94,
      fix: expect.any(String),
    });
  });

  it('prints a readable table and the findings with their fixes', async () => {
    const { code, stdout } = await run(['import', fixture('petstore-2.0.json')]);
    expect(code).toBe(0);
    expect(stdout).toContain('Pet Store (OpenAPI 2.0, JSON): 6 tools, 1 uncallable');
    expect(stdout).toMatch(/findPets\s+GET\s+\/pets\n/);
    expect(stdout).toContain('uploadPhoto                  POST     /pets/{petId}/photo  (uncallable:');
    expect(stdout).toContain('fix: Add operationId: putPetsPetIdVaccinations');
  });

  it('says "1 tool" for a schema with one operation', async () => {
    const { mkdtemp, writeFile } = await import('node:fs/promises');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const file = join(await mkdtemp(join(tmpdir(), 'concierge-one-')), 'one.yaml');
    await writeFile(
      file,
      "openapi: 3.0.3\ninfo: { title: One, version: '1' }\npaths:\n  /ping:\n    get:\n      operationId: ping\n      description: Checks that the API answers.\n      responses: { '200': { description: ok } }\n",
    );
    const { stdout } = await run(['import', file]);
    expect(stdout).toContain('One (OpenAPI 3.0.3, YAML): 1 tool\n');
    expect(stdout).toMatch(/Lint: \d+ findings? \(/);
    expect(stdout).not.toMatch(/\b1 (tools|findings)\b/);
  });

  it('exits 2 with {"ok": false} and where it broke for a bad schema', async () => {
    const { code, stdout } = await run(['import', fixture('alias-bomb.yaml'), '--json']);
    expect(code).toBe(2);
    expect(JSON.parse(stdout)).toEqual({
      ok: false,
      error: {
        code: 'yaml-alias-limit',
        message: expect.stringContaining('YAML aliases expand the document beyond the limit'),
        where: { source: fixture('alias-bomb.yaml') },
      },
    });
    const text = await run(['import', fixture('webhooks-only-3.1.yaml')]);
    expect(text.code).toBe(2);
    expect(text.stderr).toContain('no operations to import');
  });

  it('refuses a URL on 127.0.0.1 unless CONCIERGE_ALLOW_HOSTS allows it', async () => {
    const refused = await run(['import', url, '--json']);
    expect(refused.code).toBe(2);
    expect(JSON.parse(refused.stdout).error.code).toBe('host-not-allowed');
    const allowed = await run(['import', url, '--json'], {
      env: { CONCIERGE_ALLOW_HOSTS: 'example.com, 127.0.0.1' },
    });
    expect(allowed.code).toBe(0);
    expect(JSON.parse(allowed.stdout).tools).toHaveLength(6);
  });

  it('reads CONCIERGE_ALLOW_HOSTS as the server does: ports kept, bare IPv6 addresses whole', async () => {
    const port = Number(new URL(url).port);
    const onPort = await run(['import', url, '--json'], {
      env: { CONCIERGE_ALLOW_HOSTS: `127.0.0.1:${port}` },
    });
    expect(onPort.code).toBe(0);
    const otherPort = await run(['import', url, '--json'], {
      env: { CONCIERGE_ALLOW_HOSTS: `127.0.0.1:${port === 1 ? 2 : 1}` },
    });
    expect(JSON.parse(otherPort.stdout).error.code).toBe('host-not-allowed');
    // Nothing listens on port 1: an allowed host gets as far as connecting, a refused one does not.
    for (const entry of ['::1', '[::1]', '[::1]:1', '0:0:0:0:0:0:0:1']) {
      const ipv6 = await run(['import', 'http://[::1]:1/openapi.json', '--json'], {
        env: { CONCIERGE_ALLOW_HOSTS: entry },
      });
      expect(JSON.parse(ipv6.stdout).error.code, entry).toBe('fetch-failed');
    }
    const refused = await run(['import', 'http://[::1]:1/openapi.json', '--json'], {
      env: { CONCIERGE_ALLOW_HOSTS: '[::1]:2' },
    });
    expect(JSON.parse(refused.stdout).error.code).toBe('host-not-allowed');
  });

  it('says how to use it when the file is missing or not given', async () => {
    expect((await run(['import'])).code).toBe(2);
    const missing = await run(['import', '/nonexistent/schema.yaml', '--json']);
    expect(missing.code).toBe(2);
    expect(JSON.parse(missing.stdout).error.message).toBe(
      'cannot read /nonexistent/schema.yaml: no such file',
    );
  });
});
