// The benchmark report: one JSON document and the same figures as Markdown. Pure functions, so the
// shape is tested without a running system.
import type { LatencySummary } from './latency.ts';

export interface LoadRun {
  /** `gateway`, or the subgraph a direct step went to. */
  target: string;
  url: string;
  requests: number;
  seconds: number;
  /** Requests per second. */
  throughput: number;
  latency: LatencySummary;
  /** Transport errors, timeouts, non-2xx answers and answers carrying GraphQL `errors`. */
  errors: number;
  /** Mean response body size in bytes. */
  responseBytes: number;
}

/** SQL statements one operation costs a subgraph's database, and how they were counted. */
export interface SqlCount {
  subgraph: string;
  perOperation: number | null;
  method: SqlCountMethod;
}

export type SqlCountMethod = 'pg_stat_statements' | 'pg_stat_database.xact_commit' | 'unavailable';

export interface ScenarioResult {
  name: string;
  title: string;
  user: string;
  gateway: LoadRun;
  direct: LoadRun[];
  /** Gateway p50 ÷ the sum of its subgraph fetches' p50 (what one request costs at the gateway in total). */
  gatewayOverheadRatio: number | null;
  sql: SqlCount[];
  /** Also counted with table scans (pg_stat_user_tables), which grow under an N+1 whatever the transaction shape. */
  tableScans: { subgraph: string; perOperation: number | null }[];
}

export interface MachineInfo {
  hostname: string;
  platform: string;
  cpus: { model: string; count: number };
  memoryGiB: number;
  node: string;
  postgres: string | null;
}

export interface DatasetInfo {
  employees: number | null;
  assessments: number | null;
  databases: { name: string; sizeMiB: number }[];
}

export interface NPlusOneProbe {
  scenario: string;
  pageSizes: number[];
  /** SQL statements per operation per subgraph at each page size (same order as pageSizes). */
  bySubgraph: { subgraph: string; perOperation: (number | null)[] }[];
}

export interface BenchReport {
  kind: 'kinerja-bench';
  version: 1;
  startedAt: string;
  finishedAt: string;
  sizeLabel: string;
  settings: { connections: number; durationSeconds: number; sqlProbeRepetitions: number; gatewayUrl: string };
  machine: MachineInfo;
  dataset: DatasetInfo;
  sqlCountMethod: SqlCountMethod;
  scenarios: ScenarioResult[];
  /** Scenarios that could not be measured (the system stopped answering, a token was refused…). */
  failures: { scenario: string; message: string }[];
  nPlusOne: NPlusOneProbe | null;
}

/** `10k`, `100k`, `1.2M` from an employee count. */
export function sizeLabel(employees: number | null): string {
  if (employees === null) return 'unknown';
  if (employees >= 1_000_000) return `${Math.round(employees / 100_000) / 10}M`;
  if (employees >= 1000) return `${Math.round(employees / 1000)}k`;
  return String(employees);
}

export function overheadRatio(gateway: LoadRun, direct: readonly LoadRun[]): number | null {
  const sum = direct.reduce((s, run) => s + run.latency.p50, 0);
  // A run that completed no request (every request outlived the run) has no p50 to compare.
  if (direct.length === 0 || sum <= 0 || gateway.requests === 0 || direct.some((run) => run.requests === 0)) return null;
  return Math.round((gateway.latency.p50 / sum) * 100) / 100;
}

export function reportFileStem(report: Pick<BenchReport, 'startedAt' | 'sizeLabel'>): string {
  return `${report.startedAt.replace(/[:]/g, '').replace(/\.\d+Z$/, 'Z')}-${report.sizeLabel}`;
}

const fmt = (x: number | null | undefined, digits = 1): string => (x === null || x === undefined ? '–' : x.toFixed(digits));

