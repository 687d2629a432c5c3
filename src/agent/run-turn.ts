// One conversation turn: prompt assembly, the model/tool loop, confirmation of write actions,
// hand-off to a human, and the trace, the same for every model provider.
import type { JSONValue, ModelMessage } from 'ai';
import { validateToolArguments } from '../executor/index.js';
import { defaultNeedsConfirmation } from '../tools/index.js';
import { buildSystemPrompt, HANDOFF_TOOL_NAME, KNOWLEDGE_TOOL_NAME } from './agent-rules.js';
import { signInReply } from './arrange-for-customer.js';
import { callModel, type ModelToolCall } from './call-model.js';
import { compileAgentCatalog } from './compile-agent-catalog.js';
import { confirmationQuestion, describeAction } from './describe-action.js';
import { describeModelError } from './describe-model-error.js';
import { fitHistory } from './fit-history.js';
import { type OfferedTools, offerTools } from './offer-tools.js';
import { createPendingAction, DEFAULT_CONFIRMATION_TTL_MS, type PendingAction } from './pending-action.js';
import { resolvePendingAction } from './resolve-pending-action.js';
import { runKnowledgeSearch } from './run-knowledge-search.js';
import { type RunToolCallOptions, refuseToolCall, runToolCall } from './run-tool-call.js';
import type { AgentTool, RunTurnOptions, TurnResult } from './run-turn-options.js';
import { createTurnRecorder, type TurnRecorder } from './turn-recorder.js';

/** Default number of model calls that may request tools in one turn. */
export const DEFAULT_MAX_TOOL_STEPS = 4;
/** Said when the conversation is handed to a person. */
export const HANDOFF_REPLY =
  "I'm connecting you with a member of our team. They'll reply here as soon as they can.";
/** Said when the model or its provider fails. */
export const MODEL_ERROR_REPLY = "Sorry, I can't answer right now. Please try again in a moment.";

/** Whether the customer must confirm a call of `agentTool` first: its operation's setting, else its schema's default. */
function needsConfirmation(agentTool: AgentTool): boolean {
  return agentTool.needsConfirmation ?? defaultNeedsConfirmation(agentTool.tool);
}

/** A call the customer must confirm: the first one, in the model's order, whose arguments are valid. */
function findWriteCall(calls: ModelToolCall[], offered: OfferedTools) {
  for (const call of calls) {
    const agentTool = offered.byName.get(call.toolName);
    if (!agentTool || agentTool.signIn || !needsConfirmation(agentTool) || call.invalidReason) continue;
    const validation = validateToolArguments(agentTool.tool, call.input);
    if (validation.ok) return { call, agentTool, args: validation.value };
  }
  return undefined;
}

function handoffReason(input: unknown): string {
  const reason =
    typeof input === 'object' && input !== null ? (input as { reason?: unknown }).reason : undefined;
  return typeof reason === 'string' && reason.trim() ? reason.trim() : 'The customer needs a person.';
}

/** The unconfirmed action, shown to the model when the customer's answer was not a plain yes or no. */
function pendingActionNote(action: PendingAction, toolName: string): string {
  return `Waiting for the customer's confirmation: ${action.summary} (${toolName} with ${JSON.stringify(action.args)}). Their message is not a plain yes or no, so it has not run. If they change a detail, call ${toolName} again with the changed arguments: they will be asked to confirm again. If they want it done as proposed, call it again as proposed. Otherwise answer their message.`;
}

