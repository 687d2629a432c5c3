import { describe, expect, it } from 'vitest';
import { findApiCurrency, scanCurrency } from './find-currency.js';
import { readFields } from './read-fields.js';
import { statusPredicate } from './status-words.js';

const roles = (record: Record<string, unknown>, options = {}) =>
  Object.fromEntries(
    readFields(record, options).map((field) => [field.words.join('.'), [field.role, field.personal ?? null]]),
  );

describe('readFields', () => {
  it('recognises roles by value shape and field words, not by one API', () => {
    expect(
      roles({
        orderNumber: '12345',
        status: 'shipped',
        placedAt: '2026-11-18T10:12:00Z',
        estimatedDelivery: '2026-11-27',
        total: 189,
        total_count: 3,
        currency: 'USD',
        trackingUrl: 'https://track.example/1',
        inStock: false,
        carrier: 'UPS',
        state: 'TX',
        name: 'Alex',
      }),
    ).toEqual({
      'order.number': ['identifier', null],
      status: ['status', null],
      'placed.at': ['date', null],
      'estimated.delivery': ['date', null],
      total: ['money', null],
      'total.count': ['number', null],
      currency: ['currency', null],
      'tracking.url': ['url', null],
      'in.stock': ['availability', null],
      carrier: ['text', null],
      state: ['text', null],
      name: ['name', null],
    });
  });

  it('marks personal data by name and by shape, secrets by name; dates are never phone numbers', () => {
    expect(
      roles({
        contact: 'kim@example.com',
        phone: '+1 512 555 0150',
        note: '(512) 555-0150',
        delivered: '2026-11-27',
        shipping_address: { line1: '7 Rue Cler', city: 'Paris' },
        paymentMethod: 'Visa ending 4242',
        card: { last4: '4242' },
        last4: '0005',
        password: 'hunter2',
        api_key: 'sk_live_x',
      }),
    ).toEqual({
      contact: ['text', 'email'],
      phone: ['text', 'phone'],
      note: ['text', 'phone'],
      delivered: ['date', null],
      'shipping.address.line': ['text', 'address'],
      'shipping.address.city': ['text', 'address'],
      'payment.method': ['text', 'card'],
      'card.last': ['text', 'card'],
      last: ['text', 'card'],
      password: ['secret', null],
      'api.key': ['secret', null],
    });
  });

  it('reads money objects, minor units and the currency of an enclosing object', () => {
    const fields = readFields(
      {
        currency: 'eur',
        amount: 2099,
        price: { amount: '12.50', currency_code: 'GBP' },
        lines: [
          { name: 'Mug', price: 10 },
          { name: 'Cup', price: 8 },
        ],
      },
      {
        schema: {
          type: 'object',
          properties: { amount: { type: 'integer', description: 'Amount in cents.' } },
        },
      },
    );
    expect(fields.find((field) => field.key === 'amount')?.money).toEqual({ amount: 20.99, currency: 'EUR' });
    expect(fields.find((field) => field.key === 'price')?.money).toEqual({ amount: 12.5, currency: 'GBP' });
    expect(fields.find((field) => field.key === 'lines')?.role).toBe('records');
    const [line] = readFields({ price: 10 }, { parents: [{ currency: 'CHF' }] });
    expect(line.money).toEqual({ amount: 10, currency: 'CHF' });
  });

  it('takes the API currency only when the schema names exactly one', () => {
    expect(scanCurrency('Highest price in USD. ALL orders, TOP sellers.')).toBe('USD');
    expect(scanCurrency('Prices in USD or EUR')).toBeUndefined();
    const tool = (description: string) => ({ name: 't', description, inputSchema: {} });
    expect(findApiCurrency([tool('Search products'), tool('Price in EUR')])).toBe('EUR');
    expect(findApiCurrency([tool('Search products')])).toBeUndefined();
  });

  it('keeps what a tool names across turns, yet reads it again when its texts change', () => {
    const schema = {
      type: 'object',
      properties: { maxPrice: { type: 'number', description: 'Highest price in USD.' } },
    };
    const tool = (description: string) => ({ name: 't', description, inputSchema: schema });
    expect(findApiCurrency([tool('Search products')])).toBe('USD');
    expect(findApiCurrency([tool('Search products')])).toBe('USD');
    // The same schema object under another description: USD and EUR, so no one currency.
    expect(findApiCurrency([tool('Refunds in EUR')])).toBeUndefined();
    expect(
      findApiCurrency([
        tool('Search products'),
        { name: 'u', description: 'Totals in GBP', inputSchema: {} },
      ]),
    ).toBeUndefined();
    expect(findApiCurrency([tool('Search products')])).toBe('USD');
  });
});

describe('statusPredicate', () => {
  it.each([
    ['shipped', 'has been shipped'],
    ['paid', 'has been paid'],
    ['failed', 'has failed'],
    ['pending', 'is pending'],
    ['out_for_delivery', 'is out for delivery'],
    ['IN_TRANSIT', 'is in transit'],
    ['succeeded', 'has succeeded'],
  ])('%s -> %s', (value, predicate) => {
    expect(statusPredicate(value)).toBe(predicate);
  });
});
