import { describe, expect, it } from 'vitest';
import { count } from './count';

describe('count', () => {
  it('says "1 tool" and "2 tools", "0 tools"', () => {
    expect(count(1, 'tool')).toBe('1 tool');
    expect(count(2, 'tool')).toBe('2 tools');
    expect(count(0, 'operation')).toBe('0 operations');
    expect(count(1, 'match', 'matches')).toBe('1 match');
    expect(count(1200, 'call')).toBe('1,200 calls');
  });
});
