import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../store/index.js';
import { storeDialects } from '../store/test-support/store-dialects.js';
import { createCatalogReader } from './create-catalog-reader.js';
import { loadAgentCatalog } from './run-conversation-turn.js';
import { schemaVersion } from './test-support/schema-version.js';
import { warmUp } from './warm-up.js';

const version = schemaVersion;

for (const dialect of storeDialects) {
  describe.skipIf(!dialect.available)(`warmUp (${dialect.name})`, () => {
    let store: Store;
    let close: () => Promise<void>;
    beforeAll(async () => {
      ({ store, close } = await dialect.open());
    });
    afterAll(async () => {
      await close();
    });

    it("prepares the recently active agents' catalogs, most recent first, and skips one that fails", async () => {
      const property = await store.properties.create({ name: 'Shop' });
      const integration = await store.integrations.create(
        { propertyId: property.id, name: 'API', baseUrl: 'https://x.test' },
        version(['orders', 'products']),
      );
      const broken = await store.integrations.create(
        { propertyId: property.id, name: 'Broken', baseUrl: 'https://y.test' },
        version(['stores']),
      );
      const agent = async (name: string, integrationId: string) => {
        const created = await store.agents.create({ propertyId: property.id, name });
        await store.agents.setIntegration(created.id, integrationId, true);
        return created;
      };
      const idle = await agent('Idle', integration.id);
      const older = await agent('Older', integration.id);
      const failing = await agent('Failing', broken.id);
      const newest = await agent('Newest', integration.id);
      for (const talked of [older, failing, newest]) {
        await store.conversations.create({ agentId: talked.id, propertyId: property.id });
        // Each conversation is later than the one before.
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      const reader = createCatalogReader(store);
      let builds = 0;
      const catalogs: typeof reader = {
        ...reader,
        read: async (read) => {
          if (read.id === broken.id) throw new Error('the stored schema cannot be read');
          return reader.read(read);
        },
        reuse: (key, fingerprint, build) =>
          reader.reuse(key, fingerprint, () => {
            builds++;
            return build();
          }),
      };
      const warnings: string[] = [];
      const log = { warn: (_: unknown, message: string) => void warnings.push(message) };

      // The three most recent agents (the store may hold older ones of other tests).
      const prepared = await warmUp({ store, catalogs }, { agents: 3, log: log as never });
      expect(prepared).toEqual([newest.id, older.id]);
      expect(prepared).not.toContain(idle.id);
      expect(warnings).toEqual(["an agent's tools could not be prepared at start"]);
      expect(builds).toBe(2);
      // The first turn finds the catalog ready: nothing is built again.
      const ready = await loadAgentCatalog({ store, catalogs }, newest.id);
      expect(builds).toBe(2);
      expect(ready.tools.map((entry) => entry.tool.name)).toEqual(['orders', 'products']);

      expect(await warmUp({ store, catalogs }, { agents: 1 })).toEqual([newest.id]);
    });
  });
}
