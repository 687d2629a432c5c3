// The list of `concierge` sub-commands; a new command is one file plus one line here.
import type { Command } from './command.js';
import { evalCommand } from './eval-command.js';
import { serveCommand } from './serve-command.js';

/** Every sub-command, in the order `--help` lists them. */
export const commands: Command[] = [serveCommand, evalCommand];
