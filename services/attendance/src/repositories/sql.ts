// Raw SQL through the request's or the transaction's EntityManager (MikroORM inlines `?` parameters;
// an array parameter expands to a comma list, so `in (?)` must never get an empty one: see inList).
import type { EntityManager } from '@kinerja/kit/db';
import { CompiledQuery } from 'kysely';

export type Em = EntityManager;

export async function queryRows<T>(em: Em, sql: string, params: readonly unknown[] = []): Promise<T[]> {
  return (await em.execute(sql, [...params], 'all')) as T[];
}

export async function run(em: Em, sql: string, params: readonly unknown[] = []): Promise<number> {
  const result = (await em.execute(sql, [...params], 'run')) as { affectedRows?: number };
  return result.affectedRows ?? 0;
}

/** A value no key has, standing in for an empty list so `in (?)` stays valid SQL. */
export function inList(values: readonly string[]): string[] {
  return values.length > 0 ? [...values] : ['00000000-0000-0000-0000-000000000000'];
}

/** A JSON array of strings in one parameter, as a text[] (a JS array would expand to a comma list). */
export const textArrayParam = 'array(select jsonb_array_elements_text(?::jsonb))';

/** PostgreSQL's date column as YYYY-MM-DD, whether the driver gave a string or a Date. */
export function isoDate(value: string | Date): string {
  return value instanceof Date ? value.toISOString().slice(0, 10) : value.slice(0, 10);
}

export function isoInstant(value: string | Date): string {
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

/**
 * A statement with driver bind parameters ($1, $2 …; arrays bind as PostgreSQL arrays, for `unnest`), in
 * the transaction of `em` when there is one. The ingest path uses it: the statement text stays the same
 * whatever the batch size (planned once per connection's cache, no value inlined and re-parsed).
 */
export async function queryBound<T>(em: Em, sql: string, params: readonly unknown[]): Promise<T[]> {
  const result = await em.getKysely().executeQuery<T>(CompiledQuery.raw(sql, [...params]));
  return result.rows as T[];
}
