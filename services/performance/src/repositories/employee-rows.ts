// Reads of the employee read model (personnel.employee.v1): one statement per batch of keys, and the
// visibility rule of DESIGN.md as one SQL predicate (pegawai: self; atasan: everyone below in the chain;
// region-wide roles: their region prefix).
import type { EntityManager } from '@kinerja/kit/db';
import type { Viewer } from '@kinerja/kit/auth';
import { employeeAccessSql } from '../resolvers/access.ts';

export interface EmployeeRow {
  employeeId: string;
  nip: string;
  name: string;
  regionCode: string;
  unitId: string | null;
  instansiId: string | null;
  unitPath: string[];
  jenisJabatan: string | null;
  positionId: string | null;
  supervisorId: string | null;
  status: 'ACTIVE' | 'RETIRED';
}

/** What an `Employee` field resolver gets: the federation reference (personnel owns the rest). */
export interface EmployeeRef {
  id: string;
}

const columns = `e.employee_id as "employeeId", e.nip, e.name, e.region_code as "regionCode", e.unit_id as "unitId",
  e.instansi_id as "instansiId", e.unit_path as "unitPath", e.jenis_jabatan as "jenisJabatan", e.position_id as "positionId",
  e.supervisor_id as "supervisorId", e.status`;

export async function findEmployees(em: EntityManager, ids: readonly string[]): Promise<EmployeeRow[]> {
  if (ids.length === 0) return [];
  return em.execute<EmployeeRow[]>(`select ${columns} from employee e where e.employee_id in (?)`, [ids]);
}

export async function findEmployeeByNip(em: EntityManager, nip: string): Promise<EmployeeRow | null> {
  const [row] = await em.execute<EmployeeRow[]>(`select ${columns} from employee e where e.nip = ? order by e.status, e.last_event_at desc limit 1`, [nip]);
  return row ?? null;
}

/** The ids among `ids` the viewer may see (one statement; the chain walk is a recursive CTE). */
export async function visibleEmployeeIds(em: EntityManager, viewer: Viewer, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const access = employeeAccessSql(viewer, 'e');
  const rows = await em.execute<{ id: string }[]>(`select e.employee_id as id from employee e where e.employee_id in (?) and ${access.sql}`, [ids, ...access.params]);
  return new Set(rows.map((row) => row.id));
}

/** The employee's direct subordinates (the team they approve and rate). */
export async function directSubordinateIds(em: EntityManager, employeeId: string): Promise<string[]> {
  const rows = await em.execute<{ id: string }[]>(`select employee_id as id from employee where supervisor_id = ? and status = 'ACTIVE'`, [employeeId]);
  return rows.map((row) => row.id);
}

/** The regions of the employees in each unit's subtree (as regionsOfInstansi), for many units in one statement. */
export async function regionsOfUnits(em: EntityManager, unitIds: readonly string[]): Promise<{ unitId: string; region: string }[]> {
  if (unitIds.length === 0) return [];
  return em.execute<{ unitId: string; region: string }[]>(
    `select distinct u.unit_id as "unitId", e.region_code as region from unnest(array[?]::text[]) as u(unit_id)
     join employee e on u.unit_id = any(e.unit_path) or e.instansi_id = u.unit_id or e.unit_id = u.unit_id`,
    [[...unitIds]],
  );
}

/** The distinct regions of an instansi's (or a unit's) employees: who may administer it. */
export async function regionsOfInstansi(em: EntityManager, unitId: string): Promise<string[]> {
  return (await regionsOfUnits(em, [unitId])).map((row) => row.region);
}
