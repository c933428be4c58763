// The benchmark report: one JSON document and the same figures as Markdown. Pure functions, so the
// shape is tested without a running system.
import type { IngestResult } from './ingest-figures.ts';
import type { LatencySummary } from './latency.ts';
import type { StatementTable } from './statement-table.ts';

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
  /** The same load against Hive Gateway on the same supergraph, alternating with ours (null when not compared). */
  hive: LoadRun | null;
  versusHive: VersusHive | null;
  direct: LoadRun[];
  /** Gateway p50 ÷ the sum of its subgraph fetches' p50 (what one request costs at the gateway in total). */
  gatewayOverheadRatio: number | null;
  sql: SqlCount[];
  /** Also counted with table scans (pg_stat_user_tables), which grow under an N+1 whatever the transaction shape. */
  tableScans: { subgraph: string; perOperation: number | null }[];
}

/** Our gateway against Hive Gateway on one scenario: a throughput ratio ≥ 1 means ours serves at least as much. */
export interface VersusHive {
  /** Our requests/s ÷ Hive Gateway's requests/s. */
  throughputRatio: number | null;
  /** Our p95 ÷ Hive Gateway's p95 (≤ 1 means ours is at least as fast in the tail). */
  p95Ratio: number | null;
}

export function versusHive(ours: LoadRun, hive: LoadRun): VersusHive {
  const ratio = (a: number, b: number) => (b > 0 && a > 0 ? Math.round((a / b) * 100) / 100 : null);
  return { throughputRatio: ratio(ours.throughput, hive.throughput), p95Ratio: ratio(ours.latency.p95, hive.latency.p95) };
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

/** SQL statements and rows read per read of Region.predikatDistribution (issue 10: O(regions), never O(employees)). */
export interface PredikatDistributionProbe {
  operation: string;
  /** Regions read in one operation (1: the nation). */
  regions: number;
  /** Rated evaluations in the performance database when measured. */
  evaluations: number | null;
  method: SqlCountMethod;
  statementsPerRead: number | null;
  /** Rows returned and shared buffers touched per read (pg_stat_statements; null with the fallback method). */
  rowsPerRead: number | null;
  blocksPerRead: number | null;
}

export interface BenchReport {
  kind: 'kinerja-bench';
  version: 1;
  startedAt: string;
  finishedAt: string;
  sizeLabel: string;
  settings: {
    connections: number;
    durationSeconds: number;
    sqlProbeRepetitions: number;
    gatewayUrl: string;
    /** Null when the run did not compare with Hive Gateway (--no-hive). */
    hiveGateway: { url: string; version: string; rounds: number } | null;
  };
  machine: MachineInfo;
  dataset: DatasetInfo;
  sqlCountMethod: SqlCountMethod;
  scenarios: ScenarioResult[];
  /** Scenarios that could not be measured (the system stopped answering, a token was refused…). */
  failures: { scenario: string; message: string }[];
  nPlusOne: NPlusOneProbe | null;
  /** The attendance ingest scenario (absent in reports written before it existed). */
  ingest?: IngestResult | null;
  /** Absent when the performance subgraph was not measured. */
  predikatDistribution?: PredikatDistributionProbe | null;
  /** SQL statements of every list and `_entities` path at 10 and 100 rows (absent in reports written before it existed). */
  statementTable?: StatementTable | null;
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
    for (const run of [s.gateway, ...(s.hive ? [s.hive] : []), ...s.direct]) {
      lines.push(`| ${s.name} | ${run.target} | ${run.requests} | ${fmt(run.throughput)} | ${fmt(run.latency.p50)} | ${fmt(run.latency.p95)} | ${fmt(run.latency.p99)} | ${run.errors} | ${Math.round(run.responseBytes)} |`);
    }
  }
  lines.push('');
  const hive = report.settings.hiveGateway;
  if (hive) {
    lines.push(`## Our gateway against Hive Gateway ${hive.version}`);
    lines.push('');
    lines.push(`Same supergraph, same subgraphs, same token and load, ${hive.rounds} alternating rounds of ${report.settings.durationSeconds} s per gateway. A throughput ratio ≥ 1 means ours serves at least as many requests per second.`);
    lines.push('');
    lines.push('| scenario | ours req/s | Hive req/s | ours ÷ Hive req/s | ours p95 ms | Hive p95 ms | ours ÷ Hive p95 |');
    lines.push('|---|---:|---:|---:|---:|---:|---:|');
    for (const s of report.scenarios) {
      if (!s.hive || !s.versusHive) continue;
      lines.push(`| ${s.name} | ${fmt(s.gateway.throughput)} | ${fmt(s.hive.throughput)} | ${fmt(s.versusHive.throughputRatio, 2)} | ${fmt(s.gateway.latency.p95)} | ${fmt(s.hive.latency.p95)} | ${fmt(s.versusHive.p95Ratio, 2)} |`);
    }
    lines.push('');
  }
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
  if (report.ingest) lines.push('', ...renderIngest(report.ingest));
  const predikat = report.predikatDistribution;
  if (predikat) {
    lines.push('');
    lines.push(`## National predikat distribution: ${predikat.operation}`);
    lines.push('');
    lines.push('Maintained counts: statements, rows and buffers stay flat as evaluations grow (O(regions)).');
    lines.push('');
    lines.push('| regions | evaluations | SQL statements per read | rows per read | buffers per read |');
    lines.push('|---:|---:|---:|---:|---:|');
    lines.push(`| ${predikat.regions} | ${predikat.evaluations ?? 'unknown'} | ${fmt(predikat.statementsPerRead)} | ${fmt(predikat.rowsPerRead)} | ${fmt(predikat.blocksPerRead)} |`);
  }
  if (report.statementTable) lines.push('', ...renderStatementTable(report.statementTable));
  lines.push('');
  return lines.join('\n');
}

