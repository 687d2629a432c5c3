// Writes the reply to one tool result from the returned data only, answering the question asked:
// failures as the executor's own sentence, a list or one object in sentences, never raw HTML or JSON.
import type { EngineTool, SchemaNode } from '../catalog/engine-tool.js';
import type { ToolResultView } from '../conversation/read-conversation.js';
import type { FactContext } from './choose-facts.js';
import { termsOfText } from './match-words.js';
import { nameSubject, resourceOfPath } from './name-subject.js';
import { isRecord, readFields, schemaChild, schemaItems } from './read-fields.js';
import type { Question } from './read-question.js';
import { writeList } from './write-list.js';
import { writeRecord } from './write-record.js';

/** What answering one result needs. */
export interface WriteAnswerOptions {
  result: ToolResultView;
  question: Question;
  /** The tool that was called, when it is among the offered tools: its summary, path and response schema. */
  tool?: EngineTool;
  /** The one currency the API speaks of, for amounts that carry none. */
  apiCurrency?: string;
  /** When the reply is made ("today" in a question about opening hours). */
  now: Date;
  /** Several results are answered together: a failure then says what it was about. */
  several?: boolean;
}

/** Said when nothing readable came back; the executor's sentence for the same case. */
export const COULD_NOT_RETRIEVE =
  'We could not retrieve that information right now. Please try again in a little while.';
const MAX_PROSE = 600;
/** Fields that sit beside a result list without making it one object: paging, counts, a note. */
const LIST_META =
  /^(total|totalcount|totalresults|totalitems|totalhits|count|resultcount|page|pages|pagenumber|pagesize|perpage|limit|offset|next|nextpage|nextcursor|cursor|previous|prev|hasmore|more|message|note|query|links|meta|object|url|success|status)$/;
const TOTAL_KEYS = /^(total|totalcount|totalresults|totalitems|totalhits|count|resultcount)$/;

function failureText(value: unknown, isError: boolean): string | undefined {
  if (isRecord(value)) {
    const outcome = typeof value.outcome === 'string' ? value.outcome : undefined;
    const failed = isError || (outcome !== undefined && !/^(ok|success|succeeded|done)$/i.test(outcome));
    const sentence = [value.customerMessage, value.message, value.error].find(
      (text) => typeof text === 'string' && text.trim() && !looksRaw(text),
    );
    if (failed && outcome === 'denied' && sentence === undefined) return "Okay, I haven't done that.";
    if (failed) return (sentence as string | undefined) ?? COULD_NOT_RETRIEVE;
    return undefined;
  }
  if (isError)
    return typeof value === 'string' && value.trim() && !looksRaw(value) ? value : COULD_NOT_RETRIEVE;
  return undefined;
}

