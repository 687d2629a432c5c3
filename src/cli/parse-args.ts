// Splits argv into positionals and flags: `--name value`, `--name=value`, or a boolean `--name`.
import type { ParsedArgs } from './command.js';

/** Parses `argv` (after the command name); flags in `booleanFlags` never take a value. */
export function parseArgs(argv: string[], booleanFlags: string[] = []): ParsedArgs {
  const positionals: string[] = [];
  const flags: Record<string, string | true> = {};
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index];
    if (argument === '--') {
      positionals.push(...argv.slice(index + 1));
      break;
    }
    if (!argument.startsWith('--') || argument === '--') {
      positionals.push(argument);
      continue;
    }
    const body = argument.slice(2);
    const equals = body.indexOf('=');
    if (equals >= 0) {
      flags[body.slice(0, equals)] = body.slice(equals + 1);
      continue;
    }
    const next = argv[index + 1];
    if (booleanFlags.includes(body) || next === undefined || next.startsWith('--')) {
      flags[body] = true;
    } else {
      flags[body] = next;
      index++;
    }
  }
  return { positionals, flags };
}
