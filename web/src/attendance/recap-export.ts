// "Rekap Kehadiran": one row per employee with the days per status code, downloadable as CSV (the
// workbench's writer: comma, CRLF, BOM) or XLSX (exceljs, loaded only when asked for).
import type { CodeCount, RecapRow } from '../graphql/documents/attendance.ts';
import { listToCsv } from '../workbench/result-lists.ts';

/** Columns of the recap, in the order TPP deductions list them (DOMAIN.md "Attendance and discipline"). */
export const recapCodes = ['HADIR', 'TL1', 'TL2', 'TL3', 'TL4', 'PSW1', 'PSW2', 'PSW3', 'PSW4', 'TK', 'CUTI', 'CUTI_BESAR', 'CLTN', 'SAKIT', 'IZIN', 'DINAS_LUAR', 'TUGAS_BELAJAR'] as const;

export interface RecapLine {
  readonly nip: string;
  readonly name: string;
  readonly unit: string;
  /** Null when the viewer may not see this employee's attendance (e.g. an atasan's own supervisor). */
  readonly counts: Readonly<Record<string, number>> | null;
}

export function recapLines(rows: readonly RecapRow[]): RecapLine[] {
  return rows.map((row) => ({
    nip: row.nip,
    name: row.name,
    unit: row.unit?.name ?? '',
    counts: row.attendance === null ? null : countsByCode(row.attendance.counts),
  }));
}

function countsByCode(counts: readonly CodeCount[]): Record<string, number> {
  return Object.fromEntries(recapCodes.map((code) => [code, counts.find((c) => c.code === code)?.count ?? 0]));
}

/** Working days counted in the month: every code of a day counts once, so a TL and a PSW day counts twice. */
export function countedDays(counts: Readonly<Record<string, number>>): number {
  return recapCodes.reduce((sum, code) => sum + (counts[code] ?? 0), 0);
}

function table(lines: readonly RecapLine[], headers: { nip: string; name: string; unit: string }): (string | number)[][] {
  return [
    [headers.nip, headers.name, headers.unit, ...recapCodes],
    ...lines.filter((line) => line.counts !== null).map((line) => [line.nip, line.name, line.unit, ...recapCodes.map((code) => line.counts?.[code] ?? 0)]),
  ];
}

export function recapCsv(lines: readonly RecapLine[], headers: { nip: string; name: string; unit: string }): string {
  const [head = [], ...body] = table(lines, headers);
  return listToCsv({ path: 'rekap', rows: body.map((cells) => Object.fromEntries(head.map((column, i) => [String(column), cells[i] ?? null]))) });
}

/** An .xlsx workbook: NIPs as text (18 digits would lose precision as numbers), a bold, frozen header. */
export async function recapXlsx(lines: readonly RecapLine[], headers: { nip: string; name: string; unit: string }, sheetName: string): Promise<Blob> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  for (const cells of table(lines, headers)) sheet.addRow(cells.map((cell) => (typeof cell === 'number' ? cell : String(cell))));
  sheet.getRow(1).font = { bold: true };
  sheet.getColumn(1).numFmt = '@';
  sheet.getColumn(2).width = 36;
  sheet.getColumn(3).width = 36;
  sheet.getColumn(1).width = 22;
  const buffer = await workbook.xlsx.writeBuffer();
  return new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}

export function recapFileName(month: string, extension: 'csv' | 'xlsx'): string {
  return `rekap-kehadiran-${month}.${extension}`;
}