/** Markup, JSON or a long dump: text never to be shown to a customer as it is. */
function looksRaw(text: string): boolean {
  const trimmed = text.trim();
  return (
    /<\/?[a-z!][^>]*>/i.test(trimmed) ||
    /^[[{]/.test(trimmed) ||
    trimmed.length > MAX_PROSE ||
    /\[Cut to fit:/.test(trimmed)
  );
}

/**
 * The data inside a text the model was given: the executor cuts a long answer to whole list items
 * and notes how many there were (`[Cut to fit: showing the first 12 of 300 items …]`).
 */
function readCutText(text: string): { data: unknown; total?: number } | undefined {
  const match = /^([[{][\s\S]*)\n\[Cut to fit: showing the first \d+ of (\d+) items/.exec(text);
  if (!match) return undefined;
  try {
    return { data: JSON.parse(match[1]), total: Number(match[2]) };
  } catch {
    return undefined;
  }
}

const isListMeta = (key: string) => LIST_META.test(key.replace(/[_-]/g, '').toLowerCase());

/** The result list and its key: a bare array, or an object whose one array sits beside paging-like fields. */
function findList(value: unknown): { items: unknown[]; key?: string; total?: number } | undefined {
  if (Array.isArray(value)) return { items: value };
  if (!isRecord(value)) return undefined;
  const entries = Object.entries(value);
  const lists = entries.filter(([, field]) => Array.isArray(field));
  if (lists.length !== 1) return undefined;
  const others = entries.filter(([, field]) => !Array.isArray(field));
  if (
    !others.every(
      ([key, field]) =>
        isListMeta(key) || (isRecord(field) && /^(?:meta|links|paging|pagination)$/i.test(key)),
    )
  )
    return undefined;
  const totals = others.filter(
    ([key, field]) => typeof field === 'number' && TOTAL_KEYS.test(key.replace(/[_-]/g, '').toLowerCase()),
  );
  return {
    items: lists[0][1] as unknown[],
    key: lists[0][0],
    ...(totals.length > 0 ? { total: totals[0][1] as number } : {}),
  };
}

/** Unwraps `{data: {...}}`, `{order: {...}}`: one key holding the object that is the answer. */
function unwrap(
  value: unknown,
  schema: SchemaNode | undefined,
): { value: unknown; schema?: SchemaNode; key?: string } {
  let current = value;
  let node = schema;
  let key: string | undefined;
  for (let depth = 0; depth < 3 && isRecord(current); depth++) {
    const entries = Object.entries(current);
    if (entries.length !== 1 || typeof entries[0][1] !== 'object' || entries[0][1] === null) break;
    key = entries[0][0];
    current = entries[0][1];
    node = node ? schemaChild(node, key) : undefined;
  }
  return { value: current, ...(node ? { schema: node } : {}), ...(key ? { key } : {}) };
}

function contextOf(options: WriteAnswerOptions, subjectTerms: Set<string>): FactContext {
  const description = options.tool?.description ?? '';
  const summary = options.tool?.operation?.summary ?? description.split(/\n\s*\n|(?<=\.)\s/)[0] ?? '';
  const input = isRecord(options.result.input) ? options.result.input : {};
  return {
    question: options.question,
    summaryTerms: termsOfText(summary),
    descriptionTerms: termsOfText(description),
    subjectTerms,
    inputValues: new Set(
      Object.values(input)
        .filter((value) => typeof value === 'string' || typeof value === 'number')
        .map((value) => String(value).toLowerCase()),
    ),
  };
}

/** Names a failed call in a reply to several: `I could not retrieve the invoice INV-2026-001 right now.` */
function namedFailure(options: WriteAnswerOptions): string {
  const resource = resourceOfPath(options.tool?.operation?.path);
  const input = isRecord(options.result.input) ? options.result.input : {};
  const id = resource.parameter ? input[resource.parameter] : undefined;
  const what = resource.noun
    ? `the ${resource.noun}${typeof id === 'string' || typeof id === 'number' ? ` ${id}` : 's'}`
    : 'that information';
  return `I could not retrieve ${what} right now. Please try again in a little while.`;
}

/** The reply to one tool result. */
export function writeAnswer(options: WriteAnswerOptions): string {
  const { result } = options;
  const failure = failureText(result.value, result.isError);
  if (failure) return options.several && failure === COULD_NOT_RETRIEVE ? namedFailure(options) : failure;
  let data =
    isRecord(result.value) && 'data' in result.value && result.value.outcome
      ? result.value.data
      : result.value;
  let total: number | undefined;
  if (typeof data === 'string') {
    const cut = readCutText(data);
    if (cut) ({ data, total } = cut);
    else if (looksRaw(data)) return options.several ? namedFailure(options) : COULD_NOT_RETRIEVE;
    else return data.trim() || 'Done.';
  }
  if (data === null || data === undefined || data === '') return 'Done.';
  if (typeof data !== 'object') return `The result is ${String(data)}.`;
  const tool = options.tool;
  const resource = resourceOfPath(tool?.operation?.path);
  const input = isRecord(result.input) ? result.input : {};
  const unwrapped = unwrap(data, tool?.responseSchema);
  const list = findList(unwrapped.value);
  if (list) {
    const listSchema = list.key ? schemaChild(unwrapped.schema, list.key) : unwrapped.schema;
    const subjectTerms = termsOfText([resource.noun, list.key].filter(Boolean).join(' '));
    return writeList({
      items: list.items,
      listKey: list.key ?? unwrapped.key,
      total: total ?? list.total,
      itemSchema: schemaItems(listSchema),
      pathNoun: resource.noun,
      input,
      context: contextOf(options, subjectTerms),
      apiCurrency: options.apiCurrency,
      now: options.now,
    });
  }
  if (!isRecord(unwrapped.value)) return 'Done.';
  const fields = readFields(unwrapped.value, { schema: unwrapped.schema, apiCurrency: options.apiCurrency });
  const subject = nameSubject({ fields, path: tool?.operation?.path, input, own: options.question.own });
  return writeRecord({
    fields,
    subject: subject.text,
    context: contextOf(options, subject.terms),
    now: options.now,
  });
}
