import { describe, expect, it } from 'vitest';
import {
  formatDateText,
  formatEpoch,
  formatMoney,
  formatTimeRange,
  humanizeValue,
  joinAnd,
} from './format-field.js';
import { describeMapCompactly } from './format-map.js';

describe('formatting values for a customer', () => {
  it('dates as written, with the offset named and never shifted into the server zone', () => {
    expect(formatDateText('2026-11-27')).toBe('November 27, 2026');
    expect(formatDateText('2026-11-02T09:06:00Z')).toBe('November 2, 2026 at 9:06 AM UTC');
    expect(formatDateText('2026-11-02T21:30:00+02:00')).toBe('November 2, 2026 at 9:30 PM (UTC+02:00)');
    expect(formatDateText('2026-11-02T00:00:00.123+0000')).toBe('November 2, 2026 at 12 AM UTC');
    expect(formatDateText('not a date')).toBe('not a date');
    expect(formatEpoch(1763114400)).toBe('November 14, 2025 at 10 AM UTC');
    expect(formatEpoch(1763114400000)).toBe('November 14, 2025 at 10 AM UTC');
    expect(formatEpoch(42)).toBeUndefined();
  });

  it('money with its currency, and without one when none is known', () => {
    expect(formatMoney(189, 'USD')).toBe('$189.00');
    expect(formatMoney(20.99, 'EUR')).toBe('€20.99');
    expect(formatMoney(1200, 'JPY')).toBe('¥1,200');
    expect(formatMoney(12.5, 'XQQ')).toBe('XQQ 12.50');
    expect(formatMoney(12.5, 'not a code')).toBe('12.50 not a code');
    expect(formatMoney(189, undefined)).toBe('189.00');
  });

  it('enum values as words; names, codes and acronyms as they are', () => {
    expect(humanizeValue('out_for_delivery')).toBe('out for delivery');
    expect(humanizeValue('IN_TRANSIT')).toBe('in transit');
    expect(humanizeValue('in-transit')).toBe('in transit');
    expect(humanizeValue('partiallyRefunded')).toBe('partially refunded');
    for (const kept of ['UPS', 'INV-2026-001', 'Jean-Luc', 'shipped', 'SKU-1001'])
      expect(humanizeValue(kept)).toBe(kept);
  });

  it('opening hours: time ranges in words, equal neighbouring days joined, closed days last', () => {
    expect(formatTimeRange('10:00-19:00')).toBe('10 AM to 7 PM');
    expect(formatTimeRange('09:30 – 17:45')).toBe('9:30 AM to 5:45 PM');
    expect(formatTimeRange('closed')).toBe('closed');
    expect(
      describeMapCompactly({ mon: '10:00-19:00', tue: '10:00-19:00', wed: '10:00-20:00', thu: 'closed' }),
    ).toBe('Monday and Tuesday 10 AM to 7 PM, Wednesday 10 AM to 8 PM and closed on Thursday');
    expect(describeMapCompactly({ small: '$10', large: '$14' })).toBe('Small $10 and Large $14');
    expect(joinAnd(['a', 'b', 'c'])).toBe('a, b and c');
  });
});
