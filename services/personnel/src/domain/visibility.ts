// Who may read which employees (DESIGN.md "Identity and scoping", issue 3): the kit's one rule
// (@kinerja/kit/scoping employeeAccess: `pegawai` sees self; `atasan` sees self and everyone below them
// in the supervisor chain, direct and indirect; region-wide roles, `asesor` included, see their region
// prefix, national `ID` sees all; roles add up), plus one personnel grant:
//
// Every viewer with a NIP also sees their own direct supervisor (atasan langsung), and only that one
// person: not the supervisor's supervisor, not peers under the same supervisor. DOMAIN.md: "every
// employee has one direct supervisor; the supervisor chain drives who plans and rates whom", so knowing
// who plans and rates your own SKP (name, NIP, position, unit) is part of knowing your own record.
// It is one rule for every read path (me.supervisor, employee(id|nip), _entities, employees() lists):
// the supervisor is part of the set the viewer may see, applied in the single SQL predicate
// (repositories/employee-rows.ts visibleEmployeesSql), so a pegawai's employees() list is herself plus
// her atasan. Hiding the atasan from lists only would need a second predicate and lists that disagree
// with single reads, which is how scoping bugs start.
import type { Viewer } from '@kinerja/kit/auth';
import { employeeAccess, personnelAdminRoles, regionCovers, regionReaderRoles, viewerCovers, type EmployeeAccess } from '@kinerja/kit/scoping';

export type ViewerScope = Pick<Viewer, 'roles' | 'regionCode' | 'nip'>;

export interface EmployeeVisibility extends EmployeeAccess {
  /** NIP whose own direct supervisor (one level up only) is visible, or null. */
  supervisorOfNip: string | null;
}

export function employeeVisibility(viewer: ViewerScope): EmployeeVisibility {
  return { ...employeeAccess(viewer), supervisorOfNip: viewer.nip };
}

/** True when the visibility grants nothing at all (e.g. a token with roles but no NIP and no region-wide role). */
export function seesNothing(visibility: EmployeeVisibility): boolean {
  return (
    visibility.region === null &&
    visibility.selfNip === null &&
    visibility.subordinatesOfNip === null &&
    visibility.supervisorOfNip === null
  );
}

/**
 * A filter on a region code is allowed only inside what the viewer may see region-wide; people who
 * see by supervision (pegawai, atasan, their own supervisor) may filter freely since SQL still limits them to their people.
 */
export function regionFilterAllowed(visibility: EmployeeVisibility, regionCode: string): boolean {
  if (visibility.region === null) return true;
  return regionCovers(visibility.region, regionCode);
}

/** Whether an HR admin may change employees or units in `regionCode`. */
export function canAdministerRegion(viewer: ViewerScope, regionCode: string): boolean {
  return personnelAdminRoles.some((role) => viewer.roles.has(role)) && viewerCovers(viewer, regionCode);
}

/**
 * Issue 9: an `asesor` sees the employees of their region so they can name the people they assess (name,
 * NIP, position, unit; also id, status and region, which locate the record), not their personal data,
 * career grade or reporting line. These Employee fields are null, each with a FORBIDDEN
 * `employee_field_restricted` error, for a viewer whose only region-wide role is `asesor`, on every
 * record but their own. (The NIP itself encodes birth date, TMT CPNS and gender, Perka BKN 22/2007;
 * the asesor needs it to identify the assessee, so that is accepted.)
 */
export const assessorRestrictedEmployeeFields = ['gender', 'birthDate', 'tmtCpns', 'employmentType', 'golongan', 'supervisor', 'subordinates'] as const;

/** False when the viewer sees the employee with `employeeNip` only as an asesor (see assessorRestrictedEmployeeFields). */
export function readsFullEmployeeRecord(viewer: ViewerScope, employeeNip: string): boolean {
  if (viewer.nip !== null && viewer.nip === employeeNip) return true;
  const regionWide = regionReaderRoles.filter((role) => viewer.roles.has(role));
  return !(regionWide.length === 1 && regionWide[0] === 'asesor');
}
