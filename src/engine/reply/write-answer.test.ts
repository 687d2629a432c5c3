import { describe, expect, it } from 'vitest';
import { writeAnswer } from './write-answer.js';

const answer = (value: unknown, isError = false) =>
  writeAnswer({ toolName: 'tool', input: {}, isError, value });

describe('writeAnswer', () => {
  it('lists a few items with their key fields, out of stock when stock is 0, URLs kept', () => {
    const text = answer({
      results: [
        {
          sku: 'SKU-1',
          name: 'Leather Tote',
          price: 89,
          currency: 'USD',
          stock: 0,
          url: 'https://shop.example/1',
        },
        { sku: 'SKU-2', name: 'Leather Satchel', price: 120.5, currency: 'USD', stock: 4 },
      ],
    });
    expect(text).toContain('I found 2 results');
    expect(text).toContain('Leather Tote — sku: SKU-1, 89.00 USD, out of stock, https://shop.example/1');
    expect(text).toContain('Leather Satchel — sku: SKU-2, 120.50 USD, 4 in stock');
  });

  it('never mentions a field that was not returned', () => {
    const text = answer({ orderId: '12345', status: 'processing' });
    expect(text).toBe('Here is what I found:\nOrder ID: 12345\nStatus: processing');
  });

  it('says failures with the executor sentence, preferring the customer message', () => {
    expect(answer({ outcome: 'not-found', message: 'No order found with number 999' })).toBe(
      'No order found with number 999',
    );
    expect(
      answer({
        outcome: 'error',
        message: 'GET failed with 500',
        customerMessage: 'The store system is not answering.',
      }),
    ).toBe('The store system is not answering.');
    expect(answer('upstream timed out', true)).toBe('upstream timed out');
  });

  it('says plainly when a search found nothing', () => {
    expect(answer({ results: [] })).toBe("I couldn't find anything matching that.");
  });

  it('acknowledges an action the customer declined', () => {
    expect(answer({ outcome: 'denied' }, true)).toBe("Okay, I haven't done that.");
  });
});
