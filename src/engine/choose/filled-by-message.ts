import { EMAIL_ADDRESS, type IndexedTool, isFreeTextName, isIdName, PHONE } from '../../tools/index.js';
import { listParameters } from '../catalog/list-parameters.js';

/**
 * The inputs of the operation that hold a value the conversation gave: neither the input's default
 * nor a setting the business's prompt gives and the message does not (a tenant id).
 */
export function filledByMessage(
  entry: IndexedTool,
  input: Record<string, unknown>,
  text: string,
  prompt: string,
): string[] {
  const parameters = listParameters(entry.tool.inputSchema);
  return Object.entries(input)
    .filter(
      ([name, value]) =>
        parameters.find((parameter) => parameter.name === name)?.schema.default !== value &&
        !(typeof value === 'string' && prompt.includes(value) && !text.includes(value)),
    )
    .map(([name]) => name);
}

/** A value that is a phone number, as the ranking reads one in a message (`PHONE`). */
const WHOLE_PHONE = new RegExp(`^(?:${PHONE.source})$`);

/** Whether a value reaches a person: it is, or holds, an email address, or it is a phone number. */
export function reachesPerson(value: unknown): boolean {
  return typeof value === 'string' && (EMAIL_ADDRESS.test(value) || WHOLE_PHONE.test(value.trim()));
}

/**
 * Whether the values the conversation gave include one that identifies the customer or one of their
 * records: an id input's, an id filter's, an email or a phone number ("orders paid with Klarna" is no
 * one's, "orders of jo@example.com" are the customer's).
 */
export function identifiedByMessage(
  entry: IndexedTool,
  input: Record<string, unknown>,
  filled: readonly string[],
): boolean {
  return filled.some((name) => {
    const value = input[name];
    const values = Array.isArray(value) ? value : [value];
    return (
      isIdName(name) ||
      // Search words ("tax return") are no one's: only an email or a phone among them is.
      (entry.idFilters.some((filter) => filter.name === name) && !isFreeTextName(name)) ||
      values.some(reachesPerson)
    );
  });
}
