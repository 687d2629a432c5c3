// Removes a benchmark's PostgreSQL schema with everything in it.
import pg from 'pg';

/** Drops `schema` (a name the benchmark made up) from the database at `url`. */
export async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}
