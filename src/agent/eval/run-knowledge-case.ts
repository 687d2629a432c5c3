// Runs a case whose agent has knowledge sources: the model may search them (the search runs, as in a
// turn) and then answers or calls an operation (which is not called). What it decided, what it
// replied, and which sources the reply used.
import { generateText, type LanguageModel, stepCountIs, type Tool } from 'ai';
import { buildSystemPrompt, KNOWLEDGE_TOOL_NAME } from '../agent-rules.js';
import { createKnowledgeTool } from '../offer-tools.js';
import { findUsedSources, knowledgeToolOutput } from '../run-knowledge-search.js';
import type { KnowledgePassageView, KnowledgeSearch, KnowledgeSourceRef } from '../run-turn-options.js';
import { caseMessages, type EvalTool } from './decide-case.js';
import type { SuiteCase } from './load-suite.js';
import type { EvalDecision } from './score-decision.js';

/** A case's knowledge sources, indexed: their search, and each source's name by id. */
export interface EvalKnowledge {
  search: KnowledgeSearch;
  /** The name of each source (an article's title, a file's name), by source id. */
  sourceNames: Map<string, string>;
}

/** Indexes a case's knowledge sources (the CLI uses an in-memory store and the real search). */
export type PrepareKnowledge = (sources: NonNullable<SuiteCase['knowledge']>) => Promise<EvalKnowledge>;

/** What a knowledge case came to. */
export interface KnowledgeCaseResult extends EvalDecision {
  /** The reply the model wrote (empty when it called an operation instead). */
  text: string;
  /** The sources the reply used (named, linked or quoted), each with its source's name. */
  usedSources: (KnowledgeSourceRef & { sourceName: string })[];
}

/** Searches the model may make in one case before it must answer. */
const MAX_STEPS = 3;

/** Runs the case: the search is executed, operation calls are not. */
export async function runKnowledgeCase(options: {
  model: LanguageModel;
  suiteCase: SuiteCase;
  tools: EvalTool[];
  modelTools: Record<string, Tool>;
  knowledge: EvalKnowledge;
}): Promise<KnowledgeCaseResult> {
  const { model, suiteCase, tools, knowledge } = options;
  const found: KnowledgePassageView[] = [];
  const search = createKnowledgeTool(async ({ query }) => {
    const passages = await knowledge.search.search(query);
    found.push(...passages);
    return knowledgeToolOutput(passages);
  });
  const messages = caseMessages(suiteCase);
  const result = await generateText({
    model,
    system: buildSystemPrompt(suiteCase.basePrompt ?? '', { knowledge: true }),
    messages,
    tools: { ...options.modelTools, [KNOWLEDGE_TOOL_NAME]: search },
    // An operation call has no execute, so the run stops there: the decision is made.
    stopWhen: stepCountIs(MAX_STEPS),
  });
  const calls = result.steps
    .flatMap((step) => step.toolCalls)
    .filter((call) => call.toolName !== KNOWLEDGE_TOOL_NAME);
  const first = calls[0];
  const operation = first && tools.find((entry) => entry.name === first.toolName);
  const decision: EvalDecision = first
    ? {
        call: operation?.operationId ?? first.toolName,
        args: (typeof first.input === 'object' && first.input !== null ? first.input : {}) as Record<
          string,
          unknown
        >,
      }
    : { call: 'none', args: {} };
  const text = first ? '' : result.text;
  const usedSources = findUsedSources(text, found).map((source) => ({
    ...source,
    sourceName: knowledge.sourceNames.get(source.sourceId) ?? '',
  }));
  return { ...decision, text, usedSources };
}

/** Whether the sources used are the expected one (by source name, document title or URL; `none`: no source). */
export function matchesSource(
  expected: string | string[],
  used: KnowledgeCaseResult['usedSources'],
): boolean {
  const wanted = (Array.isArray(expected) ? expected : [expected]).map((name) => name.trim().toLowerCase());
  if (used.length === 0) return wanted.includes('none');
  return used.some((source) =>
    [source.sourceName, source.title, source.url ?? ''].some((name) =>
      wanted.includes(name.trim().toLowerCase()),
    ),
  );
}
