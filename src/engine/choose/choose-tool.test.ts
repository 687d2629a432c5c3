import { describe, expect, it } from 'vitest';
import type { EngineTool } from '../catalog/engine-tool.js';
import { decideTurn } from '../decide-turn.js';

const operation = (
  name: string,
  [method, path]: ['get' | 'post' | 'delete', string],
  description: string,
  properties: Record<string, unknown>,
  responseFields: string[],
): EngineTool => ({
  name,
  description,
  inputSchema: {
    type: 'object',
    properties,
    required: [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]),
  },
  operation: { method, path, operationId: name, responseFields },
});
/** Suppressions as SendGrid keeps them: a list of every unsubscribed address, and one address's entry. */
const suppressions = [
  operation(
    'ListUnsubscribes',
    ['get', '/v3/suppression/unsubscribes'],
    'Retrieve all global unsubscribes',
    { limit: { type: 'integer', default: 500 } },
    ['email', 'created'],
  ),
  operation(
    'GetUnsubscribe',
    ['get', '/v3/suppression/unsubscribes/{email}'],
    'Retrieve a global unsubscribe',
    { email: { type: 'string', format: 'email' } },
    ['email', 'created'],
  ),
];
const decide = (text: string) =>
  decideTurn({ system: '', turns: [{ role: 'user', text, toolCalls: [] }], toolResults: [] }, suppressions);

describe('chooseTool', () => {
  it("lists no records of people's emails filtered by nothing the customer gave", () => {
    expect(decide('unsubscribe me')).toMatchObject({ type: 'text' });
    expect(decide('am I unsubscribed? nia.k@example.com')).toMatchObject({
      type: 'tool-call',
      toolName: 'GetUnsubscribe',
      input: { email: 'nia.k@example.com' },
    });
  });
});
