// Reading SIASN exports with exceljs (issue 15): an XLSX workbook (one sheet of employees, one of the unor
// tree) or CSV files (one per table). Which table a sheet or file holds is told by its header row
// (`nipBaru` for employees, `DiatasanId` for units), as SIASN names them, whatever the sheet is called.
// XLSX is read as a stream, so a file of 100 000 employees never sits in memory as a workbook. Used by
// the importSiasn mutation (an uploaded file) and tools/siasn (files on disk).
import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';

export type SiasnRow = Readonly<Record<string, string>>;

/** Columns of SIASN's employee export that the import reads (and the generator writes). */
export const EMPLOYEE_COLUMNS = [
  'id',
  'nipBaru',
  'nipLama',
  'nama',
  'golRuangAkhirId',
  'golRuangAkhir',
  'pangkatAkhir',
  'tmtGolAkhir',
  'jenisJabatanId',
  'eselonId',
  'jabatanNama',
  'kelas_jabatan',
  'unorId',
  'unorNama',
  'unorIndukId',
  'instansiIndukId',
  'instansiIndukNama',
  'kedudukanPnsNama',
] as const;

/** Columns of SIASN's unor (unit tree) export. */
export const UNOR_COLUMNS = ['Id', 'DiatasanId', 'NamaUnor', 'NamaJabatan', 'PemimpinPnsId', 'InstansiId'] as const;

export interface SiasnTables {
  employees: { row: number; values: SiasnRow }[];
  units: { row: number; values: SiasnRow }[];
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((part) => part.text).join('');
  if (typeof value === 'object' && 'text' in value) return String(value.text);
  if (typeof value === 'object' && 'result' in value) return String(value.result ?? '');
  return String(value).trim();
}

class TableCollector {
  private header: string[] | null = null;
  private kind: keyof SiasnTables | null = null;
  private readonly tables: SiasnTables;
  constructor(tables: SiasnTables) {
    this.tables = tables;
  }

  add(rowNumber: number, cells: readonly ExcelJS.CellValue[]): void {
    const texts = cells.map(cellText);
    if (!this.header) {
      this.header = texts;
      if (texts.includes('nipBaru')) this.kind = 'employees';
      else if (texts.includes('DiatasanId')) this.kind = 'units';
      return;
    }
    if (!this.kind || texts.every((text) => text === '')) return;
    const values: Record<string, string> = {};
    this.header.forEach((name, index) => {
      if (name !== '') values[name] = texts[index] ?? '';
    });
    // SIASN writes the person id as `id` in exports and `pnsId` in its API answers.
    if (this.kind === 'employees' && !values['id'] && values['pnsId']) values['id'] = values['pnsId'];
    this.tables[this.kind].push({ row: rowNumber, values });
  }
}

/** exceljs row.values is 1-based (index 0 empty). */
const rowCells = (values: ExcelJS.Row['values']): ExcelJS.CellValue[] => (Array.isArray(values) ? values.slice(1) : Object.values(values));

/** One uploaded or local file: its name (the extension says XLSX or CSV) and its bytes as a stream. */
export interface SiasnFileSource {
  name: string;
  stream: () => Readable;
}

/** The tables of SIASN export files, XLSX streamed sheet by sheet. */
export async function readSiasnTables(sources: readonly SiasnFileSource[]): Promise<SiasnTables> {
  const tables: SiasnTables = { employees: [], units: [] };
  for (const source of sources) {
    if (/\.xlsx$/i.test(source.name)) {
      const reader = new ExcelJS.stream.xlsx.WorkbookReader(source.stream(), { worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', entries: 'ignore' });
      for await (const sheet of reader) {
        const collector = new TableCollector(tables);
        for await (const row of sheet as AsyncIterable<ExcelJS.Row>) collector.add(row.number, rowCells(row.values));
      }
    } else if (/\.csv$/i.test(source.name)) {
      const workbook = new ExcelJS.Workbook();
      // map: keep every cell as text (exceljs would turn an 18-digit NIP into a rounded number).
      const sheet = await workbook.csv.read(source.stream(), { map: (value: unknown) => value, parserOptions: { trim: true } } as never);
      const collector = new TableCollector(tables);
      sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => collector.add(rowNumber, rowCells(row.values)));
    } else {
      throw new Error(`${source.name}: hanya berkas .xlsx atau .csv`);
    }
  }
  return tables;
}
