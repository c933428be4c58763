// The child process of the monthly-run bench (tpp-run.ts): runs one computeTpp run to the end with the
// service's own executor, sampling its resident memory, then reads the national Region.tppSummary through
// the real remuneration subgraph with a real Keycloak token, counting the SQL statements each read costs.
// Prints one JSON object (TppRunWorkerResult) on stdout.
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { createOrm } from '@kinerja/kit/db';
import { loadServiceConfig } from '@kinerja/kit/config';
import { RunExecutor, entities, migrations, startRemunerationSubgraph } from '@kinerja/remuneration/service';
import { pino } from 'pino';
import { passwordToken, postGraphql } from './graphql-client.ts';
import { summariseLatencies } from './latency.ts';
import type { TppRunWorkerResult } from './tpp-run-report.ts';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
const databaseUrl = env('TPP_BENCH_DATABASE_URL');
const instansiId = env('TPP_BENCH_INSTANSI');
const month = env('TPP_BENCH_MONTH');
const batchSize = Number(env('TPP_BENCH_BATCH_SIZE'));
const SUMMARY_READS = 200;
const MiB = 1024 ** 2;

const logger = pino({ level: 'warn' }, pino.destination(2));
let countQueries = false;
let queries = 0;
const orm = await createOrm({ databaseUrl, entities, migrations, logger, onQuery: () => void (countQueries && (queries += 1)) });
const em = orm.em.fork();
const runId = randomUUID();
await em.execute(
  `insert into "tpp_run" ("id", "instansi_id", "month", "status", "total", "reason", "requested_by", "started_at")
   select ?, ?, ?, 'RUNNING', count(*), 'bench', 'bench', now() from "employee" where "instansi_id" = ? and "status" = 'ACTIVE'`,
  [runId, instansiId, month, instansiId],
);

// Memory over the run: sampled every 100 ms, so "flat" can be read from the quarters of the run.
const rssBefore = process.memoryUsage().rss;
const loadBefore = loadavg()[0]!;
const cpuBefore = process.cpuUsage();
const samples: { at: number; rss: number }[] = [];
const started = performance.now();
const sampler = setInterval(() => samples.push({ at: performance.now() - started, rss: process.memoryUsage().rss }), 100);
const executor = new RunExecutor(orm, logger, batchSize);
await executor.run(runId);
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
const loadAfter = loadavg()[0]!;
clearInterval(sampler);
samples.push({ at: performance.now() - started, rss: process.memoryUsage().rss });

const [run] = await em.execute<{ status: string; processed: number; changed: number; error: string | null }[]>(`select "status", "processed", "changed", "error" from "tpp_run" where "id" = ?`, [runId]);
if (run?.status !== 'DONE') throw new Error(`the run ended ${run?.status}: ${run?.error}`);
const [counts] = await em.execute<{ statements: string; lines: string; events: string }[]>(
  `select (select count(*) from "tpp_statement" where "month" = ?) as statements,
     (select sum(json_array_length("lines"::json)) from "tpp_statement" where "month" = ?) as lines,
     (select count(*) from "outbox_event" where "type" = 'TppComputed') as events`,
  [month, month],
);

const quarter = (q: number) => {
  const end = (q / 4) * seconds * 1000;
  const inQuarter = samples.filter((s) => s.at >= ((q - 1) / 4) * seconds * 1000 && s.at <= end);
  // A quarter shorter than the sampling interval takes the first sample after it.
  const taken = inQuarter.length > 0 ? inQuarter : samples.filter((s) => s.at > end).slice(0, 1);
  return Math.round(Math.max(...taken.map((s) => s.rss)) / MiB);
};

// The national summary through the real subgraph (federation entity Region), as the gateway asks for it.
const config = loadServiceConfig('remuneration', { ...process.env, PORT: '0', DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' });
const subgraph = await startRemunerationSubgraph({ config, orm, logger, handleSignals: false });
const token = await passwordToken(env('KEYCLOAK_URL'), env('KEYCLOAK_REALM'), 'nasional.pimpinan', env('KINERJA_DEMO_PASSWORD'));
const summaryQuery = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Region { tppSummary(month: "${month}") { headcountPaid gross deductions tax net averageCutByCause { cause amount } } } } }`;
const variables = { r: [{ __typename: 'Region', code: 'ID' }] };
const first = await postGraphql(subgraph.url, token, summaryQuery, variables);
if (first.errors?.length) throw new Error(`Region.tppSummary answered ${JSON.stringify(first.errors).slice(0, 500)}`);
const latencies: number[] = [];
countQueries = true;
for (let i = 0; i < SUMMARY_READS; i++) {
  const t = performance.now();
  await postGraphql(subgraph.url, token, summaryQuery, variables);
  latencies.push(performance.now() - t);
}
countQueries = false;
const [summaryRows] = await em.execute<{ n: string }[]>(`select count(*) as n from "tpp_summary" where "month" = ?`, [month]);
const national = (first.data as { _entities: [{ tppSummary: { headcountPaid: number; gross: number } }] })._entities[0].tppSummary;
await subgraph.stop();

const result: TppRunWorkerResult = {
  run: {
    seconds: Math.round(seconds * 100) / 100,
    employeesPerSecond: Math.round(run.processed / seconds),
    processed: run.processed,
    statements: Number(counts!.statements),
    lines: Number(counts!.lines),
    outboxEvents: Number(counts!.events),
    rssBeforeMiB: Math.round(rssBefore / MiB),
    peakRssMiB: Math.round(Math.max(rssBefore, ...samples.map((s) => s.rss)) / MiB),
    rssByQuarterMiB: [1, 2, 3, 4].map(quarter),
    processMaxRssMiB: Math.round((process.resourceUsage().maxRSS * 1024) / MiB),
    workerCpuSeconds: Math.round(((cpu.user + cpu.system) / 1e6) * 100) / 100,
    loadAverage: { before: Math.round(loadBefore * 100) / 100, after: Math.round(loadAfter * 100) / 100 },
  },
  summaryRead: {
    reads: SUMMARY_READS,
    sqlStatementsPerRead: Math.round((queries / SUMMARY_READS) * 100) / 100,
    summaryRowsForMonth: Number(summaryRows!.n),
    latencyMs: summariseLatencies(latencies),
    nationalHeadcountPaid: national.headcountPaid,
    nationalGross: national.gross,
  },
};
process.stdout.write(`${JSON.stringify(result)}\n`);
process.exit(0);
