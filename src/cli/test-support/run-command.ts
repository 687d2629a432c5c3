// Test helper for the CLI: runs `concierge ARGV` in-process and collects what it prints.
import { runCli } from '../main.js';

/** What the command gets besides its arguments. */
export interface RunCommandOptions {
  env?: NodeJS.ProcessEnv;
  /** Standard input (interactive commands). */
  stdin?: NodeJS.ReadableStream;
  /** Pretend stdout is a terminal (colours, dimming). */
  isTerminal?: boolean;
}

/** Resolves to the exit code and everything written to stdout and stderr. */
export async function runCommand(argv: string[], options: RunCommandOptions = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    env: options.env ?? {},
    stdin: options.stdin,
    isTerminal: options.isTerminal ?? false,
  });
  return { code, stdout, stderr };
}
