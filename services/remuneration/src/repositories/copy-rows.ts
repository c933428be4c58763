// PostgreSQL COPY … FROM STDIN in text format for the monthly run's writes (issue 12: ≥ 20,000
// employees/s): a batch's rows travel as one text stream instead of bind-parameter arrays, which cost
// the driver an escaped array literal per column and the server its parsing. Inside the caller's
// transaction (pg-copy-streams on the same connection): a failed COPY fails the batch like any statement.
import { finished } from 'node:stream/promises';
import { from as copyFrom, type CopyStreamQuery } from 'pg-copy-streams';

/** A connection that takes a COPY stream (pg's client does). */
export interface CopyClient {
  query(stream: CopyStreamQuery): CopyStreamQuery;
}

/** COPY's null marker. */
export const COPY_NULL = '\\N';

const SPECIAL = /[\\\t\n\r]/;
const SPECIAL_ALL = /[\\\t\n\r]/g;
const escapes: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** A text value as COPY's text format reads it: backslash, tab and line breaks escaped. */
export function copyText(value: string): string {
  return SPECIAL.test(value) ? value.replace(SPECIAL_ALL, (c) => escapes[c]!) : value;
}

export const copyNullable = (value: string | null): string => (value === null ? COPY_NULL : copyText(value));

export const copyNumber = (value: number | null): string => (value === null ? COPY_NULL : String(value));

/** A text[] value: every element quoted (so commas, braces and spaces stay inside), then COPY-escaped. */
export function copyTextArray(values: readonly string[]): string {
  let literal = '{';
  for (let i = 0; i < values.length; i++) {
    if (i > 0) literal += ',';
    literal += `"${values[i]!.replace(/["\\]/g, (c) => `\\${c}`)}"`;
  }
  return copyText(`${literal}}`);
}

/** A bytea value in COPY text format (hex, its backslash escaped). */
export const copyBytes = (bytes: Uint8Array): string => `\\\\x${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex')}`;

/** Sends `rows` (each a line of tab-separated COPY text, newline-terminated) to `table (columns)`. */
export async function copyRows(db: CopyClient, table: string, columns: readonly string[], rows: string): Promise<void> {
  if (rows === '') return;
  const stream = db.query(copyFrom(`copy "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) from stdin`));
  stream.end(rows);
  await finished(stream);
}
