// The national predikat distribution probe against the real performance subgraph process on a fresh
// database and a real Keycloak token (nasional.pimpinan): the statements and rows one national read costs do
// not grow when thousands of evaluations (and the units they count in) are added, because the read is a
// primary-key lookup of the maintained counts (issue 10: O(regions), never O(employees)). Counts, no timings.
import { startPerformanceProcess, type PerformanceProcess } from '@kinerja/performance/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passwordToken } from '../src/graphql-client.ts';
import { probePredikatDistribution } from '../src/predikat-probe.ts';
import type { PredikatDistributionProbe } from '../src/report.ts';

const YEAR = 2026;
const ADDED = 3000;
let performance: PerformanceProcess | undefined;
let token = '';

async function sql(query: string, params: unknown[] = []): Promise<void> {
  const client = new pg.Client({ connectionString: performance!.database.url });
  await client.connect();
  try {
    await client.query(query, params);
  } finally {
    await client.end();
  }
}

/** `count` employees of Karawang with an evaluation each, counted in the maintained distribution (region prefixes and one unit each). */
async function addEvaluations(from: number, count: number): Promise<void> {
  await sql(
    `insert into employee (employee_id, nip, region_code, unit_id, instansi_id, status, last_event_at)
     select 'bench-' || n, lpad(n::text, 18, '0'), '32.15', 'unit-' || n, 'inst-krw', 'ACTIVE', now() from generate_series($1::int, $2::int) n`,
    [from, from + count - 1],
  );
  await sql(
    `insert into skp (id, employee_id, year, region_code, unit_id, instansi_id, status)
     select md5('skp' || n)::uuid, 'bench-' || n, $3, '32.15', 'unit-' || n, 'inst-krw', 'APPROVED' from generate_series($1::int, $2::int) n`,
    [from, from + count - 1, YEAR],
  );
  await sql(
    `insert into evaluation (id, skp_id, employee_id, year, period, period_start, period_end, hasil_kerja, perilaku_kerja, predikat, rater_employee_id, region_code, unit_id, status, rated_at)
     select md5('ev' || n)::uuid, md5('skp' || n)::uuid, 'bench-' || n, $3, 'ANNUAL', $4, $5, 'SESUAI_EKSPEKTASI', 'SESUAI_EKSPEKTASI', 'BAIK', 'bench-atasan', '32.15', 'unit-' || n, 'DRAFT', now()
     from generate_series($1::int, $2::int) n`,
    [from, from + count - 1, YEAR, `${YEAR}-01-01`, `${YEAR}-12-31`],
  );
  await sql(
    `insert into predikat_summary (scope, scope_key, year, period, predikat, employees)
     select 'REGION', key, $2, 'ANNUAL', 'BAIK', $1 from unnest(array['ID', '32', '32.15']) key
     on conflict (scope, scope_key, year, period, predikat) do update set employees = predikat_summary.employees + excluded.employees`,
    [count, YEAR],
  );
  await sql(
    `insert into predikat_summary (scope, scope_key, year, period, predikat, employees)
     select 'UNIT', 'unit-' || n, $3, 'ANNUAL', 'BAIK', 1 from generate_series($1::int, $2::int) n`,
    [from, from + count - 1, YEAR],
  );
  // As autovacuum would soon after a bulk load: a fresh insert's rows are read with hint-bit writes and
  // heap visits that one later read no longer pays (a CI run saw 10 buffers instead of 3 on the first reads).
  await sql('vacuum analyze predikat_summary');
}

const probe = () => probePredikatDistribution({ subgraphUrl: performance!.url, databaseUrl: performance!.database.url, token, year: YEAR, repetitions: 20 });

beforeAll(async () => {
  performance = await startPerformanceProcess();
  token = await passwordToken(process.env['KEYCLOAK_URL'] ?? 'http://localhost:8180', process.env['KEYCLOAK_REALM'] ?? 'asn', 'nasional.pimpinan', 'kinerja-demo');
}, 120_000);

afterAll(async () => {
  await performance?.stop();
});

describe('national predikat distribution probe', () => {
  let small: PredikatDistributionProbe;
  let large: PredikatDistributionProbe;

  it('measures one national read with few evaluations, then with thousands more', async () => {
    await addEvaluations(1, 10);
    small = await probe();
    await addEvaluations(11, ADDED);
    large = await probe();
    expect(small).toMatchObject({ operation: 'Region.predikatDistribution (annual)', regions: 1, evaluations: 10 });
    expect(large.evaluations).toBe(10 + ADDED);
  }, 120_000);

  it('costs the same statements and rows whatever the number of evaluations', () => {
    // One primary-key read of the maintained counts; background work (autovacuum after the bulk insert)
    // can shift a baseline-corrected average by a fraction, never by the thousands of rows a scan would read.
    expect(small.statementsPerRead).not.toBeNull();
    expect(small.statementsPerRead).toBeLessThanOrEqual(2);
    expect(large.statementsPerRead).toBeLessThanOrEqual(2);
    // At most one row per predikat of the nation's counts (5), and the same few index and heap pages with
    // 300× the evaluations (a scan of them would touch hundreds of pages).
    expect(small.rowsPerRead).toBeLessThanOrEqual(5);
    expect(large.rowsPerRead).toBeLessThanOrEqual(5);
    expect(small.blocksPerRead).not.toBeNull();
    expect(large.blocksPerRead).toBeLessThanOrEqual(small.blocksPerRead! + 2);
  });
});
