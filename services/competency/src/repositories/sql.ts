// Raw SQL through the request's or the transaction's EntityManager. MikroORM inlines `?` parameters
// (arrays expand to comma lists for `in (?)`), so callers never pass an empty array: see inList().
import type { EntityManager } from '@kinerja/kit/db';

export type Em = EntityManager;

export async function queryRows<T>(em: Em, sql: string, params: readonly unknown[] = []): Promise<T[]> {
  return (await em.execute(sql, [...params], 'all')) as T[];
}

export async function run(em: Em, sql: string, params: readonly unknown[] = []): Promise<number> {
  const result = (await em.execute(sql, [...params], 'run')) as { affectedRows?: number };
  return result.affectedRows ?? 0;
}

/**
 * `in (?)` needs at least one value; a value no row has keeps the SQL valid for an empty list. The nil
 * UUID casts cleanly to both uuid and text columns (a NUL character would be refused by PostgreSQL's
 * wire protocol, since MikroORM inlines the values into the statement text).
 */
export const NO_ROW_VALUE = '00000000-0000-0000-0000-000000000000';

export function inList(values: readonly string[]): string[] {
  return values.length > 0 ? [...values] : [NO_ROW_VALUE];
}

/** PostgreSQL's text form of timestamptz (`2026-01-02 03:04:05.123+00`) as ISO 8601. */
export function isoTimestamp(value: string | Date | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  const normalised = value.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00');
  return new Date(normalised).toISOString();
}

export function dateOnly(value: string | Date): string {
  return value instanceof Date ? value.toISOString().slice(0, 10) : value.slice(0, 10);
}

/**
 * A text[] value from one parameter holding a JSON array of strings: MikroORM would expand a JS array
 * parameter into a comma list (see inList), which is not an array literal.
 */
export const textArrayParam = 'array(select jsonb_array_elements_text(?::jsonb))';
