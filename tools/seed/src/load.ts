// Sends generated batches to each service's own bulk path (services/<name>/src/bulk), each into that
// service's own database (docs/conventions.md: server URL + database kinerja_<service>).
import { loadAttendanceBatch, prepareAttendanceDatabase } from '@kinerja/attendance/bulk';
import { loadCompetencyBatch, prepareCompetencyDatabase } from '@kinerja/competency/bulk';
import { loadPerformanceBatch, preparePerformanceDatabase, type PerformanceBatchResult } from '@kinerja/performance/bulk';
import { loadPersonnelBatch, preparePersonnelDatabase } from '@kinerja/personnel/bulk';
import { loadRemunerationBatch, prepareRemunerationDatabase } from '@kinerja/remuneration/bulk';
import pg from 'pg';
import type { Logger } from 'pino';
import { finishRemunerationSeed, remunerationBatchOf } from './remuneration-rows.ts';
import { DEMO_ATASAN, DEMO_KEPALA, demoAwaitingApproval, employeeIdentity, type ExistingEmployees } from './dataset.ts';
import { seedHolidays } from './outcomes.ts';
import type { InstansiBatch } from './rows.ts';

import type { SeededService } from './seeded-services.ts';

export { SEEDED_SERVICES, type SeededService } from './seeded-services.ts';

