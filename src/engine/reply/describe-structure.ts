// An object input asked for in plain words: an amount of money as "the amount to refund", any other
// object by the fields it needs ("the sku and qty of the cart item"), never by its type's name or
// its type's description ("Represents an amount of money").
import { listParameters, type ParameterInfo, resolveSchema } from '../catalog/list-parameters.js';
import { splitWords } from '../language/split-words.js';
import { joinAnd } from './format-field.js';

const MAX_FIELDS = 4;

/** Names of the number in a money object (`{amount, currency}`, `{value, currency_code}`). */
const AMOUNT_NAME = /^(?:amount|value|total|sum)$/i;
/** Words that already say a name is an amount ("tip money" is asked for as "the tip amount"). */
const AMOUNT_WORDS = /^(?:amount|price|total|sum|cost|fee|value|balance)s?$/;

/** Whether fields are those of an amount of money: a number and its currency. */
function isMoney(fields: readonly ParameterInfo[]): boolean {
  return (
    fields.some(
      (field) => AMOUNT_NAME.test(field.name) && ['number', 'integer', 'string'].includes(field.type ?? ''),
    ) && fields.some((field) => /currency/i.test(field.name))
  );
}

/** An amount of money by its name: `amount_money` -> amount (to refund), `tip_money` -> tip amount. */
export function moneyPhrase(name: string, purpose: string | undefined): string {
  const words = splitWords(name).filter((word) => word !== 'money');
  if (!words.some((word) => AMOUNT_WORDS.test(word))) words.push('amount');
  const phrase = words.join(' ');
  return phrase === 'amount' && purpose ? `amount to ${purpose}` : phrase;
}

/** A field's name as words: `location_id` -> location ID, `start_at` -> start time. */
function fieldWords(field: ParameterInfo): string {
  const words = splitWords(field.name).map((word) => (word === 'id' ? 'ID' : word));
  if (words.length > 1 && words[words.length - 1] === 'at') words[words.length - 1] = 'time';
  return words.join(' ');
}

/**
 * Of the fields a customer can give (never those only the API writes), those to ask for: the
 * required ones; without a required list a handful as they are, or none for "the details".
 */
function askedFields(fields: ParameterInfo[]): ParameterInfo[] {
  if (fields.some((field) => field.required)) return fields.filter((field) => field.required);
  return fields.length <= MAX_FIELDS ? fields : [];
}

/**
 * An object or a list of objects asked for in plain words: "the amount to refund", "the sku and qty
 * of the cart item", "the flight number and date of each of the flights", "the details of the
 * booking". `purpose` is the verb an amount of money is for ("refund").
 */
export function describeStructure(parameter: ParameterInfo, purpose?: string): string | undefined {
  const items = parameter.type === 'array' ? resolveSchema(parameter.schema.items) : undefined;
  const target = items ?? parameter.schema;
  const properties = target.properties as Record<string, unknown> | undefined;
  if (!properties || typeof properties !== 'object') return undefined;
  const given = listParameters(target).filter((field) => field.schema.readOnly !== true);
  if (given.length === 0) return undefined;
  if (isMoney(given)) return `the ${moneyPhrase(parameter.name, items ? undefined : purpose)}`;
  const fields = askedFields(given);
  const noun = splitWords(parameter.name).join(' ');
  const owner = items ? `each of the ${noun}` : `the ${noun}`;
  if (fields.length === 0) return `the details of ${owner}`;
  const phrases = fields.slice(0, MAX_FIELDS).map((field) => {
    return field.type === 'object' && isMoney(listParameters(field.schema))
      ? moneyPhrase(field.name, undefined)
      : fieldWords(field);
  });
  // "the method of the payment method" is the payment method.
  const nounWords = new Set(splitWords(noun));
  if (phrases.length === 1 && splitWords(phrases[0]).every((word) => nounWords.has(word)))
    return `the ${noun}`;
  return `the ${joinAnd([...new Set(phrases)])} of ${owner}`;
}
