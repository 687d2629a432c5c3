// For a complaint: the operation that opens a case for it (a ticket, a return).
import type { IndexedTool } from '../../tools/index.js';
import { isIdName } from '../../tools/index.js';
import { buildToolDocument } from '../catalog/build-tool-document.js';
import type { EngineTool } from '../catalog/engine-tool.js';
import { listParameters, type ParameterInfo } from '../catalog/list-parameters.js';
import { createTextReadings } from '../fill/read-text.js';
import type { Choice, ChooseToolOptions } from './choice.js';
import { DOES } from './choice-constants.js';
import { fillChoice } from './fill-choice.js';
import { reachesPerson } from './filled-by-message.js';
import { namedById } from './narrow-candidates.js';
import { rankOffered } from './rank-offered.js';

/** Input names that carry the customer's own account of a problem. */
export const ACCOUNT_NAME =
  /(^|[^a-z])(description|details?|reason|comment|message|body|note|subject|summary|problem|issue)s?$/i;

/**
 * Whether an operation opens a case for a problem: a POST to a collection (a ticket, a return) that
 * takes the customer's account of it in words.
 */
function opensCase(entry: IndexedTool): boolean {
  const operation = entry.tool.operation;
  if (operation?.method.toLowerCase() !== 'post' || entry.removes >= DOES) return false;
  const last = operation.path.split('/').filter(Boolean).pop() ?? '';
  if (/^\{.*\}$/.test(last)) return false;
  const parameters = buildToolDocument(entry.tool as EngineTool).parameters;
  return parameters.some(takesAccount) || wrapperOf(parameters) !== undefined;
}

/** Whether an input takes the customer's account of a problem in words. */
function takesAccount(parameter: ParameterInfo): boolean {
  return parameter.type === 'string' && !parameter.enumValues && ACCOUNT_NAME.test(parameter.name);
}

/**
 * The object a case's body is wrapped in (`{"ticket": {"subject", "comment": {"body"}}}`): the one
 * required object input, when it takes the account, and the fields that do (its own, and those its
 * objects require).
 */
function wrapperOf(parameters: readonly ParameterInfo[]): { name: string; fields: string[][] } | undefined {
  const objects = parameters.filter((parameter) => parameter.type === 'object' && parameter.required);
  if (objects.length !== 1) return undefined;
  const fields: string[][] = [];
  // A case requires its account (a ticket's comment body); a record that only may carry notes (a
  // user's) opens none.
  let required = false;
  for (const field of listParameters(objects[0].schema)) {
    if (takesAccount(field)) {
      fields.push([field.name]);
      required ||= field.required;
    } else if (field.type === 'object')
      for (const inner of listParameters(field.schema))
        if (inner.required && takesAccount(inner)) {
          fields.push([field.name, inner.name]);
          required = true;
        }
  }
  return required ? { name: objects[0].name, fields } : undefined;
}

/** The strings a value holds, at any depth (an email inside the requester's object). */
function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(stringsOf);
  return [];
}

/** A person's name input (`name`, `first_name`, `requester_name`). */
const PERSON_NAME = /(^|[^a-z])name$/i;

/**
 * Whether an input holds what reaches the customer or their record, at any depth: an email, a phone
 * number, an id, a name (`requester.email`, `order_id`). A date ("this month") or a kind ("problem")
 * reaches no one.
 */
function reachesSomeone(name: string, value: unknown): boolean {
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).some(([inner, held]) => reachesSomeone(inner, held));
  if (value === undefined || value === null) return false;
  return reachesPerson(value) || isIdName(name) || (PERSON_NAME.test(name) && typeof value === 'string');
}

/** How high among all operations the one that opens a case must rank for a complaint to go to it. */
const REMEDY_RANK = 8;

/**
 * For a complaint: the operation that opens a case for it (a ticket, a return), when one ranks among
 * the first for the message, with its inputs filled or asked for; none otherwise.
 */
export function chooseRemedy(options: ChooseToolOptions): Choice {
  const { tools, text, earlierText } = options;
  if (tools.length === 0) return { type: 'none' };
  // When this message answers a question asked for the complaint before it (the email to reply to),
  // the complaint is the account and what the ranking reads; this message gives what it lacked.
  const complaint = earlierText ?? text;
  const ranking = rankOffered(options, complaint);
  // A case is a new record of another kind than the ones the customer names by id: "charged twice,
  // transactions 8c1f… and 3a9e…" opens no new transaction, "order 10390 arrived torn" no new order.
  const named = namedById(ranking.query);
  const remedy = ranking.tools
    .slice(0, REMEDY_RANK)
    .find((ranked) => opensCase(ranked.entry) && !named.has(ranked.entry.head?.stem ?? ''));
  if (!remedy) return { type: 'none' };
  const tool = remedy.entry.tool as EngineTool;
  const filled = fillChoice({
    tool,
    entry: remedy.entry,
    query: ranking.query,
    text,
    earlierText,
    readings: options.readings ?? createTextReadings(options.now),
  });
  // The complaint itself is the account of the problem the case asks for.
  let account = complaint;
  for (const value of stringsOf(filled.input)) account = account.replace(value, ' ');
  account = account
    .replace(/\s+/g, ' ')
    .replace(/[\s.,;:]+$/, '')
    .trim();
  const missing = filled.missing.filter((parameter) => {
    if (parameter.type !== 'string' || !ACCOUNT_NAME.test(parameter.name) || !account) return true;
    filled.input[parameter.name] = account;
    return false;
  });
  // A body wrapped in one object takes the account in its own fields.
  const wrapper = account ? wrapperOf(buildToolDocument(tool).parameters) : undefined;
  if (wrapper) {
    const body = { ...((filled.input[wrapper.name] as Record<string, unknown> | undefined) ?? {}) };
    for (const [name, inner] of wrapper.fields)
      if (inner === undefined) body[name] ??= account;
      else body[name] = { ...((body[name] as Record<string, unknown> | undefined) ?? {}), [inner]: account };
    filled.input[wrapper.name] = body;
  }
  const stillMissing = missing.filter((parameter) => parameter.name !== wrapper?.name);
  if (stillMissing.length > 0) return { type: 'ask', tool, missing: stillMissing };
  // A case with nothing but the complaint's words (no email, no order) reaches nobody.
  const identified = Object.entries(filled.input).some(
    ([name, value]) => !ACCOUNT_NAME.test(name) && value !== account && reachesSomeone(name, value),
  );
  return identified ? { type: 'call', tool, input: filled.input, requests: true } : { type: 'none' };
}
