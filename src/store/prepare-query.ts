// Queries compiled to SQL once. Kysely builds a query's operation tree, runs the plugins over it and
// compiles it to SQL at every call, which cost a chat turn's twenty statements more than running
// them. A prepared query is written with the query builder as usual, with named parameters where
// the values go; it is compiled on first use, and each run only binds the values in their places.
import {
  type Compilable,
  type CompiledQuery,
  createQueryId,
  type Kysely,
  type KyselyPlugin,
  type QueryResult,
  type Transaction,
} from 'kysely';
import { replaceNul } from './replace-nul-plugin.js';
import type { Database } from './schema.js';

/** Stands for the value named `name` while the query compiles; replaced by that value at each run. */
class NamedParameter {
  constructor(readonly name: string) {}
}

/**
 * Where a named value goes: `param('id')` in place of the id. One value each: a list (`in`) compiles
 * to one placeholder per item, so a query with one stays built at each call.
 */
export type Param<P> = <K extends keyof P & string>(name: K) => P[K];

/**
 * Where a prepared query runs: the store's database, a Kysely transaction of it, or SQLite's one
 * connection held by a transaction of the store's own (`StoreContext.transaction`).
 */
export type QueryTarget = Kysely<Database> | Transaction<Database> | HeldConnection;

/** SQLite's one connection, held by a transaction the store began on it itself: its statements run at once. */
export interface HeldConnection {
  readonly isTransaction: true;
}

/** A query compiled once, run with the values of its named parameters `P`, returning rows `R`. */
export interface PreparedQuery<P, R> {
  /** The rows. */
  all: (values: P, from?: QueryTarget) => Promise<R[]>;
  /** The first row, if any. */
  first: (values: P, from?: QueryTarget) => Promise<R | undefined>;
  /** How many rows an insert, update or delete changed. */
  run: (values: P, from?: QueryTarget) => Promise<number>;
}

/** Prepares queries over one store: `prepare((db, param) => db.selectFrom(…).where('id', '=', param('id')))`. */
export type QueryPreparer = <P extends object, R>(
  build: (db: Kysely<Database>, param: Param<P>) => Compilable<R>,
) => PreparedQuery<P, R>;

/** The compiled query with, for each of its SQL parameters, the name of the value bound there (or none: a constant). */
interface Template {
  compiled: CompiledQuery;
  names: (string | undefined)[];
}

function compileTemplate<P>(
  db: Kysely<Database>,
  build: (db: Kysely<Database>, param: Param<P>) => Compilable<unknown>,
): Template {
  const param = ((name: string) => new NamedParameter(name)) as unknown as Param<P>;
  // Without the store's plugins: the NUL replacement runs on the values at each run instead, and a
  // test's plugin sees the query at each run (below), not once here.
  const compiled = build(db.withoutPlugins(), param).compile();
  const names = compiled.parameters.map((value) =>
    value instanceof NamedParameter ? value.name : undefined,
  );
  return { compiled, names };
}

function bind(template: Template, values: object): unknown[] {
  return template.names.map((name, index) => {
    if (name === undefined) return template.compiled.parameters[index];
    const value = (values as Record<string, unknown>)[name];
    if (value === undefined) throw new Error(`prepared query: no value for parameter '${name}'`);
    return replaceNul(value);
  });
}

/**
 * Runs the SQL `sql` with `parameters` itself, without Kysely's executor; `held`: it runs in a
 * transaction, which holds the connection already.
 */
export type RunStatement = (
  sql: string,
  parameters: readonly unknown[],
  held: boolean,
) => Promise<QueryResult<unknown>>;

/**
 * Runs `body` in one transaction, rolled back when it throws. Made for prepared queries only, run on
 * `target`: on SQLite it is the held connection, where Kysely's query builder has no place.
 */
export type RunTransaction = <T>(body: (target: QueryTarget) => Promise<T>) => Promise<T>;

/** How a store's prepared queries run. */
export interface QueryPreparerOptions {
  /**
   * Plugins (a test's, never the store's own NUL replacement) that see each prepared query's
   * operation tree at each run: they may refuse a query (throw), not rewrite it, since its SQL is
   * compiled once.
   */
  plugins: readonly KyselyPlugin[];
  /** Told each prepared query's SQL once compiled (PostgreSQL names its statement). */
  onCompile?: (sql: string) => void;
  /** Runs each prepared query's statement instead of Kysely's executor (SQLite: `open-sqlite.ts`). */
  runStatement?: RunStatement;
}

/** Creates the preparer of a store over `db`. */
export function createQueryPreparer(
  db: Kysely<Database>,
  { plugins, onCompile, runStatement }: QueryPreparerOptions,
): QueryPreparer {
  return <P extends object, R>(
    build: (db: Kysely<Database>, param: Param<P>) => Compilable<R>,
  ): PreparedQuery<P, R> => {
    let template: Template | undefined;
    const execute = (values: P, from: QueryTarget) => {
      if (!template) {
        template = compileTemplate(db, build);
        onCompile?.(template.compiled.sql);
      }
      const queryId = createQueryId();
      for (const plugin of plugins) plugin.transformQuery({ node: template.compiled.query, queryId });
      const parameters = bind(template, values);
      if (runStatement)
        return runStatement(template.compiled.sql, parameters, from.isTransaction) as Promise<QueryResult<R>>;
      if (!('executeQuery' in from)) throw new Error("prepared query: a held connection is SQLite's only");
      return from.executeQuery<R>({ ...template.compiled, queryId, parameters });
    };
    return {
      all: async (values, from = db) => (await execute(values, from)).rows,
      first: async (values, from = db) => (await execute(values, from)).rows[0],
      run: async (values, from = db) => Number((await execute(values, from)).numAffectedRows ?? 0),
    };
  };
}

/**
 * `{ column: param('column') }` for each key of `columns` (which names every column of the row, so
 * the type checker finds a column left out): an insert's values, bound from a row of the table.
 */
export function rowParams<P extends object>(param: Param<P>, columns: Record<keyof P & string, true>): P {
  return Object.fromEntries(
    Object.keys(columns).map((column) => [column, param(column as keyof P & string)]),
  ) as P;
}
