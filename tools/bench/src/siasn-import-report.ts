// The SIASN import bench report (siasn-import.ts, issue 15 item 4): one JSON document and the same
// figures as Markdown. Pure.
import type { MachineInfo } from './report.ts';

/** One instansi's export as the worker uploads it. */
export interface SiasnBenchFile {
  name: string;
  regionCode: string;
  instansiSiasnId: string;
  employees: number;
  units: number;
}

export interface SiasnImportPhase {
  /** Rows of every file (units and employees). */
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  refused: number;
  seconds: number;
  rowsPerSecond: number;
  /** The machine's 1-minute load average when the phase started and ended (2 cores: above 2 means others share them). */
  loadAverage: { before: number; after: number };
}

export interface SiasnImportWorkerResult {
  first: SiasnImportPhase;
  /** The same files again: every row unchanged. */
  second: SiasnImportPhase;
  /** Highest resident set of the importing process, sampled every 100 ms over both phases. */
  peakRssMiB: number;
  /** The personnel database after both phases. */
  database: {
    employees: number;
    units: number;
    employeeEvents: number;
    hiredEvents: number;
    auditEntries: number;
    nationalHeadcount: number;
  };
}

export interface SiasnImportReport extends SiasnImportWorkerResult {
  kind: 'kinerja-bench-siasn-import';
  version: 1;
  startedAt: string;
  finishedAt: string;
  machine: MachineInfo;
  employees: number;
  provinces: string[];
  instansi: number;
  fileMiB: number;
  generateSeconds: number;
}

export function siasnImportFileStem(report: SiasnImportReport): string {
  return `${report.startedAt.replace(/[:.]/g, '-')}-siasn-import-${report.employees}`;
}

export function renderSiasnImportMarkdown(report: SiasnImportReport): string {
  const phaseLine = (name: string, phase: SiasnImportPhase) =>
    `| ${name} | ${phase.rows} | ${phase.created} | ${phase.updated} | ${phase.unchanged} | ${phase.refused} | ${phase.seconds} | ${phase.rowsPerSecond} | ${phase.loadAverage.before.toFixed(2)} → ${phase.loadAverage.after.toFixed(2)} |`;
  return [
    `# Kinerja ASN benchmark: SIASN import, ${report.employees} employees`,
    '',
    `Started ${report.startedAt}, finished ${report.finishedAt}. Provinces ${report.provinces.join(', ') || 'all'}: ${report.instansi} instansi, one XLSX export each (${report.fileMiB} MiB in all, generated in ${report.generateSeconds} s), each uploaded as the admin page does (queueSiasnImport + runSiasnImportJob in the mutation's audit scope).`,
    `${report.machine.cpus.count} × ${report.machine.cpus.model}, ${report.machine.memoryGiB} GiB, Node ${report.machine.node}, PostgreSQL ${report.machine.postgres ?? 'unknown'}.`,
    '',
    '| import | rows | created | updated | unchanged | refused | seconds | rows/s | load (1 min) |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    phaseLine('first', report.first),
    phaseLine('second (same files)', report.second),
    '',
    `Peak RSS of the importing process: ${report.peakRssMiB} MiB.`,
    `Database after both: ${report.database.employees} employees, ${report.database.units} units, ${report.database.employeeEvents} EmployeeChanged events in the outbox (${report.database.hiredEvents} EmployeeHired), ${report.database.auditEntries} audit entries, national headcount ${report.database.nationalHeadcount}.`,
    '',
  ].join('\n');
}