/** Runs the calls of one model step (none needing confirmation); none starts once the turn is cancelled. */
async function runCalls(
  calls: ModelToolCall[],
  offered: OfferedTools,
  run: RunToolCallOptions & { knowledge?: RunTurnOptions['knowledge'] },
) {
  const outputs: { call: ModelToolCall; output: JSONValue }[] = [];
  for (const call of calls) {
    if (run.signal?.aborted) break;
    if (call.toolName === KNOWLEDGE_TOOL_NAME && run.knowledge) {
      const output = await runKnowledgeSearch({
        knowledge: run.knowledge,
        input: call.input,
        recorder: run.recorder,
        signal: run.signal,
      });
      outputs.push({ call, output });
      continue;
    }
    const agentTool = offered.byName.get(call.toolName);
    const reason =
      call.invalidReason ??
      (agentTool && !agentTool.signIn ? undefined : `There is no tool named ${call.toolName}.`);
    const output =
      agentTool && !reason
        ? await runToolCall(agentTool, call.input, run)
        : refuseToolCall({
            recorder: run.recorder,
            toolName: call.toolName,
            args: call.input,
            reason: reason ?? '',
          });
    outputs.push({ call, output });
  }
  return outputs;
}

function appendStep(
  messages: ModelMessage[],
  text: string,
  outputs: { call: ModelToolCall; output: JSONValue }[],
) {
  messages.push({
    role: 'assistant',
    content: [
      ...(text ? [{ type: 'text' as const, text }] : []),
      ...outputs.map(({ call }) => ({
        type: 'tool-call' as const,
        toolCallId: call.toolCallId,
        toolName: call.toolName,
        input: call.input,
        ...(call.providerOptions ? { providerOptions: call.providerOptions } : {}),
      })),
    ],
  });
  messages.push({
    role: 'tool',
    content: outputs.map(({ call, output }) => ({
      type: 'tool-result' as const,
      toolCallId: call.toolCallId,
      toolName: call.toolName,
      output: { type: 'json' as const, value: output },
    })),
  });
}

function failTurn(recorder: TurnRecorder, error: unknown): TurnResult {
  recorder.record({ type: 'model-error', message: describeModelError(error) });
  recorder.paragraph();
  recorder.write(MODEL_ERROR_REPLY);
  return recorder.finish();
}

