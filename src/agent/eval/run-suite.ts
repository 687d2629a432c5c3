// Runs tool-choice suites with any model and aggregates call accuracy, argument accuracy, false-call
// and missed-call rates and decision time, per suite and overall.
import type { LanguageModel, Tool } from 'ai';
import { selectTools } from '../../tools/index.js';
import { MAX_OFFERED_OPERATIONS, selectionContext } from '../offer-tools.js';
import { decideCase, type EvalTool, toModelTools } from './decide-case.js';
import type { Suite, SuiteCase } from './load-suite.js';
import {
  type EvalKnowledge,
  type KnowledgeCaseResult,
  matchesSource,
  type PrepareKnowledge,
  runKnowledgeCase,
} from './run-knowledge-case.js';
import { type EvalDecision, scoreDecision } from './score-decision.js';

/** Turns a case's OpenAPI document into tools; a failure is reported as that case's failure. */
export type CompileSuiteSchema = (document: unknown) => Promise<EvalTool[]>;

/** A case that went wrong, with what was expected and what was chosen. */
export interface CaseFailure {
  id: string;
  say: string;
  expected: { call: string; args?: Record<string, unknown>; source?: string | string[] };
  chosen: EvalDecision;
  /**
   * `wrong-call`, `wrong-args` (listed in `wrongArgs`), `wrong-source` (the reply used another
   * knowledge source than `expect.source`, or none), or `error` (the schema or the model failed).
   */
  reason: 'wrong-call' | 'wrong-args' | 'wrong-source' | 'error';
  wrongArgs?: string[];
  /** The model's text when it made no call, or the error message. */
  detail?: string;
}

/**
 * Figures of one suite or of all of them, each 0 to 1. A rate whose denominator is 0 is null: an
 * irrelevance suite has no argument accuracy, rather than an accuracy of 0.
 */
export interface EvalFigures {
  /** Cases whose decision (operation or none) is the expected one, over all cases. */
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
  callCorrect: number;
  argCases: number;
  argCorrect: number;
  expectNone: number;
  falseCalls: number;
  expectCall: number;
  missedCalls: number;
  selected: number;
  selectionCases: number;
  sourceCases: number;
  sourceHits: number;
}

const emptyTally = (): Tally => ({
  cases: 0,
  callCorrect: 0,
  argCases: 0,
  argCorrect: 0,
  expectNone: 0,
  falseCalls: 0,
  expectCall: 0,
  missedCalls: 0,
  selected: 0,
  selectionCases: 0,
  sourceCases: 0,
  sourceHits: 0,
});
const ratio = (part: number, whole: number) => (whole === 0 ? null : part / whole);

function figuresOf(tally: Tally): EvalFigures {
  return {
    callAccuracy: ratio(tally.callCorrect, tally.cases),
    argAccuracy: ratio(tally.argCorrect, tally.argCases),
    falseCallRate: ratio(tally.falseCalls, tally.expectNone),
    missedCallRate: ratio(tally.missedCalls, tally.expectCall),
    selectionRecall: ratio(tally.selected, tally.selectionCases),
    sourceHitRate: ratio(tally.sourceHits, tally.sourceCases),
    sourceCases: tally.sourceCases,
    cases: tally.cases,
  };
}

function count(tally: Tally, suiteCase: SuiteCase, decision: EvalDecision): CaseFailure | undefined {
  const score = scoreDecision(suiteCase.expect, decision);
  tally.cases++;
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

/** The tools a real turn would offer for the case, and whether the expected operation is among them. */
function offerCaseTools(tools: EvalTool[], suiteCase: SuiteCase): { offered: EvalTool[]; hit?: boolean } {
  const definitions = tools.flatMap((entry) => (entry.definition ? [entry.definition] : []));
  if (definitions.length !== tools.length) return { offered: tools };
  const selected = new Set(
    selectTools({
      tools: definitions,
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

/** Runs every case of every suite and reports the figures. */
export async function runSuites(options: RunSuitesOptions): Promise<EvalReport> {
  const total = emptyTally();
  const indexes = new Map<string, Promise<EvalKnowledge>>();
  // Each distinct set of sources is indexed once.
  const prepared = (suiteCase: SuiteCase): Promise<EvalKnowledge> => {
    const key = suiteCase.knowledgeKey ?? suiteCase.id;
    let index = indexes.get(key);
    if (!index) {
      index = (options.prepareKnowledge as PrepareKnowledge)(suiteCase.knowledge ?? []);
      indexes.set(key, index);
    }
    return index;
  };
  const suites: SuiteReport[] = [];
  for (const suite of options.suites) {
    const tally = emptyTally();
    const failures: CaseFailure[] = [];
    const times: number[] = [];
    const compiled = new Map<string, Promise<{ tools: EvalTool[]; modelTools: Record<string, Tool> }>>();
    // The definitions arrays stay the same per schema, so the selection's index is built once.
    for (const [index, suiteCase] of suite.cases.entries()) {
      let entry = compiled.get(suiteCase.schemaKey);
      if (!entry) {
        // A case answered from knowledge alone has no API.
        entry = (
          suiteCase.schema === undefined ? Promise.resolve([]) : options.compileSchema(suiteCase.schema)
        ).then((tools) => ({ tools, modelTools: toModelTools(tools) }));
        compiled.set(suiteCase.schemaKey, entry);
      }
      let decision: EvalDecision;
      try {
        const { tools, modelTools } = await entry;
        const started = performance.now();
        let caseTools = tools;
        let caseModelTools = modelTools;
        if (!options.allTools) {
          const { offered, hit } = offerCaseTools(tools, suiteCase);
          if (offered.length !== tools.length) {
            caseTools = offered;
            caseModelTools = Object.fromEntries(
              offered.map((offeredTool) => [offeredTool.name, modelTools[offeredTool.name]]),
            );
          }
          if (hit !== undefined) {
            tally.selectionCases++;
            if (hit) tally.selected++;
          }
        }
        const knowledge = suiteCase.knowledge && options.prepareKnowledge && (await prepared(suiteCase));
        const made = knowledge
          ? await runKnowledgeCase({
              model: options.model,
              suiteCase,
              tools: caseTools,
              modelTools: caseModelTools,
              knowledge,
            })
          : await decideCase({
              model: options.model,
              suiteCase,
              tools: caseTools,
              modelTools: caseModelTools,
            });
        times.push(performance.now() - started);
        decision = { call: made.call, args: made.args };
        const failure = count(tally, suiteCase, decision);
        if (failure) failures.push(made.call === 'none' ? { ...failure, detail: made.text } : failure);
        const sourceFailure = countSource(tally, suiteCase, { usedSources: [], ...made });
        if (sourceFailure) failures.push(sourceFailure);
      } catch (error) {
        decision = { call: 'none', args: {} };
        const failure = count(tally, suiteCase, decision);
        const detail = error instanceof Error ? error.message : String(error);
        failures.push({
          ...(failure ?? {
            id: suiteCase.id,
            say: suiteCase.say,
            expected: suiteCase.expect,
            chosen: decision,
          }),
          reason: 'error',
          detail,
        });
      }
      options.onCase?.(suite, index);
    }
    for (const key of Object.keys(tally) as (keyof Tally)[]) total[key] += tally[key];
    suites.push({
      name: suite.name,
      ...figuresOf(tally),
      medianMs: Math.round(median(times) * 100) / 100,
      failures,
    });
  }
  return { ...figuresOf(total), suites };
}
