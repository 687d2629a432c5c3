// Admin access: the admin token hash, property-scoped API keys (hashed), instance settings.
import { hash } from 'node:crypto';
import { newId, newToken } from './new-id.js';
import type { ApiKey } from './records.js';
import { now, type StoreContext } from './store-context.js';

/**
 * SHA-256 of a token, hex. Tokens are long and random, so a fast hash is enough. Node's one-shot
 * `hash` (every authenticated request hashes its token) makes no Hash object: a third of the time.
 */
export function hashToken(token: string): string {
  return hash('sha256', token, 'hex');
}

/** Creates the access repository over a store context. */
export function createAccessRepository({ db }: StoreContext) {
  return {
    async getSetting(key: string): Promise<string | undefined> {
      const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
      return row?.value;
    },
    async setSetting(key: string, value: string): Promise<void> {
      await db
        .insertInto('settings')
        .values({ key, value })
        .onConflict((conflict) => conflict.column('key').doUpdateSet({ value }))
        .execute();
    },
    async deleteSetting(key: string): Promise<void> {
      await db.deleteFrom('settings').where('key', '=', key).execute();
    },
    /** Stores `value` only when `key` has none yet; true when this call stored it. */
    async setSettingIfAbsent(key: string, value: string): Promise<boolean> {
      const result = await db
        .insertInto('settings')
        .values({ key, value })
        .onConflict((conflict) => conflict.column('key').doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },
    /** Creates a key for one property; the returned `key` is shown once and only its hash is kept. */
    async createApiKey(input: { propertyId: string; name: string }): Promise<ApiKey & { key: string }> {
      const key = newToken('ck_', 24);
      const record = {
        id: newId(),
        propertyId: input.propertyId,
        name: input.name,
        prefix: key.slice(0, 8),
        createdAt: now(),
      };
      await db
        .insertInto('api_keys')
        .values({
          id: record.id,
          property_id: record.propertyId,
          name: record.name,
          key_hash: hashToken(key),
          prefix: record.prefix,
          created_at: record.createdAt,
        })
        .execute();
      return { ...record, key };
    },
    async findApiKey(key: string): Promise<ApiKey | undefined> {
      const row = await db
        .selectFrom('api_keys')
        .selectAll()
        .where('key_hash', '=', hashToken(key))
        .executeTakeFirst();
      return (
        row && {
          id: row.id,
          propertyId: row.property_id,
          name: row.name,
          prefix: row.prefix,
          createdAt: row.created_at,
        }
      );
    },
    async listApiKeys(propertyId: string): Promise<ApiKey[]> {
      const rows = await db
        .selectFrom('api_keys')
        .selectAll()
        .where('property_id', '=', propertyId)
        .orderBy('id')
        .execute();
      return rows.map((row) => ({
        id: row.id,
        propertyId: row.property_id,
        name: row.name,
        prefix: row.prefix,
        createdAt: row.created_at,
      }));
    },
    async deleteApiKey(id: string): Promise<boolean> {
      const result = await db.deleteFrom('api_keys').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}

/** The access repository. */
export type AccessRepository = ReturnType<typeof createAccessRepository>;
