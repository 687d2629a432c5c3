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

  it('answers one object with a nested list as that object, its link kept and the list summarised', () => {
    const text = answer({
      bookingRef: 'B-77',
      guest: 'kim@example.com',
      state: 'confirmed',
      createdAt: '2026-03-01T09:30:00Z',
      rooms: [
        { code: 'R1', title: 'Sea view double', nights: 2 },
        { code: 'R2', title: 'Garden single', nights: 2 },
      ],
      amountDue: 420,
      hotel: 'Harbour Inn',
      confirmationNumber: 'HX-1',
      voucherId: 'V-9',
      region: 'north',
      arrival: '2026-04-02',
      manageUrl: 'https://hotel.example/manage/B-77',
    });
    expect(text).toMatch(/^Here is what I found:/);
    expect(text).not.toContain('I found 2 results');
    expect(text).toContain('State: confirmed');
    expect(text).toContain('March 1, 2026');
    expect(text).toContain('https://hotel.example/manage/B-77');
    expect(text).toContain('Rooms: Sea view double, Garden single');
    expect(text).not.toContain('nights');
  });

  it('still answers a list wrapped with paging fields and a message as a list', () => {
    const text = answer({
      hits: [{ title: 'Blue mug' }, { title: 'Red mug' }],
      total_count: 2,
      page: 1,
      message: 'ok',
    });
    expect(text).toContain('I found 2 results');
    expect(text).toContain('- Blue mug');
  });
});
