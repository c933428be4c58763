// Reads of the employee read model.
import type { EntityManager } from '@kinerja/kit/db';

export interface EmployeeRecord {
  employeeId: string;
  nip: string;
  regionCode: string;
  instansiId: string | null;
}

export async function findEmployees(em: EntityManager, ids: readonly string[]): Promise<EmployeeRecord[]> {
  if (ids.length === 0) return [];
  const rows = await em.execute<{ employee_id: string; nip: string; region_code: string; instansi_id: string | null }[]>(
    `select "employee_id", "nip", "region_code", "instansi_id" from "employee" where "employee_id" in (?)`,
    [[...ids]],
  );
  return rows.map((r) => ({ employeeId: r.employee_id, nip: r.nip, regionCode: r.region_code, instansiId: r.instansi_id }));
}
