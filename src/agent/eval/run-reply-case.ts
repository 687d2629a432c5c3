// Asks a model for its reply to a case as a turn would after its tool calls ran: the case's calls go
// through the real executor to a local server answering as the case says, their results are put in
// the conversation as the agent puts them, and the model's next text is the reply.
import { generateText, type LanguageModel, stepCountIs, type Tool } from 'ai';
import type { Executor } from '../../executor/index.js';
import { buildSystemPrompt } from '../agent-rules.js';
import { toModelOutput } from '../run-tool-call.js';
import { caseMessages, type EvalTool } from './decide-case.js';
import type { SuiteCase } from './load-suite.js';
import type { CaseAnswerServer } from './serve-case-answers.js';

/** What the reply of a case needs. */
export interface RunReplyCaseOptions {
  model: LanguageModel;
  suiteCase: SuiteCase;
  /** Every operation of the case's schema, with its compiled definition. */
  tools: EvalTool[];
  modelTools: Record<string, Tool>;
  executor: Executor;
  answers: CaseAnswerServer;
}

/** The reply, and the outcome of each call made for it. */
export interface ReplyRun {
  reply: string;
  /** `trackOrder: ok`, `searchProducts: unusable-response`. */
  outcomes: string[];
  /** A tool the model called instead of replying, if it did. */
  calledInstead?: string;
}

/** Runs the case's calls and asks the model for the reply to their results. */
export async function runReplyCase(options: RunReplyCaseOptions): Promise<ReplyRun> {
  const { suiteCase, tools, executor, answers } = options;
  const messages = caseMessages(suiteCase);
  const outcomes: string[] = [];
  const results = suiteCase.results ?? [];
  if (results.length > 0) {
    const calls = [];
    const outputs = [];
    for (const [index, result] of results.entries()) {
      const tool = tools.find(
        (entry) => (entry.operationId ?? entry.name) === result.call || entry.name === result.call,
      );
      if (!tool?.definition) throw new Error(`the schema has no operation '${result.call}' to call`);
      const executed = await executor.executeToolCall({
        tool: tool.definition,
        args: result.args,
        integration: { id: 'eval', baseUrl: answers.register(result), auth: { type: 'none' } },
      });
      outcomes.push(`${result.call}: ${executed.outcome}`);
      const toolCallId = `call_${index}`;
      calls.push({ type: 'tool-call' as const, toolCallId, toolName: tool.name, input: result.args });
      outputs.push({
        type: 'tool-result' as const,
        toolCallId,
        toolName: tool.name,
        output: { type: 'json' as const, value: toModelOutput(executed) },
      });
    }
    messages.push({ role: 'assistant', content: calls }, { role: 'tool', content: outputs });
  }
  const generated = await generateText({
    model: options.model,
    system: buildSystemPrompt(suiteCase.basePrompt ?? ''),
    messages,
    tools: options.modelTools,
    stopWhen: stepCountIs(1),
  });
  const call = generated.content.find((part) => part.type === 'tool-call');
  const calledInstead = call
    ? (tools.find((entry) => entry.name === call.toolName)?.operationId ?? call.toolName)
    : undefined;
  return { reply: generated.text, outcomes, ...(calledInstead ? { calledInstead } : {}) };
}
