// The child process of the SIASN import bench (siasn-import.ts): imports each instansi's XLSX export the
// way the admin page does (personnel's queueSiasnImport checks and parses the upload and records the job,
// runSiasnImportJob runs it inside the importSiasn mutation's audit scope), then imports every file again.
// Samples its resident memory; prints one JSON object (SiasnImportWorkerResult) on stdout.
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { auditScope } from '@kinerja/kit/audit';
import type { Viewer } from '@kinerja/kit/auth';
import { openPersonnelOrm } from '@kinerja/personnel/bulk';
import { queueSiasnImport, runSiasnImportJob } from '@kinerja/personnel/commands/siasn-import-job';
import { pino } from 'pino';
import type { SiasnImportPhase, SiasnImportWorkerResult, SiasnBenchFile } from './siasn-import-report.ts';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
const databaseUrl = env('SIASN_BENCH_DATABASE_URL');
const folder = env('SIASN_BENCH_FOLDER');
const files = JSON.parse(readFileSync(join(folder, 'files.json'), 'utf8')) as SiasnBenchFile[];
const MiB = 1024 ** 2;
const logger = pino({ level: 'warn' }, pino.destination(2));
const orm = await openPersonnelOrm(databaseUrl, logger);
// A national personnel admin, as who uploads every instansi's file (a regency admin could not add catalogue positions).
const viewer: Viewer = { subject: 'siasn-bench', username: 'siasn-bench', nip: null, roles: new Set(['admin-kepegawaian']), regionCode: 'ID' };

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);

async function phase(): Promise<SiasnImportPhase> {
  const counts = { created: 0, updated: 0, unchanged: 0, refused: 0 };
  let rows = 0;
  const loadBefore = loadavg()[0] as number;
  const started = performance.now();
  for (const file of files) {
    const contentBase64 = readFileSync(join(folder, file.name)).toString('base64');
    await auditScope({ viewer, operation: 'importSiasn', requestId: `siasn-bench-${file.instansiSiasnId}`, reason: null }, async () => {
      const job = await queueSiasnImport(orm.em.fork(), viewer, { files: [{ name: file.name, contentBase64 }], regionCode: file.regionCode, instansiSiasnId: file.instansiSiasnId });
      await runSiasnImportJob(orm.em, viewer, job, logger);
      const [row] = await orm.em.fork().execute<{ status: string; error: string | null; processed: number; total: number; created: number; updated: number; unchanged: number; refused: number}[]>(
        `select status, error, processed, total, created, updated, unchanged, refused from siasn_import_job where id = ?`,
        [job.id],
      );
      if (row?.status !== 'DONE') throw new Error(`import of ${file.name} ended ${row?.status}: ${row?.error}`);
      rows += row.total;
      for (const key of Object.keys(counts) as (keyof typeof counts)[]) counts[key] += Number(row[key]);
    });
  }
  const seconds = (performance.now() - started) / 1000;
  return {
    rows,
    ...counts,
    seconds: Math.round(seconds * 10) / 10,
    rowsPerSecond: Math.round(rows / seconds),
    loadAverage: { before: loadBefore, after: loadavg()[0] as number },
  };
}

try {
  const first = await phase();
  const second = await phase();
  clearInterval(sampler);
  const [facts] = await orm.em.fork().execute<{ employees: string; units: string; events: string; hired: string; audit: string; headcount: string | null }[]>(
    `select (select count(*) from employee) as employees, (select count(*) from org_unit) as units,
       (select count(*) from outbox_event where topic = 'personnel.employee.v1') as events,
       (select count(*) from outbox_event where type = 'EmployeeHired') as hired,
       (select count(*) from audit_entry) as audit,
       (select active_employees from region_headcount where region_code = 'ID') as headcount`,
  );
  const result: SiasnImportWorkerResult = {
    first,
    second,
    peakRssMiB: Math.round(peakRss / MiB),
    database: {
      employees: Number(facts?.employees),
      units: Number(facts?.units),
      employeeEvents: Number(facts?.events),
      hiredEvents: Number(facts?.hired),
      auditEntries: Number(facts?.audit),
      nationalHeadcount: Number(facts?.headcount ?? 0),
    },
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
} finally {
  clearInterval(sampler);
  await orm.close(true);
}
