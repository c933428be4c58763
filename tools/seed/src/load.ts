// Sends generated batches to each service's own bulk path (services/<name>/src/bulk), each into that
// service's own database (docs/conventions.md: server URL + database kinerja_<service>).
import { loadCompetencyBatch, prepareCompetencyDatabase } from '@kinerja/competency/src/bulk/index.ts';
import { loadPersonnelBatch, preparePersonnelDatabase } from '@kinerja/personnel/src/bulk/index.ts';
import pg from 'pg';
import type { Logger } from 'pino';
import type { InstansiBatch } from './rows.ts';

export const SEEDED_SERVICES = ['personnel', 'competency'] as const;
export type SeededService = (typeof SEEDED_SERVICES)[number];

export function serviceDatabaseUrl(serverUrl: string, service: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/kinerja_${service}`;
  return url.toString();
}

export interface LoadCounts {
  personnel: { units: number; positions: number; employees: number };
  competency: { employees: number; assessments: number; gaps: number; summaryRows: number };
}

export interface Loaders {
  load(batches: readonly InstansiBatch[]): Promise<LoadCounts>;
  /** Employees already in personnel's database (0 when personnel is not seeded). */
  existingEmployees(): Promise<number>;
  close(): Promise<void>;
}

export async function openLoaders(options: {
  serverUrl: string;
  services: readonly SeededService[];
  logger: Logger;
  /** Full database URLs per service, overriding serverUrl (tests use fresh databases). */
  databaseUrls?: Partial<Record<SeededService, string>>;
}): Promise<Loaders> {
  const urlOf = (service: SeededService) => options.databaseUrls?.[service] ?? serviceDatabaseUrl(options.serverUrl, service);
  const clients = new Map<SeededService, pg.Client>();
  try {
    for (const service of options.services) {
      const url = urlOf(service);
      if (service === 'personnel') await preparePersonnelDatabase(url, options.logger);
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

  return {
    async load(batches) {
      const units = batches.flatMap((b) => b.units);
      const employees = batches.flatMap((b) => b.employees);
      const counts: LoadCounts = {
        personnel: { units: 0, positions: 0, employees: 0 },
        competency: { employees: 0, assessments: 0, gaps: 0, summaryRows: 0 },
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
      ]);
      return counts;
    },
    async existingEmployees() {
      if (!personnel) return 0;
      const result = await personnel.query('select count(*)::int as n from employee');
      return (result.rows[0] as { n: number }).n;
    },
    async close() {
      await Promise.all([...clients.values()].map((c) => c.end()));
    },
  };
}
