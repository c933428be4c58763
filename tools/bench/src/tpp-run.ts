// The monthly TPP run at scale (issue 12: "≥ 20,000 employees/s on this machine, memory flat"; "the
// bench reports employees/s for the monthly run at 100k and the summary read cost"). Needs only the
// PostgreSQL server (and Keycloak for the summary read): a database of its own is created, migrated by
// the remuneration service's migrations and filled with set-based SQL with one instansi of N employees
// spread over 27 regencies and 200 units, each with a predikat and a month's attendance recap. The run
// itself happens in a child process (tpp-run-worker.ts) so its peak RSS is the run's alone; the database
// is dropped at the end unless kept.
import { randomUUID } from 'node:crypto';
import { DEFAULT_TPP_RULE, entities, migrations } from '@kinerja/remuneration/service';
import { createOrm, dropDatabase, ensureDatabase } from '@kinerja/kit/db';
import pg from 'pg';
import { pino } from 'pino';
import { machineInfo } from './machine.ts';
import type { TppRunReport, TppRunWorkerResult } from './tpp-run-report.ts';
import { runJsonWorker } from './worker-process.ts';

export const TPP_BENCH_INSTANSI = 'bench-instansi';
export const TPP_BENCH_MONTH = '2026-10';
const REGENCIES = 27;
const UNITS = 200;

export interface TppRunOptions {
  databaseServerUrl: string;
  employees: number;
  batchSize: number;
  keycloakUrl: string;
  realm: string;
  password: string;
  keepDatabase?: boolean;
  log: (line: string) => void;
}

/** Base amounts for every kelas jabatan (the default rule lists only the two DOMAIN.md gives). */
const benchRule = {
  ...DEFAULT_TPP_RULE,
  baseAmounts: Array.from({ length: 17 }, (_x, i) => ({ kelasJabatan: i + 1, amount: 900_000 + i * 1_050_000 })),
};

/** Fills the read models with set-based SQL: deterministic figures from the employee's number. */
export async function loadTppBenchData(client: pg.Client, employees: number): Promise<void> {
  await client.query(`insert into "instansi_scope" ("instansi_id", "region_code") values ($1, '32')`, [TPP_BENCH_INSTANSI]);
  await client.query(
    `insert into "tpp_rule" ("id", "instansi_id", "version", "effective_from", "legal_basis", "data", "created_by")
     values ($1, $2, 1, '2026-01', 'Perkada bench', $3::jsonb, 'bench')`,
    [randomUUID(), TPP_BENCH_INSTANSI, JSON.stringify(benchRule)],
  );
  await client.query(
    `insert into "employee" ("employee_id", "nip", "name", "employment_type", "golongan", "kelas_jabatan", "jenis_jabatan", "unit_id", "unit_path",
       "instansi_id", "region_code", "status", "last_event_at")
     select 'bench-' || lpad(i::text, 8, '0'), '1990' || lpad(i::text, 14, '0'), 'Pegawai ' || i, 'PNS',
       (array['II/a','II/c','III/a','III/b','III/c','III/d','IV/a','IV/b'])[1 + i % 8], 1 + i % 17, 'PELAKSANA',
       'bench-unit-' || (i % $2), array[$3, 'bench-unit-' || (i % $2)], $3, '32.' || lpad((1 + i % $4)::text, 2, '0'), 'ACTIVE', now()
     from generate_series(1, $1) as i`,
    [employees, UNITS, TPP_BENCH_INSTANSI, REGENCIES],
  );
  // One annual rating per employee but every tenth (no SKP: the rule's noRating applies).
  await client.query(
    `insert into "predikat_rating" ("employee_id", "skp_id", "period", "year", "period_start", "period_end", "predikat", "version", "finalised_at")
     select 'bench-' || lpad(i::text, 8, '0'), 'skp-' || i, 'ANNUAL', 2026, '2026-01-01', '2026-12-31',
       (array['SANGAT_BAIK','BAIK','BAIK','BAIK','BUTUH_PERBAIKAN','KURANG','SANGAT_KURANG'])[1 + i % 7], 1, now()
     from generate_series(1, $1) as i where i % 10 <> 0`,
    [employees],
  );
  // A recap with a few late days, early leaves and now and then a TK day, each day named.
  await client.query(
    `insert into "attendance_recap" ("employee_id", "month", "version", "counts", "days", "reason", "closed_at")
     select 'bench-' || lpad(i::text, 8, '0'), $2, 1,
       jsonb_build_object('HADIR', 21 - d.n, 'TL1', i % 3, 'TL2', i % 2, 'PSW1', (i / 3) % 2, 'TK', case when i % 11 = 0 then 1 else 0 end),
       d.days, 'bench', now()
     from generate_series(1, $1) as i
     cross join lateral (
       select count(*)::int as n, coalesce(jsonb_agg(jsonb_build_object('date', day, 'code', code) order by day), '[]'::jsonb) as days
       from (
         select to_char(date '2026-10-01' + k, 'YYYY-MM-DD') as day, 'TL1' as code from generate_series(1, i % 3) k
         union all select to_char(date '2026-10-06' + k, 'YYYY-MM-DD'), 'TL2' from generate_series(1, i % 2) k
         union all select to_char(date '2026-10-12' + k, 'YYYY-MM-DD'), 'PSW1' from generate_series(1, (i / 3) % 2) k
         union all select '2026-10-20', 'TK' where i % 11 = 0
       ) x
     ) d`,
    [employees, TPP_BENCH_MONTH],
  );
  await client.query('analyze');
}