export function renderMarkdown(report: BenchReport): string {
  const lines: string[] = [];
  lines.push(`# Kinerja ASN benchmark, ${report.sizeLabel} employees`);
  lines.push('');
  lines.push(`Started ${report.startedAt}, finished ${report.finishedAt}. ${report.settings.connections} connections, ${report.settings.durationSeconds} s per run, gateway ${report.settings.gatewayUrl}.`);
  lines.push('');
  lines.push('## Machine and data');
  lines.push('');
  lines.push(`- ${report.machine.cpus.count} × ${report.machine.cpus.model}, ${report.machine.memoryGiB} GiB, ${report.machine.platform}, Node ${report.machine.node}`);
  lines.push(`- PostgreSQL: ${report.machine.postgres ?? 'unknown'}`);
  lines.push(`- Employees: ${report.dataset.employees ?? 'unknown'}, finalised assessments: ${report.dataset.assessments ?? 'unknown'}`);
  for (const db of report.dataset.databases) lines.push(`- Database ${db.name}: ${fmt(db.sizeMiB)} MiB`);
  lines.push('');
  lines.push('## Latency and throughput');
  lines.push('');
  lines.push('| scenario | target | req | req/s | p50 ms | p95 ms | p99 ms | errors | bytes/resp |');
  lines.push('|---|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const s of report.scenarios) {
    for (const run of [s.gateway, ...s.direct]) {
      lines.push(`| ${s.name} | ${run.target} | ${run.requests} | ${fmt(run.throughput)} | ${fmt(run.latency.p50)} | ${fmt(run.latency.p95)} | ${fmt(run.latency.p99)} | ${run.errors} | ${Math.round(run.responseBytes)} |`);
    }
  }
  lines.push('');
  lines.push('## Gateway overhead and SQL statements per operation');
  lines.push('');
  lines.push(`SQL counted with \`${report.sqlCountMethod}\`${report.sqlCountMethod === 'pg_stat_database.xact_commit' ? ' (pg_stat_statements is not preloaded on this server: implicit transactions per operation, baseline-corrected; equals statements when reads are not wrapped in transactions) and table scans from pg_stat_user_tables' : ''}.`);
  lines.push('');
  const subgraphs = [...new Set(report.scenarios.flatMap((s) => s.sql.map((c) => c.subgraph)))];
  // Table scans are published late and are only a cross-check when statements cannot be counted exactly.
  const scanColumns = report.sqlCountMethod === 'pg_stat_statements' ? [] : subgraphs;
  const header = [...subgraphs.map((g) => `SQL ${g}`), ...scanColumns.map((g) => `scans ${g}`)];
  lines.push(`| scenario | gateway p50 ÷ Σ subgraph p50 | ${header.join(' | ')} |`);
  lines.push(`|---|---:|${header.map(() => '---:').join('|')}|`);
  for (const s of report.scenarios) {
    const sql = subgraphs.map((g) => fmt(s.sql.find((c) => c.subgraph === g)?.perOperation));
    const scans = scanColumns.map((g) => fmt(s.tableScans.find((c) => c.subgraph === g)?.perOperation));
    lines.push(`| ${s.name} | ${fmt(s.gatewayOverheadRatio, 2)} | ${[...sql, ...scans].join(' | ')} |`);
  }
  if (report.failures.length) {
    lines.push('');
    lines.push('## Not measured');
    lines.push('');
    for (const f of report.failures) lines.push(`- ${f.scenario}: ${f.message}`);
  }
  if (report.nPlusOne) {
    lines.push('');
    lines.push(`## N+1 probe: ${report.nPlusOne.scenario} at page sizes ${report.nPlusOne.pageSizes.join(', ')}`);
    lines.push('');
    lines.push('A count that grows with the page size is an N+1.');
    lines.push('');
    lines.push(`| subgraph | ${report.nPlusOne.pageSizes.map((p) => `first: ${p}`).join(' | ')} |`);
    lines.push(`|---|${report.nPlusOne.pageSizes.map(() => '---:').join('|')}|`);
    for (const row of report.nPlusOne.bySubgraph) lines.push(`| ${row.subgraph} | ${row.perOperation.map((n) => fmt(n)).join(' | ')} |`);
  }
  lines.push('');
  return lines.join('\n');
}
