// Who sees which employee, in this service's terms, from the kit's one scoping module (DESIGN.md
// "Identity and scoping"): region-wide roles see their region prefix, an atasan everyone below them in the
// supervisor chain, everyone themselves; applied in SQL to the personnel.employee.v1 read model.
import { hasRole, type Role, type Viewer } from '@kinerja/kit/auth';
import { forbidden } from '@kinerja/kit/errors';
import { employeeAccess, regionReaderRoles, viewerCovers, visibleEmployeesSql, type SqlFragment } from '@kinerja/kit/scoping';

/** Configure, unlock periods, record goals, finalise with an override. */
export const performanceAdminRoles: readonly Role[] = ['admin-kepegawaian'];

/** The rows of `employee <alias>` the viewer may see, as one predicate. */
export function employeeAccessSql(viewer: Viewer, alias: string): SqlFragment {
  return visibleEmployeesSql(employeeAccess(viewer), { table: 'employee', alias, id: 'employee_id', nip: 'nip', supervisorId: 'supervisor_id', regionCode: 'region_code' });
}

/** A region-wide reader whose region covers `regionCode`. */
export function readsRegion(viewer: Viewer, regionCode: string): boolean {
  return hasRole(viewer, ...regionReaderRoles) && viewerCovers(viewer, regionCode);
}

export function assertAdminOfRegion(viewer: Viewer, regionCode: string): void {
  if (!hasRole(viewer, ...performanceAdminRoles)) throw forbidden('Akses ini memerlukan peran admin-kepegawaian', 'missing_role');
  if (!viewerCovers(viewer, regionCode)) throw forbidden(`Wilayah ${regionCode} di luar cakupan Anda`, 'region_out_of_scope');
}
