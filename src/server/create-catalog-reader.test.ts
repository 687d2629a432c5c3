import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../store/index.js';
import { storeDialects } from '../store/test-support/store-dialects.js';
import { createCatalogReader } from './create-catalog-reader.js';

describe('createCatalogReader', () => {
  let store: Store;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ store, close } = await storeDialects[0].open());
  });
  afterAll(async () => {
    await close();
  });

  const version = (names: string[]) => ({
    sourceText: 'x'.repeat(1000),
    sourceUrl: 'https://x.test/openapi.yaml',
    sha256: 'x',
    openapiVersion: '3.0.3',
    tools: names.map((name) => ({ name })),
    lint: [],
  });

  it('parses a version once, follows new versions, and knows integrations without a schema', async () => {
    const property = await store.properties.create({ name: 'P' });
    const integration = await store.integrations.create(
      { propertyId: property.id, name: 'API', baseUrl: 'https://x.test' },
      version(['a', 'b']),
    );
    const reader = createCatalogReader(store);
    const first = await reader.read(integration);
    expect(first).toMatchObject({
      version: 1,
      openapiVersion: '3.0.3',
      sourceUrl: 'https://x.test/openapi.yaml',
    });
    expect(first.tools.map((tool) => tool.name)).toEqual(['a', 'b']);
    expect((await reader.read(integration)).tools).toBe(first.tools);

    await store.integrations.addVersion(integration.id, version(['a', 'b', 'c']));
    const updated = (await store.integrations.get(integration.id))!;
    expect((await reader.read(updated)).tools.map((tool) => tool.name)).toEqual(['a', 'b', 'c']);
    // The stale record still names version 1, which has not changed.
    expect((await reader.read(integration)).tools).toBe(first.tools);

    const empty = await store.integrations.create({
      propertyId: property.id,
      name: 'Bare',
      baseUrl: 'https://y.test',
    });
    expect(await reader.read(empty)).toMatchObject({ version: 0, tools: [], openapiVersion: null });
  });

  it('keeps at most maxEntries catalogs, dropping the least recently used', async () => {
    const property = await store.properties.create({ name: 'Q' });
    const make = () =>
      store.integrations.create(
        { propertyId: property.id, name: 'API', baseUrl: 'https://x.test' },
        version(['a']),
      );
    const [one, two, three] = [await make(), await make(), await make()];
    const reader = createCatalogReader(store, { maxEntries: 2 });
    const oneTools = (await reader.read(one)).tools;
    const twoTools = (await reader.read(two)).tools;
    expect((await reader.read(one)).tools).toBe(oneTools);
    await reader.read(three);
    // `two` was the least recently used and went; `one` stayed.
    expect((await reader.read(one)).tools).toBe(oneTools);
    const twoAgain = (await reader.read(two)).tools;
    expect(twoAgain).toEqual(twoTools);
    expect(twoAgain).not.toBe(twoTools);
  });
});
