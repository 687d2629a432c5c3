import { describe, expect, it } from 'vitest';
import { assignToolNames, nameFromRoute } from './assign-tool-names.js';
import { cutAtWord, describeOperation } from './describe-operation.js';

const valid = /^[a-zA-Z0-9_-]{1,64}$/;

describe('assignToolNames', () => {
  it('sanitizes operationIds and builds names from method and path otherwise', () => {
    expect(
      assignToolNames([
        { operationId: 'orders.track', method: 'get', path: '/orders/{id}' },
        { method: 'get', path: '/orders/{orderId}/items' },
        { operationId: 'Créer une commande', method: 'post', path: '/orders' },
      ]),
    ).toEqual(['orders_track', 'get_orders_orderId_items', 'Cr_er_une_commande']);
  });

  it('keeps names unique and within 64 characters, giving operationIds precedence', () => {
    const long = 'a'.repeat(80);
    const names = assignToolNames([
      { method: 'get', path: '/pets' },
      { operationId: 'get_pets', method: 'get', path: '/animals' },
      { operationId: long, method: 'get', path: '/x' },
      { operationId: long, method: 'get', path: '/y' },
      { operationId: '***', method: 'delete', path: '/' },
    ]);
    expect(names).toEqual(['get_pets_2', 'get_pets', 'a'.repeat(64), `${'a'.repeat(62)}_2`, 'delete']);
    for (const name of names) expect(name).toMatch(valid);
  });

  it('turns any path into a valid name', () => {
    expect(nameFromRoute('get', '/v1/{account-id}/files/{path}.json')).toBe(
      'get_v1_account_id_files_path_json',
    );
  });
});

describe('describeOperation', () => {
  it('joins summary and description, once when they repeat, the route when both are missing', () => {
    expect(
      describeOperation({
        summary: 'Track an order',
        description: 'Use for *where is my order*.',
        method: 'get',
        path: '/o',
      }),
    ).toBe('Track an order\n\nUse for *where is my order*.');
    expect(describeOperation({ summary: 'Same', description: 'Same', method: 'get', path: '/o' })).toBe(
      'Same',
    );
    expect(describeOperation({ method: 'get', path: '/orders/{id}' })).toBe('GET /orders/{id}');
  });

  it('cuts long text at a word boundary within 1,024 characters', () => {
    const text = describeOperation({ summary: 'word '.repeat(400), method: 'get', path: '/' });
    expect(text.length).toBeLessThanOrEqual(1024);
    expect(text.endsWith('word…')).toBe(true);
    expect(cutAtWord('short', 10)).toBe('short');
  });
});