/** The statement table: one line per subgraph path, its statements at each size and whether they stay flat. */
export function renderStatementTable(table: StatementTable): string[] {
  const lines: string[] = [];
  lines.push(`## SQL statements per path at ${table.sizes.join(' and ')} rows`);
  lines.push('');
  lines.push(`Every \`_entities\` type (its reference and leaf fields, then each object or list field two levels down) and every paged root list of each subgraph's schema, asked straight at the subgraph; counted with \`${table.method}\` in its own database (the least of three counts), ${table.employees ?? 'unknown'} employees. O(1) **NO**: the count grows with the rows (an N+1); yes: it does not while more rows were answered; unproven: the data holds no more rows, or the path answered an error (shown).`);
  lines.push('');
  lines.push(`| subgraph | path | ${table.sizes.map((n) => `statements at ${n}`).join(' | ')} | O(1) | rows answered | user |`);
  lines.push(`|---|---|${table.sizes.map(() => '---:').join('|')}|---|---|---|`);
  for (const row of table.rows) {
    const verdict = row.constant === 'no' ? '**NO**' : row.constant;
    lines.push(`| ${row.subgraph} | ${row.path} | ${row.statements.map((n) => fmt(n, 0)).join(' | ')} | ${verdict}${row.error ? `: ${row.error.replace(/\|/g, '\\|')}` : ''} | ${row.rows.map((n) => n ?? '–').join(' / ')} | ${row.user ?? '–'} |`);
  }
  return lines;
}

