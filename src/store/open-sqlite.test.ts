import Sqlite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqlite } from './open-sqlite.js';

describe('prepared queries on SQLite run their statements themselves', () => {
  let database: Sqlite.Database;
  let opened: ReturnType<typeof openSqlite>;
  const values = () => database.prepare('SELECT value FROM notes ORDER BY value').all();

  beforeEach(() => {
    database = new Sqlite(':memory:');
    database.exec('CREATE TABLE notes (value TEXT)');
    opened = openSqlite(database, []);
  });
  afterEach(async () => {
    await opened.db.destroy();
  });

  it("waits for another request's open transaction, so that one's rollback keeps its write", async () => {
    let finish = () => {};
    const held = new Promise<void>((resolve) => {
      finish = resolve;
    });
    let begun = () => {};
    const started = new Promise<void>((resolve) => {
      begun = resolve;
    });
    const transaction = opened.db.transaction().execute(async (trx) => {
      await sql`INSERT INTO notes (value) VALUES ('inside')`.execute(trx);
      begun();
      await held;
      throw new Error('rolled back');
    });
    await started;
    const outside = opened.runStatement('INSERT INTO notes (value) VALUES (?)', ['outside'], false);
    finish();
    await expect(transaction).rejects.toThrow('rolled back');
    expect(Number((await outside).numAffectedRows)).toBe(1);
    expect(values()).toEqual([{ value: 'outside' }]);
  });

  it('runs in the transaction that holds the connection, and is undone with it', async () => {
    const transaction = opened.db.transaction().execute(async () => {
      const inserted = await opened.runStatement('INSERT INTO notes (value) VALUES (?)', ['inside'], true);
      expect(Number(inserted.numAffectedRows)).toBe(1);
      expect((await opened.runStatement('SELECT value FROM notes', [], true)).rows).toEqual([
        { value: 'inside' },
      ]);
      throw new Error('rolled back');
    });
    await expect(transaction).rejects.toThrow('rolled back');
    expect(values()).toEqual([]);
  });
});
