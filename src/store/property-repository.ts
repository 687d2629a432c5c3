// Properties: create, list, read, rename, delete (deleting cascades to everything of the property).

import { newId } from './new-id.js';
import type { Property } from './records.js';
import type { PropertyTable } from './schema.js';
import { now, type StoreContext } from './store-context.js';

function toProperty(row: PropertyTable): Property {
  return { id: row.id, name: row.name, createdAt: row.created_at, updatedAt: row.updated_at };
}

/** Creates the property repository over a store context. */
export function createPropertyRepository({ db }: StoreContext) {
  return {
    async create(input: { name: string }): Promise<Property> {
      const time = now();
      const row = { id: newId(), name: input.name, created_at: time, updated_at: time };
      await db.insertInto('properties').values(row).execute();
      return toProperty(row);
    },
    async list(options: { ids?: string[] } = {}): Promise<Property[]> {
      let query = db.selectFrom('properties').selectAll().orderBy('id');
      if (options.ids) {
        if (options.ids.length === 0) return [];
        query = query.where('id', 'in', options.ids);
      }
      return (await query.execute()).map(toProperty);
    },
    async get(id: string): Promise<Property | undefined> {
      const row = await db.selectFrom('properties').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toProperty(row);
    },
    async update(id: string, input: { name?: string }): Promise<Property | undefined> {
      const changes: Partial<PropertyTable> = { updated_at: now() };
      if (input.name !== undefined) changes.name = input.name;
      await db.updateTable('properties').set(changes).where('id', '=', id).execute();
      return this.get(id);
    },
    async delete(id: string): Promise<boolean> {
      const result = await db.deleteFrom('properties').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}

/** The property repository. */
export type PropertyRepository = ReturnType<typeof createPropertyRepository>;
