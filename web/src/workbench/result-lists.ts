// "Unduh CSV" in the workbench: every list of objects in a GraphQL result (at any depth) becomes a table,
// one row per item and one column per leaf field (nested objects flattened as `node.region.name`).
// CSV as the competency export writes it: comma separated, CRLF, RFC 4180 quoting; a BOM so Excel
// reads UTF-8 names correctly.

export interface ResultList {
  /** `data.employees.edges`: where the list sits in the result. */
  readonly path: string;
  readonly rows: readonly Record<string, unknown>[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Lists of objects in `result`, outermost first; lists nested inside a list are reached through their rows. */
export function findResultLists(result: unknown, path = ''): ResultList[] {
  if (Array.isArray(result)) {
    const rows = result.filter(isRecord);
    return rows.length > 0 ? [{ path, rows }] : [];
  }
  if (!isRecord(result)) return [];
  return Object.entries(result).flatMap(([key, value]) => findResultLists(value, path === '' ? key : `${path}.${key}`));
}

/** `{ node: { name, region: { code } } }` → `{ 'node.name': …, 'node.region.code': … }`; a list becomes `a; b`. */
export function flattenRow(row: Record<string, unknown>, prefix = ''): Record<string, string | number | boolean | null> {
  const flat: Record<string, string | number | boolean | null> = {};
  for (const [key, value] of Object.entries(row)) {
    const name = prefix === '' ? key : `${prefix}.${key}`;
    if (isRecord(value)) Object.assign(flat, flattenRow(value, name));
    else if (Array.isArray(value)) flat[name] = value.map((item) => (isRecord(item) ? JSON.stringify(item) : String(item))).join('; ');
    else if (value === undefined) flat[name] = null;
    else flat[name] = value as string | number | boolean | null;
  }
  return flat;
}

function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function listToCsv(list: ResultList): string {
  const rows = list.rows.map((row) => flattenRow(row));
  const columns: string[] = [];
  for (const row of rows) for (const column of Object.keys(row)) if (!columns.includes(column)) columns.push(column);
  // A null object in one row (`region: null`) is the empty cells of the columns other rows have under it.
  const leafColumns = columns.filter((column) => !columns.some((other) => other.startsWith(`${column}.`)));
  const lines = [leafColumns.map(csvCell).join(','), ...rows.map((row) => leafColumns.map((column) => csvCell(row[column])).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** `data.employees.edges` → `employees-edges.csv`. */
export function csvFileName(path: string): string {
  const name = path.replace(/^data\.?/, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `${name === '' ? 'hasil' : name}.csv`;
}
