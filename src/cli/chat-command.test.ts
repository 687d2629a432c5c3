import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, readServerConfig, startServer } from '../server/index.js';
import { runCommand } from './test-support/run-command.js';

// The terminal's escape character, which starts the dim and normal-intensity sequences.
const ESC = String.fromCharCode(27);

describe('concierge chat', () => {
  let dataDir: string;
  let server: RunningServer;
  const env = () => ({ CONCIERGE_DATA_DIR: dataDir, CONCIERGE_ADMIN_TOKEN: 'chat-test-token' });

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'concierge-chat-'));
    server = await startServer(
      readServerConfig({ ...env(), PORT: '0', HOST: '127.0.0.1', CONCIERGE_LOG_LEVEL: 'silent' }),
    );
  });
  afterAll(async () => {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function chat(lines: string[], argv: string[] = [], isTerminal = false) {
    return runCommand(['chat', ...argv], {
      env: env(),
      stdin: Readable.from(
        lines.map(
          (line) => `${line}
`,
        ),
      ),
      isTerminal,
    });
  }

  it('talks to the demo agent and shows each tool call with its arguments, outcome and latency', async () => {
    const { code, stdout } = await chat(['Where is my order #99999?', "What's the weather today?"], [], true);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Chatting with Store assistant/);
    expect(stdout).toMatch(/could not find an order with the number 99999/);
    const toolLine = stdout.split('\n').find((line) => line.includes('↳ trackOrder')) ?? '';
    expect(toolLine.startsWith(`${ESC}[2m`) && toolLine.endsWith(`${ESC}[22m`)).toBe(true);
    expect(toolLine).toMatch(/ {2}↳ trackOrder \{"orderNumber":"99999"\} → not-found 404 · \d+ ms/);
    // A terminal echoes what is typed: the chat shows a prompt before each message and no copy of it.
    expect(stdout).not.toContain('Where is my order #99999?');
    expect(stdout.match(/you> /g)).toHaveLength(3);
    expect(stdout).toMatch(/Ctrl-D leaves\.\nyou> Store assistant> /);
    const weather = stdout.slice(stdout.lastIndexOf('you> ', stdout.lastIndexOf('Store assistant> ')));
    // No API call: only the search of the demo's help articles, which found nothing.
    expect(weather).not.toMatch(/↳ (?!search_knowledge)/);
    expect(weather).toMatch(/↳ search_knowledge .*→ not-found/);
  });

  it('writes each message once after the prompt when the output is a transcript', async () => {
    const { stdout } = await chat(['Where is my order #12345?']);
    expect(stdout.match(/Where is my order #12345\?/g)).toHaveLength(1);
    expect(stdout).toMatch(/\nyou> Where is my order #12345\?\nStore assistant> /);
    expect(stdout).toMatch(/↳ trackOrder \{"orderNumber":"12345"\} → ok 200/);
  });

  it('takes --agent, and says clearly when the agent does not exist', async () => {
    const explicit = await chat(['Hello'], ['--agent', server.demo!.agentId]);
    expect(explicit.stdout).toMatch(/Store assistant> /);
    expect(explicit.stdout).not.toContain(ESC);
    const missing = await chat([], ['--agent', 'nope']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/agent 'nope' was not found/);
  });
});
