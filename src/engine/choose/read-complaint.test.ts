import { describe, expect, it } from 'vitest';
import { readComplaint } from './read-complaint.js';

describe('readComplaint', () => {
  it("hears a service that is down, a bill charged twice and what hasn't arrived as something gone wrong", () => {
    for (const text of [
      'URGENT - sync is down for our whole team since this morning!!!',
      'your app charged me twice this month',
      'I was double charged for my subscription',
      'there is a duplicate charge on my card',
      "yesterday's outage cost us half a day",
      "I still haven't received my refund",
      'my order 5521 has not arrived yet',
      'parcel not yet received',
    ])
      expect(readComplaint(text), text).toBe(true);
  });

  it('does not hear a complaint in words that only look like one', () => {
    for (const text of [
      'can you turn down the notification emails for ticket 4471?',
      'please charge my card for the two items',
      'what does the download button do?',
      'has my order 5521 arrived?',
      // Asks for a list of the charges.
      'can you break down the line items on invoice 0b9e4f2a for me?',
    ])
      expect(readComplaint(text), text).toBe(false);
    expect(readComplaint('my phone keeps breaking down')).toBe(true);
  });
});
