// Runs eval suites with any model and aggregates call accuracy, argument accuracy, false-call and
// missed-call rates and decision time, the reply pass rate, and the knowledge source hit rate, per
// suite and overall.
import type { LanguageModel, Tool } from 'ai';
import { createExecutor, type Executor } from '../../executor/index.js';
import {
  compileToolCatalog,
  type OfferedRanking,
  offeredRanking,
  selectTools,
  type ToolCatalog,
} from '../../tools/index.js';
import { MAX_OFFERED_OPERATIONS, selectionContext } from '../offer-tools.js';
import { decideCase, type EvalTool, toModelTools } from './decide-case.js';
import type { Suite, SuiteCase, SuiteExpectation } from './load-suite.js';
import {
  type EvalKnowledge,
  type KnowledgeCaseResult,
  matchesSource,
  type PrepareKnowledge,
  runKnowledgeCase,
} from './run-knowledge-case.js';
import { runReplyCase } from './run-reply-case.js';
import { type EvalDecision, scoreDecision } from './score-decision.js';
import { scoreReply } from './score-reply.js';
import { type CaseAnswerServer, serveCaseAnswers } from './serve-case-answers.js';

/** Turns a case's OpenAPI document into tools; a failure is reported as that case's failure. */
export type CompileSuiteSchema = (document: unknown) => Promise<EvalTool[]>;

/** A case that went wrong, with what was expected and what was chosen or replied. */
export interface CaseFailure {
  id: string;
  say: string;
  expected: SuiteExpectation;
  /** The decision, for a call that went wrong. */
  chosen?: EvalDecision;
  /**
   * `wrong-call`, `wrong-args` (listed in `wrongArgs`), `reply` (the reply misses what it must say or
   * says what it must not, listed in `replyProblems`), `wrong-source` (the reply used another
   * knowledge source than `expect.source`, or none), or `error` (the schema or the model failed).
   */
  reason: 'wrong-call' | 'wrong-args' | 'reply' | 'wrong-source' | 'error';
  wrongArgs?: string[];
  /** The model's reply, for a reply that went wrong. */
  reply?: string;
  replyProblems?: string[];
  /** The outcome of each call made for a reply case (`trackOrder: unusable-response`). */
  outcomes?: string[];
  /** The model's text when it made no call, or the error message. */
  detail?: string;
  /** Set when the expected operation was not among the tools the selection offered the model. */
  notOffered?: true;
}

/**
 * Figures of one suite or of all of them, each 0 to 1. A rate whose denominator is 0 is null: an
 * irrelevance suite has no argument accuracy, rather than an accuracy of 0.
 */
export interface EvalFigures {
  /** Cases whose decision (operation or none) is the expected one, over the cases that expect one. */
  callAccuracy: number | null;
  /** Over cases that expect a call and made that call: those whose listed arguments all match. */
  argAccuracy: number | null;
  /** Over cases that expect no call: those where a call was made. */
  falseCallRate: number | null;
  /** Over cases that expect a call: those where none was made. */
  missedCallRate: number | null;
  /**
   * Over cases that expect a call: those whose operation was among the tools offered to the model
   * (at most 20, selected as a real turn selects them); null when every tool was offered.
   */
  selectionRecall: number | null;
  /** Over cases with `expect.reply`: those whose reply has everything it must and nothing it must not. */
  replyPassRate: number | null;
  /** Cases with `expect.reply`. */
  replyCases: number;
  /** Over cases with `expect.source`: those whose reply used the expected knowledge source (or rightly none). */
  sourceHitRate: number | null;
  /** Cases with `expect.source`. */
  sourceCases: number;
  cases: number;
}

/** The report of one suite. */
export interface SuiteReport extends EvalFigures {
  name: string;
  /** Median decision time in milliseconds, to 0.01 ms. */
  medianMs: number;
  failures: CaseFailure[];
}

/** The report of a run: overall figures and each suite's. */
export interface EvalReport extends EvalFigures {
  suites: SuiteReport[];
}

interface Tally {
  cases: number;
  callCases: number;
  callCorrect: number;
  argCases: number;
  argCorrect: number;
  expectNone: number;
  falseCalls: number;
  expectCall: number;
  missedCalls: number;
  selected: number;
  selectionCases: number;
  replyCases: number;
  replyPassed: number;
  sourceCases: number;
  sourceHits: number;
}

