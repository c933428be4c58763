// The benches that make a database of their own drop it at the end: their tests compare the server's
// list of such databases before and after a run.
import pg from 'pg';

export const testServerUrl = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Names of the databases on the test server whose name starts with `prefix` (a LIKE pattern, `_` escaped). */
export async function benchDatabases(prefix: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: testServerUrl });
  await client.connect();
  try {
    return (await client.query<{ datname: string }>(`select datname from pg_database where datname like $1 order by 1`, [`${prefix.replace(/_/g, '\\_')}%`])).rows.map((r) => r.datname);
  } finally {
    await client.end();
  }
}
