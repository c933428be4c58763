// Row counts of every table of a service's database, to prove a refused write changed nothing.
import type pg from 'pg';

export type RowCounts = Map<string, number>;

export async function rowCounts(client: pg.Client, ignored: ReadonlySet<string>): Promise<RowCounts> {
  const tables = (await client.query<{ name: string }>("select tablename as name from pg_tables where schemaname = 'public' and tablename <> 'mikro_orm_migrations' order by 1")).rows
    .map((r) => r.name)
    .filter((name) => !ignored.has(name));
  if (tables.length === 0) return new Map();
  const union = tables.map((name) => `select '${name}' as name, count(*)::int as n from "${name}"`).join(' union all ');
  return new Map((await client.query<{ name: string; n: number }>(union)).rows.map((r) => [r.name, r.n]));
}

/** Tables whose count differs, as `table: before → after`. */
export function changedTables(before: RowCounts, after: RowCounts): string[] {
  return [...new Set([...before.keys(), ...after.keys()])].filter((t) => before.get(t) !== after.get(t)).map((t) => `${t}: ${before.get(t) ?? 0} → ${after.get(t) ?? 0}`);
}
