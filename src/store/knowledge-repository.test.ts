import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from './create-store.js';
import type { KnowledgeDocumentInput } from './knowledge-repository.js';
import { storeDialects } from './test-support/store-dialects.js';

/** A document whose passages' terms are their lower-case words (the knowledge layer stems them). */
function documentOf(title: string, texts: string[], url: string | null = null): KnowledgeDocumentInput {
  const termsOf = (text: string) => [...new Set(`${title} ${text}`.toLowerCase().match(/[a-z0-9]+/g) ?? [])];
  return {
    title,
    url,
    text: texts.join('\n\n'),
    passages: texts.map((text) => ({ heading: '', text, terms: termsOf(text) })),
  };
}

for (const dialect of storeDialects) {
  describe.skipIf(!dialect.available)(`knowledge store on ${dialect.name}`, () => {
    let store: Store;
    let close: () => Promise<void>;
    let propertyId: string;

    beforeEach(async () => {
      ({ store, close } = await dialect.open());
      propertyId = (await store.properties.create({ name: 'Shop' })).id;
    });
    afterEach(async () => {
      await close();
    });

    const search = (sourceIds: string[], words: string[], prefixes: string[] = []) =>
      store.knowledge.searchPassages({ sourceIds, words, prefixes, limit: 10 });

    it('stores a source with its documents and passages, and finds them by stemmed words, titles first', async () => {
      const returns = await store.knowledge.createSource(
        { propertyId, kind: 'article', name: 'Returns', content: '# Returns', format: 'markdown' },
        [
          documentOf('Returns and refunds', [
            'You can return unworn items within 30 days.',
            'Refunds take 5 days.',
          ]),
        ],
      );
      const shipping = await store.knowledge.createSource(
        { propertyId, kind: 'article', name: 'Shipping', url: 'https://shop.test/shipping' },
        [
          documentOf(
            'Shipping',
            ['We ship parcels to Canada and the US. Returned parcels are refunded.'],
            'https://shop.test/shipping',
          ),
        ],
      );
      expect(returns).toMatchObject({
        kind: 'article',
        documentCount: 1,
        passageCount: 2,
        failedDocumentCount: 0,
        format: 'markdown',
      });
      expect(shipping.url).toBe('https://shop.test/shipping');

      const both = [returns.id, shipping.id];
      // "returns" and "returned" meet "return" through the database's own stemmer.
      const found = await search(both, ['returns']);
      expect(found.map((passage) => passage.title)).toContain('Shipping');
      expect(found[0]).toMatchObject({ title: 'Returns and refunds', sourceId: returns.id, heading: '' });
      expect((await search(both, ['shipped'])).map((passage) => passage.title)).toEqual(['Shipping']);
      expect((await search([returns.id], ['shipped'])).length).toBe(0);
      expect((await search(both, ['canad'])).length).toBe(0);
      expect((await search(both, [], ['canad'])).map((passage) => passage.url)).toEqual([
        'https://shop.test/shipping',
      ]);
      expect(await search([], ['returns'])).toEqual([]);

      const documents = await store.knowledge.listDocuments(returns.id);
      expect(documents).toMatchObject([
        { title: 'Returns and refunds', passages: 2, error: null, position: 0 },
      ]);
    });

    it('takes hostile words as plain words, never as query syntax', async () => {
      const source = await store.knowledge.createSource({ propertyId, kind: 'article', name: 'A' }, [
        documentOf('Care', ['Leather needs conditioner.']),
      ]);
      for (const word of [
        '"',
        'leather"',
        'OR',
        '*',
        'a:*',
        "'); DROP TABLE x; --",
        'NEAR(',
        '!',
        '&',
        '(',
        '-',
      ]) {
        await expect(search([source.id], [word], [word])).resolves.toBeInstanceOf(Array);
      }
      expect((await search([source.id], ['LEATHER', 'or'])).length).toBe(1);
    });

    it('keeps the term counts of a property through creating, replacing and deleting sources', async () => {
      const first = await store.knowledge.createSource({ propertyId, kind: 'article', name: 'First' }, [
        documentOf('Alpha', ['red blue', 'blue green']),
      ]);
      const second = await store.knowledge.createSource({ propertyId, kind: 'article', name: 'Second' }, [
        documentOf('Beta', ['blue']),
      ]);
      let counted = await store.knowledge.countTerms(propertyId, ['blue', 'red', 'alpha', 'missing']);
      expect(counted.total).toBe(3);
      expect(Object.fromEntries(counted.counts)).toEqual({ blue: 3, red: 1, alpha: 2 });

      await store.knowledge.replaceDocuments(first.id, [documentOf('Gamma', ['yellow'])]);
      counted = await store.knowledge.countTerms(propertyId, ['blue', 'red', 'alpha', 'yellow', 'gamma']);
      expect(counted.total).toBe(2);
      expect(Object.fromEntries(counted.counts)).toEqual({ blue: 1, yellow: 1, gamma: 1 });
      expect(await search([first.id, second.id], ['red'])).toEqual([]);
      expect((await search([first.id, second.id], ['yellow'])).map((passage) => passage.title)).toEqual([
        'Gamma',
      ]);

      const agent = await store.agents.create({ propertyId, name: 'Bot' });
      await store.knowledge.setAgentSource(agent.id, second.id, true);
      expect(await store.knowledge.deleteSource(second.id)).toBe(true);
      expect(await store.knowledge.deleteSource(second.id)).toBe(false);
      expect(await store.knowledge.listAgentSources(agent.id)).toEqual([]);
      counted = await store.knowledge.countTerms(propertyId, ['blue', 'yellow']);
      expect(counted.total).toBe(1);
      expect(Object.fromEntries(counted.counts)).toEqual({ yellow: 1 });
      expect((await store.knowledge.listSources(propertyId)).map((source) => source.name)).toEqual(['First']);
    });

    it('keeps the counts right when two sources of a property are written at once', async () => {
      const [left, right] = await Promise.all([
        store.knowledge.createSource({ propertyId, kind: 'article', name: 'L' }, [
          documentOf('One', ['shared words here', 'shared again']),
        ]),
        store.knowledge.createSource({ propertyId, kind: 'article', name: 'R' }, [
          documentOf('Two', ['shared words there']),
        ]),
      ]);
      await Promise.all([
        store.knowledge.replaceDocuments(left.id, [documentOf('One', ['shared', 'shared', 'words'])]),
        store.knowledge.replaceDocuments(right.id, [documentOf('Two', ['shared words'])]),
        store.knowledge.replaceDocuments(left.id, [documentOf('One', ['shared', 'shared', 'words'])]),
      ]);
      const counted = await store.knowledge.countTerms(propertyId, ['shared', 'words', 'here']);
      expect(counted.total).toBe(4);
      expect(Object.fromEntries(counted.counts)).toEqual({ shared: 3, words: 2 });
    });

    it('updates a source, records failed pages, and switches sources per agent; deleting the property removes all', async () => {
      const source = await store.knowledge.createSource(
        { propertyId, kind: 'website', name: 'Help', urls: ['https://a.test/x'], maxPages: 10 },
        [
          documentOf('X', ['page x'], 'https://a.test/x'),
          {
            title: 'https://a.test/y',
            url: 'https://a.test/y',
            text: '',
            error: 'GET failed with 404',
            passages: [],
          },
        ],
      );
      expect(source).toMatchObject({
        urls: ['https://a.test/x'],
        maxPages: 10,
        documentCount: 2,
        failedDocumentCount: 1,
      });
      const renamed = await store.knowledge.updateSource(source.id, { name: 'Help center', maxPages: 20 });
      expect(renamed).toMatchObject({ name: 'Help center', maxPages: 20, documentCount: 2 });
      expect(await store.knowledge.updateSource('missing', { name: 'x' })).toBeUndefined();

      const agent = await store.agents.create({ propertyId, name: 'Bot' });
      expect(await store.knowledge.setAgentSource(agent.id, source.id, true)).toMatchObject({
        enabled: true,
      });
      expect(await store.knowledge.setAgentSource(agent.id, source.id, false)).toMatchObject({
        enabled: false,
      });
      expect(await store.knowledge.listAgentSources(agent.id)).toMatchObject([
        { sourceId: source.id, enabled: false },
      ]);

      await store.properties.delete(propertyId);
      expect(await store.knowledge.getSource(source.id)).toBeUndefined();
      expect((await store.knowledge.countTerms(propertyId, ['page'])).total).toBe(0);
      expect(await search([source.id], ['page'])).toEqual([]);
    });
  });
}
