// Writing SIASN-shaped files (the generator) and reports, and reading files from disk with personnel's
// reader (@kinerja/personnel/commands/siasn-files). XLSX is written as a stream.
import { createReadStream } from 'node:fs';
import ExcelJS from 'exceljs';
import { EMPLOYEE_COLUMNS, readSiasnTables, UNOR_COLUMNS, type SiasnRow, type SiasnTables } from '@kinerja/personnel/commands/siasn-files';

export type { SiasnRow, SiasnTables };

export function readSiasnFiles(paths: readonly string[]): Promise<SiasnTables> {
  return readSiasnTables(paths.map((path) => ({ name: path, stream: () => createReadStream(path) })));
}

export interface SiasnFileContent {
  employees: Iterable<SiasnRow>;
  units: Iterable<SiasnRow>;
}

/** One workbook with the sheets `pegawai` and `unor`, streamed to disk. */
export async function writeSiasnWorkbook(path: string, content: SiasnFileContent): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false, useStyles: false });
  const write = (name: string, columns: readonly string[], rows: Iterable<SiasnRow>) => {
    const sheet = workbook.addWorksheet(name);
    sheet.addRow([...columns]).commit();
    for (const row of rows) sheet.addRow(columns.map((column) => row[column] ?? '')).commit();
    sheet.commit();
  };
  write('pegawai', EMPLOYEE_COLUMNS, content.employees);
  write('unor', UNOR_COLUMNS, content.units);
  await workbook.commit();
}

/** Two CSV files, `<base>-pegawai.csv` and `<base>-unor.csv`; returns their paths. */
export async function writeSiasnCsv(base: string, content: SiasnFileContent): Promise<string[]> {
  const paths: string[] = [];
  for (const [suffix, columns, rows] of [
    ['pegawai', EMPLOYEE_COLUMNS, content.employees],
    ['unor', UNOR_COLUMNS, content.units],
  ] as const) {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet(suffix);
    sheet.addRow([...columns]);
    for (const row of rows) sheet.addRow(columns.map((column) => row[column] ?? ''));
    const path = `${base}-${suffix}.csv`;
    await workbook.csv.writeFile(path, { map: (value: unknown) => value } as never);
    paths.push(path);
  }
  return paths;
}

/** A report table as CSV (exceljs quotes what needs quoting); every value written as text. */
export async function writeCsvTable<T extends object>(path: string, columns: readonly (keyof T & string)[], rows: Iterable<T>): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('report');
  sheet.addRow([...columns]);
  for (const row of rows) sheet.addRow(columns.map((column) => String(row[column] ?? '')));
  await workbook.csv.writeFile(path, { map: (value: unknown) => value } as never);
}
