// Test helper for the schema commands: runs the CLI in-process and collects what it prints.
import { runCli } from './main.js';

/** Runs `concierge ARGV` with `env`; resolves to the exit code and everything written to stdout and stderr. */
export async function runCommand(argv: string[], env: NodeJS.ProcessEnv = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    env,
  });
  return { code, stdout, stderr };
}
