// Generates a dataset and streams it, a few instansi at a time, into the services' bulk paths.
import type { Logger } from 'pino';
import { createDataset, planDataset, type SeedOptions } from './dataset.ts';
import { openLoaders, type SeededService } from './load.ts';
import { loadRegions } from './regions.ts';
import type { InstansiBatch } from './rows.ts';

export interface RunSeedOptions extends SeedOptions {
  serverUrl: string;
  services: readonly SeededService[];
  logger: Logger;
  /** Employees per transaction (whole instansi are kept together, so a batch may be larger). */
  batchSize?: number;
  /** Do nothing when personnel already has employees (for `npm start`'s first-start load). */
  ifEmpty?: boolean;
  /** Generate only, write nothing (measures the generator). */
  dryRun?: boolean;
  databaseUrls?: Partial<Record<SeededService, string>>;
  onProgress?: (employeesDone: number, totalEmployees: number) => void;
}

export interface SeedReport {
  skipped: boolean;
  employees: number;
  units: number;
  positions: number;
  assessments: number;
  /** Rows written across all tables of all services (0 in a dry run). */
  rowsWritten: number;
  seconds: number;
  generationSeconds: number;
  employeesPerSecond: number;
  rowsPerSecond: number;
}

export async function runSeed(options: RunSeedOptions): Promise<SeedReport> {
  const started = performance.now();
  const regions = loadRegions();
  // Checks the arguments (unknown provinces…) before any database is touched.
  planDataset(regions, options);
  const loaders = options.dryRun ? null : await openLoaders(options);
  const report: SeedReport = { skipped: false, employees: 0, units: 0, positions: 0, assessments: 0, rowsWritten: 0, seconds: 0, generationSeconds: 0, employeesPerSecond: 0, rowsPerSecond: 0 };
  try {
    if (loaders && options.ifEmpty && (await loaders.existingEmployees()) > 0) {
      report.skipped = true;
      return report;
    }
    // Another dataset may already be loaded (a second --seed on top of npm start's): the generator
    // gives this one NIPs beside it. A restart of the same command finds its own people and keeps them.
    const dataset = createDataset(regions, { ...options, existing: await loaders?.knownEmployees() });
    const batchSize = options.batchSize ?? 5000;
    let pending: Promise<void> = Promise.resolve();
    let chunk: InstansiBatch[] = [];
    let chunkEmployees = 0;
    const flush = async (): Promise<void> => {
      const batches = chunk;
      chunk = [];
      chunkEmployees = 0;
      // Wait for the previous chunk, then send this one and return at once: the next chunk is
      // generated while PostgreSQL writes this one.
      await pending;
      if (!loaders) return;
      pending = loaders.load(batches).then((counts) => {
        report.rowsWritten +=
          counts.personnel.units + counts.personnel.positions + counts.personnel.employees +
          counts.competency.employees + counts.competency.assessments * 10 /* assessment + 9 scores */ +
          counts.competency.gaps + counts.competency.summaryRows + counts.attendance.rows +
          Object.values(counts.remuneration).reduce((sum, n) => sum + n, 0) +
          counts.performance.employees + counts.performance.goals + counts.performance.skps * 11 /* skp, 7 expectations, 3 events */ +
          counts.performance.rhk + counts.performance.indicators + counts.performance.realisations +
          counts.performance.evaluations + counts.performance.summaryRows + counts.performance.calibrations;
      });
      // Handled when awaited by the next flush; this only keeps Node from reporting it as unhandled meanwhile.
      pending.catch(() => {});
    };
    const iterator = dataset.batches();
    for (;;) {
      const t0 = performance.now();
      const next = iterator.next();
      report.generationSeconds += (performance.now() - t0) / 1000;
      if (next.done) break;
      const batch = next.value;
      chunk.push(batch);
      chunkEmployees += batch.employees.length;
      report.employees += batch.employees.length;
      report.units += batch.units.length;
      report.positions += batch.positions.length;
      report.assessments += batch.assessments.length;
      if (chunkEmployees >= batchSize) await flush();
      options.onProgress?.(report.employees, dataset.totalEmployees);
    }
    await flush();
    await pending;
    if (loaders) report.rowsWritten += (await loaders.finish()).rowsWritten;
  } finally {
    await loaders?.close();
  }
  report.seconds = (performance.now() - started) / 1000;
  report.employeesPerSecond = Math.round(report.employees / report.seconds);
  report.rowsPerSecond = Math.round(report.rowsWritten / report.seconds);
  return report;
}
