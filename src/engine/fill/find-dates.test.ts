import { describe, expect, it } from 'vitest';
import { listParameters } from '../catalog/list-parameters.js';
import { fillArguments } from './fill-arguments.js';
import { findDates, readStatedNow } from './find-dates.js';
import { tokenizeMessage } from './tokenize-message.js';

/** The inputs filled from `text`, now being 2026-12-04. */
const fill = (properties: Record<string, unknown>, text: string, required: string[] = []) =>
  fillArguments({
    parameters: listParameters({ type: 'object', properties, required }),
    text,
    subjectConcepts: new Set(),
    now: new Date('2026-12-04T12:00:00Z'),
  }).input;

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

  it("reads two dates a range joins as its start and end, the year written once being both's", () => {
    const datesOf = (text: string) =>
      findDates(text, tokenizeMessage(text), new Date('2026-12-04T12:00:00Z')).map((mention) => [
        mention.text,
        (mention.value as { date: Date }).date.getFullYear(),
        mention.role,
      ]);
    expect(datesOf('Disputes opened between March 1 and March 15, 2024?')).toEqual([
      ['March 1', 2024, 'start'],
      ['March 15, 2024', 2024, 'end'],
    ]);
    // "and" alone joins no range: two dates of their own.
    expect(datesOf('I ordered on March 1 and it came March 15, 2024')).toEqual([
      ['March 1', 2027, undefined],
      ['March 15, 2024', 2024, undefined],
    ]);
  });

  it('fills a period named by its month alone from its first to its last day', () => {
    const date = (description: string) => ({ type: 'string', format: 'date', description });
    const properties = { fromDate: date('The from date'), toDate: date('The to date') };
    expect(fill(properties, 'bank summary for May 2024 pls')).toEqual({
      fromDate: '2024-05-01',
      toDate: '2024-05-31',
    });
    expect(fill(properties, 'Could you list my orders from February 2024?')).toEqual({
      fromDate: '2024-02-01',
      toDate: '2024-02-29',
    });
    // "since" starts a period the message does not end; a day is no month.
    expect(fill(properties, 'everything since May 2024')).toEqual({ fromDate: '2024-05-01' });
    expect(fill(properties, 'everything from 3 May 2024')).toEqual({ fromDate: '2024-05-03' });
  });

  it("gives a date's day and year to no id nor text input, only to the date", () => {
    const properties = {
      date: { type: 'string', format: 'date', description: 'The date of the Balance Sheet report' },
      'xero-tenant-id': { type: 'string', description: 'Xero identifier for Tenant' },
    };
    expect(fill(properties, 'can I see the balance sheet as at 30 June 2024?', ['xero-tenant-id'])).toEqual({
      date: '2024-06-30',
    });
  });

  it('reads no date where the message names none, though chrono alone would misread one', () => {
    const datesOf = (text: string) => findDates(text, tokenizeMessage(text)).map((mention) => mention.text);
    for (const text of [
      'when does the honey expire',
      'will the money in my account cover it',
      "I'm reconciling the month",
    ])
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
