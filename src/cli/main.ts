// `concierge`: dispatches to a sub-command and maps failures to exit codes (2 for bad input).
import { ConfigError } from '../server/index.js';
import type { CommandIo } from './command.js';
import { commands } from './commands.js';
import { parseArgs } from './parse-args.js';

function formatHelp(): string {
  const width = Math.max(...commands.map((command) => command.name.length), 4);
  const lines = commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`);
  return `Usage: concierge <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nRun 'concierge <command> --help' for a command's options.\n`;
}

/** Runs the CLI with `argv` (without node and script); resolves to the exit code. */
export async function runCli(argv: string[], io?: Partial<CommandIo>): Promise<number> {
  const output: CommandIo = {
    stdout: io?.stdout ?? ((text) => process.stdout.write(text)),
    stderr: io?.stderr ?? ((text) => process.stderr.write(text)),
    env: io?.env ?? process.env,
    stdin: io?.stdin ?? process.stdin,
    isTerminal: io?.isTerminal ?? Boolean(process.stdout.isTTY),
  };
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    output.stdout(formatHelp());
    return 0;
  }
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) {
    output.stderr(`concierge: unknown command '${name}'\n\n${formatHelp()}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    output.stdout(`Usage: ${command.usage}\n\n${command.summary}\n`);
    return 0;
  }
  try {
    return await command.run(parseArgs(rest, command.booleanFlags), output);
  } catch (error) {
    output.stderr(`concierge ${name}: ${error instanceof Error ? error.message : String(error)}\n`);
    // Unusable configuration is bad input, like a bad argument.
    return error instanceof ConfigError ? 2 : 1;
  }
}
