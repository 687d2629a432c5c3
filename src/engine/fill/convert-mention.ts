// Turns a value found in the message into the value a parameter's schema asks for, or undefined.
import { matchesSchemaPattern } from '../../tools/index.js';
import { splitWords } from '../language/split-words.js';
import type { ClassifiedParameter } from './classify-parameter.js';
import { currencyOfSymbol, toInputAmount } from './find-currencies.js';
import type { Mention } from './mention.js';

const pad = (value: number) => String(value).padStart(2, '0');

/** Whether an input takes a time of day alone: named a time, with nothing of a date about it. */
function timeOfDay(parameter: ClassifiedParameter): boolean {
  const words = splitWords(parameter.name).map((word) => word.toLowerCase());
  return (
    words.includes('time') &&
    !words.some((word) => DATE_WORDS.has(word)) &&
    parameter.schema.format === undefined &&
    !/\b(?:dates?|timestamp|iso|utc|epoch|day)\b/i.test(parameter.description)
  );
}
const DATE_WORDS = new Set(['date', 'datetime', 'timestamp', 'day', 'at']);

/** Formats a date as the parameter's description or format asks (ISO date by default). */
export function formatDate(date: Date, hasTime: boolean, parameter: ClassifiedParameter): string {
  const description = parameter.description.toUpperCase();
  const [year, month, day] = [date.getFullYear(), pad(date.getMonth() + 1), pad(date.getDate())];
  const time = `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
  if (description.includes('MM/DD/YYYY')) return `${month}/${day}/${year}`;
  if (description.includes('DD/MM/YYYY')) return `${day}/${month}/${year}`;
  if (description.includes('MM-DD-YYYY')) return `${month}-${day}-${year}`;
  if (description.includes('DD-MM-YYYY')) return `${day}-${month}-${year}`;
  // "journey_start_time: Starting time of the train journey": a time of day alone.
  if (timeOfDay(parameter)) return time.slice(0, 5);
  if (parameter.schema.format === 'date-time' || (hasTime && /HH|TIME/.test(description)))
    return `${year}-${month}-${day}T${time}`;
  return `${year}-${month}-${day}`;
}

/**
 * Matches a schema pattern as written, else with the text's case changed where only case differs.
 * Patterns run on RE2 (linear time): a customer's message cannot stall the server through a schema's
 * pattern; one RE2 cannot run matches nothing.
 */
export function matchPattern(text: string, pattern: string): string | undefined {
  for (const candidate of [text, text.toUpperCase(), text.toLowerCase()])
    if (matchesSchemaPattern(pattern, candidate)) return candidate;
  return undefined;
}

function toNumber(mention: Mention, parameter: ClassifiedParameter): number | undefined {
  if (mention.kind !== 'number' && !(mention.kind === 'identifier' && /^#?\d+$/.test(mention.text)))
    return undefined;
  let value = typeof mention.value === 'number' ? mention.value : Number(mention.text.replace('#', ''));
  // "5%" is 0.05 unless the parameter says it takes a percentage.
  if (mention.percent && !/percent|%/i.test(`${parameter.name} ${parameter.description}`)) value /= 100;
  // "$15" to an amount in cents: 1500.
  if (mention.money) {
    const symbol = /[$€£¥]/.exec(mention.text)?.[0];
    value = toInputAmount(value, parameter.description, symbol && currencyOfSymbol(symbol));
  }
  if (parameter.kind === 'integer' && !Number.isInteger(value)) return undefined;
  return value;
}

function toText(mention: Mention): string | undefined {
  if (mention.kind === 'tuple' || mention.kind === 'date') return undefined;
  return mention.kind === 'identifier' ? mention.text.replace(/^#/, '') : mention.text;
}

/** A host name: words joined by dots, ending in a top-level domain of letters (`shop.example.co.uk`). */
const HOST = /^(?:[\p{L}\p{N}-]+\.)+\p{L}{2,6}$/u;

/** Whether a value found in a message is a host name ("mycoolshop.net"). */
export function isHostName(mention: Mention): boolean {
  return (mention.kind === 'identifier' || mention.kind === 'url') && HOST.test(mention.text);
}

/** The value `mention` gives `parameter`, or undefined when it cannot be one. */
export function convertMention(mention: Mention, parameter: ClassifiedParameter): unknown {
  switch (parameter.kind) {
    case 'number':
    case 'integer':
      return toNumber(mention, parameter);
    case 'email':
    case 'phone':
      return mention.kind === parameter.kind ? mention.text : undefined;
    case 'url':
      // A site is often named by its host alone ("from Foodnetwork.com").
      return mention.kind === 'url' || isHostName(mention) ? mention.text : undefined;
    case 'date': {
      if (mention.kind !== 'date') return undefined;
      const { date, hasTime } = mention.value as { date: Date; hasTime: boolean };
      // A day said without its hour gives no time of day.
      if (!hasTime && timeOfDay(parameter)) return undefined;
      return formatDate(date, hasTime, parameter);
    }
    case 'pattern': {
      const text = toText(mention);
      return text === undefined ? undefined : matchPattern(text, String(parameter.schema.pattern));
    }
    case 'identifier':
      // An amount of money ("$12.50") names nothing.
      if (mention.money || /^[$€£¥]/.test(mention.text)) return undefined;
      return ['identifier', 'number', 'quoted'].includes(mention.kind) ? toText(mention) : undefined;
    case 'location':
      return ['proper', 'quoted'].includes(mention.kind) ? mention.text : undefined;
    case 'text':
    case 'keyword':
      return ['proper', 'quoted', 'phone'].includes(mention.kind) ? mention.text : undefined;
    case 'array':
      return mention.kind === 'tuple' ? mention.value : undefined;
    case 'currency':
      return mention.kind === 'currency' ? mention.value : undefined;
    default:
      return undefined;
  }
}