/** Runs one turn: answers `options.message`, calling the agent's tools as needed. Never throws for failures. */
export async function runTurn(options: RunTurnOptions): Promise<TurnResult> {
  const recorder = createTurnRecorder(options.onEvent);
  recorder.emit({ type: 'turn-start', conversationId: options.conversationId });
  const now = options.now ?? (() => new Date());
  const { signal } = options;
  const customer = options.customer ?? null;
  const run: RunToolCallOptions = {
    executor: options.executor,
    recorder,
    agentId: options.agentId,
    conversationId: options.conversationId,
    signal,
    customer,
  };
  // What this customer may use: bound inputs hidden, stand-ins asking a visitor to sign in.
  const offerable = (options.catalog ?? compileAgentCatalog(options.tools)).forCustomer(customer);
  const tools = offerable.tools;
  const signInUrl = options.signInUrl ?? null;
  /** Why the turn must end now, if it must: the customer left, or a person took over. */
  const stopReason = async (): Promise<TurnResult['stopped']> => {
    if (signal?.aborted) return 'cancelled';
    if (options.mayContinue && !(await options.mayContinue()))
      return signal?.aborted ? 'cancelled' : 'taken-over';
    return undefined;
  };
  if (signal?.aborted) return recorder.finish({ stopped: 'cancelled' });
  const messages = fitHistory(options.history, options.message, {
    budgetTokens: options.historyTokenBudget,
    maxMessages: options.historyMessages,
  });
  const keep: AgentTool[] = [];
  let system = buildSystemPrompt(options.basePrompt, {
    customer,
    mustSignIn: tools.some((entry) => entry.signIn),
    knowledge: Boolean(options.knowledge),
  });
  let inView: { action: PendingAction; agentTool: AgentTool } | undefined;
  if (options.pendingAction) {
    const resolution = await resolvePendingAction({
      pending: options.pendingAction,
      message: options.message,
      tools: offerable,
      now: now(),
      messages,
      run,
      claim: options.claimPendingAction,
      signInUrl,
    });
    if (resolution.type === 'reply') {
      if (resolution.handoff) recorder.record({ type: 'handoff', reason: resolution.handoff.reason });
      if (resolution.signIn) recorder.record({ type: 'sign-in-required', tool: options.pendingAction.tool });
      recorder.write(resolution.text);
      return recorder.finish({
        handoff: resolution.handoff,
        ...(resolution.signIn ? { signIn: { url: signInUrl } } : {}),
      });
    }
    if (resolution.ran) keep.push(resolution.ran);
    if (resolution.inView) keep.push(resolution.inView.agentTool);
    inView = resolution.inView;
  }

  const offered = offerTools({
    tools: offerable,
    basePrompt: options.basePrompt,
    message: options.message,
    history: options.history,
    keep,
    knowledge: Boolean(options.knowledge),
  });
  if (inView) {
    // The name the model knows the tool by this turn (names are made unique per turn).
    const offeredName =
      [...offered.byName].find(([, agentTool]) => agentTool === inView.agentTool)?.[0] ??
      inView.agentTool.tool.name;
    system += `\n\n${pendingActionNote(inView.action, offeredName)}`;
  }
  const maxToolSteps = options.maxToolSteps ?? DEFAULT_MAX_TOOL_STEPS;
  for (let step = 0; ; step += 1) {
    const stopped = await stopReason();
    if (stopped) return recorder.finish({ stopped });
    const mayCallTools = step < maxToolSteps;
    recorder.emit({ type: 'model-call-start', step });
    recorder.paragraph();
    const started = performance.now();
    let output: Awaited<ReturnType<typeof callModel>>;
    try {
      output = await callModel({
        model: options.model,
        system,
        messages,
        tools: offered.toolSet,
        ranking: offered.ranking,
        toolChoice: mayCallTools ? 'auto' : 'none',
        temperature: options.temperature,
        stream: options.stream ?? true,
        signal,
        onText: recorder.write,
      });
    } catch (error) {
      const durationMs = Math.round(performance.now() - started);
      recorder.emit({ type: 'model-call-end', step, durationMs, finishReason: 'error' });
      if (signal?.aborted) return recorder.finish({ stopped: 'cancelled' });
      return failTurn(recorder, error);
    }
    const durationMs = Math.round(performance.now() - started);
    const usage = { inputTokens: output.inputTokens, outputTokens: output.outputTokens };
    recorder.record({ type: 'model-call', durationMs, finishReason: output.finishReason, ...usage });
    recorder.emit({ type: 'model-call-end', step, durationMs, finishReason: output.finishReason, ...usage });
    if (output.toolCalls.length === 0 || !mayCallTools) return recorder.finish();

    const handoff = output.toolCalls.find((call) => call.toolName === HANDOFF_TOOL_NAME);
    if (handoff) {
      const reason = handoffReason(handoff.input);
      recorder.record({ type: 'handoff', reason });
      recorder.paragraph();
      recorder.write(HANDOFF_REPLY);
      return recorder.finish({ handoff: { reason } });
    }
    const standIn = output.toolCalls
      .map((call) => offered.byName.get(call.toolName))
      .find((agentTool) => agentTool?.signIn);
    if (standIn) {
      // Nothing is sent for a visitor who must sign in first: the reply says how.
      recorder.record({ type: 'sign-in-required', tool: standIn.tool.name });
      recorder.paragraph();
      recorder.write(signInReply(signInUrl));
      return recorder.finish({ signIn: { url: signInUrl } });
    }
    const write = findWriteCall(output.toolCalls, offered);
    if (write) {
      const summary = describeAction(write.agentTool.tool, write.args);
      recorder.record({ type: 'confirmation-requested', tool: write.agentTool.tool.name, args: write.args });
      recorder.paragraph();
      recorder.write(confirmationQuestion(summary));
      const ttlMs = options.confirmationTtlMs ?? DEFAULT_CONFIRMATION_TTL_MS;
      const pendingAction = createPendingAction({
        agentTool: write.agentTool,
        args: write.args,
        summary,
        now: now(),
        ttlMs,
      });
      return recorder.finish({ pendingAction });
    }
    appendStep(
      messages,
      output.text,
      await runCalls(output.toolCalls, offered, { ...run, knowledge: options.knowledge }),
    );
  }
}
