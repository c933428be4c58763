// Read-side SQL for regions, units and positions. Region/unit/position data is not personal, so any
// authenticated caller may read it; headcounts read the maintained summaries (one statement per batch of keys).
import type { EntityManager } from '@kinerja/kit/db';
import type { JenisJabatan, RegionLevel } from '../domain/vocabulary.ts';

export interface RegionRow {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
}

export interface OrgUnitRow {
  id: string;
  name: string;
  regionCode: string;
  parentId: string | null;
  instansiId: string;
}

export interface PositionRow {
  id: string;
  title: string;
  jenisJabatan: JenisJabatan;
  kelasJabatan: number;
}

const regionColumns = 'r.code, r.name, r.level, r.parent_code as "parentCode"';
const unitColumns = 'u.id, u.name, u.region_code as "regionCode", u.parent_id as "parentId", u.instansi_id as "instansiId"';
const positionColumns = 'p.id, p.title, p.jenis_jabatan as "jenisJabatan", p.kelas_jabatan as "kelasJabatan"';

export async function findRegions(em: EntityManager, codes: readonly string[]): Promise<RegionRow[]> {
  if (codes.length === 0) return [];
  return em.execute<RegionRow[]>(`select ${regionColumns} from region r where r.code in (?)`, [codes]);
}

export async function findRegionChildren(em: EntityManager, parentCodes: readonly string[]): Promise<RegionRow[]> {
  if (parentCodes.length === 0) return [];
  return em.execute<RegionRow[]>(`select ${regionColumns} from region r where r.parent_code in (?) order by r.code`, [parentCodes]);
}

export async function listRegions(em: EntityManager, level: RegionLevel, parentCode: string | null): Promise<RegionRow[]> {
  if (parentCode) {
    return em.execute<RegionRow[]>(`select ${regionColumns} from region r where r.level = ? and r.parent_code = ? order by r.code`, [level, parentCode]);
  }
  return em.execute<RegionRow[]>(`select ${regionColumns} from region r where r.level = ? order by r.code`, [level]);
}

/**
 * Active employees under each region code: primary-key lookups in region_headcount, which holds every
 * ancestor level (migrations/Migration0003HeadcountSummary.ts), so the cost follows the number of
 * regions asked for and never the number of employees. A region nobody works in has no row: 0.
 */
export async function countActiveEmployeesInRegions(em: EntityManager, codes: readonly string[]): Promise<Map<string, number>> {
  if (codes.length === 0) return new Map();
  const rows = await em.execute<{ code: string; headcount: number }[]>(
    'select h.region_code as code, h.active_employees as headcount from region_headcount h where h.region_code in (?)',
    [codes],
  );
  return new Map(rows.map((row) => [row.code, Number(row.headcount)]));
}

export async function findUnits(em: EntityManager, ids: readonly string[]): Promise<OrgUnitRow[]> {
  if (ids.length === 0) return [];
  return em.execute<OrgUnitRow[]>(`select ${unitColumns} from org_unit u where u.id in (?)`, [ids]);
}

export async function findUnitChildren(em: EntityManager, parentIds: readonly string[]): Promise<OrgUnitRow[]> {
  if (parentIds.length === 0) return [];
  return em.execute<OrgUnitRow[]>(`select ${unitColumns} from org_unit u where u.parent_id in (?) order by u.name`, [parentIds]);
}

export async function listRootUnits(em: EntityManager, regionCode: string | null): Promise<OrgUnitRow[]> {
  if (regionCode) {
    return em.execute<OrgUnitRow[]>(`select ${unitColumns} from org_unit u where u.parent_id is null and u.region_code = ? order by u.name`, [regionCode]);
  }
  return em.execute<OrgUnitRow[]>(`select ${unitColumns} from org_unit u where u.parent_id is null order by u.name limit 1000`);
}

/**
 * Active employees in each unit and all of its sub-units, in one statement per batch: the subtree is
 * walked over org_unit and the members are summed from unit_headcount (direct members, maintained by
 * triggers), so the cost follows the number of units below, never the number of employees. Subtree
 * totals are summed here rather than stored at every ancestor unit because an instansi's tree is
 * small (tens of units) and shallow, while ancestor rows would make every hire lock the whole chain
 * of units above it and would have to be rebuilt if a unit were ever moved.
 */
export async function countActiveEmployeesInUnits(em: EntityManager, ids: readonly string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await em.execute<{ root: string; headcount: string }[]>(
    `with recursive tree(root, id) as (
       select u.id, u.id from org_unit u where u.id in (?)
       union select tree.root, c.id from org_unit c join tree on c.parent_id = tree.id)
     select tree.root, coalesce(sum(h.active_employees), 0) as headcount
     from tree left join unit_headcount h on h.unit_id = tree.id
     group by tree.root`,
    [ids],
  );
  return new Map(rows.map((row) => [row.root, Number(row.headcount)]));
}

export async function findPositions(em: EntityManager, ids: readonly string[]): Promise<PositionRow[]> {
  if (ids.length === 0) return [];
  return em.execute<PositionRow[]>(`select ${positionColumns} from position p where p.id in (?)`, [ids]);
}

export async function listPositions(em: EntityManager): Promise<PositionRow[]> {
  return em.execute<PositionRow[]>(`select ${positionColumns} from position p order by p.kelas_jabatan desc, p.title limit 1000`);
}

/** The proposed supervisor and everyone above them, nearest first (for cycle checks). */
export async function supervisorChainFrom(em: EntityManager, supervisorId: string): Promise<string[]> {
  const rows = await em.execute<{ id: string }[]>(
    `with recursive chain(id, supervisor_id, depth) as (
       select e.id, e.supervisor_id, 0 from employee e where e.id = ?
       union all select e.id, e.supervisor_id, chain.depth + 1 from employee e join chain on e.id = chain.supervisor_id
         where chain.depth < 100)
     select id from chain order by depth`,
    [supervisorId],
  );
  return rows.map((row) => row.id);
}

/**
 * The unit's ancestors from the root of its tree (the instansi) down to the unit itself, for the
 * EmployeeChanged unit_path: consumers roll up to every ancestor unit without knowing the tree.
 */
export async function unitPathOf(em: EntityManager, unitId: string): Promise<string[]> {
  const rows = await em.execute<{ id: string }[]>(
    `with recursive up(id, parent_id, depth) as (
       select u.id, u.parent_id, 0 from org_unit u where u.id = ?
       union all select u.id, u.parent_id, up.depth + 1 from org_unit u join up on u.id = up.parent_id
         where up.depth < 100)
     select id from up order by depth desc`,
    [unitId],
  );
  return rows.map((row) => row.id);
}
