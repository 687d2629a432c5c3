import { describe, expect, it } from 'vitest';
import { classifyResponse, describeFailure, extractApiMessage, isEmptyResult } from './describe-outcome.js';
import { defineTool } from './test-support/define-tool.js';

describe('extractApiMessage', () => {
  it.each([
    [{ message: 'Order not found' }, 'Order not found'],
    [{ error: 'No such product' }, 'No such product'],
    [{ error: { code: 'E1', message: 'Nested message' } }, 'Nested message'],
    [
      { type: 'about:blank', title: 'Not Found', detail: 'Order 123 does not exist' },
      'Order 123 does not exist',
    ],
    [{ title: 'Bad Request' }, 'Bad Request'],
    [{ errors: [{ message: 'email is invalid' }] }, 'email is invalid'],
    ['Order not found\n', 'Order not found'],
  ])('finds the message in %j', (body, expected) => {
    expect(extractApiMessage(body)).toBe(expected);
  });

  it('finds none in data, HTML pages or empty values', () => {
    expect(extractApiMessage({ id: 1 })).toBeUndefined();
    expect(extractApiMessage('<html><body>Not Found</body></html>')).toBeUndefined();
    expect(extractApiMessage({ message: '  ' })).toBeUndefined();
  });

  it('cuts a long message', () => {
    expect(extractApiMessage({ message: 'x'.repeat(1000) })?.length).toBe(300);
  });
});

describe('isEmptyResult', () => {
  it.each([
    [[], true],
    [{ items: [] }, true],
    [{ products: [], total: 0, page: 1 }, true],
    [[1], false],
    [{ items: [1] }, false],
    [{ items: [], related: [] }, false],
    [{ id: 1 }, false],
    ['', false],
  ])('%j is %s', (body, expected) => {
    expect(isEmptyResult(body)).toBe(expected);
  });
});

describe('classifyResponse', () => {
  const search = defineTool({ name: 'searchProducts', method: 'get', path: '/products' });
  const cancel = defineTool({ name: 'cancelOrder', method: 'delete', path: '/orders/{id}' });

  it('maps statuses to outcome classes', () => {
    expect(classifyResponse(search, 200, [{ id: 1 }])).toBe('ok');
    expect(classifyResponse(search, 404, { message: 'x' })).toBe('not-found');
    expect(classifyResponse(search, 422, {})).toBe('client-error');
    expect(classifyResponse(search, 429, {})).toBe('client-error');
    expect(classifyResponse(search, 503, '')).toBe('server-error');
  });

  it('treats empty results of read-only tools as not found, but not a write that answers empty', () => {
    expect(classifyResponse(search, 200, [])).toBe('not-found');
    expect(classifyResponse(search, 200, { items: [] })).toBe('not-found');
    expect(classifyResponse(search, 204, '')).toBe('not-found');
    expect(classifyResponse(cancel, 204, '')).toBe('ok');
  });
});

describe('describeFailure', () => {
  it('tells the customer the API message for not-found and client errors', () => {
    expect(
      describeFailure({
        outcome: 'not-found',
        status: 404,
        apiMessage: 'Order 9 not found',
        timeoutMs: 1000,
      }),
    ).toEqual({
      modelText: 'Not found (404 Not Found): Order 9 not found',
      customerMessage: 'Order 9 not found',
    });
  });

  it('gives the customer no technical detail for server errors, timeouts and network failures', () => {
    for (const outcome of ['server-error', 'timeout', 'network', 'blocked'] as const) {
      const sentences = describeFailure({ outcome, status: 503, timeoutMs: 300 });
      expect(sentences.customerMessage).toMatch(/^We could not retrieve that information/);
      expect(sentences.customerMessage).not.toMatch(/503|timeout|blocked/i);
    }
    expect(describeFailure({ outcome: 'timeout', timeoutMs: 300 }).modelText).toContain('0.3 seconds');
  });
});
