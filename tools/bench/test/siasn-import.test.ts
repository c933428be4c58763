// The SIASN import bench (npm run bench -- --siasn-import) run for real on a small dataset: generated
// SIASN exports, a fresh personnel database on the test PostgreSQL server, the admin page's upload path
// in a worker process, twice. It asserts what the report holds, never its figures' speed (no timing
// assertions), and that the database is gone afterwards.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { benchDatabases, testServerUrl } from './support/bench-databases.ts';
import { writeSiasnImportReportFiles } from '../src/report-files.ts';
import { runSiasnImportBench } from '../src/siasn-import.ts';
import type { SiasnImportReport } from '../src/siasn-import-report.ts';

const EMPLOYEES = 400;
let report: SiasnImportReport;
let folder: string;
let files: { json: string; markdown: string };
let benchDatabasesBefore: string[];

beforeAll(async () => {
  benchDatabasesBefore = await benchDatabases('kinerja_bench_siasn_');
  // Banten (36): a handful of instansi, each its own file and upload.
  report = await runSiasnImportBench({ databaseServerUrl: testServerUrl, employees: EMPLOYEES, provinces: ['36'], log: () => {} });
  folder = mkdtempSync(join(tmpdir(), 'kinerja-bench-siasn-'));
  files = writeSiasnImportReportFiles(report, folder);
});

afterAll(() => {
  if (folder) rmSync(folder, { recursive: true, force: true });
});

describe('the SIASN import bench', () => {
  it('imports every unit and employee of every instansi file once, then finds them all unchanged', () => {
    // The seed's dataset rounds each instansi up to whole units: a few more people than asked for.
    expect(report.employees).toBeGreaterThanOrEqual(EMPLOYEES);
    expect(report.instansi).toBeGreaterThan(1);
    const rows = report.database.employees + report.database.units;
    expect(report.first).toMatchObject({ rows, created: rows, updated: 0, unchanged: 0, refused: 0 });
    expect(report.second).toMatchObject({ rows, created: 0, updated: 0, unchanged: rows, refused: 0 });
    expect(report.first.rowsPerSecond).toBeGreaterThan(0);
    expect(report.second.rowsPerSecond).toBeGreaterThan(0);
  });

  it('leaves what any hire leaves: one EmployeeHired event each, audit entries, the national headcount', () => {
    const people = report.employees;
    expect(report.database).toMatchObject({ employees: people, employeeEvents: people, hiredEvents: people, nationalHeadcount: people });
    // An entry per employee, unit and position written, and per job row: more than one per employee.
    expect(report.database.auditEntries).toBeGreaterThan(people);
  });

  it('reports memory, the load average and the files', () => {
    expect(report.peakRssMiB).toBeGreaterThan(0);
    expect(report.first.loadAverage.before).toBeGreaterThanOrEqual(0);
    expect(report.fileMiB).toBeGreaterThan(0);
  });

  it('writes JSON and Markdown and drops its database', async () => {
    expect(JSON.parse(readFileSync(files.json, 'utf8'))).toEqual(JSON.parse(JSON.stringify(report)));
    const markdown = readFileSync(files.markdown, 'utf8');
    expect(markdown).toContain(`# Kinerja ASN benchmark: SIASN import, ${report.employees} employees`);
    expect(markdown).toContain('| second (same files) |');
    expect(await benchDatabases('kinerja_bench_siasn_')).toEqual(benchDatabasesBefore);
  });
});