const emptyTally = (): Tally => ({
  cases: 0,
  callCases: 0,
  callCorrect: 0,
  argCases: 0,
  argCorrect: 0,
  expectNone: 0,
  falseCalls: 0,
  expectCall: 0,
  missedCalls: 0,
  selected: 0,
  selectionCases: 0,
  replyCases: 0,
  replyPassed: 0,
  sourceCases: 0,
  sourceHits: 0,
});
const ratio = (part: number, whole: number) => (whole === 0 ? null : part / whole);

function figuresOf(tally: Tally): EvalFigures {
  return {
    callAccuracy: ratio(tally.callCorrect, tally.callCases),
    argAccuracy: ratio(tally.argCorrect, tally.argCases),
    falseCallRate: ratio(tally.falseCalls, tally.expectNone),
    missedCallRate: ratio(tally.missedCalls, tally.expectCall),
    selectionRecall: ratio(tally.selected, tally.selectionCases),
    replyPassRate: ratio(tally.replyPassed, tally.replyCases),
    replyCases: tally.replyCases,
    sourceHitRate: ratio(tally.sourceHits, tally.sourceCases),
    sourceCases: tally.sourceCases,
    cases: tally.cases,
  };
}

function count(
  tally: Tally,
  suiteCase: SuiteCase & { expect: { call: string } },
  decision: EvalDecision,
): CaseFailure | undefined {
  const score = scoreDecision(suiteCase.expect, decision);
  tally.callCases++;
  if (score.callCorrect) tally.callCorrect++;
  if (suiteCase.expect.call === 'none') {
    tally.expectNone++;
    if (decision.call !== 'none') tally.falseCalls++;
  } else {
    tally.expectCall++;
    if (decision.call === 'none') tally.missedCalls++;
  }
  if (score.argsCorrect !== undefined) {
    tally.argCases++;
    if (score.argsCorrect) tally.argCorrect++;
  }
  if (score.callCorrect && score.argsCorrect !== false) return undefined;
  const base = { id: suiteCase.id, say: suiteCase.say, expected: suiteCase.expect, chosen: decision };
  return score.callCorrect
    ? { ...base, reason: 'wrong-args', wrongArgs: score.wrongArgs }
    : { ...base, reason: 'wrong-call' };
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** What a run needs. */
export interface RunSuitesOptions {
  suites: Suite[];
  model: LanguageModel;
  compileSchema: CompileSuiteSchema;
  /** Called after each case, e.g. to print progress. */
  onCase?: (suite: Suite, index: number) => void;
  /**
   * Offer the model every operation of the case. Default false: the tools are selected for each case
   * as a real turn selects them (at most 20), and the selection's recall is reported.
   */
  allTools?: boolean;
  /** Indexes a case's knowledge sources; without it, cases with knowledge run without their sources. */
  prepareKnowledge?: PrepareKnowledge;
}

/** The tools a real turn would offer for the case, and whether the expected operation is among them. */
function offerCaseTools(
  { tools, selection }: CompiledCase,
  suiteCase: SuiteCase,
): { offered: EvalTool[]; hit?: boolean } {
  if (!selection) return { offered: tools };
  const selected = new Set(
    selectTools({
      tools: selection,
      query: suiteCase.say,
      context: selectionContext(suiteCase.history),
      basePrompt: suiteCase.basePrompt,
      limit: MAX_OFFERED_OPERATIONS,
    }),
  );
  const offered = tools.filter((entry) => entry.definition && selected.has(entry.definition));
  if (suiteCase.expect.call === 'none') return { offered };
  const hit = offered.some((entry) => (entry.operationId ?? entry.name) === suiteCase.expect.call);
  return { offered, hit };
}

interface CompiledCase {
  tools: EvalTool[];
  modelTools: Record<string, Tool>;
  /** The operations compiled for selection, once per schema; absent when a tool has no definition. */
  selection?: ToolCatalog;
}

function compileCase(tools: EvalTool[]): CompiledCase {
  const definitions = tools.flatMap((entry) => (entry.definition ? [entry.definition] : []));
  return {
    tools,
    modelTools: toModelTools(tools),
    ...(definitions.length === tools.length ? { selection: compileToolCatalog(definitions) } : {}),
  };
}

/** What one suite's run keeps. */
interface SuiteRun {
  tally: Tally;
  failures: CaseFailure[];
  /** Decision times in ms. */
  times: number[];
}

/** Scores the call a model decides for a case that expects one. */
async function runCallCase(
  run: SuiteRun,
  suiteCase: SuiteCase & { expect: { call: string } },
  compiled: Promise<CompiledCase>,
  options: RunSuitesOptions,
): Promise<void> {
  const { tally, failures } = run;
  let decision: EvalDecision;
  try {
    const compiledCase = await compiled;
    const { tools, modelTools } = compiledCase;
    const started = performance.now();
    let caseTools = tools;
    let caseModelTools = modelTools;
    let ranking: OfferedRanking | undefined;
    let missed = false;
    if (!options.allTools) {
      const { offered, hit } = offerCaseTools(compiledCase, suiteCase);
      if (compiledCase.selection)
        ranking = offeredRanking(
          compiledCase.selection,
          offered.flatMap((entry) => (entry.definition ? [[entry.name, entry.definition] as const] : [])),
        );
      if (offered.length !== tools.length) {
        caseTools = offered;
        caseModelTools = Object.fromEntries(
          offered.map((offeredTool) => [offeredTool.name, modelTools[offeredTool.name]]),
        );
      }
      if (hit !== undefined) {
        tally.selectionCases++;
        if (hit) tally.selected++;
        missed = !hit;
      }
    }
    const made = await decideCase({
      model: options.model,
      suiteCase,
      tools: caseTools,
      modelTools: caseModelTools,
      ranking,
    });
    run.times.push(performance.now() - started);
    decision = { call: made.call, args: made.args };
    const failure = count(tally, suiteCase, decision);
    if (failure)
      failures.push({
        ...failure,
        ...(made.call === 'none' ? { detail: made.text } : {}),
        ...(missed ? { notOffered: true as const } : {}),
      });
  } catch (error) {
    decision = { call: 'none', args: {} };
    const failure = count(tally, suiteCase, decision);
    const detail = error instanceof Error ? error.message : String(error);
    failures.push({
      ...(failure ?? { id: suiteCase.id, say: suiteCase.say, expected: suiteCase.expect, chosen: decision }),
      reason: 'error',
      detail,
    });
  }
}

/** Where reply cases send their calls: the real executor, and a local server answering as each case says. */
interface ReplyBackend {
  executor: Executor;
  answers: CaseAnswerServer;
}

/** Scores the reply a model writes for a case with `expect.reply`, after the case's calls ran. */
async function runReplyCaseScored(
  run: SuiteRun,
  suiteCase: SuiteCase,
  compiled: Promise<CompiledCase>,
  options: RunSuitesOptions,
  backend: () => Promise<ReplyBackend>,
): Promise<void> {
  const expected = suiteCase.expect.reply;
  if (!expected) return;
  run.tally.replyCases++;
  const base = { id: suiteCase.id, say: suiteCase.say, expected: suiteCase.expect };
  try {
    const { tools, modelTools } = await compiled;
    const { executor, answers } = await backend();
    const made = await runReplyCase({
      model: options.model,
      suiteCase,
      tools,
      modelTools,
      executor,
      answers,
    });
    const problems = scoreReply(expected, made.reply);
    if (made.calledInstead) problems.unshift(`called ${made.calledInstead} instead of replying`);
    if (problems.length === 0) run.tally.replyPassed++;
    else
      run.failures.push({
        ...base,
        reason: 'reply',
        reply: made.reply,
        replyProblems: problems,
        ...(made.outcomes.length > 0 ? { outcomes: made.outcomes } : {}),
      });
  } catch (error) {
    run.failures.push({
      ...base,
      reason: 'error',
      detail: error instanceof Error ? error.message : String(error),
    });
  }
}

const hasCall = (suiteCase: SuiteCase): suiteCase is SuiteCase & { expect: { call: string } } =>
  typeof suiteCase.expect.call === 'string';

/** Counts a case's source expectation; the failure when the reply used another source. */
function countSource(
  tally: Tally,
  suiteCase: SuiteCase,
  result: KnowledgeCaseResult,
): CaseFailure | undefined {
  const expected = suiteCase.expect.source;
  if (expected === undefined) return undefined;
  tally.sourceCases++;
  if (matchesSource(expected, result.usedSources)) {
    tally.sourceHits++;
    return undefined;
  }
  const used = result.usedSources.map((source) => source.sourceName || source.title).join(', ') || 'none';
  return {
    id: suiteCase.id,
    say: suiteCase.say,
    expected: suiteCase.expect,
    chosen: { call: result.call, args: result.args },
    reason: 'wrong-source',
    detail: `used ${used}; replied: ${result.text || '(an operation call)'}`,
  };
}

/**
 * Runs a case whose agent has knowledge sources: the model may search them, then answers or calls an
 * operation (not sent). Its decision, the source its reply used, and the reply are each scored.
 */
async function runKnowledgeCaseScored(
  run: SuiteRun,
  suiteCase: SuiteCase,
  compiled: Promise<CompiledCase>,
  options: RunSuitesOptions,
  knowledge: Promise<EvalKnowledge>,
): Promise<void> {
  const { tally, failures } = run;
  const base = { id: suiteCase.id, say: suiteCase.say, expected: suiteCase.expect };
  let made: KnowledgeCaseResult;
  try {
    const { tools, modelTools } = await compiled;
    const started = performance.now();
    made = await runKnowledgeCase({
      model: options.model,
      suiteCase,
      tools,
      modelTools,
      knowledge: await knowledge,
    });
    run.times.push(performance.now() - started);
  } catch (error) {
    failures.push({
      ...base,
      reason: 'error',
      detail: error instanceof Error ? error.message : String(error),
    });
    made = { call: 'none', args: {}, text: '', usedSources: [] };
    if (hasCall(suiteCase)) count(tally, suiteCase, made);
    if (suiteCase.expect.source !== undefined) tally.sourceCases++;
    if (suiteCase.expect.reply) tally.replyCases++;
    return;
  }
  if (hasCall(suiteCase)) {
    const failure = count(tally, suiteCase, made);
    if (failure) failures.push(made.call === 'none' ? { ...failure, detail: made.text } : failure);
  }
  const sourceFailure = countSource(tally, suiteCase, made);
  if (sourceFailure) failures.push(sourceFailure);
  const expected = suiteCase.expect.reply;
  if (!expected) return;
  tally.replyCases++;
  const problems = scoreReply(expected, made.text);
  if (made.call !== 'none') problems.unshift(`called ${made.call} instead of replying`);
  if (problems.length === 0) tally.replyPassed++;
  else failures.push({ ...base, reason: 'reply', reply: made.text, replyProblems: problems });
}

/** Runs every case of every suite and reports the figures. */
export async function runSuites(options: RunSuitesOptions): Promise<EvalReport> {
  const total = emptyTally();
  // Each distinct set of knowledge sources is indexed once.
  const indexes = new Map<string, Promise<EvalKnowledge>>();
  const prepared = (suiteCase: SuiteCase, prepare: PrepareKnowledge): Promise<EvalKnowledge> => {
    const key = suiteCase.knowledgeKey ?? suiteCase.id;
    let index = indexes.get(key);
    if (!index) {
      index = prepare(suiteCase.knowledge ?? []);
      index.catch(() => undefined);
      indexes.set(key, index);
    }
    return index;
  };
  const suites: SuiteReport[] = [];
  // Started on the first reply case, closed at the end.
  let backend: Promise<ReplyBackend> | undefined;
  const startBackend = () => {
    backend ??= serveCaseAnswers().then((answers) => ({
      answers,
      executor: createExecutor({ allowHosts: [answers.host] }),
    }));
    return backend;
  };
  try {
    for (const suite of options.suites) {
      const run: SuiteRun = { tally: emptyTally(), failures: [], times: [] };
      // One compilation per schema, its selection index included.
      const compiled = new Map<string, Promise<CompiledCase>>();
      for (const [index, suiteCase] of suite.cases.entries()) {
        let entry = compiled.get(suiteCase.schemaKey);
        if (!entry) {
          // A case answered from knowledge alone has no API.
          entry = (
            suiteCase.schema === undefined ? Promise.resolve([]) : options.compileSchema(suiteCase.schema)
          ).then(compileCase);
          // A schema that fails is reported by each of its cases, never as an unhandled rejection.
          entry.catch(() => undefined);
          compiled.set(suiteCase.schemaKey, entry);
        }
        run.tally.cases++;
        if (suiteCase.knowledge && options.prepareKnowledge) {
          const knowledge = prepared(suiteCase, options.prepareKnowledge);
          await runKnowledgeCaseScored(run, suiteCase, entry, options, knowledge);
        } else {
          if (hasCall(suiteCase)) await runCallCase(run, suiteCase, entry, options);
          await runReplyCaseScored(run, suiteCase, entry, options, startBackend);
        }
        options.onCase?.(suite, index);
      }
      for (const key of Object.keys(run.tally) as (keyof Tally)[]) total[key] += run.tally[key];
      suites.push({
        name: suite.name,
        ...figuresOf(run.tally),
        medianMs: Math.round(median(run.times) * 100) / 100,
        failures: run.failures,
      });
    }
  } finally {
    if (backend) {
      const { executor, answers } = await backend;
      await Promise.all([executor.close(), answers.close()]);
    }
  }
  return { ...figuresOf(total), suites };
}
