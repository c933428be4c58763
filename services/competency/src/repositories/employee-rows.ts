// The employee read model (fed by personnel.employee.v1) and the region each org unit lies in.
import type { EmployeeTargets } from '../domain/configuration-in-force.ts';
import { commonRegionPrefix } from '@kinerja/kit/scoping';
import type { JenisJabatan } from '../domain/standards.ts';
import { visibleEmployeesSql, type EmployeeAccess, type EmployeeTable } from '@kinerja/kit/scoping';
import { inList, queryRows, run, textArrayParam, type Em } from './sql.ts';

export interface EmployeeRecord {
  employeeId: string;
  nip: string;
  regionCode: string;
  unitId: string | null;
  instansiId: string | null;
  jenisJabatan: JenisJabatan | null;
  positionId: string | null;
  supervisorId: string | null;
  status: 'ACTIVE' | 'RETIRED';
  /** Unit ids from the instansi down to unitId; empty when the producer did not send it. */
  unitPath: string[];
}

interface EmployeeRow {
  employee_id: string;
  nip: string;
  region_code: string;
  unit_id: string | null;
  instansi_id: string | null;
  jenis_jabatan: string | null;
  position_id: string | null;
  supervisor_id: string | null;
  status: 'ACTIVE' | 'RETIRED';
  unit_path: string[] | null;
}

const columns = 'employee_id, nip, region_code, unit_id, instansi_id, jenis_jabatan, position_id, supervisor_id, status, unit_path';

function toRecord(row: EmployeeRow): EmployeeRecord {
  return {
    employeeId: row.employee_id,
    nip: row.nip,
    regionCode: row.region_code,
    unitId: row.unit_id,
    instansiId: row.instansi_id,
    jenisJabatan: row.jenis_jabatan as JenisJabatan | null,
    positionId: row.position_id,
    supervisorId: row.supervisor_id,
    status: row.status,
    unitPath: row.unit_path ?? [],
  };
}

export async function findEmployees(em: Em, employeeIds: readonly string[]): Promise<EmployeeRecord[]> {
  const rows = await queryRows<EmployeeRow>(em, `select ${columns} from employee where employee_id in (?)`, [inList(employeeIds)]);
  return rows.map(toRecord);
}

// The read model as the kit's scoping sees it: personnel.employee.v1 carries supervisor and region, so an
// atasan's whole chain below is one recursive statement here, exactly as in personnel.
const readModel: EmployeeTable = { table: 'employee', alias: 'e', id: 'employee_id', nip: 'nip', supervisorId: 'supervisor_id', regionCode: 'region_code' };

/** Of these employees, the ids the viewer may see (region, self, everyone below an atasan). */
export async function findVisibleEmployeeIds(em: Em, access: EmployeeAccess, employeeIds: readonly string[]): Promise<string[]> {
  if (employeeIds.length === 0) return [];
  const visible = visibleEmployeesSql(access, readModel);
  const rows = await queryRows<{ employee_id: string }>(em, `select e.employee_id from employee e where e.employee_id in (?) and ${visible.sql}`, [
    inList(employeeIds),
    ...visible.params,
  ]);
  return rows.map((row) => row.employee_id);
}

/** Locks the employee for the rest of the transaction, so two derivations of one employee run one after the other. */
export async function lockEmployee(em: Em, employeeId: string): Promise<EmployeeRecord | null> {
  const rows = await queryRows<EmployeeRow>(em, `select ${columns} from employee where employee_id = ? for update`, [employeeId]);
  return rows[0] ? toRecord(rows[0]) : null;
}

/**
 * Applies a snapshot unless a later one was applied already (events of one employee share a partition,
 * but a replay from the outbox after an outage may interleave); returns whether it was applied.
 */
export async function upsertEmployeeSnapshot(em: Em, employee: EmployeeRecord, occurredAt: Date): Promise<boolean> {
  const applied = await run(
    em,
    `insert into employee (${columns}, last_event_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ${textArrayParam}, ?, now())
     on conflict (employee_id) do update set
       nip = excluded.nip, region_code = excluded.region_code, unit_id = excluded.unit_id, unit_path = excluded.unit_path,
       instansi_id = excluded.instansi_id, jenis_jabatan = excluded.jenis_jabatan,
       position_id = excluded.position_id, supervisor_id = excluded.supervisor_id, status = excluded.status,
       last_event_at = excluded.last_event_at, updated_at = now()
     where employee.last_event_at <= excluded.last_event_at`,
    [
      employee.employeeId,
      employee.nip,
      employee.regionCode,
      employee.unitId,
      employee.instansiId,
      employee.jenisJabatan,
      employee.positionId,
      employee.supervisorId,
      employee.status,
      JSON.stringify(employee.unitPath),
      occurredAt.toISOString(),
    ],
  );
  if (applied > 0) {
    for (const unitId of new Set([employee.unitId, employee.instansiId, ...employee.unitPath])) {
      if (unitId) await widenOrgUnitScope(em, unitId, employee.regionCode);
    }
  }
  return applied > 0;
}

