import { describe, expect, it } from 'vitest';
import { fillArguments } from './fill-arguments.js';
import { findDates, readStatedNow } from './find-dates.js';
import { tokenizeMessage } from './tokenize-message.js';

describe('dates', () => {
  it('reads the now a base prompt states, and counts relative dates from it', () => {
    const now = readStatedNow(
      'You are an airline agent. The current time is 2024-05-15 15:00:00 EST. Be kind.',
    );
    expect(now?.toISOString().slice(0, 10)).toBe('2024-05-15');
    expect(readStatedNow('You are a helpful assistant.')).toBeUndefined();
    const parameters = [
      {
        name: 'date',
        schema: { type: 'string', format: 'date' },
        type: 'string',
        description: 'Flight date',
        required: true,
        enumValues: undefined,
      },
    ];
    const filled = fillArguments({
      parameters,
      text: 'any flights to Miami on May 24?',
      subjectConcepts: new Set(),
      now,
    });
    expect(filled.input.date).toBe('2024-05-24');
    // A day of the month on its own is the next such day: this month's, or the next month's once past.
    const dayOf = (text: string) =>
      fillArguments({ parameters, text, subjectConcepts: new Set(), now }).input.date;
    expect(dayOf('any direct flights ORD to PHL on the 26th?')).toBe('2024-05-26');
    expect(dayOf('what about the 3rd')).toBe('2024-06-03');
    expect(dayOf('on the 3rd of June')).toBe('2024-06-03');
  });

  it('reads no date where the message names none, though chrono alone would misread one', () => {
    const datesOf = (text: string) => findDates(text, tokenizeMessage(text)).map((mention) => mention.text);
    for (const text of ['when does the honey expire', 'will the money in my account cover it'])
      expect(datesOf(text)).toEqual([]);
    expect(datesOf('can I come by tomorrow?')).toEqual(['tomorrow']);
    expect(datesOf('any flights on the 26th or next friday?')).toEqual(['next friday', 'the 26th']);
    // A length of time says how long, not when; "in 10 days" and "10 days ago" say when.
    expect(datesOf("where is my order?? it's been 10 days")).toEqual([]);
    expect(datesOf('I waited a week for it')).toEqual([]);
    expect(datesOf('a room for 2 weeks starting 2027-07-10')).toEqual(['2027-07-10']);
    expect(datesOf('deliver it in 10 days')).toEqual(['in 10 days']);
    expect(datesOf('I ordered it 10 days ago')).toEqual(['10 days ago']);
    // The present is no date to filter by.
    expect(datesOf('how many orders are still unfulfilled right now?')).toEqual([]);
  });
});
