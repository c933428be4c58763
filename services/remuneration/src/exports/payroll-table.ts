// The treasurer's (bendahara) payroll list for an instansi's month: NIP, name, golongan, kelas jabatan,
// gross, each deduction by cause, tax and net, with a total row that equals the instansi's summary.
import type { StatementRow } from '../repositories/statement-rows.ts';

export interface PayrollTable {
  header: string[];
  rows: (string | number | null)[][];
  totals: (string | number | null)[];
}

export function payrollTable(statements: readonly StatementRow[]): PayrollTable {
  const causes = [...new Set(statements.flatMap((s) => Object.keys(s.cuts)))].sort();
  const header = ['NIP', 'Nama', 'Golongan', 'Kelas Jabatan', 'Bruto', ...causes.map((c) => `Potongan ${c}`), 'Jumlah Potongan', 'PPh 21', 'Neto', 'Versi'];
  const rows = statements.map((s) => [s.nip, s.name, s.golongan, s.kelasJabatan, s.gross, ...causes.map((c) => s.cuts[c] ?? 0), s.deductions, s.tax, s.net, s.version]);
  const sum = (pick: (s: StatementRow) => number) => statements.reduce((total, s) => total + pick(s), 0);
  const totals = ['JUMLAH', `${statements.length} pegawai`, null, null, sum((s) => s.gross), ...causes.map((c) => sum((s) => s.cuts[c] ?? 0)), sum((s) => s.deductions), sum((s) => s.tax), sum((s) => s.net), null];
  return { header, rows, totals };
}
