// `concierge serve`: runs the server until interrupted.
import { DEMO_API_KEY, readServerConfig, startServer } from '../server/index.js';
import type { Command } from './command.js';

/** The `serve` command. */
export const serveCommand: Command = {
  name: 'serve',
  summary: 'Run the Concierge server (admin UI, admin and chat API, widget)',
  usage: 'concierge serve [--port N] [--data DIR]',
  async run(args, io) {
    const config = readServerConfig(io.env, args.flags);
    const server = await startServer(config);
    const lines = [
      '',
      `  Concierge is running at ${server.url}`,
      `  Admin UI: ${server.url}/`,
      `  Storage: ${config.databaseUrl ? 'PostgreSQL' : `SQLite in ${config.dataDir}`}`,
      `  API docs: ${server.url}/api/docs/openapi.json`,
    ];
    if (server.generatedAdminToken) {
      lines.push(
        '',
        `  Admin token (shown once, keep it safe): ${server.generatedAdminToken}`,
        '  Set CONCIERGE_ADMIN_TOKEN to choose your own.',
      );
    }
    if (server.demo) {
      lines.push(
        '',
        `  Demo: the "Store assistant" agent answers from the demo store API (${server.url}/demo/openapi.yaml,`,
        `  API key "${DEMO_API_KEY}" in the X-Api-Key header).`,
        '  Try it in the preview chat of the admin UI, or in the terminal with `npx concierge chat`:',
        '    "Show me leather bags"         -> searches the product catalog',
        '    "Where is my order #12345?"    -> tracks the order, with the tracking link',
        '    "What\'s the weather today?"   -> no API call, a helpful answer',
        '    "What\'s your return policy?"  -> answered from the demo\'s returns article, with its link',
        `  Signed-in customers: ${server.url}/demo/ signs in as Alex or Sam; "What did I buy last month?"`,
        '  then answers with their own orders only.',
      );
    }
    io.stderr(`${lines.join('\n')}\n\n`);
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        void server.close().then(resolve);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    return 0;
  },
};
