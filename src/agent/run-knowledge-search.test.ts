import { describe, expect, it } from 'vitest';
import { findUsedSources } from './run-knowledge-search.js';
import type { KnowledgePassageView } from './run-turn-options.js';

const passage = (sourceId: string, title: string, text: string): KnowledgePassageView => ({
  sourceId,
  title,
  heading: '',
  url: null,
  text,
  relevance: 1,
});

const care = passage(
  'src_care',
  'Caring for leather',
  'Wipe the bag with a dry cloth. Treat it with a leather balm twice a year, and keep it out of direct sunlight.',
);
const shipping = passage(
  'src_shipping',
  'Shipping',
  'Orders ship within two business days from our warehouse.',
);

describe('findUsedSources', () => {
  it('counts a passage the reply quotes six words of, whatever the case and punctuation', () => {
    const reply = 'Good question! You should treat it with a Leather balm, twice a year.';
    expect(findUsedSources(reply, [shipping, care])).toEqual([
      { sourceId: 'src_care', title: 'Caring for leather', url: null },
    ]);
  });

  it('does not count five words in a row, nor six words of the passage out of order', () => {
    expect(findUsedSources('Wipe the bag with a soft brush.', [care])).toEqual([]);
    expect(findUsedSources('With a dry cloth, wipe the bag.', [care])).toEqual([]);
  });

  it('finds the run after earlier places where its first word stands', () => {
    const reply = 'Keep it dry, keep it clean, and keep it out of direct sunlight.';
    expect(findUsedSources(reply, [care])).toHaveLength(1);
  });

  it('counts a passage named by its title, and each source once', () => {
    const reply = 'See Shipping: orders ship within two business days from our warehouse.';
    expect(findUsedSources(reply, [shipping, { ...shipping, heading: 'Costs' }])).toEqual([
      { sourceId: 'src_shipping', title: 'Shipping', url: null },
    ]);
  });
});
