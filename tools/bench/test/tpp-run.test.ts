// The monthly-run bench (npm run bench -- --tpp-run) run for real on a small instansi: its own database on
// the test PostgreSQL server, the remuneration service's migrations and executor in a worker process, the
// national Region.tppSummary read with a real Keycloak token. It asserts what the report holds, never its
// figures' speed (no timing assertions), and that the database is gone afterwards.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { benchDatabases, testServerUrl } from './support/bench-databases.ts';
import { writeTppRunReportFiles } from '../src/report-files.ts';
import { runTppBench } from '../src/tpp-run.ts';
import type { TppRunReport } from '../src/tpp-run-report.ts';

const EMPLOYEES = 300;
let report: TppRunReport;
let folder: string;
let files: { json: string; markdown: string };
let benchDatabasesBefore: string[];

beforeAll(async () => {
  benchDatabasesBefore = await benchDatabases('kinerja_bench_tpp_');
  report = await runTppBench({
    databaseServerUrl: testServerUrl,
    employees: EMPLOYEES,
    // 300 employees in batches of 25: two lanes side by side, as a large run has.
    batchSize: 25,
    keycloakUrl: process.env['KEYCLOAK_URL'] ?? 'http://localhost:8180',
    realm: process.env['KEYCLOAK_REALM'] ?? 'asn',
    password: process.env['KINERJA_DEMO_PASSWORD'] ?? 'kinerja-demo',
    log: () => {},
  });
  folder = mkdtempSync(join(tmpdir(), 'kinerja-bench-tpp-'));
  files = writeTppRunReportFiles(report, folder);
});

afterAll(() => {
  if (folder) rmSync(folder, { recursive: true, force: true });
});

describe('the monthly TPP run bench', () => {
  it('computes every employee once: a statement, its lines and a TppComputed event each', () => {
    expect(report.run).toMatchObject({ processed: EMPLOYEES, statements: EMPLOYEES, outboxEvents: EMPLOYEES });
    expect(report.run.lines).toBeGreaterThan(EMPLOYEES * 4);
    expect(report.run.employeesPerSecond).toBeGreaterThan(0);
  });

  it('reports memory over the run and the worker\'s CPU', () => {
    expect(report.run.rssByQuarterMiB).toHaveLength(4);
    expect(report.run.peakRssMiB).toBeGreaterThanOrEqual(Math.max(...report.run.rssByQuarterMiB));
    expect(report.run.workerCpuSeconds).toBeGreaterThan(0);
  });

  it('reads the national summary through the subgraph: every employee paid, one SQL statement per read', () => {
    expect(report.summaryRead.nationalHeadcountPaid).toBe(EMPLOYEES);
    expect(report.summaryRead.sqlStatementsPerRead).toBe(1);
    expect(report.summaryRead.summaryRowsForMonth).toBeGreaterThan(1);
  });

  it('writes JSON and Markdown and drops its database', async () => {
    expect(JSON.parse(readFileSync(files.json, 'utf8'))).toEqual(JSON.parse(JSON.stringify(report)));
    const markdown = readFileSync(files.markdown, 'utf8');
    expect(markdown).toContain(`# Kinerja ASN benchmark: monthly TPP run, ${EMPLOYEES} employees`);
    expect(markdown).toContain('## National Region.tppSummary read');
    expect(await benchDatabases('kinerja_bench_tpp_')).toEqual(benchDatabasesBefore);
  });
});
