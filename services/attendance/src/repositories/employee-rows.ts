// The employee read model (fed by personnel.employee.v1) and the region of each org unit.
import { commonRegionPrefix } from '@kinerja/kit/scoping';
import { inList, queryRows, run, textArrayParam, type Em } from './sql.ts';

export interface EmployeeRecord {
  employeeId: string;
  nip: string;
  name: string;
  regionCode: string;
  unitId: string | null;
  instansiId: string | null;
  /** Unit ids from the instansi down to unitId. */
  unitPath: string[];
  supervisorId: string | null;
  status: 'ACTIVE' | 'RETIRED';
}

interface EmployeeRow {
  employee_id: string;
  nip: string;
  name: string;
  region_code: string;
  unit_id: string | null;
  instansi_id: string | null;
  unit_path: string[];
  supervisor_id: string | null;
  status: 'ACTIVE' | 'RETIRED';
}

const columns = 'employee_id, nip, name, region_code, unit_id, instansi_id, unit_path, supervisor_id, status';

function toRecord(row: EmployeeRow): EmployeeRecord {
  return {
    employeeId: row.employee_id,
    nip: row.nip,
    name: row.name,
    regionCode: row.region_code,
    unitId: row.unit_id,
    instansiId: row.instansi_id,
    unitPath: row.unit_path ?? [],
    supervisorId: row.supervisor_id,
    status: row.status,
  };
}

export async function findEmployees(em: Em, employeeIds: readonly string[]): Promise<EmployeeRecord[]> {
  return (await queryRows<EmployeeRow>(em, `select ${columns} from employee where employee_id in (?)`, [inList(employeeIds)])).map(toRecord);
}

export async function findEmployeeByNip(em: Em, nip: string): Promise<EmployeeRecord | null> {
  const [row] = await queryRows<EmployeeRow>(em, `select ${columns} from employee where nip = ? order by status limit 1`, [nip]);
  return row ? toRecord(row) : null;
}

/** Applies a snapshot unless a later one was applied already; returns whether it was applied. */
export async function upsertEmployeeSnapshot(em: Em, employee: EmployeeRecord, occurredAt: Date): Promise<boolean> {
  const applied = await run(
    em,
    `insert into employee (${columns}, last_event_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ${textArrayParam}, ?, ?, ?, now())
     on conflict (employee_id) do update set
       nip = excluded.nip, name = excluded.name, region_code = excluded.region_code, unit_id = excluded.unit_id,
       instansi_id = excluded.instansi_id, unit_path = excluded.unit_path, supervisor_id = excluded.supervisor_id,
       status = excluded.status, last_event_at = excluded.last_event_at, updated_at = now()
     where employee.last_event_at <= excluded.last_event_at`,
    [
      employee.employeeId,
      employee.nip,
      employee.name,
      employee.regionCode,
      employee.unitId,
      employee.instansiId,
      JSON.stringify(employee.unitPath),
      employee.supervisorId,
      employee.status,
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
