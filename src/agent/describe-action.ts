// Says in one sentence, built from the operation's own text and the arguments, what a write action
// is about to do, so the customer confirms exactly that.
import type { ToolDefinition } from '../tools/index.js';

const MAX_VALUE_CHARS = 120;

/** Splits an identifier into lower-case words, keeping `ID` readable: `orderId` -> `order ID`. */
function labelOf(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_\-.]+/g, ' ')
    .trim()
    .toLowerCase()
    .split(/\s+/);
  return words.map((word) => (word === 'id' ? 'ID' : word)).join(' ');
}

// Third-person verbs that do not become the base form by dropping the `s`.
const IRREGULAR_VERBS: Record<string, string> = { has: 'have', does: 'do', goes: 'go', is: 'be' };

/** `Creates a return` -> `create a return`, `Pushes` -> `push`, so the phrase follows "I'm about to". */
function toBaseForm(phrase: string): string {
  const [first, ...rest] = phrase.split(' ');
  const lower = first.toLowerCase();
  let verb = first;
  if (IRREGULAR_VERBS[lower]) verb = IRREGULAR_VERBS[lower];
  else if (/(ss|us|is)$/.test(lower) || !/^[a-z]+s$/.test(lower)) verb = first;
  else if (/(sses|shes|ches|xes|zes)$/.test(lower)) verb = first.slice(0, -2);
  else verb = first.slice(0, -1);
  return [verb, ...rest].join(' ');
}

/** The action as a verb phrase: the summary, else a short first sentence of the description, else the name. */
function actionOf(tool: ToolDefinition): string {
  const sentence = tool.description.split(/(?<=[.!?])\s|\n/)[0]?.trim();
  const phrase =
    tool.summary?.trim() ||
    (sentence && sentence.length <= 80 && !/^use\b/i.test(sentence) ? sentence : labelOf(tool.name));
  const trimmed = toBaseForm(phrase.replace(/[.!?]+$/, ''));
  // Keep acronyms ("API key") as written; lower-case an ordinary first word.
  return /^[A-Z][a-z]/.test(trimmed) ? trimmed.charAt(0).toLowerCase() + trimmed.slice(1) : trimmed;
}

function formatValue(value: unknown): string {
  let text: string;
  if (typeof value === 'string') text = /\s/.test(value) || value === '' ? `"${value}"` : value;
  else if (Array.isArray(value) && value.every((item) => typeof item !== 'object' || item === null))
    text = value.map(formatValue).join(', ');
  else text = JSON.stringify(value) ?? String(value);
  return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS - 1)}…` : text;
}

/** `[label, value]` pairs of the arguments; a wrapped body object's own fields are listed in its place. */
function listArguments(args: unknown, depth = 0): [string, string][] {
  if (typeof args !== 'object' || args === null || Array.isArray(args)) return [];
  const pairs: [string, string][] = [];
  for (const [name, value] of Object.entries(args)) {
    if (value === undefined || value === null) continue;
    const isObject = typeof value === 'object' && !Array.isArray(value);
    if (isObject && depth === 0) pairs.push(...listArguments(value, depth + 1));
    else pairs.push([labelOf(name), formatValue(value)]);
  }
  return pairs;
}

function joinWithAnd(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** What the action does, e.g. `create a return with order number 12345 and reason "too small"`. */
export function describeAction(tool: ToolDefinition, args: unknown): string {
  const details = listArguments(args).map(([label, value]) => `${label} ${value}`);
  return details.length > 0 ? `${actionOf(tool)} with ${joinWithAnd(details)}` : actionOf(tool);
}

/** The question the customer answers: `I'm about to <action>. Shall I go ahead? (yes / no)`. */
export function confirmationQuestion(action: string): string {
  return `I'm about to ${action}. Shall I go ahead? (yes / no)`;
}
