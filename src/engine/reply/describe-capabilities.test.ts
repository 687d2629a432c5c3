import { describe, expect, it } from 'vitest';
import type { EngineTool } from '../catalog/engine-tool.js';
import { describeCapabilities } from './describe-capabilities.js';

const tool = (name: string, description: string): EngineTool => ({
  name,
  description,
  inputSchema: { type: 'object', properties: {} },
});

describe('describeCapabilities', () => {
  it('lists only each summary, lower-cased, in one sentence, never the long description', () => {
    const text = describeCapabilities([
      tool(
        'findFlights',
        'Find flights between two airports\n\nUse this when the traveller asks for flights. Dates are ISO.',
      ),
      tool(
        'getBooking',
        'Look up a booking: seats, meals and baggage\n\nUse this when the traveller gives a booking code.',
      ),
      tool('checkIn', 'Check a passenger in.\n\nOnly within 24 hours of departure.'),
    ]);
    expect(text).toBe(
      "I'm sorry, I can't help with that. I can find flights between two airports, look up a booking and check a passenger in. If you would like, I can hand you over to a person.",
    );
  });

  it('names at most five and says there is more', () => {
    const tools = ['one', 'two', 'three', 'four', 'five', 'six'].map((word) =>
      tool(word, `Count to ${word}`),
    );
    const text = describeCapabilities(tools);
    expect(text).toContain('count to four, count to five and more.');
    expect(text).not.toContain('six');
  });

  it('says what an operation does in plain words when its description is written in HTML or Markdown', () => {
    const text = describeCapabilities([
      tool(
        'GetChargesSearch',
        '<p>Search for charges you&rsquo;ve previously created using Stripe&rsquo;s <a href="/docs/search#search-query-language">Search Query Language</a>.</p>',
      ),
      tool('GetInvoices', 'Lists **all** invoices, see [the guide](https://example.com/guide).'),
    ]);
    expect(text).toContain(
      'I can search for charges you’ve previously created using Stripe’s Search Query Language and list all invoices, see the guide.',
    );
    expect(text).not.toMatch(/[<>]|&\w+;|\*\*|\]\(/);
  });
});
