// Reads for the talent 9-box: an employee's potential, and counts of (annual predikat, category) pairs in a
// unit's subtree or a region (one grouped statement; the 9-box is not on the national dashboard's hot path).
import { regionCoversSql } from '@kinerja/kit/scoping';
import type { EntityManager } from '@kinerja/kit/db';
import type { Predikat } from '../domain/rating.ts';

export interface PotentialRow {
  employeeId: string;
  jpm: number;
  category: string;
}

export async function findPotentials(em: EntityManager, employeeIds: readonly string[]): Promise<PotentialRow[]> {
  if (employeeIds.length === 0) return [];
  const rows = await em.execute<(Omit<PotentialRow, 'jpm'> & { jpm: string | number })[]>(
    'select employee_id as "employeeId", jpm, category from employee_potential where employee_id in (?)',
    [employeeIds],
  );
  return rows.map((row) => ({ ...row, jpm: Number(row.jpm) }));
}

export interface PairCount {
  predikat: Predikat;
  category: string | null;
  employees: number;
}

/** Counts of (annual predikat, potential category) pairs in each unit's subtree, in one grouped statement. */
export async function talentPairsOfUnits(em: EntityManager, unitIds: readonly string[], year: number): Promise<(PairCount & { key: string })[]> {
  if (unitIds.length === 0) return [];
  return em.execute<(PairCount & { key: string })[]>(
    `select u.unit_id as key, v.predikat, p.category, count(*)::int as employees from unnest(array[?]::text[]) as u(unit_id)
     join evaluation v on v.year = ? and v.period = 'ANNUAL' and (u.unit_id = any(v.unit_path) or v.unit_id = u.unit_id)
     left join employee_potential p on p.employee_id = v.employee_id group by u.unit_id, v.predikat, p.category`,
    [[...unitIds], year],
  );
}

/** The same pairs in each region (with the regions below it), in one grouped statement. */
export async function talentPairsOfRegions(em: EntityManager, regionCodes: readonly string[], year: number): Promise<(PairCount & { key: string })[]> {
  if (regionCodes.length === 0) return [];
  return em.execute<(PairCount & { key: string })[]>(
    `select r.code as key, v.predikat, p.category, count(*)::int as employees from unnest(array[?]::text[]) as r(code)
     join evaluation v on v.year = ? and v.period = 'ANNUAL' and ${regionCoversSql('r.code', 'v.region_code')}
     left join employee_potential p on p.employee_id = v.employee_id group by r.code, v.predikat, p.category`,
    [[...regionCodes], year],
  );
}
