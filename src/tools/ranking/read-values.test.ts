import { describe, expect, it } from 'vitest';
import { fitSlots, readSlots, readValues } from './read-values.js';

const unknown = () => false;

describe('readValues', () => {
  it('reads dates, emails, numbers and proper names, with the words that make a name a place or a person', () => {
    const values = readValues(
      'Is there a nonstop from Boston to Miami tomorrow? I am Omar, omar@example.com',
      unknown,
    );
    expect(values).toMatchObject({
      names: ['boston', 'miami', 'omar'],
      place: true,
      person: true,
      dates: 1,
      emails: 1,
    });
  });

  it('takes no word opening a sentence, no catalog word and nothing shouted for a name', () => {
    expect(readValues('Lyon has a shop?', unknown).names).toEqual([]);
    // Names of people, not of a thing named after "the" (the rest of its name included).
    expect(readValues('is the Sea Salt & Sage candle back, Dana?', unknown)).toMatchObject({
      names: ['sea', 'salt', 'sage', 'dana'],
      people: 1,
    });
    expect(readValues('where is my Order', (stem) => stem === 'order').names).toEqual([]);
    expect(readValues('WHERE IS MY ORDER IN LYON', unknown).names).toEqual([]);
    // A short code in capitals is a value wherever it stands.
    expect(readValues('JFK to SEA on May 20', unknown)).toMatchObject({ names: ['jfk', 'sea'], dates: 1 });
    // Neither a code with digits nor a shouted function word is a name.
    expect(readValues('bags on confirmation JMO1MG', unknown).names).toEqual([]);
    expect(readValues('get me a real person NOW', unknown).names).toEqual([]);
  });

  it('reads a link or a host name as a value, none of its parts words of the message, but a file name', () => {
    const prose = (text: string) => readValues(text, unknown).prose.replace(/\s+/g, ' ').trim();
    expect(prose('my site example-bakery.com shows a 500 error')).toBe('my site shows a 500 error');
    expect(prose('the A record for shop.lindqvist.se is old')).toBe('the A record for is old');
    expect(prose('photos of lumenspa.com/book/service/ac35 please')).toBe('photos of please');
    expect(prose('see https://x.io/a?b=1 now')).toBe('see now');
    expect(prose('read image.png for me')).toBe('read image.png for me');
    // A site named in small letters, two labels, is one too; a file's name stays words.
    expect(prose('what orders do i have for mybakery.com?')).toBe('what orders do i have for ?');
    expect(prose('everything I bought for sunsetyoga.studio')).toBe('everything I bought for');
    expect(prose('open report.pdf please')).toBe('open report.pdf please');
  });

  it('reads a day of the month, relative days and ISO dates as dates', () => {
    for (const text of ['on the 26th', 'next friday', 'by 2024-06-01', 'this week'])
      expect(readValues(text, unknown).dates).toBe(1);
  });
});

describe('fitSlots', () => {
  const search = readSlots(
    {
      type: 'object',
      properties: {
        origin: { type: 'string' },
        destination: { type: 'string' },
        date: { type: 'string', format: 'date' },
        cabin: { type: 'string', enum: ['economy', 'business'] },
        reservation_id: { type: 'string' },
      },
      required: ['origin', 'destination', 'date', 'reservation_id'],
    },
    new Set(['reservation_id']),
  );

  it('reads the inputs that take values, ids aside', () => {
    expect(search.map(({ name, kind, required }) => ({ name, kind, required }))).toEqual([
      { name: 'origin', kind: 'place', required: true },
      { name: 'destination', kind: 'place', required: true },
      { name: 'date', kind: 'date', required: true },
      { name: 'cabin', kind: 'enum', required: false },
    ]);
  });

  it('measures how completely the message fills them, and an option it names', () => {
    expect(fitSlots(search, readValues('from Boston to Miami tomorrow', unknown))).toEqual({
      filled: 1,
      missing: 0,
      choiceNamed: false,
      unplaced: 0,
    });
    expect(fitSlots(search, readValues('upgrade me to business', unknown))).toMatchObject({
      filled: 0,
      missing: 3,
      choiceNamed: true,
    });
    // A date or an email no input takes is a value the operation leaves unplaced.
    expect(fitSlots([], readValues('write to anna@example.com tomorrow', unknown)).unplaced).toBe(1);
    // An input the customer's identity fills is never missing, and takes its kind of value.
    const bound = [{ name: 'email', kind: 'email' as const, required: true, bound: true }];
    expect(fitSlots(bound, readValues('orders of anna@example.com', unknown))).toMatchObject({
      filled: 0,
      missing: 0,
      unplaced: 0,
    });
  });
});
