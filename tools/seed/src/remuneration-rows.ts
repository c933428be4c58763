// The generated dataset in remuneration's terms: what personnel.employee.v1, performance.rating.v1 and
// attendance.recap.v1 would have carried for it (outcomes.ts is the one source of ratings and day
// statuses), the demo TPP rule per instansi, and the computation of the closed month after every batch.
import {
  computeSeededMonths,
  demoTppRule,
  DEMO_RULE_LEGAL_BASIS,
  openRemunerationOrm,
  type RemunerationBatch,
} from '@kinerja/remuneration/bulk';
import type { Logger } from 'pino';
import { stableId } from './ids.ts';
import { countDayCodes } from './outcomes.ts';
import type { InstansiBatch, OrgUnitRow } from './rows.ts';

/** Unit ids from the instansi down to the unit, as personnel's EmployeeChanged carries them (unitPathOf). */
function unitPaths(units: readonly OrgUnitRow[]): Map<string, string[]> {
  const byId = new Map(units.map((u) => [u.id, u]));
  const paths = new Map<string, string[]>();
  const pathOf = (id: string): string[] => {
    const known = paths.get(id);
    if (known) return known;
    const parent = byId.get(id)?.parentId ?? null;
    const path = [...(parent !== null && byId.has(parent) ? pathOf(parent) : []), id];
    paths.set(id, path);
    return path;
  };
  for (const u of units) pathOf(u.id);
  return paths;
}

export function remunerationBatchOf(batches: readonly InstansiBatch[]): RemunerationBatch {
  const result: { employees: RemunerationBatch['employees'][number][]; ratings: RemunerationBatch['ratings'][number][]; recaps: RemunerationBatch['recaps'][number][]; rules: RemunerationBatch['rules'][number][] } = {
    employees: [],
    ratings: [],
    recaps: [],
    rules: [],
  };
  for (const batch of batches) {
    const paths = unitPaths([batch.instansi, ...batch.units]);
    for (const e of batch.employees) {
      result.employees.push({
        id: e.id, nip: e.nip, name: e.name, employmentType: e.employmentType, golongan: e.golongan, kelasJabatan: e.kelasJabatan,
        jenisJabatan: e.jenisJabatan, positionTitle: e.positionTitle, unitId: e.unitId, unitPath: paths.get(e.unitId) ?? [e.unitId],
        instansiId: e.instansiId, regionCode: e.regionCode, supervisorId: e.supervisorId,
      });
    }
    for (const outcome of batch.outcomes) {
      for (const r of outcome.ratings) {
        result.ratings.push({
          employeeId: outcome.employeeId, skpId: stableId('skp', `${outcome.employeeId}|${r.year}`), year: r.year, period: r.period,
          periodStart: r.start, periodEnd: r.end, predikat: r.predikat,
        });
      }
      for (const month of outcome.months.filter((m) => m.closed)) {
        result.recaps.push({
          employeeId: outcome.employeeId,
          month: month.month,
          counts: Object.fromEntries(countDayCodes(month.days).map(({ code, count }) => [code, count])),
          days: month.days.flatMap((d) => d.codes.filter((code) => code !== 'HADIR').map((code) => ({ date: d.date, code }))),
        });
      }
    }
    const closedMonth = batch.outcomes.flatMap((o) => o.months).find((m) => m.closed)?.month;
    if (closedMonth !== undefined) {
      result.rules.push({
        id: stableId('tpp-rule', batch.instansi.id),
        instansiId: batch.instansi.id,
        // In force from the January of the seeded month's year, so the seeded month and the current one use it.
        effectiveFrom: `${closedMonth.slice(0, 4)}-01`,
        legalBasis: DEMO_RULE_LEGAL_BASIS,
        data: demoTppRule(),
      });
    }
  }
  return result;
}

/** Computes each instansi's closed month through remuneration's own compute command. */
export async function finishRemunerationSeed(databaseUrl: string, logger: Logger, months: ReadonlyMap<string, string>): Promise<{ rowsWritten: number }> {
  if (months.size === 0) return { rowsWritten: 0 };
  const orm = await openRemunerationOrm(databaseUrl, logger);
  try {
    const result = await computeSeededMonths(orm, logger, [...months].map(([instansiId, month]) => ({ instansiId, month })));
    return { rowsWritten: result.runs + result.statements };
  } finally {
    await orm.close(true);
  }
}