export async function runTppBench(options: TppRunOptions): Promise<TppRunReport> {
  const startedAt = new Date().toISOString();
  const url = new URL(options.databaseServerUrl);
  url.pathname = `/kinerja_bench_tpp_${Date.now()}`;
  const databaseUrl = url.toString();
  await ensureDatabase(databaseUrl);
  try {
    const orm = await createOrm({ databaseUrl, entities, migrations, logger: pino({ level: 'warn' }) });
    await orm.close();
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    let loadSeconds: number;
    let postgres: string;
    try {
      postgres = (await client.query('show server_version')).rows[0].server_version as string;
      options.log(`loading ${options.employees} employees with a predikat and an attendance recap`);
      const loadStart = performance.now();
      await loadTppBenchData(client, options.employees);
      loadSeconds = (performance.now() - loadStart) / 1000;
    } finally {
      await client.end();
    }
    options.log(`computing ${TPP_BENCH_MONTH} in a worker process, batches of ${options.batchSize}`);
    const result = await runJsonWorker<TppRunWorkerResult>(
      new URL('./tpp-run-worker.ts', import.meta.url),
      {
        TPP_BENCH_DATABASE_URL: databaseUrl,
        TPP_BENCH_INSTANSI: TPP_BENCH_INSTANSI,
        TPP_BENCH_MONTH: TPP_BENCH_MONTH,
        TPP_BENCH_BATCH_SIZE: String(options.batchSize),
        KEYCLOAK_URL: options.keycloakUrl,
        KEYCLOAK_REALM: options.realm,
        KINERJA_DEMO_PASSWORD: options.password,
      },
      options.log,
      "the run's worker",
    );
    return {
      kind: 'kinerja-bench-tpp-run',
      version: 1,
      startedAt,
      finishedAt: new Date().toISOString(),
      machine: machineInfo(postgres),
      employees: options.employees,
      batchSize: options.batchSize,
      month: TPP_BENCH_MONTH,
      loadSeconds: Math.round(loadSeconds * 10) / 10,
      ...result,
    };
  } finally {
    if (!options.keepDatabase) await dropDatabase(databaseUrl);
    else options.log(`database kept: ${databaseUrl}`);
  }
}
