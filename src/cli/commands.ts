// The list of `concierge` sub-commands; a new command is one file plus one line here.

import { chatCommand } from './chat-command.js';
import { checkCommand } from './check-command.js';
import type { Command } from './command.js';
import { evalCommand } from './eval-command.js';
import { importCommand } from './import-command.js';
import { serveCommand } from './serve-command.js';

/** Every sub-command, in the order `--help` lists them. */
export const commands: Command[] = [serveCommand, importCommand, checkCommand, evalCommand, chatCommand];
