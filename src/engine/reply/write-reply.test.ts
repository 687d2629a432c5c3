import { describe, expect, it } from 'vitest';
import { engineTool, replyTo } from './test-support/reply-to.js';

const trackOrder = engineTool({
  name: 'trackOrder',
  path: '/orders/{orderNumber}',
  summary: 'Track an order: status, carrier, tracking link and delivery date',
  responseSchema: {
    type: 'object',
    properties: {
      status: {
        type: 'string',
        enum: ['processing', 'shipped', 'out_for_delivery', 'delivered', 'cancelled'],
      },
      trackingUrl: { type: 'string', format: 'uri', description: 'Give this link to the customer.' },
      total: { type: 'number' },
    },
  },
});
const searchProducts = engineTool({
  name: 'searchProducts',
  path: '/products',
  summary: 'Search the product catalog',
  input: { q: { type: 'string' }, maxPrice: { type: 'number', description: 'Highest price in USD.' } },
});
const findStores = engineTool({
  name: 'findStores',
  path: '/stores',
  summary: 'Find shops and their opening hours',
  responseSchema: {
    type: 'object',
    properties: {
      stores: {
        type: 'array',
        items: {
          type: 'object',
          properties: { hours: { type: 'object', additionalProperties: { type: 'string' } } },
        },
      },
    },
  },
});
const getInvoice = engineTool({
  name: 'getPaymentStatus',
  path: '/invoices/{invoiceNumber}',
  summary: 'Check an invoice and its payment status',
  responseSchema: {
    type: 'object',
    properties: { status: { type: 'string', enum: ['paid', 'pending', 'failed', 'refunded'] } },
  },
});
const tools = [trackOrder, searchProducts, findStores, getInvoice];

const order = {
  orderNumber: '12345',
  email: 'alex@example.com',
  status: 'shipped',
  placedAt: '2026-11-18T10:12:00Z',
  items: [{ sku: 'SKU-1001', name: 'Leather Tote Bag', quantity: 1, price: 189 }],
  total: 189,
  carrier: 'UPS',
  trackingNumber: '1Z999AA10123456784',
  trackingUrl: 'https://www.ups.com/track?tracknum=1Z999AA10123456784',
  estimatedDelivery: '2026-11-27',
  deliveredAt: null,
};
const product = (sku: string, name: string, price: number, stock: number) => ({
  sku,
  name,
  price,
  currency: 'USD',
  stock,
  url: `https://shop.example/${sku}`,
});
const products = [
  product('SKU-1001', 'Leather Tote Bag', 189, 12),
  product('SKU-1002', 'Leather Messenger Bag', 229, 4),
  product('SKU-1003', 'Leather Backpack', 259, 0),
  product('SKU-1004', 'Leather Crossbody Bag', 139, 7),
  product('SKU-2001', 'Slim Leather Wallet', 59, 25),
  product('SKU-2003', 'Leather Card Holder', 35, 40),
];
const week = {
  monday: '10:00-19:00',
  tuesday: '10:00-19:00',
  wednesday: '10:00-19:00',
  thursday: '10:00-20:00',
  friday: '10:00-20:00',
  saturday: '10:00-18:00',
  sunday: 'closed',
};
const stores = [
  {
    name: 'Downtown Shop',
    city: 'Portland',
    address: '101 Congress Street',
    phone: '+1 207 555 0101',
    hours: week,
  },
  {
    name: 'Riverside Shop',
    city: 'Austin',
    address: '500 Congress Avenue',
    phone: '+1 512 555 0150',
    hours: { ...week, sunday: '12:00-17:00' },
  },
];

