// Writes the reply to a tool result from the returned data only: a few list items with their key
// fields, one object's fields, URLs always kept, and failures as the executor's own sentence.
import type { ToolResultView } from '../conversation/read-conversation.js';
import { formatValue, labelOf } from './format-field.js';

const MAX_ITEMS = 5;
const MAX_FIELDS = 10;
const MAX_NESTED = 3;
/** Fields that sit beside a result list without making it one object: paging, counts, a note. */
const LIST_META =
  /^(total|totalcount|totalresults|totalitems|count|resultcount|page|pages|pagenumber|pagesize|perpage|limit|offset|next|nextpage|nextcursor|cursor|previous|prev|hasmore|more|message|note|query|links|meta)$/;
const NAME_KEYS = ['name', 'title', 'label', 'displayName', 'fullName', 'full_name', 'subject', 'summary'];
const SKIPPED = new Set(['currency', 'outcome']);

type Row = Record<string, unknown>;
const isRecord = (value: unknown): value is Row =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function failureText(value: unknown, isError: boolean): string | undefined {
  if (isRecord(value)) {
    const outcome = typeof value.outcome === 'string' ? value.outcome : undefined;
    const failed = isError || (outcome !== undefined && !/^(ok|success|succeeded|done)$/i.test(outcome));
    const sentence = [value.customerMessage, value.message, value.error].find(
      (text) => typeof text === 'string',
    );
    if (failed && outcome === 'denied' && sentence === undefined) return "Okay, I haven't done that.";
    if (failed) return (sentence as string | undefined) ?? 'I could not retrieve that right now.';
    return undefined;
  }
  if (isError)
    return typeof value === 'string' && value.trim() ? value : 'I could not retrieve that right now.';
  return undefined;
}

function isUrlKey(key: string, value: unknown): boolean {
  return typeof value === 'string' && (/^https?:\/\//.test(value) || /url|link/i.test(key));
}

function describeItem(item: unknown): string {
  if (!isRecord(item)) return String(item);
  const nameKey = NAME_KEYS.find((key) => typeof item[key] === 'string');
  const parts: string[] = [];
  for (const [key, value] of Object.entries(item)) {
    if (key === nameKey || SKIPPED.has(key) || /(^|_)id$|Id$/.test(key)) continue;
    const text = formatValue(key, value, item);
    if (text === undefined) continue;
    const urlLike = isUrlKey(key, value);
    if (parts.length >= 4 && !urlLike) continue;
    parts.push(/price|stock/i.test(key) || urlLike ? text : `${labelOf(key).toLowerCase()}: ${text}`);
  }
  const head = nameKey ? String(item[nameKey]) : undefined;
  return [head, parts.join(', ')].filter(Boolean).join(' — ');
}

/** A nested list in one line: its items' names (or count), never its items' every field. */
function summarizeNested(list: unknown[]): string | undefined {
  if (list.length === 0) return undefined;
  const names = list.map((item) => {
    if (!isRecord(item)) return typeof item === 'object' ? undefined : String(item);
    const nameKey = NAME_KEYS.find((key) => typeof item[key] === 'string');
    return nameKey ? String(item[nameKey]) : undefined;
  });
  if (names.some((name) => name === undefined)) return String(list.length);
  const shown = names.slice(0, MAX_NESTED).join(', ');
  return list.length > MAX_NESTED ? `${shown} and ${list.length - MAX_NESTED} more` : shown;
}

function describeRecord(record: Row): string {
  const lines: string[] = [];
  const nested: string[] = [];
  for (const [key, value] of Object.entries(record)) {
    if (SKIPPED.has(key)) continue;
    const text = formatValue(key, value, record);
    if (text === undefined) {
      const summary = Array.isArray(value) ? summarizeNested(value) : undefined;
      if (summary) nested.push(`${labelOf(key)}: ${summary}`);
      continue;
    }
    if (lines.length >= MAX_FIELDS && !isUrlKey(key, value)) continue;
    lines.push(`${labelOf(key)}: ${text}`);
  }
  return [...lines, ...nested].join('\n');
}

const isListMeta = (key: string) => LIST_META.test(key.replace(/[_-]/g, '').toLowerCase());

/** The result list: a bare array, or an object whose one array sits beside paging-like fields only. */
function findList(value: unknown): unknown[] | undefined {
  if (Array.isArray(value)) return value;
  if (!isRecord(value)) return undefined;
  const entries = Object.entries(value);
  const lists = entries.filter(([, field]) => Array.isArray(field));
  if (lists.length !== 1) return undefined;
  const others = entries.filter(([, field]) => !Array.isArray(field));
  return others.every(([key]) => isListMeta(key)) ? (lists[0][1] as unknown[]) : undefined;
}

/** The reply to one tool result. */
export function writeAnswer(result: ToolResultView): string {
  const failure = failureText(result.value, result.isError);
  if (failure) return failure;
  const value =
    isRecord(result.value) && 'data' in result.value && result.value.outcome
      ? result.value.data
      : result.value;
  if (typeof value === 'string') return value.trim() || 'Done.';
  const list = findList(value);
  if (list) {
    if (list.length === 0) return "I couldn't find anything matching that.";
    const shown = list.slice(0, MAX_ITEMS).map((item) => `- ${describeItem(item)}`);
    const more = list.length > MAX_ITEMS ? `\n…and ${list.length - MAX_ITEMS} more.` : '';
    const noun = list.length === 1 ? 'result' : 'results';
    return `I found ${list.length} ${noun}:\n${shown.join('\n')}${more}`;
  }
  if (isRecord(value)) {
    const text = describeRecord(value);
    return text ? `Here is what I found:\n${text}` : 'Done.';
  }
  return value === null || value === undefined ? 'Done.' : String(value);
}
