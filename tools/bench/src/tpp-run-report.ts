// The monthly-run bench report (tpp-run.ts): one JSON document and the same figures as Markdown. Pure.
import type { LatencySummary } from './latency.ts';
import type { MachineInfo } from './report.ts';

export interface TppRunWorkerResult {
  run: {
    seconds: number;
    employeesPerSecond: number;
    processed: number;
    statements: number;
    lines: number;
    outboxEvents: number;
    rssBeforeMiB: number;
    /** Highest resident set sampled (every 100 ms) during the run. */
    peakRssMiB: number;
    /** Highest resident set in each quarter of the run: flat memory shows as four close numbers. */
    rssByQuarterMiB: number[];
    /** The worker's whole-life maxRSS (includes the summary reads after the run). */
    processMaxRssMiB: number;
    /** CPU the worker (computation, driver) used during the run; the rest of the wall time is PostgreSQL and waiting. */
    workerCpuSeconds: number;
    /** The machine's 1-minute load average when the run started and ended (2 cores: above 2 means others share them). */
    loadAverage: { before: number; after: number };
  };
  summaryRead: {
    reads: number;
    /** SQL statements one national Region.tppSummary costs the remuneration database. */
    sqlStatementsPerRead: number;
    summaryRowsForMonth: number;
    latencyMs: LatencySummary;
    nationalHeadcountPaid: number;
    nationalGross: number;
  };
}

export interface TppRunReport extends TppRunWorkerResult {
  kind: 'kinerja-bench-tpp-run';
  version: 1;
  startedAt: string;
  finishedAt: string;
  machine: MachineInfo;
  employees: number;
  batchSize: number;
  month: string;
  loadSeconds: number;
}

/** The target: 4.73 M employees in under 4 minutes. */
export const TARGET_EMPLOYEES_PER_SECOND = 20_000;

export function renderTppRunMarkdown(report: TppRunReport): string {
  const { run, summaryRead: read } = report;
  const projected = Math.round(4_730_000 / run.employeesPerSecond);
  return [
    `# Kinerja ASN benchmark: monthly TPP run, ${report.employees} employees`,
    '',
    `Started ${report.startedAt}, finished ${report.finishedAt}. Month ${report.month}, batches of ${report.batchSize} employees (one transaction each).`,
    `${report.machine.cpus.count} × ${report.machine.cpus.model}, ${report.machine.memoryGiB} GiB, Node ${report.machine.node}, PostgreSQL ${report.machine.postgres ?? 'unknown'}.`,
    `Read models loaded in ${report.loadSeconds} s.`,
    '',
    '## Run',
    '',
    '| employees/s | seconds | target | 4.73 M would take | statements | lines | TppComputed events |',
    '|---:|---:|---:|---:|---:|---:|---:|',
    `| ${run.employeesPerSecond} | ${run.seconds} | ${TARGET_EMPLOYEES_PER_SECOND} | ${Math.floor(projected / 60)} min ${projected % 60} s | ${run.statements} | ${run.lines} | ${run.outboxEvents} |`,
    '',
    `Memory (worker RSS): ${run.rssBeforeMiB} MiB before, peak ${run.peakRssMiB} MiB during the run; peak per quarter of the run ${run.rssByQuarterMiB.join(' / ')} MiB; process maxRSS ${run.processMaxRssMiB} MiB.`,
    `Worker CPU during the run: ${run.workerCpuSeconds} s (${Math.round((run.workerCpuSeconds * 1e6) / Math.max(1, run.processed))} µs per employee). Machine load average (1 min) ${run.loadAverage.before} at the start, ${run.loadAverage.after} at the end.`,
    '',
    '## National Region.tppSummary read',
    '',
    '| reads | SQL statements per read | summary rows of the month | p50 ms | p95 ms | p99 ms |',
    '|---:|---:|---:|---:|---:|---:|',
    `| ${read.reads} | ${read.sqlStatementsPerRead} | ${read.summaryRowsForMonth} | ${read.latencyMs.p50} | ${read.latencyMs.p95} | ${read.latencyMs.p99} |`,
    '',
    `National figures read: ${read.nationalHeadcountPaid} paid, gross Rp ${read.nationalGross}.`,
    '',
  ].join('\n');
}

export function tppRunFileStem(report: Pick<TppRunReport, 'startedAt' | 'employees'>): string {
  return `${report.startedAt.replace(/[:]/g, '').replace(/\.\d+Z$/, 'Z')}-tpp-run-${report.employees}`;
}
