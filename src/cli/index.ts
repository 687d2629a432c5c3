// The `concierge` command line: thin commands over the modules.
export { runCli } from './main.js';
