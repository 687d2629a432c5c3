import { describe, expect, it } from 'vitest';
import { parseArgs } from './parse-args.js';
import { runCommand as run } from './test-support/run-command.js';

describe('concierge CLI', () => {
  it('lists its commands with --help', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Usage: concierge <command>/);
    expect(stdout).toMatch(/serve\s+Run the Concierge server/);
  });

  it('shows a command usage and rejects unknown commands with exit code 2', async () => {
    expect((await run(['serve', '--help'])).stdout).toMatch(/concierge serve \[--port N\] \[--data DIR\]/);
    const unknown = await run(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command 'frobnicate'/);
  });

  it('exits 2 for unusable configuration', async () => {
    const result = await run(['serve', '--port', 'abc']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--port must be a whole number/);
  });

  it('parses flags with and without values', () => {
    expect(parseArgs(['a.yaml', '--json', 'b.yaml', '--port=8', '--model', 'm'], ['json'])).toEqual({
      positionals: ['a.yaml', 'b.yaml'],
      flags: { json: true, port: '8', model: 'm' },
    });
  });
});
