// How a statement's lines are stored (Migration0005CompactStatements): a JSON array of tuples in a fixed
// field order instead of an array of objects, so the field names are not repeated on every line of every
// version (the monthly run writes millions: ~40% fewer bytes per statement row, and the rows stay below
// PostgreSQL's TOAST threshold, so they are neither compressed nor moved out of line). Every field of
// every line is kept; readers get the domain's TppLine back.
import type { LineKind, TppLine } from '../domain/tpp-statement.ts';

/** [kind, label, amount, inGross, code, count, rateBp, days, source] */
export type StoredLine = [LineKind, string, number, boolean, string | null, number | null, number | null, string[], string];

export function encodeLines(lines: readonly TppLine[]): string {
  const tuples: StoredLine[] = new Array(lines.length);
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    tuples[i] = [l.kind, l.label, l.amount, l.inGross, l.code, l.count, l.rateBp, l.days, l.source];
  }
  return JSON.stringify(tuples);
}

export function decodeLines(stored: readonly StoredLine[]): TppLine[] {
  return stored.map(([kind, label, amount, inGross, code, count, rateBp, days, source]) => ({ kind, label, amount, inGross, code, count, rateBp, days, source }));
}
