import Sqlite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqlite } from './open-sqlite.js';

/**
 * Another request's transaction, begun with one insert of `value` and held open until `finish`, then
 * rolled back (`rolledBack` rejects).
 */
async function holdTransaction(opened: ReturnType<typeof openSqlite>, value: string) {
  let finish = () => {};
  const held = new Promise<void>((resolve) => {
    finish = resolve;
  });
  let begun = () => {};
  const started = new Promise<void>((resolve) => {
    begun = resolve;
  });
  const rolledBack = opened.db.transaction().execute(async (trx) => {
    await sql`INSERT INTO notes (value) VALUES (${value})`.execute(trx);
    begun();
    await held;
    throw new Error('rolled back');
  });
  await started;
  return { finish, rolledBack };
}

describe('prepared queries on SQLite, and their transactions, run their statements themselves', () => {
  let database: Sqlite.Database;
  let opened: ReturnType<typeof openSqlite>;
  const values = () => database.prepare('SELECT value FROM notes ORDER BY value').all();
  const insert = (value: string) =>
    opened.runStatement('INSERT INTO notes (value) VALUES (?)', [value], true);

  beforeEach(() => {
    database = new Sqlite(':memory:');
    database.exec('CREATE TABLE notes (value TEXT)');
    opened = openSqlite(database, []);
  });
  afterEach(async () => {
    await opened.db.destroy();
  });

  it("waits for another request's open transaction, so that one's rollback keeps its write", async () => {
    const other = await holdTransaction(opened, 'inside');
    const outside = opened.runStatement('INSERT INTO notes (value) VALUES (?)', ['outside'], false);
    other.finish();
    await expect(other.rolledBack).rejects.toThrow('rolled back');
    expect(Number((await outside).numAffectedRows)).toBe(1);
    expect(values()).toEqual([{ value: 'outside' }]);
  });

  it("returns rows as better-sqlite3's own objects have them, a repeated column name with its last value", async () => {
    database.exec("CREATE TABLE tags (value TEXT, tag TEXT); INSERT INTO notes VALUES ('a'), (NULL)");
    database.exec("INSERT INTO tags VALUES ('a', 'x')");
    const query =
      'SELECT n.value, t.tag AS value, 2 AS count, t.* FROM notes n LEFT JOIN tags t ON t.value = n.value ORDER BY n.value';
    const expected = database.prepare(query).all();
    expect((await opened.runStatement(query, [], false)).rows).toEqual(expected);
    expect(expected).toEqual([
      { value: null, count: 2, tag: null },
      { value: 'a', count: 2, tag: 'x' },
    ]);
    // Run again: the statement and its rows' shape are kept.
    expect((await opened.runStatement(query, [], false)).rows).toEqual(expected);
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

  it('commits the statements together, or none of them when the body throws', async () => {
    await expect(
      opened.transaction(async (target) => {
        expect(target.isTransaction).toBe(true);
        await insert('a');
        await insert('b');
        return 'done';
      }),
    ).resolves.toBe('done');
    await expect(
      opened.transaction(async () => {
        await insert('c');
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(values()).toEqual([{ value: 'a' }, { value: 'b' }]);
    expect(database.inTransaction).toBe(false);
  });

  it("begins only once another request's transaction has ended, so neither takes the other's writes", async () => {
    const other = await holdTransaction(opened, 'other');
    const ours = opened.transaction(() => insert('ours'));
    other.finish();
    await expect(other.rolledBack).rejects.toThrow('rolled back');
    await ours;
    expect(values()).toEqual([{ value: 'ours' }]);
  });
});
