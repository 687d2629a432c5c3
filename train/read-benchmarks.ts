// Human-written training and measuring data from ../shared: ToolAlpaca, RestBench, tau-bench retail,
// BFCL (even cases only: the odd half stays out for measuring) and CLINC150's out-of-scope queries.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSuite } from '../src/agent/eval/index.js';
import type { RankableTool } from '../src/tools/ranking/rankable-tool.js';
import { compileDocument } from './load-corpus.js';

/** One human-written message with its catalog and the operation it should call (null: none). */
export interface HumanCase {
  source: string;
  /** The catalog's key: the unit of the train/test split. */
  document: string;
  tools: RankableTool[];
  message: string;
  context?: string;
  target: string | null;
}

const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

function byOperationId(tools: RankableTool[], id: string): string | undefined {
  return tools.find((tool) => tool.operation?.operationId === id || tool.name === id)?.name;
}

async function readToolAlpaca(shared: string): Promise<HumanCase[]> {
  const cases: HumanCase[] = [];
  for (const file of ['eval_real.json', 'eval_simulated.json']) {
    for (const api of readJson(join(shared, 'corpus/benchmarks/toolalpaca', file)) as Record<
      string,
      unknown
    >[]) {
      const tools = await compileDocument(String(api.Documentation));
      if (!tools) continue;
      const instructions = api.Instructions as string[];
      const answers = api.Golden_Answers as { Action: string }[][];
      instructions.forEach((message, index) => {
        const action = answers[index]?.[0]?.Action;
        const target = action ? byOperationId(tools, action) : undefined;
        if (target)
          cases.push({ source: 'toolalpaca', document: `toolalpaca/${api.Name}`, tools, message, target });
      });
    }
  }
  return cases;
}

async function readRestBench(shared: string): Promise<HumanCase[]> {
  const cases: HumanCase[] = [];
  for (const name of ['tmdb', 'spotify']) {
    const tools = await compileDocument(
      readFileSync(join(shared, `corpus/benchmarks/restbench/specs/${name}_oas.json`), 'utf8'),
    );
    if (!tools) continue;
    for (const entry of readJson(join(shared, `corpus/benchmarks/restbench/datasets/${name}.json`)) as {
      query: string;
      solution: string[];
    }[]) {
      const [method, path] = entry.solution[0]?.split(' ') ?? [];
      const target = tools.find(
        (tool) => tool.operation?.method === method?.toLowerCase() && tool.operation?.path === path,
      )?.name;
      if (target)
        cases.push({
          source: 'restbench',
          document: `restbench/${name}`,
          tools,
          message: entry.query,
          target,
        });
    }
  }
  return cases;
}

async function readTauRetail(shared: string): Promise<HumanCase[]> {
  const derived = join(shared, 'corpus/benchmarks/tau-bench/derived');
  const tools = await compileDocument(readFileSync(join(derived, 'retail_openapi.json'), 'utf8'));
  if (!tools) return [];
  const cases: HumanCase[] = [];
  for (const task of readJson(join(derived, 'retail_tasks_train.json')) as {
    instruction: string;
    actions: { name: string }[];
  }[]) {
    const first = task.actions[0]?.name;
    const target = first ? byOperationId(tools, first) : undefined;
    // The persona's opening words are about who they are; the request follows.
    const message = task.instruction.replace(/^Your name is [^.]*\.\s*(You are [^.]*\.\s*)?/i, '');
    if (target) cases.push({ source: 'tau-retail', document: 'tau-retail', tools, message, target });
  }
  return cases;
}

async function readBfcl(shared: string): Promise<HumanCase[]> {
  const cases: HumanCase[] = [];
  for (const file of [
    'simple',
    'multiple',
    'irrelevance',
    'live-simple',
    'live-multiple',
    'live-irrelevance',
  ]) {
    const suite = await loadSuite(join(shared, 'eval/bfcl', `${file}.json`));
    const compiled = new Map<string, RankableTool[] | undefined>();
    for (const [index, suiteCase] of suite.cases.entries()) {
      if (index % 2 === 1) continue;
      if (!compiled.has(suiteCase.schemaKey))
        compiled.set(suiteCase.schemaKey, await compileDocument(suiteCase.schema));
      const tools = compiled.get(suiteCase.schemaKey);
      if (!tools) continue;
      // A reply-only case names no call to learn from.
      const call = suiteCase.expect.call;
      if (call === undefined) continue;
      const target = call === 'none' ? null : (byOperationId(tools, call) ?? undefined);
      if (target === undefined) continue;
      const context = suiteCase.history.map((message) => message.text).join('\n');
      cases.push({
        source: `bfcl-${file}`,
        document: `bfcl/${file}/${suiteCase.schemaKey}`,
        tools,
        message: suiteCase.say,
        context,
        target,
      });
    }
  }
  return cases;
}

/** CLINC150's out-of-scope, small-talk and utility queries: messages no business API answers. */
export function readOutOfScope(shared: string): string[] {
  const data = readJson(join(shared, 'corpus/intents/clinc-oos/data_full.json')) as Record<
    string,
    [string, string][]
  >;
  const domains = readJson(join(shared, 'corpus/intents/clinc-oos/domains.json')) as Record<string, string[]>;
  // Small talk and the utility questions (weather, time, timers, spelling) no business API answers.
  const smallTalk = new Set([...domains.small_talk, ...domains.utility]);
  return [
    ...data.oos_train.map(([text]) => text),
    ...data.oos_val.map(([text]) => text),
    ...data.train
      .filter(([, intent]) => smallTalk.has(intent))
      .map(([text]) => text)
      .filter((_, index) => index % 2 === 0),
  ];
}

/** Every human-written case. */
export async function readHumanCases(shared: string): Promise<HumanCase[]> {
  return [
    ...(await readToolAlpaca(shared)),
    ...(await readRestBench(shared)),
    ...(await readTauRetail(shared)),
    ...(await readBfcl(shared)),
  ];
}