async function widenOrgUnitScope(em: Em, unitId: string, regionCode: string): Promise<void> {
  const [current] = await queryRows<{ region_code: string }>(em, 'select region_code from org_unit_scope where unit_id = ? for update', [unitId]);
  if (current === undefined) {
    await run(em, 'insert into org_unit_scope (unit_id, region_code) values (?, ?) on conflict (unit_id) do nothing', [unitId, regionCode]);
    return;
  }
  const widened = commonRegionPrefix(current.region_code, regionCode);
  if (widened !== current.region_code) await run(em, 'update org_unit_scope set region_code = ? where unit_id = ?', [widened, unitId]);
}

export async function findOrgUnitRegions(em: Em, unitIds: readonly string[]): Promise<Map<string, string>> {
  const rows = await queryRows<{ unit_id: string; region_code: string }>(em, 'select unit_id, region_code from org_unit_scope where unit_id in (?)', [inList(unitIds)]);
  return new Map(rows.map((row) => [row.unit_id, row.region_code]));
}

/** Employees holding a position or working in an instansi, for re-deriving after a standard changes. */
export async function employeeIdsAffectedByStandard(
  em: Em,
  standard: { instansiId: string | null; jenisJabatan: string | null; positionId: string | null },
): Promise<string[]> {
  // Only employees with derived gaps can change: without a finalised assessment there is nothing to recount.
  const base = `select e.employee_id from employee e where e.status = 'ACTIVE' and exists (select 1 from employee_gap g where g.employee_id = e.employee_id)`;
  let rows: { employee_id: string }[];
  if (standard.positionId !== null) {
    rows = await queryRows(em, `${base} and e.position_id = ?`, [standard.positionId]);
  } else if (standard.instansiId !== null) {
    rows = await queryRows(em, `${base} and e.instansi_id = ? and e.jenis_jabatan = ?`, [standard.instansiId, standard.jenisJabatan]);
  } else {
    rows = await queryRows(em, `${base} and e.jenis_jabatan = ?`, [standard.jenisJabatan]);
  }
  return rows.map((row) => row.employee_id);
}

/**
 * One page (by employee id) of the employees the targets cover who have a finalised assessment: without
 * one there are no gaps to recount. Keyset pages keep each statement and each batch bounded.
 */
export async function affectedEmployeePage(em: Em, targets: EmployeeTargets, afterEmployeeId: string, limit: number): Promise<string[]> {
  const covered: string[] = [];
  const params: unknown[] = [afterEmployeeId];
  if (targets.positionIds.length > 0) {
    covered.push('e.position_id in (?)');
    params.push(inList(targets.positionIds));
  }
  if (targets.nationalJenisJabatan.length > 0) {
    covered.push('e.jenis_jabatan in (?)');
    params.push(inList(targets.nationalJenisJabatan));
  }
  for (const pair of targets.instansiJenisJabatan) {
    covered.push('(e.instansi_id = ? and e.jenis_jabatan = ?)');
    params.push(pair.instansiId, pair.jenisJabatan);
  }
  if (covered.length === 0) return [];
  params.push(limit);
  const rows = await queryRows<{ employee_id: string }>(
    em,
    `select e.employee_id from employee e
     where e.employee_id > ? and (${covered.join(' or ')})
       and exists (select 1 from assessment a where a.employee_id = e.employee_id and a.status = 'FINALISED')
     order by e.employee_id limit ?`,
    params,
  );
  return rows.map((row) => row.employee_id);
}

/** Regions of the employees in an instansi or holding a position: who may set its standard. */
export async function regionsOfScope(em: Em, by: { instansiId?: string; positionId?: string }): Promise<string[]> {
  const rows =
    by.positionId !== undefined
      ? await queryRows<{ region_code: string }>(em, 'select distinct region_code from employee where position_id = ?', [by.positionId])
      : await queryRows<{ region_code: string }>(em, 'select region_code from org_unit_scope where unit_id = ?', [by.instansiId]);
  return rows.map((row) => row.region_code);
}
