// Employees().totalCount. A COUNT over every matching employee row grows with the data (bench/README.md:
// 86 → 124 ms from 10k to 100k employees for a provincial list, seconds at 4.7M), while
// region_headcount (Migration0003HeadcountSummary) already holds the ACTIVE employees of every region
// prefix at every level, kept exact by the employee triggers. So a count whose set is exactly "ACTIVE
// employees under region prefix P" is one primary-key lookup; every other count runs as before.
import type { EntityManager } from '@kinerja/kit/db';
import type { EmployeeVisibility } from '../domain/visibility.ts';
import { NATIONAL_REGION_CODE, regionSql } from '@kinerja/kit/scoping';
import { employeeFilterSql, type EmployeeListFilter } from './employee-rows.ts';

export type EmployeeCountPlan =
  /** region_headcount[region] is the count, plus the viewer's own/supervisor rows outside it (by NIP). */
  | { kind: 'summary'; region: string; outsideRowsOfNip: string | null }
  | { kind: 'count' };

/**
 * When the summary is exact (pure function; table in test/employee-count.test.ts).
 *
 * The visible set is (region prefix ∪ own row ∪ own direct supervisor ∪ subordinates) — see
 * domain/visibility.ts and repositories/employee-rows.ts visibleEmployeesSql — intersected with the filter.
 * - Any filter besides region and status ACTIVE (unit, golongan, jenis jabatan, search, RETIRED…) has
 *   no summary: COUNT.
 * - No region-wide role (pegawai, plain atasan): the set is a few supervision rows, not a region: COUNT.
 * - atasan subordinates may sit anywhere in the country, and a subtree is not a summary key: COUNT.
 * - A regionCode filter is always inside the viewer's region (Query.employees rejects others), and it
 *   also cuts away the own/supervisor rows that lie outside it, so the set is exactly "ACTIVE under the
 *   filter's prefix": summary, nothing to add.
 * - No regionCode filter: the own row and the direct supervisor are visible even outside the viewer's
 *   region. Falling back to COUNT for every region viewer with a NIP would put the slow path back for
 *   exactly the people (analis/pimpinan who are employees themselves) who read these lists most; instead
 *   we add the distinct ones of those (at most two) rows that are ACTIVE and outside the region, found by
 *   the unique NIP index and the supervisor's primary key, never by scanning. That is exact: the region
 *   part is the summary, the extra rows are counted once each (distinct ids, even if bad data made
 *   someone their own supervisor), and rows inside the region are not counted twice. National viewers
 *   see everything, so nothing lies outside.
 */
export function employeeCountPlan(visibility: EmployeeVisibility, filter: EmployeeListFilter): EmployeeCountPlan {
  const status = filter.status ?? 'ACTIVE';
  if (status !== 'ACTIVE' || filter.unitId || filter.golongan || filter.jenisJabatan || filter.search) return { kind: 'count' };
  if (visibility.region === null || visibility.subordinatesOfNip !== null) return { kind: 'count' };
  if (filter.regionCode) return { kind: 'summary', region: filter.regionCode, outsideRowsOfNip: null };
  const region = visibility.region;
  if (region === NATIONAL_REGION_CODE) return { kind: 'summary', region, outsideRowsOfNip: null };
  // selfNip and supervisorOfNip are both the viewer's NIP (employeeVisibility); either being set means the extra rows exist.
  const nip = visibility.selfNip ?? visibility.supervisorOfNip;
  return { kind: 'summary', region, outsideRowsOfNip: nip };
}

export async function countEmployees(em: EntityManager, visibility: EmployeeVisibility, filter: EmployeeListFilter): Promise<number> {
  const plan = employeeCountPlan(visibility, filter);
  if (plan.kind === 'count') {
    const where = employeeFilterSql(visibility, filter);
    const counted = await em.execute<{ total: string }[]>(`select count(*) as total from employee e where ${where.sql}`, where.params);
    return Number(counted[0]?.total ?? 0);
  }
  const summary = 'coalesce((select h.active_employees from region_headcount h where h.region_code = ?), 0)';
  if (plan.outsideRowsOfNip === null) {
    const counted = await em.execute<{ total: number }[]>(`select ${summary} as total`, [plan.region]);
    return Number(counted[0]?.total ?? 0);
  }
  const inRegion = regionSql('e.region_code', plan.region);
  const counted = await em.execute<{ total: string }[]>(
    `select ${summary} + (select count(distinct e.id) from employee own
        join employee e on e.id = own.id or e.id = own.supervisor_id
        where own.nip = ? and e.status = 'ACTIVE' and not ${inRegion.sql}) as total`,
    [plan.region, plan.outsideRowsOfNip, ...inRegion.params],
  );
  return Number(counted[0]?.total ?? 0);
}
