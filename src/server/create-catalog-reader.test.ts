import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgentTool } from '../agent/index.js';
import type { Store } from '../store/index.js';
import { storeDialects } from '../store/test-support/store-dialects.js';
import { createCatalogReader } from './create-catalog-reader.js';
import { loadAgentCatalog, loadAgentTools } from './run-conversation-turn.js';
import { schemaVersion } from './test-support/schema-version.js';

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

  it('hides the idempotency keys of a catalog stored before they were recognised', async () => {
    const property = await store.properties.create({ name: 'Old' });
    const refund = {
      name: 'RefundPayment',
      method: 'post',
      path: '/v2/refunds',
      inputSchema: {
        type: 'object',
        properties: { idempotency_key: { type: 'string' }, payment_id: { type: 'string' } },
        required: ['idempotency_key', 'payment_id'],
      },
      parameters: [],
      requestBody: {
        contentType: 'application/json',
        required: true,
        mode: 'merged',
        properties: ['idempotency_key', 'payment_id'],
        schema: { type: 'object' },
      },
    };
    const integration = await store.integrations.create(
      { propertyId: property.id, name: 'Square', baseUrl: 'https://x.test' },
      { ...version([]), tools: [refund] },
    );
    const [tool] = (await createCatalogReader(store).read(integration)).tools;
    expect(tool.inputSchema).toEqual({
      type: 'object',
      properties: { payment_id: { type: 'string' } },
      required: ['payment_id'],
    });
    expect(tool.idempotencyKeys).toEqual([
      { in: 'body', name: 'idempotency_key', inputName: 'idempotency_key', required: true },
    ]);
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

describe('loadAgentTools', () => {
  let store: Store;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ store, close } = await storeDialects[0].open());
  });
  afterAll(async () => {
    await close();
  });

  const version = schemaVersion;

  it('gives every turn the same tools array until the integrations, versions or settings change', async () => {
    const property = await store.properties.create({ name: 'P' });
    const agent = await store.agents.create({ propertyId: property.id, name: 'Bot' });
    const other = await store.agents.create({ propertyId: property.id, name: 'Other' });
    const integration = await store.integrations.create(
      { propertyId: property.id, name: 'API', baseUrl: 'https://x.test' },
      version(['a', 'b']),
    );
    await store.agents.setIntegration(agent.id, integration.id, true);
    await store.agents.setIntegration(other.id, integration.id, true);
    const context = { store, catalogs: createCatalogReader(store) };
    const names = (tools: AgentTool[]) => tools.map((entry) => entry.tool.name);

    const first = await loadAgentTools(context, agent.id);
    expect(names(first)).toEqual(['a', 'b']);
    expect(await loadAgentTools(context, agent.id)).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    const others = await loadAgentTools(context, other.id);
    expect(others).not.toBe(first);
    expect(others[0].tool).toBe(first[0].tool);

    await store.integrations.setOperationEnabled(integration.id, 'a', false);
    const withoutA = await loadAgentTools(context, agent.id);
    expect(names(withoutA)).toEqual(['b']);
    expect(await loadAgentTools(context, agent.id)).toBe(withoutA);

    await store.integrations.addVersion(integration.id, version(['a', 'b', 'c']));
    expect(names(await loadAgentTools(context, agent.id))).toEqual(['b', 'c']);

    await store.integrations.update(integration.id, { baseUrl: 'https://y.test' });
    const moved = await loadAgentTools(context, agent.id);
    expect(moved[0].integration.baseUrl).toBe('https://y.test');

    await store.agents.setIntegration(agent.id, integration.id, false);
    expect(await loadAgentTools(context, agent.id)).toEqual([]);
  });

  it('compiles the agent once per version: every turn shares its names and selection index, a change builds a new one', async () => {
    const property = await store.properties.create({ name: 'P' });
    const agent = await store.agents.create({ propertyId: property.id, name: 'Bot' });
    const many = Array.from({ length: 30 }, (_, index) => `listThings${index}`);
    const integration = await store.integrations.create(
      { propertyId: property.id, name: 'API', baseUrl: 'https://x.test' },
      version(many),
    );
    await store.agents.setIntegration(agent.id, integration.id, true);
    const context = { store, catalogs: createCatalogReader(store) };

    const first = await loadAgentCatalog(context, agent.id);
    const visitor = first.forCustomer(null);
    const index = visitor.selection.index();
    expect(index.tools).toHaveLength(30);
    // The next turn: the same catalog, the same compiled parts, the index not built again.
    const again = await loadAgentCatalog(context, agent.id);
    expect(again).toBe(first);
    expect(again.forCustomer(null)).toBe(visitor);
    expect(again.forCustomer(null).selection.index()).toBe(index);
    expect(again.forCustomer({ sub: 'c1', claims: {} })).toBe(again.forCustomer({ sub: 'c2', claims: {} }));

    // A new schema version: a new catalog over the new operations.
    await store.integrations.addVersion(integration.id, version([...many, 'trackParcel']));
    const updated = await loadAgentCatalog(context, agent.id);
    expect(updated).not.toBe(first);
    expect(
      updated
        .forCustomer(null)
        .selection.index()
        .tools.map((entry) => entry.tool.name),
    ).toContain('trackParcel');

    // An operation switched off, then on again: each change builds anew; the old catalog was not kept.
    await store.integrations.setOperationEnabled(integration.id, 'trackParcel', false);
    const without = await loadAgentCatalog(context, agent.id);
    expect(without.tools.map((entry) => entry.tool.name)).not.toContain('trackParcel');
    await store.integrations.setOperationEnabled(integration.id, 'trackParcel', true);
    const back = await loadAgentCatalog(context, agent.id);
    expect(back).not.toBe(updated);
    expect(back.tools.map((entry) => entry.tool.name)).toContain('trackParcel');
  });
});
