// The shape of one `concierge` sub-command and the parsed arguments it receives.

/** Where a command writes: `stdout` for results (one JSON document with --json), `stderr` for progress. */
export interface CommandIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Environment variables (defaults to process.env). */
  env: NodeJS.ProcessEnv;
  /** Standard input, for interactive commands (defaults to process.stdin). */
  stdin?: NodeJS.ReadableStream;
  /** Whether stdout is a terminal (colours and dimming are used only then). */
  isTerminal?: boolean;
}

/** Arguments after the command name: positionals, and `--flag value` / `--flag` options. */
export interface ParsedArgs {
  positionals: string[];
  /** Flag values by name without dashes; a flag given without a value is `true`. */
  flags: Record<string, string | true>;
}

/** One sub-command of the CLI. */
export interface Command {
  name: string;
  /** One line for `concierge --help`. */
  summary: string;
  /** Usage line(s) for `concierge NAME --help`. */
  usage: string;
  /** Flags that take no value (so `--json file` keeps `file` as a positional). */
  booleanFlags?: string[];
  /** Runs the command; resolves to the process exit code. */
  run: (args: ParsedArgs, io: CommandIo) => Promise<number>;
}
