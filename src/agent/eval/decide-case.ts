// Asks a model for its decision on one case exactly as the agent would offer the tools: through
// `generateText`, tools without `execute` (nothing is called), one step.
import {
  generateText,
  type JSONValue,
  jsonSchema,
  type LanguageModel,
  type ModelMessage,
  stepCountIs,
  type Tool,
  tool,
} from 'ai';
import {
  type OfferedRanking,
  OPERATION_SHAPE_KEY,
  type OperationShape,
  shapeProviderOptions,
  type ToolDefinition,
  toolProviderOptions,
} from '../../tools/index.js';
import { isInProcessModel } from '../call-in-process-model.js';
import type { SuiteCase } from './load-suite.js';
import type { EvalDecision } from './score-decision.js';

/** A compiled operation as the runner offers it to a model. */
export interface EvalTool {
  /** The tool name given to the model. */
  name: string;
  /** The operationId the suite names it by (defaults to the tool name). */
  operationId?: string;
  description: string;
  /** The input JSON Schema. */
  inputSchema: Record<string, unknown>;
  /** The operation's HTTP shape, passed to the model as the agent passes it. */
  operation?: OperationShape;
  /** The compiled operation, from which a turn's tools are selected as in production. */
  definition?: ToolDefinition;
}

/** The case's conversation as model messages: its history, then what the customer says now. */
export function caseMessages(suiteCase: SuiteCase): ModelMessage[] {
  return [
    ...suiteCase.history.map(
      (message): ModelMessage =>
        message.role === 'customer'
          ? { role: 'user', content: message.text }
          : { role: 'assistant', content: message.text },
    ),
    { role: 'user', content: suiteCase.say },
  ];
}

/** Builds the AI SDK tool set for `tools` (no execute functions). */
export function toModelTools(tools: EvalTool[]): Record<string, Tool> {
  const entries = tools.map((entry) => [
    entry.name,
    tool({
      description: entry.description,
      inputSchema: jsonSchema(entry.inputSchema as Parameters<typeof jsonSchema>[0]),
      ...(entry.definition
        ? { providerOptions: toolProviderOptions(entry.definition) }
        : entry.operation
          ? { providerOptions: shapeProviderOptions(entry.operation) }
          : {}),
    }),
  ]);
  return Object.fromEntries(entries);
}

/** The model's first tool call for the case, mapped back to the operationId; `none` when it made none. */
export async function decideCase(options: {
  model: LanguageModel;
  suiteCase: SuiteCase;
  tools: EvalTool[];
  modelTools: Record<string, Tool>;
  /** The catalog the tools were offered from, passed to a model in this process as a turn passes it. */
  ranking?: OfferedRanking;
}): Promise<EvalDecision & { text: string }> {
  const { model, suiteCase, tools, modelTools } = options;
  const messages = caseMessages(suiteCase);
  const result = await generateText({
    model,
    system: suiteCase.basePrompt,
    messages,
    tools: modelTools,
    stopWhen: stepCountIs(1),
    ...(options.ranking && isInProcessModel(model)
      ? { providerOptions: { [OPERATION_SHAPE_KEY]: { ranking: options.ranking as unknown as JSONValue } } }
      : {}),
  });
  const call = result.content.find((part) => part.type === 'tool-call');
  if (!call) return { call: 'none', args: {}, text: result.text };
  const operation = tools.find((entry) => entry.name === call.toolName);
  const args = (typeof call.input === 'object' && call.input !== null ? call.input : {}) as Record<
    string,
    unknown
  >;
  return {
    call: operation?.operationId ?? call.toolName,
    args: namedAsDocument(args, operation),
    text: result.text,
  };
}

/**
 * The arguments named as the OpenAPI document names them, as suites do: a parameter whose name a
 * model may not take (BigCommerce's `id:in`) is offered as a safe input name (`id_in`).
 */
function namedAsDocument(args: Record<string, unknown>, tool: EvalTool | undefined): Record<string, unknown> {
  const parameters = tool?.definition?.parameters ?? [];
  return Object.fromEntries(
    Object.entries(args).map(([name, value]) => [
      parameters.find((parameter) => parameter.inputName === name)?.name ?? name,
      value,
    ]),
  );
}
