// Who may do what in attendance (DESIGN.md "Identity and scoping": region prefix match; an atasan sees
// everyone below them in the supervisor chain).
import { assertRole, type Viewer } from '@kinerja/kit/auth';
import { forbidden } from '@kinerja/kit/errors';
import { assertViewerCovers, employeeAccess, personnelAdminRoles, visibleEmployeesSql } from '@kinerja/kit/scoping';
import { findEmployeeByNip, type EmployeeRecord } from '../repositories/employee-rows.ts';
import { inList, queryRows, type Em } from '../repositories/sql.ts';

export { regionReaderRoles } from '@kinerja/kit/scoping';
/** Offices, devices, schedules, imports and verifications are HR administration. */
export const adminRoles = personnelAdminRoles;

export function assertAdminOf(viewer: Viewer, regionCode: string): void {
  assertRole(viewer, ...adminRoles);
  assertViewerCovers(viewer, regionCode);
}

/** The viewer's own region, for writes scoped to it (an admin token always carries one). */
export function viewerRegionOf(viewer: Viewer): string {
  assertRole(viewer, ...adminRoles);
  if (viewer.regionCode === null) throw forbidden('Token Anda tidak menyebut wilayah', 'region_out_of_scope');
  return viewer.regionCode;
}

/** The employee record behind the caller's token (its `nip` claim), if the read model has it. */
export async function viewerEmployee(em: Em, viewer: Viewer): Promise<EmployeeRecord | null> {
  return viewer.nip === null ? null : findEmployeeByNip(em, viewer.nip);
}

/**
 * The kit's one rule (self; an atasan over the whole chain below; region roles over their region), on the
 * read model: which of the employees the viewer may see the attendance of, in one statement for a page.
 */
export async function attendanceVisibleIds(em: Em, viewer: Viewer, employeeIds: readonly string[]): Promise<Set<string>> {
  if (employeeIds.length === 0) return new Set();
  const visible = visibleEmployeesSql(employeeAccess(viewer), { table: 'employee', alias: 'e', id: 'employee_id', nip: 'nip', supervisorId: 'supervisor_id', regionCode: 'region_code' });
  const rows = await queryRows<{ employee_id: string }>(em, `select e.employee_id from employee e where e.employee_id in (?) and ${visible.sql}`, [inList(employeeIds), ...visible.params]);
  return new Set(rows.map((row) => row.employee_id));
}