export function serviceDatabaseUrl(serverUrl: string, service: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/kinerja_${service}`;
  return url.toString();
}

/** The seed's holidays of every year the outcomes cover (attendance's calendar must make them days off). */
function attendanceHolidays(batches: readonly InstansiBatch[]): { date: string; name: string }[] {
  const years = new Set(batches.flatMap((b) => b.outcomes.flatMap((o) => o.months.map((m) => Number(m.month.slice(0, 4))))));
  return [...years].flatMap((year) => seedHolidays(year));
}

export interface LoadCounts {
  personnel: { units: number; positions: number; employees: number };
  competency: { employees: number; assessments: number; gaps: number; summaryRows: number };
  remuneration: { employees: number; instansiScopes: number; ratings: number; recaps: number; rules: number };
  performance: PerformanceBatchResult;
  attendance: { employees: number; offices: number; captures: number; absences: number; days: number; recaps: number; rows: number };
}

export interface Loaders {
  load(batches: readonly InstansiBatch[]): Promise<LoadCounts>;
  /** Employees already in personnel's database (0 when personnel is not seeded). */
  /**
   * Employees already in every seeded service's database: the smallest count, so a seed cut short after
   * personnel but before another service is not taken for a complete one (`--if-empty` then seeds again,
   * and the idempotent loaders add only what is missing).
   */
  existingEmployees(): Promise<number>;
  /**
   * The employees personnel already holds, for the generator to give a new dataset NIPs beside them
   * (empty when personnel is not seeded: the other services hold no names to tell datasets apart).
   */
  knownEmployees(): Promise<ExistingEmployees>;
  /** After every batch: work that needs all of them (remuneration computes the seeded month). */
  finish(): Promise<{ rowsWritten: number }>;
  close(): Promise<void>;
}

export async function openLoaders(options: {
  serverUrl: string;
  services: readonly SeededService[];
  logger: Logger;
  /** Full database URLs per service, overriding serverUrl (tests use fresh databases). */
  databaseUrls?: Partial<Record<SeededService, string>>;
  /** YYYY-MM-DD (WIB) the outcomes were generated up to (default today). */
  today?: string;
}): Promise<Loaders> {
  const urlOf = (service: SeededService) => options.databaseUrls?.[service] ?? serviceDatabaseUrl(options.serverUrl, service);
  const clients = new Map<SeededService, pg.Client>();
  try {
    for (const service of options.services) {
      const url = urlOf(service);
      if (service === 'personnel') await preparePersonnelDatabase(url, options.logger);
      else if (service === 'remuneration') await prepareRemunerationDatabase(url, options.logger);
      else if (service === 'performance') await preparePerformanceDatabase(url, options.logger);
      else if (service === 'attendance') await prepareAttendanceDatabase(url, options.logger);
      else await prepareCompetencyDatabase(url, options.logger);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      clients.set(service, client);
    }
  } catch (error) {
    await Promise.all([...clients.values()].map((c) => c.end()));
    throw error;
  }
  const personnel = clients.get('personnel');
  const competency = clients.get('competency');
  const remuneration = clients.get('remuneration');
  // Instansi whose remuneration inputs a batch wrote, with the closed month to compute.
  const remunerationMonths = new Map<string, string>();
  const performance = clients.get('performance');
  const attendance = clients.get('attendance');

  return {
    async load(batches) {
      const units = batches.flatMap((b) => b.units);
      const employees = batches.flatMap((b) => b.employees);
      const counts: LoadCounts = {
        personnel: { units: 0, positions: 0, employees: 0 },
        competency: { employees: 0, assessments: 0, gaps: 0, summaryRows: 0 },
        remuneration: { employees: 0, instansiScopes: 0, ratings: 0, recaps: 0, rules: 0 },
        performance: { employees: 0, goals: 0, skps: 0, rhk: 0, indicators: 0, realisations: 0, evaluations: 0, summaryRows: 0, calibrations: 0 },
        attendance: { employees: 0, offices: 0, captures: 0, absences: 0, days: 0, recaps: 0, rows: 0 },
      };
      // The two services' databases load concurrently; each batch is one transaction per service.
      await Promise.all([
        personnel &&
          loadPersonnelBatch(personnel, {
            units,
            positions: [...new Map(batches.flatMap((b) => b.positions).map((p) => [p.id, p])).values()],
            employees,
          }).then((r) => void (counts.personnel = r)),
        competency &&
          loadCompetencyBatch(competency, {
            units: units.map((u) => ({ id: u.id, regionCode: u.regionCode })),
            employees,
            assessments: batches.flatMap((b) => b.assessments),
          }).then((r) => void (counts.competency = r)),
        remuneration &&
          loadRemunerationBatch(remuneration, remunerationBatchOf(batches)).then(({ changedInstansi, ...r }) => {
            counts.remuneration = r;
            for (const batch of batches) {
              const closed = batch.outcomes.flatMap((o) => o.months).find((m) => m.closed)?.month;
              if (closed !== undefined && changedInstansi.includes(batch.instansi.id)) remunerationMonths.set(batch.instansi.id, closed);
            }
          }),
        performance &&
          loadPerformanceBatch(
            performance,
            {
              units: units.map((u) => ({ id: u.id, parentId: u.parentId, kind: u.kind, name: u.name, regionCode: u.regionCode })),
              employees,
              ratings: batches.flatMap((b) => b.outcomes.map((o) => ({ employeeId: o.employeeId, ratings: o.ratings }))),
              awaitingApproval: batches.flatMap((b) => demoAwaitingApproval(b.employees)),
            },
            options.today,
          ).then((r) => void (counts.performance = r)),
        attendance &&
          loadAttendanceBatch(attendance, {
            units,
            employees,
            outcomes: batches.flatMap((b) => b.outcomes),
            holidays: attendanceHolidays(batches),
          }).then((r) => void (counts.attendance = r)),
      ]);
      return counts;
    },
    async existingEmployees() {
      // Every service keeps an `employee` table (personnel's own, the others' read models).
      const counts = await Promise.all(
        [...clients.values()].map(async (client) => ((await client.query('select count(*)::int as n from employee')).rows[0] as { n: number }).n),
      );
      return counts.length === 0 ? 0 : Math.min(...counts);
    },
    async knownEmployees() {
      if (!personnel) return { identities: new Map() };
      const rows = (await personnel.query('select id, nip, unit_id, name, supervisor_id from employee')).rows as { id: string; nip: string; unit_id: string; name: string; supervisor_id: string | null }[];
      const known: ExistingEmployees = { identities: new Map(rows.map((r) => [r.nip, employeeIdentity(r.unit_id, r.name)])) };
      const atasan = rows.find((r) => r.nip === DEMO_ATASAN.nip);
      if (atasan) known.demoAtasanSupervisorId = atasan.supervisor_id;
      const kepala = rows.find((r) => r.nip === DEMO_KEPALA.nip);
      if (kepala) known.demoKepala = { id: kepala.id, unitId: kepala.unit_id };
      return known;
    },
    async finish() {
      if (!remuneration) return { rowsWritten: 0 };
      return finishRemunerationSeed(urlOf('remuneration'), options.logger, remunerationMonths);
    },
    async close() {
      await Promise.all([...clients.values()].map((c) => c.end()));
    },
  };
}
