// The SIASN import at scale (issue 15 item 4: "import of 100k rows, rows/s and memory"). Needs only the
// PostgreSQL server: tools/siasn's generator writes the seed's dataset of N employees as SIASN exports,
// one XLSX per instansi (as each instansi downloads its own), and a child process (siasn-import-worker.ts,
// so its peak RSS is the import's alone) uploads them one by one into a fresh personnel database migrated
// by personnel's own migrations, through the admin page's path, then uploads them all again (every row
// unchanged). The database and the files are removed at the end unless kept.
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dropDatabase, ensureDatabase } from '@kinerja/kit/db';
import { writeSiasnWorkbook } from '@kinerja/siasn/files';
import { generateSiasnExports } from '@kinerja/siasn/generate';
import pg from 'pg';
import { machineInfo } from './machine.ts';
import type { SiasnBenchFile, SiasnImportReport, SiasnImportWorkerResult } from './siasn-import-report.ts';
import { runJsonWorker } from './worker-process.ts';

export interface SiasnImportBenchOptions {
  databaseServerUrl: string;
  employees: number;
  /** Only these provinces of the seed's dataset; all when empty. */
  provinces: readonly string[];
  keepDatabase?: boolean;
  log: (line: string) => void;
}

export async function runSiasnImportBench(options: SiasnImportBenchOptions): Promise<SiasnImportReport> {
  const startedAt = new Date().toISOString();
  const url = new URL(options.databaseServerUrl);
  url.pathname = `/kinerja_bench_siasn_${Date.now()}`;
  const databaseUrl = url.toString();
  const folder = mkdtempSync(join(tmpdir(), 'kinerja-bench-siasn-'));
  try {
    options.log(`generating SIASN exports of ${options.employees} employees (provinces ${options.provinces.join(', ') || 'all'})`);
    const generateStart = performance.now();
    const files: SiasnBenchFile[] = [];
    let bytes = 0;
    for (const instansi of generateSiasnExports({ employees: options.employees, seed: 'siasn-bench', provinces: options.provinces.length ? options.provinces : undefined })) {
      const name = `siasn-${instansi.regionCode}.xlsx`;
      await writeSiasnWorkbook(join(folder, name), instansi);
      bytes += statSync(join(folder, name)).size;
      files.push({ name, regionCode: instansi.regionCode, instansiSiasnId: instansi.instansiSiasnId, employees: instansi.employees.length, units: instansi.units.length });
    }
    writeFileSync(join(folder, 'files.json'), JSON.stringify(files));
    const generateSeconds = (performance.now() - generateStart) / 1000;
    await ensureDatabase(databaseUrl);
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    let postgres: string;
    try {
      postgres = (await client.query('show server_version')).rows[0].server_version as string;
    } finally {
      await client.end();
    }
    options.log(`importing ${files.length} files in a worker process, then again`);
    const result = await runJsonWorker<SiasnImportWorkerResult>(
      new URL('./siasn-import-worker.ts', import.meta.url),
      { SIASN_BENCH_DATABASE_URL: databaseUrl, SIASN_BENCH_FOLDER: folder },
      options.log,
      "the import's worker",
    );
    return {
      kind: 'kinerja-bench-siasn-import',
      version: 1,
      startedAt,
      finishedAt: new Date().toISOString(),
      machine: machineInfo(postgres),
      employees: files.reduce((sum, file) => sum + file.employees, 0),
      provinces: [...options.provinces],
      instansi: files.length,
      fileMiB: Math.round((bytes / 1024 ** 2) * 10) / 10,
      generateSeconds: Math.round(generateSeconds * 10) / 10,
      ...result,
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
    if (!options.keepDatabase) await dropDatabase(databaseUrl);
    else options.log(`database kept: ${databaseUrl}`);
  }
}
