import { describe, expect, it } from 'vitest';
import type { EngineTool } from '../catalog/engine-tool.js';
import { describeCapabilities } from './describe-capabilities.js';

const tool = (name: string, description: string): EngineTool => ({
  name,
  description,
  inputSchema: { type: 'object', properties: {} },
});

/**
 * An operation as the agent hands it over, whose summary is its operationId (Square's document):
 * `RefundPayment` at `POST /v2/refunds`.
 */
const named = (operationId: string, method: 'get' | 'post' | 'put', path: string, more = ''): EngineTool => ({
  name: operationId,
  description: `${operationId}${more ? `\n\n${more}` : ''}`,
  inputSchema: { type: 'object', properties: {} },
  operation: { method, path, operationId, summary: operationId },
});

/** An operation whose document has neither an operationId nor a summary (the name is made from the route). */
const unnamed = (method: 'get' | 'post', path: string): EngineTool => ({
  name: `${method}_${path.replace(/\W+/g, '_')}`,
  description: `${method.toUpperCase()} ${path}`,
  inputSchema: { type: 'object', properties: {} },
  operation: { method, path },
});

/** Square's catalog in its own order: a deprecated token operation first, gift cards last. */
const square = [
  named(
    'RenewToken',
    'post',
    '/oauth2/clients/{client_id}/access-token/renew',
    '`RenewToken` is deprecated.',
  ),
  named('RevokeToken', 'post', '/oauth2/revoke'),
  named('RetrieveBusinessBookingProfile', 'get', '/v2/bookings/business-booking-profile'),
  named('ListCards', 'get', '/v2/cards'),
  named('CreateCard', 'post', '/v2/cards'),
  named('RetrieveCard', 'get', '/v2/cards/{card_id}'),
  named('RefundPayment', 'post', '/v2/refunds'),
  named('CreateWebhookSubscription', 'post', '/v2/webhooks/subscriptions'),
  named('ListGiftCards', 'get', '/v2/gift-cards'),
  named('RetrieveGiftCardFromGAN', 'post', '/v2/gift-cards/from-gan'),
  named('LinkCustomerToGiftCard', 'post', '/v2/gift-cards/{gift_card_id}/link-customer'),
];

describe('describeCapabilities', () => {
  it('lists only each summary, lower-cased, in one sentence, never the long description', () => {
    const text = describeCapabilities({
      tools: [
        tool(
          'findFlights',
          'Find flights between two airports\n\nUse this when the traveller asks for flights. Dates are ISO.',
        ),
        tool(
          'getBooking',
          'Look up a booking: seats, meals and baggage\n\nUse this when the traveller gives a booking code.',
        ),
        tool('checkIn', 'Check a passenger in.\n\nOnly within 24 hours of departure.'),
      ],
    });
    expect(text).toBe(
      "I'm sorry, I can't help with that. I can find flights between two airports, look up a booking and check a passenger in. If you would like, I can hand you over to a person.",
    );
  });

  it('names at most five and says there is more', () => {
    const tools = ['one', 'two', 'three', 'four', 'five', 'six'].map((word) =>
      tool(word, `Count to ${word}`),
    );
    const text = describeCapabilities({ tools });
    expect(text).toContain('I can count to one, two, three, four and five, and more.');
    expect(text).not.toContain('six');
  });

  it('says what an operation does in plain words when its description is written in HTML or Markdown', () => {
    const text = describeCapabilities({
      tools: [
        tool(
          'GetChargesSearch',
          '<p>Search for charges you&rsquo;ve previously created using Stripe&rsquo;s <a href="/docs/search#search-query-language">Search Query Language</a>.</p>',
        ),
        tool('GetInvoices', 'Lists **all** invoices, see [the guide](https://example.com/guide).'),
      ],
    });
    expect(text).toContain('I can search for charges and list all invoices.');
    expect(text).not.toMatch(/[<>]|&\w+;|\*\*|\]\(/);
  });

  it('says what operations named only by their operationId do in plain words, leaving out deprecated ones', () => {
    const text = describeCapabilities({ tools: square });
    expect(text).toBe(
      "I'm sorry, I can't help with that. I can revoke a token, look up the business booking profile, list cards, create a card, look up a card and more. If you would like, I can hand you over to a person.",
    );
    expect(text).not.toMatch(/\b[a-z]+[A-Z]\w*/);
  });

  it('lists first what is nearest to what the customer asked', () => {
    const text = describeCapabilities({ tools: square, text: 'how much is left on my gift card?' });
    expect(text).toMatch(
      /^I'm sorry, I can't help with that\. I can (?:list gift cards|look up a gift card from GAN), /,
    );
    expect(text).not.toContain('token');
  });

  it('names an operation without an operationId or a summary by its route', () => {
    const text = describeCapabilities({
      tools: [
        unnamed('post', '/v1/charges/{charge}/refund'),
        unnamed('get', '/v1/customers/{customer}/sources'),
        unnamed('get', '/v1/customers/{customer}'),
        unnamed('post', '/v1/customers'),
      ],
    });
    expect(text).toContain(
      "I can refund a charge, list a customer's sources, look up a customer and create a customer.",
    );
  });
});

describe('describeCapabilities, on operations named in jargon', () => {
  it('leaves out an operation whose phrase opens with no English word', () => {
    const gateway = [
      named('nmiDirectPostHandlerUsingPOST', 'post', '/platform/emulator/nmi/direct'),
      named('emulatorHandlerUsingPOST', 'post', '/platform/emulator/handler'),
      named('RefundTransaction', 'post', '/pg/refund/{pgIdOrig}'),
      named('VoidTransaction', 'post', '/pg/void/{pgIdOrig}'),
    ];
    const reply = describeCapabilities({ tools: gateway });
    expect(reply).not.toMatch(/\bnmi\b|\bemulator\b/i);
    expect(reply).toMatch(/refund a transaction/);
  });
});
