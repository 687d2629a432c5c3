// What the agent's base prompt gives an operation's id and setting inputs ("our hotel id is 4711",
// "under the merchant account VeloAtelierECOM"), read once per prompt and catalog.
import type { AnalyzedQuery, CatalogIndex, IndexedTool, QueryId } from '../../tools/index.js';
import { isContentWord, isIdName, loadWordVectors, readIds, splitWords } from '../../tools/index.js';
import { buildToolDocument } from '../catalog/build-tool-document.js';
import type { EngineTool } from '../catalog/engine-tool.js';
import { bindIds, nounsOf } from '../fill/bind-ids.js';
import { findPointedId } from '../fill/find-pointed-id.js';

/**
 * The value the base prompt gives an input by the input's own words: "(project key harbor-pine)" for
 * `projectKey`, "our LetMC short name is harbourlets" for `shortName`. The label is no part of
 * another input's name ("project key harbor-pine" gives no `key` where `projectKey` is an input too),
 * and a value with no digit or mark in it must be no English word ("the project key is given below").
 */
function labelledInPrompt(name: string, prompt: string, others: string[]): string | undefined {
  const words = splitWords(name);
  if (words.length === 0 || prompt === '') return undefined;
  const label = words.map((word) => word.replace(/[^a-z0-9]/g, '')).join('[\\s_-]*');
  const longer = others.map((other) => splitWords(other)).filter((other) => other.length > words.length);
  const pattern = new RegExp(
    `\\b${label}\\b(?:\\s+is|\\s*[:=])?\\s+["'\`]?([A-Za-z0-9][\\w.-]*[A-Za-z0-9])`,
    'gi',
  );
  for (const match of prompt.matchAll(pattern)) {
    const before = splitWords(prompt.slice(0, match.index)).slice(-3);
    const partOfLonger = longer.some((other) => {
      const lead = other.slice(0, other.length - words.length);
      return (
        other.slice(-words.length).join(' ') === words.join(' ') &&
        before.slice(-lead.length).join(' ') === lead.join(' ')
      );
    });
    if (partOfLonger) continue;
    const value = match[1];
    if (
      !/[\d._-]/.test(value) &&
      (!isContentWord(value.toLowerCase()) || loadWordVectors()?.rows.has(value.toLowerCase()))
    )
      continue;
    return value;
  }
  return undefined;
}

/**
 * The id and path inputs the base prompt gives a value for: an id by its noun ("the hotel id is
 * 4711"; never by position alone), or either by the input's own words ("project key harbor-pine",
 * "our short name is harbourlets"), where the message names no id of that record itself. Of several
 * ids the prompt gives for one noun ("Clifton (branch id …) and Harbourside (branch id …)"), the one
 * the message points at ("at the Clifton branch"), or none.
 */
export function promptIdInputs(
  options: {
    tool: EngineTool;
    entry: IndexedTool;
    promptIds?: () => readonly QueryId[];
    promptLabel?: (name: string, others: string[]) => string | undefined;
    prompt?: string;
    text: string;
  },
  query: AnalyzedQuery,
): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  if (!options.promptIds) return input;
  const document = buildToolDocument(options.tool);
  const names = document.parameters.map((parameter) => parameter.name);
  const inPath = new Set(options.entry.pathParameters.map((parameter) => parameter.name));
  const promptLabelOf = (name: string) => {
    const others = names.filter((other) => other !== name);
    return options.promptLabel
      ? options.promptLabel(name, others)
      : labelledInPrompt(name, options.prompt ?? '', others);
  };
  for (const parameter of document.parameters) {
    // An input named as an id or in the path, or one the prompt gives an id for by its very name
    // ("their session uid is 33ce76…" for `uid`).
    // A required text input named by a phrase ("merchantAccount", "storeCode") is the business's to
    // set, as its prompt may say ("under the merchant account VeloAtelierECOM").
    const keyed =
      isIdName(parameter.name) ||
      inPath.has(parameter.name) ||
      (parameter.required && parameter.type === 'string' && splitWords(parameter.name).length > 1);
    const nouns = nounsOf(parameter, options.entry);
    if (query.ids.some((id) => nouns.has(id.noun))) continue;
    const given = options.promptIds().filter((id) => id.noun !== '' && nouns.has(id.noun));
    if (!keyed && given.length === 0) continue;
    const named =
      new Set(given.map((id) => id.text)).size > 1
        ? findPointedId(options.text, options.prompt ?? '', given)
        : given[0];
    if (!named) {
      const labelled = keyed && given.length === 0 ? promptLabelOf(parameter.name) : undefined;
      if (labelled !== undefined) input[parameter.name] = labelled;
      continue;
    }
    const bound = bindIds({
      entry: options.entry,
      parameters: [parameter],
      query: { ...query, ids: [named] },
      text: '',
    });
    if (parameter.name in bound.input) input[parameter.name] = bound.input[parameter.name];
  }
  return input;
}

/** What is read of an agent's prompt against a catalog: its ids, and the values it labels by input names. */
interface PromptReading {
  prompt: string;
  ids?: readonly QueryId[];
  /** By an input's name and its operation's other inputs' names, the value the prompt labels it with. */
  labels: Map<string, string | undefined>;
}

/**
 * Per catalog, what was read of the last prompt read against it: an agent's prompt is the same turn
 * after turn, and reading its ids again at every call was about 6% of a warm demo turn's main-thread
 * CPU; searching it for an input's label, once per id input of each operation filled.
 */
const promptReadings = new WeakMap<CatalogIndex, PromptReading>();

function promptReadingOf(prompt: string, index: CatalogIndex): PromptReading {
  let reading = promptReadings.get(index);
  if (reading?.prompt !== prompt) {
    reading = { prompt, labels: new Map() };
    promptReadings.set(index, reading);
  }
  return reading;
}

export function readPromptIds(prompt: string, index: CatalogIndex): readonly QueryId[] {
  const reading = promptReadingOf(prompt, index);
  reading.ids ??= readIds(prompt, index);
  return reading.ids;
}

/** `labelledInPrompt`, once per prompt, catalog and input. */
export function readPromptLabel(options: {
  prompt: string;
  index: CatalogIndex;
  name: string;
  others: string[];
}): string | undefined {
  const { labels } = promptReadingOf(options.prompt, options.index);
  const key = [options.name, ...options.others].join('\u0000');
  if (!labels.has(key)) labels.set(key, labelledInPrompt(options.name, options.prompt, options.others));
  return labels.get(key);
}
