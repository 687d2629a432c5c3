import { describe, expect, it } from 'vitest';
import { matchesExpected, scoreDecision } from './score-decision.js';

describe('matchesExpected', () => {
  it('compares strings trimmed and case-folded, and numbers with numeric strings', () => {
    expect(matchesExpected('Leather Bags', ' leather bags ')).toBe(true);
    expect(matchesExpected('12345', 12345)).toBe(true);
    expect(matchesExpected(100, '100.0')).toBe(true);
    expect(matchesExpected('12345', '12346')).toBe(false);
    expect(matchesExpected(true, 'true')).toBe(false);
  });

  it('accepts any value of a list, and anyOf alternatives deep-equal, optionally absent', () => {
    expect(matchesExpected(['SKU-1', 'sku-1'], 'SKU-1')).toBe(true);
    expect(matchesExpected({ anyOf: [[3, 4]] }, [3, 4])).toBe(true);
    expect(matchesExpected({ anyOf: [[3, 4]] }, [4, 3])).toBe(false);
    expect(matchesExpected({ anyOf: [{ size: ['large'] }] }, { size: 'Large', extra: 1 })).toBe(true);
    expect(matchesExpected({ anyOf: ['units'], optional: true }, undefined)).toBe(true);
    expect(matchesExpected({ anyOf: ['units'] }, undefined)).toBe(false);
  });
});

describe('scoreDecision', () => {
  it('checks only listed arguments of the right call', () => {
    const expected = { call: 'trackOrder', args: { orderId: '1' } };
    expect(scoreDecision(expected, { call: 'trackOrder', args: { orderId: 1, extra: 'x' } })).toEqual({
      callCorrect: true,
      argsCorrect: true,
      wrongArgs: [],
    });
    expect(scoreDecision(expected, { call: 'trackOrder', args: {} }).wrongArgs).toEqual(['orderId']);
    expect(scoreDecision(expected, { call: 'none', args: {} }).callCorrect).toBe(false);
    expect(scoreDecision({ call: 'none' }, { call: 'none', args: {} })).toMatchObject({
      callCorrect: true,
      argsCorrect: undefined,
    });
  });
});