describe('answering the question asked', () => {
  it('where is my order: status, carrier, expected date and the whole tracking link; no email, no total', () => {
    const text = replyTo(
      'Where is my order #12345?',
      [{ tool: 'trackOrder', input: { orderNumber: '12345' }, data: order }],
      tools,
    );
    expect(text).toBe(
      'Your order 12345 has been shipped. The carrier is UPS, and the estimated delivery is November 27, 2026.\n' +
        'Here is the tracking link: https://www.ups.com/track?tracknum=1Z999AA10123456784',
    );
  });

  it('how much: the amount first, in the currency the API names in its schema', () => {
    const text = replyTo(
      'How much was my order 12345?',
      [{ tool: 'trackOrder', input: { orderNumber: '12345' }, data: order }],
      tools,
    );
    expect(text).toMatch(/^The total of your order 12345 is \$189\.00\./);
    expect(text).not.toContain('alex@example.com');
  });

  it('when will it arrive: the expected date leads', () => {
    const text = replyTo(
      'when will order 12345 arrive?',
      [{ tool: 'trackOrder', input: { orderNumber: '12345' }, data: order }],
      tools,
    );
    expect(text).toMatch(/^The estimated delivery of order 12345 is November 27, 2026\./);
  });

  it('a yes-or-no question about a state is answered against the life cycle the schema lists', () => {
    const delivered = (status: string) =>
      replyTo(
        'Has my order 12345 been delivered?',
        [{ tool: 'trackOrder', input: { orderNumber: '12345' }, data: { ...order, status } }],
        tools,
      );
    expect(delivered('shipped')).toMatch(/^Not yet: your order 12345 has been shipped\./);
    expect(delivered('delivered')).toMatch(/^Yes, your order 12345 has been delivered\./);
    expect(delivered('cancelled')).toMatch(/^No, your order 12345 has been cancelled\./);
  });

  it('did my payment go through: paid or not, and when; card digits only when asked', () => {
    const invoice = {
      invoiceNumber: 'INV-2026-001',
      email: 'sam@example.com',
      amount: 168,
      currency: 'USD',
      status: 'paid',
      paidAt: '2026-11-02T09:06:00Z',
      paymentMethod: 'Visa ending 4242',
    };
    const paid = replyTo(
      'did my payment for invoice INV-2026-001 go through?',
      [{ tool: 'getPaymentStatus', input: { invoiceNumber: 'INV-2026-001' }, data: invoice }],
      tools,
    );
    expect(paid).toBe(
      'Yes, your invoice INV-2026-001 has been paid. It was paid on November 2, 2026 at 9:06 AM UTC.',
    );
    const failed = replyTo(
      'did my payment for invoice INV-2026-004 go through?',
      [
        {
          tool: 'getPaymentStatus',
          input: { invoiceNumber: 'INV-2026-004' },
          data: { ...invoice, status: 'failed', paidAt: null, failureReason: 'The card was declined.' },
        },
      ],
      tools,
    );
    expect(failed).toBe('No, your invoice INV-2026-004 has failed. The card was declined.');
    const card = replyTo(
      'which card did I pay invoice INV-2026-001 with?',
      [{ tool: 'getPaymentStatus', input: { invoiceNumber: 'INV-2026-001' }, data: invoice }],
      tools,
    );
    expect(card).toContain('Visa ending 4242');
  });

  it('in stock? yes or no for that item, then alternatives that are', () => {
    const text = replyTo(
      'Is the Leather Backpack in stock?',
      [{ tool: 'searchProducts', input: { q: 'Leather Backpack' }, data: { products } }],
      tools,
    );
    expect(text).toBe(
      'No, Leather Backpack is out of stock right now.\nThese products are in stock: Leather Tote Bag ($189.00), Leather Messenger Bag ($229.00) and Leather Crossbody Bag ($139.00).',
    );
    const yes = replyTo(
      'is the slim leather wallet available?',
      [{ tool: 'searchProducts', input: { q: 'slim leather wallet' }, data: { products } }],
      tools,
    );
    expect(yes).toBe('Yes, Slim Leather Wallet is in stock (25 available).');
  });

  it('says plainly when what was searched for is not among the results, and which filter applied', () => {
    const inStock = products.filter((item) => item.stock > 0);
    const text = replyTo(
      'Is the Leather Backpack in stock?',
      [
        {
          tool: 'searchProducts',
          input: { q: 'Leather Backpack', inStock: true },
          data: { products: inStock },
        },
      ],
      tools,
    );
    expect(text).toMatch(/^I couldn't find “Leather Backpack” among the products in stock\./);
    expect(text).toContain('- Leather Tote Bag — $189.00, in stock (12 available)');
    expect(text).toContain('…and 2 more.');
  });

  it('lists are short: a few items with price and availability, and how many more', () => {
    const text = replyTo(
      'Show me leather goods',
      [{ tool: 'searchProducts', input: { q: 'leather' }, data: { products, total: 14 } }],
      tools,
    );
    expect(text.split('\n')).toEqual([
      'I found 14 products matching “leather”:',
      '- Leather Tote Bag — $189.00, in stock (12 available)',
      '- Leather Messenger Bag — $229.00, in stock (4 available)',
      '- Leather Backpack — $259.00, out of stock',
      '- Leather Crossbody Bag — $139.00, in stock (7 available)',
      '- Slim Leather Wallet — $59.00, in stock (25 available)',
      '…and 9 more.',
    ]);
  });

  it('opening hours: of the store named, for the day named, without its address or phone', () => {
    const saturday = replyTo(
      'what time does the Austin store open on saturday?',
      [{ tool: 'findStores', input: {}, data: { stores } }],
      tools,
    );
    expect(saturday).toBe('Riverside Shop is open from 10 AM to 6 PM on Saturday.');
    const sunday = replyTo(
      'is the Portland shop open on Sunday?',
      [{ tool: 'findStores', input: {}, data: { stores } }],
      tools,
    );
    expect(sunday).toBe('No, Downtown Shop is closed on Sunday.');
    const today = replyTo(
      'are you open today in Austin?',
      [{ tool: 'findStores', input: {}, data: { stores } }],
      tools,
    );
    expect(today).toContain('Saturday');
    const week = replyTo(
      'What are the opening hours of the Portland store?',
      [{ tool: 'findStores', input: {}, data: { stores } }],
      tools,
    );
    expect(week).toBe(
      'Downtown Shop is open Monday to Wednesday 10 AM to 7 PM, Thursday and Friday 10 AM to 8 PM and Saturday 10 AM to 6 PM, and closed on Sunday.',
    );
    expect(week).not.toMatch(/Congress|555/);
  });

  it('gives an address or a phone number when that is what was asked', () => {
    const where = replyTo(
      'where is your Austin shop?',
      [{ tool: 'findStores', input: {}, data: { stores } }],
      tools,
    );
    expect(where).toContain('500 Congress Avenue');
    const phone = replyTo(
      'phone number of the Portland store?',
      [{ tool: 'findStores', input: {}, data: { stores } }],
      tools,
    );
    expect(phone).toContain('+1 207 555 0101');
    expect(phone).not.toContain('Congress');
  });
});

describe('several results in one reply', () => {
  it('answers each part of a two-part message with its own result', () => {
    const text = replyTo(
      'did my payment for invoice INV-2026-001 go through? also what time does the Austin store open on saturday?',
      [
        {
          tool: 'getPaymentStatus',
          input: { invoiceNumber: 'INV-2026-001' },
          data: { invoiceNumber: 'INV-2026-001', status: 'paid', paidAt: '2026-11-02T09:06:00Z' },
        },
        { tool: 'findStores', input: { city: 'Austin' }, data: { stores: [stores[1]] } },
      ],
      tools,
    );
    expect(text).toBe(
      'Yes, your invoice INV-2026-001 has been paid. It was paid on November 2, 2026 at 9:06 AM UTC.\n\n' +
        'Riverside Shop is open from 10 AM to 6 PM on Saturday.',
    );
  });

  it('two orders, and a failure that says which part could not be retrieved', () => {
    const text = replyTo(
      'where are my orders 12345 and 12346?',
      [
        { tool: 'trackOrder', input: { orderNumber: '12345' }, data: order },
        {
          tool: 'trackOrder',
          input: { orderNumber: '12346' },
          failure: {
            outcome: 'unusable-response',
            message:
              'Could not retrieve that information: the API answered 200 OK with an HTML page, not JSON.',
            customerMessage:
              'We could not retrieve that information right now. Please try again in a little while.',
          },
        },
      ],
      tools,
    );
    expect(text).toMatch(/^Your order 12345 has been shipped\./);
    expect(text).toMatch(
      /\n\nI could not retrieve the order 12346 right now\. Please try again in a little while\.$/,
    );
  });
});

describe('any API, read by structure', () => {
  const getCharge = engineTool({
    name: 'GetCharge',
    path: '/v1/charges/{charge}',
    summary: 'Retrieve a charge',
    responseSchema: {
      type: 'object',
      properties: {
        amount: {
          type: 'integer',
          description: 'Amount in the smallest currency unit (e.g., 100 cents to charge $1.00).',
        },
      },
    },
  });
  const charge = {
    id: 'ch_3MmlLrLkdIwHu7ix0snN0B15',
    object: 'charge',
    amount: 2099,
    currency: 'eur',
    status: 'succeeded',
    created: 1763114400,
    receipt_email: 'jenny@example.com',
    receipt_url: 'https://pay.stripe.com/receipts/acct_1/ch_3/rcpt_1',
    billing_details: {
      email: 'jenny@example.com',
      phone: '+49 30 1234567',
      address: { city: 'Berlin', line1: 'Unter den Linden 1' },
    },
    payment_method_details: { card: { brand: 'visa', last4: '4242', exp_month: 8 } },
    metadata: { api_key: 'sk_live_should_never_show' },
  };

  it('money in minor units with a lower-case currency code; no email, phone, address, card or secret', () => {
    const text = replyTo(
      'did my payment ch_3MmlLrLkdIwHu7ix0snN0B15 go through? how much was it?',
      [{ tool: 'GetCharge', input: { charge: charge.id }, data: charge }],
      [getCharge],
    );
    expect(text).toContain('€20.99');
    expect(text).toMatch(/has succeeded/);
    expect(text).not.toMatch(/jenny|Berlin|Linden|4242|\+49|sk_live/);
  });

  it('an epoch timestamp is a readable date, a receipt link is whole', () => {
    const text = replyTo(
      'when was my charge ch_3MmlLrLkdIwHu7ix0snN0B15 made? send me the receipt',
      [{ tool: 'GetCharge', input: { charge: charge.id }, data: charge }],
      [getCharge],
    );
    expect(text).toContain('November 14, 2025');
    expect(text).toContain('https://pay.stripe.com/receipts/acct_1/ch_3/rcpt_1');
  });

  it('a wrapped order whose one shipment holds the tracking: the fulfilment status answers "where"', () => {
    const getOrder = engineTool({
      name: 'getOrder',
      path: '/admin/orders/{order_id}.json',
      summary: 'Retrieve a specific order',
    });
    const text = replyTo(
      'where is my order 450789469',
      [
        {
          tool: 'getOrder',
          input: { order_id: 450789469 },
          data: {
            order: {
              id: 450789469,
              email: 'bob@example.com',
              financial_status: 'paid',
              fulfillment_status: 'fulfilled',
              total_price: '199.00',
              currency: 'USD',
              shipping_address: {
                address1: '123 Amoebobacterium Street',
                city: 'Ottawa',
                phone: '555-555-5555',
              },
              fulfillments: [
                {
                  tracking_company: 'Canada Post',
                  tracking_number: '1Z2345',
                  tracking_url: 'https://www.canadapost-postescanada.ca/track?pin=1Z2345',
                },
              ],
            },
          },
        },
      ],
      [getOrder],
    );
    expect(text).toMatch(/has been fulfilled/);
    expect(text).toContain('Canada Post');
    expect(text).toContain('https://www.canadapost-postescanada.ca/track?pin=1Z2345');
    expect(text).not.toMatch(/bob@|Amoebobacterium|555-555/);
  });

  it('one object with a nested list: the list summarised by its names, never its every field', () => {
    const text = replyTo('what rooms are in booking B-77?', [
      {
        tool: 'getBooking',
        input: { bookingRef: 'B-77' },
        data: {
          bookingRef: 'B-77',
          guest: 'kim@example.com',
          state: 'confirmed',
          rooms: [
            { code: 'R1', title: 'Sea view double', nights: 2 },
            { code: 'R2', title: 'Garden single', nights: 2 },
          ],
          manageUrl: 'https://hotel.example/manage/B-77',
        },
      },
    ]);
    expect(text).toContain('Sea view double and Garden single');
    expect(text).not.toMatch(/nights|kim@/);
  });

  it('a list wrapped with paging fields and a message is still a list, counted from the total', () => {
    const text = replyTo('find mugs', [
      {
        tool: 'search',
        input: { query: 'mugs' },
        data: { hits: [{ title: 'Blue mug' }, { title: 'Red mug' }], total_count: 2, page: 1, message: 'ok' },
      },
    ]);
    expect(text).toBe('I found 2 results matching “mugs”:\n- Blue mug\n- Red mug');
  });
});

describe('never raw text, never invented', () => {
  it('says failures with the executor sentence, preferring the customer message', () => {
    expect(
      replyTo('where is order 999', [
        { tool: 't', failure: { outcome: 'not-found', message: 'No order found with number 999' } },
      ]),
    ).toBe('No order found with number 999');
    expect(
      replyTo('where is order 999', [
        {
          tool: 't',
          failure: {
            outcome: 'server-error',
            message: 'GET failed with 500',
            customerMessage: 'The store system is not answering.',
          },
        },
      ]),
    ).toBe('The store system is not answering.');
    expect(replyTo('x', [{ tool: 't', raw: { isError: true, value: 'upstream timed out' } }])).toBe(
      'upstream timed out',
    );
    expect(replyTo('yes', [{ tool: 't', raw: { isError: true, value: { outcome: 'denied' } } }])).toBe(
      "Okay, I haven't done that.",
    );
  });

  it('an HTML page, a cut JSON text or an error page in a failure is never shown', () => {
    const html = `<!DOCTYPE html><html><body>${'<p>Maintenance</p>'.repeat(500)}</body></html>`;
    const notice = 'We could not retrieve that information right now. Please try again in a little while.';
    expect(replyTo('where is order 1', [{ tool: 't', data: html }])).toBe(notice);
    expect(replyTo('where is order 1', [{ tool: 't', data: `{"status": "shipp` }])).toBe(notice);
    expect(replyTo('where is order 1', [{ tool: 't', raw: { isError: true, value: html } }])).toBe(notice);
    expect(
      replyTo('where is order 1', [
        { tool: 't', failure: { outcome: 'server-error', message: html, customerMessage: html } },
      ]),
    ).toBe(notice);
  });

  it('reads a list the executor cut to fit, counting every item it had', () => {
    const items = Array.from({ length: 3 }, (_, index) => ({
      name: `Mug ${index + 1}`,
      price: 10,
      currency: 'EUR',
    }));
    const text = replyTo('show me mugs', [
      {
        tool: 'search',
        input: { q: 'mugs' },
        data: `${JSON.stringify({ items })}\n[Cut to fit: showing the first 3 of 250 items of "items"; the full response has 30000 characters.]`,
      },
    ]);
    expect(text).toMatch(/^I found 250 results matching “mugs”:\n- Mug 1 — €10\.00/);
    expect(text).toContain('…and 247 more.');
  });

  it('never mentions a field that was not returned, and answers an empty search plainly', () => {
    const text = replyTo(
      'status of order 12345',
      [
        {
          tool: 'trackOrder',
          input: { orderNumber: '12345' },
          data: { orderNumber: '12345', status: 'processing' },
        },
      ],
      tools,
    );
    expect(text).toBe('Order 12345 is processing.');
    expect(replyTo('red sneakers?', [{ tool: 'searchProducts', data: { products: [] } }], tools)).toBe(
      "I couldn't find any products matching that.",
    );
  });

  it('answers the earlier request when the last message only gave the number asked for', () => {
    const text = replyTo(
      "it's 12345",
      [{ tool: 'trackOrder', input: { orderNumber: '12345' }, data: order }],
      tools,
      [
        { role: 'user', text: 'when will my order arrive?' },
        { role: 'assistant', text: 'What is your order number?' },
      ],
    );
    expect(text).toMatch(/^The estimated delivery of your order 12345 is November 27, 2026\./);
  });
});
