import { describe, expect, it } from 'vitest';
import type { QueryId } from '../../tools/index.js';
import { findPointedId } from './find-pointed-id.js';

const ids = (...texts: string[]): QueryId[] => texts.map((text) => ({ text, noun: '' }) as QueryId);

describe('findPointedId', () => {
  const restaurants =
    'Three Chinese restaurants deliver there: Golden Wok (id 24117), Dragon Palace (id 31980) and Lucky Bamboo (id 40552).';
  const listed = ids('24117', '31980', '40552');
  const pointed = (message: string, turn = restaurants, given = listed) =>
    findPointedId(message, turn, given)?.text;

  it('points by an ordinal into the order the listing gives', () => {
    expect(pointed('what are the opening hours of the second one?')).toBe('31980');
    expect(pointed('the last one please')).toBe('40552');
    expect(pointed('ok the 1st')).toBe('24117');
    // Its ids in any order: their places in the text count.
    expect(pointed('the second one', restaurants, ids('40552', '24117', '31980'))).toBe('31980');
  });

  it('points by words that stand beside one id only', () => {
    expect(pointed("show me Lucky Bamboo's menu")).toBe('40552');
    expect(pointed('what do people say about golden wok?')).toBe('24117');
    const bookings =
      'You have two bookings: Berlin to Amsterdam on 1 Feb (booking 1725ff48) and Amsterdam to Paris on 5 Feb (booking 6d2c8e4a).';
    expect(pointed('cancel the paris one', bookings, ids('1725ff48', '6d2c8e4a'))).toBe('6d2c8e4a');
    // "Amsterdam" stands beside both.
    expect(pointed('cancel the amsterdam one', bookings, ids('1725ff48', '6d2c8e4a'))).toBeUndefined();
  });

  it('points at nothing in a turn that lists one id, or with words of no item', () => {
    expect(pointed('the second one', 'Your order 44519 is on its way.', ids('44519'))).toBeUndefined();
    expect(pointed('what are your opening hours?')).toBeUndefined();
    expect(pointed('the first time I ordered it came late')).toBeUndefined();
  });
});
