import { describe, expect, it } from 'vitest';
import { fitToBudget } from './fit-to-budget.js';

const products = Array.from({ length: 500 }, (_, index) => ({
  id: index,
  name: `Leather bag ${index}`,
  price: 100 + index,
}));

describe('fitToBudget', () => {
  it('passes what fits as compact JSON, and text as it is', () => {
    expect(fitToBudget({ a: [1, 2] }, 100)).toBe('{"a":[1,2]}');
    expect(fitToBudget('plain text', 100)).toBe('plain text');
  });

  it('keeps whole leading items of a long array, so the model reads valid JSON, and says so', () => {
    const text = fitToBudget(products, 2000);
    expect(text.length).toBeLessThanOrEqual(2000);
    const [json, note] = text.split('\n');
    const kept = JSON.parse(json) as unknown[];
    expect(kept.length).toBeGreaterThan(10);
    expect(kept).toEqual(products.slice(0, kept.length));
    expect(note).toBe(
      `[Cut to fit: showing the first ${kept.length} of 500 items; the full response has ${JSON.stringify(products).length} characters.]`,
    );
  });

  it('cuts the largest array of a wrapper object and keeps its other fields', () => {
    const text = fitToBudget({ total: 500, items: products, tags: ['a'] }, 1500);
    expect(text.length).toBeLessThanOrEqual(1500);
    const kept = JSON.parse(text.split('\n')[0]) as { total: number; items: unknown[]; tags: string[] };
    expect(kept.total).toBe(500);
    expect(kept.tags).toEqual(['a']);
    expect(text).toContain(`of 500 items of "items"`);
  });

  it('cuts text that has no array to cut', () => {
    const text = fitToBudget('x'.repeat(10_000), 1000);
    expect(text.length).toBeLessThanOrEqual(1000);
    expect(text).toMatch(/\[Cut to fit: showing the first 880 of 10000 characters\.\]$/);
  });
});
