// `concierge eval SUITE...`: runs eval suites against a model: its tool choice without calling any API,
// and its replies to the API answers a case gives (served locally, called through the executor).
import { type EvalTool, loadSuite, runSuites } from '../agent/eval/index.js';
import { importSchema } from '../openapi/index.js';
import { createLanguageModel, PROVIDER_NAMES, type ProviderName } from '../providers/index.js';
import { shapeOf } from '../tools/index.js';
import type { Command } from './command.js';
import { formatEvalReport } from './eval-command-report.js';
import { openEvalKnowledge } from './eval-knowledge.js';

/** Compiles a suite's OpenAPI document with the project's compiler into the tools a model is offered. */
export async function compileSuiteSchema(document: unknown): Promise<EvalTool[]> {
  const result = await importSchema(JSON.stringify(document));
  if (!result.ok) throw new Error(`the case's schema was rejected: ${result.error.message}`);
  return result.value.tools
    .filter((tool) => tool.callable)
    .map((tool) => ({
      name: tool.name,
      operationId: tool.operationId,
      description: tool.description,
      inputSchema: tool.inputSchema,
      operation: shapeOf(tool),
      definition: tool,
    }));
}

const flag = (value: string | true | undefined) => (typeof value === 'string' ? value : undefined);

/** The `eval` command. */
export const evalCommand: Command = {
  name: 'eval',
  summary: 'Run eval suites against a model and print tool-choice accuracy and the reply pass rate',
  usage: `concierge eval SUITE... [--json] [--all-tools] [--provider ${PROVIDER_NAMES.join('|')}] [--model M] [--base-url URL] [--api-key KEY]`,
  booleanFlags: ['json', 'all-tools'],
  async run(args, io) {
    if (args.positionals.length === 0) {
      io.stderr(`concierge eval: name at least one suite file\nUsage: ${this.usage}\n`);
      return 2;
    }
    const provider = flag(args.flags.provider) ?? 'embedded';
    if (!PROVIDER_NAMES.includes(provider as ProviderName)) {
      io.stderr(`concierge eval: unknown provider '${provider}'; use one of ${PROVIDER_NAMES.join(', ')}\n`);
      return 2;
    }
    let model: ReturnType<typeof createLanguageModel>;
    try {
      const baseUrl = flag(args.flags['base-url']);
      // The operator runs eval: the base URL given here is theirs, so their own keys may go there.
      model = createLanguageModel(
        {
          provider: provider as ProviderName,
          model: flag(args.flags.model),
          baseUrl,
          apiKey: flag(args.flags['api-key']),
        },
        {
          serverKeys: { openai: io.env.OPENAI_API_KEY, anthropic: io.env.ANTHROPIC_API_KEY },
          operatorBaseUrls: baseUrl ? [baseUrl] : [],
        },
      );
    } catch (error) {
      io.stderr(`concierge eval: ${(error as Error).message}\n`);
      return 2;
    }
    const suites = [];
    for (const path of args.positionals) {
      try {
        suites.push(await loadSuite(path));
      } catch (error) {
        io.stderr(`concierge eval: cannot read suite ${path}: ${(error as Error).message}\n`);
        return 2;
      }
    }
    const knowledge = await openEvalKnowledge();
    let report: Awaited<ReturnType<typeof runSuites>>;
    try {
      report = await runSuites({
        suites,
        model,
        compileSchema: compileSuiteSchema,
        allTools: args.flags['all-tools'] === true,
        prepareKnowledge: knowledge.prepare,
        onCase: (suite, index) => {
          if ((index + 1) % 100 === 0) io.stderr(`${suite.name}: ${index + 1}/${suite.cases.length} cases\n`);
        },
      });
    } finally {
      await knowledge.close();
    }
    io.stdout(args.flags.json ? `${JSON.stringify(report, null, 2)}\n` : formatEvalReport(report));
    return 0;
  },
};
