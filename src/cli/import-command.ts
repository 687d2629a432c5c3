// `concierge import FILE_OR_URL [--json]`: compiles one schema and prints its tools and lint report.
import type { Command } from './command.js';
import { formatImportReport } from './import-command-report.js';
import { failureJson, importFromCommandLine } from './import-command-source.js';

/** The `import` command; exit code 2 when the schema cannot be loaded or understood. */
export const importCommand: Command = {
  name: 'import',
  summary: 'Compile an OpenAPI schema (file or URL) and print its tools and lint report',
  usage: 'concierge import FILE_OR_URL [--json] [--max-operations N]',
  booleanFlags: ['json'],
  async run(args, io) {
    const [source, ...extra] = args.positionals;
    if (source === undefined || extra.length > 0) {
      io.stderr(`concierge import: name exactly one schema file or URL\nUsage: ${this.usage}\n`);
      return 2;
    }
    const maxOperations =
      args.flags['max-operations'] === undefined ? undefined : Number(args.flags['max-operations']);
    if (maxOperations !== undefined && !(Number.isInteger(maxOperations) && maxOperations > 0)) {
      io.stderr('concierge import: --max-operations takes a positive whole number\n');
      return 2;
    }
    const result = await importFromCommandLine(source, { env: io.env, maxOperations });
    const json = args.flags.json === true;
    if (!result.ok) {
      const error = failureJson(result.error, source);
      if (json) io.stdout(`${JSON.stringify({ ok: false, error }, null, 2)}\n`);
      else io.stderr(`concierge import: ${source}: ${error.message}\n`);
      return 2;
    }
    const schema = result.value;
    if (!json) {
      io.stdout(formatImportReport(schema));
      return 0;
    }
    const output = {
      ok: true,
      version: schema.openapiVersion,
      title: schema.title,
      format: schema.format,
      sha256: schema.sha256,
      servers: schema.servers,
      tools: schema.tools.map((tool) => ({
        name: tool.name,
        operationId: tool.operationId ?? null,
        method: tool.method,
        path: tool.path,
        callable: tool.callable,
        ...(tool.uncallableReason && { uncallableReason: tool.uncallableReason }),
      })),
      lint: schema.lint,
    };
    io.stdout(`${JSON.stringify(output, null, 2)}\n`);
    return 0;
  },
};
