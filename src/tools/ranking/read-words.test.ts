import { describe, expect, it } from 'vitest';
import { contentStems, editDistance, splitWords, stemOf } from './read-words.js';

describe('read-words', () => {
  it('splits identifiers and text into lower-case words', () => {
    expect(splitWords('getOrderStatus')).toEqual(['get', 'order', 'status']);
    expect(splitWords('list_HTTPRoutes-v2')).toEqual(['list', 'http', 'routes', 'v', '2']);
  });

  it('keeps the stems of content words only', () => {
    expect(contentStems('Where is my order right now?')).toEqual(['order']);
  });

  it('stems an irregular past form as its verb', () => {
    expect(contentStems('what they bought')).toEqual(contentStems('what did I buy'));
    expect(stemOf('paid')).toBe(stemOf('pay'));
  });

  it('counts a swap of neighbours as one edit and stops past the limit', () => {
    expect(editDistance('ordr', 'order', 1)).toBe(1);
    expect(editDistance('oredr', 'order', 1)).toBe(1);
    expect(editDistance('invoice', 'order', 2)).toBe(3);
  });
});