export function renderIngest(ingest: IngestResult): string[] {
  const lines: string[] = [];
  const s = ingest.settings;
  lines.push(`## Attendance ingest (${ingest.name})`);
  lines.push('');
  lines.push(`${s.employees} employees; ${s.devices} devices pushing ${s.linesPerPost} ATTLOG lines per POST; checkIn with ${s.connections} connections; ${s.durationSeconds} s per path.`);
  lines.push('');
  lines.push('| path | requests | captures | captures/s | request p50 ms | p95 ms | p99 ms | errors | SQL statements per capture |');
  lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const p of ingest.phases) {
    lines.push(`| ${p.path} | ${p.requests} | ${p.captures} | ${p.capturesPerSecond} | ${fmt(p.requestLatency.p50)} | ${fmt(p.requestLatency.p95)} | ${fmt(p.requestLatency.p99)} | ${p.errors} | ${fmt(p.sql?.perCapture, 3)} |`);
  }
  for (const p of ingest.phases) {
    const kinds = Object.entries(p.errorKinds);
    if (kinds.length > 0) lines.push(`Errors of ${p.path}: ${kinds.map(([kind, n]) => `${kind} × ${n}`).join(', ')}.`);
  }
  lines.push('');
  const c = ingest.captureToStatus;
  lines.push(`Capture → day status visible through GraphQL (from the push being sent): p50 ${fmt(c.p50, 0)} ms, p95 ${fmt(c.p95, 0)} ms, max ${fmt(c.max, 0)} ms over ${c.samples} samples; ${c.notSeen} not seen within 10 s.`);
  const m = ingest.memory;
  lines.push('');
  lines.push(`Memory of the service, sampled every second: resident ${fmt(m.startMiB)} MiB at the start, ${fmt(m.endMiB)} MiB at the end, ${fmt(m.maxMiB)} MiB at most.`);
  lines.push('A leak raises the heap floor (the lowest V8 heapUsed of a half that saw a full collection: about what survived); RSS rising while the floor stays put is the heap sized to the allocation rate, which levels off; – = no full collection in that half, too early to tell (bench/README.md).');
  lines.push('');
  lines.push('| path | RSS start MiB | end | max | RSS slope, second half MiB/min | heap floor, first half → second half MiB |');
  lines.push('|---|---:|---:|---:|---:|---:|');
  for (const p of m.paths) {
    lines.push(`| ${p.path} | ${fmt(p.startMiB)} | ${fmt(p.endMiB)} | ${fmt(p.maxMiB)} | ${fmt(p.rssSlopeMiBPerMinute)} | ${fmt(p.heapFloorMiB.firstHalf)} → ${fmt(p.heapFloorMiB.secondHalf)} |`);
  }
  const warming = m.paths.filter((p) => p.heapFloorMiB.secondHalf === null).map((p) => p.path);
  if (warming.length > 0) {
    lines.push(`No full collection in the second half of ${warming.join(' and ')}: its RSS slope is the heap still growing to its level, not a leak or its absence; run \`--duration 60\` or more to judge.`);
  }
  for (const p of ingest.phases) {
    if (!p.sql || p.sql.top.length === 0) continue;
    lines.push('');
    lines.push(`### Where the database time goes: ${p.path} (${p.sql.statements} statements, ${p.sql.totalMs} ms)`);
    lines.push('');
    lines.push('| statement | per capture | total ms |');
    lines.push('|---|---:|---:|');
    for (const t of p.sql.top) lines.push(`| \`${t.query.replace(/\|/g, '\\|')}\` | ${fmt(t.perCapture, 3)} | ${t.totalMs} |`);
  }
  if (ingest.cpu) {
    lines.push('');
    lines.push(`### Where the service's CPU time goes (V8 profile, ${ingest.cpu.sampledSeconds} s sampled)`);
    lines.push('');
    lines.push(`By area: ${ingest.cpu.byArea.map((a) => `${a.name} ${a.percent}%`).join(', ')}.`);
    lines.push('');
    lines.push('| function (self time) | % | via |');
    lines.push('|---|---:|---|');
    for (const f of ingest.cpu.topFunctions) lines.push(`| ${f.name.replace(/\|/g, '\\|')} | ${f.percent} | ${(f.via ?? []).join('; ').replace(/\|/g, '\\|')} |`);
  }
  return lines;
}
