// Who may read which employees (DESIGN.md "Identity and scoping", issue 3): `pegawai` sees self;
// `atasan` sees self and everyone below them in the supervisor chain (direct and indirect); `analis`, `pimpinan`, `perencana-diklat`, `auditor` and
// `admin-kepegawaian` see their region prefix (national sees all). Roles add up.
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
import { regionCovers } from './region.ts';

export interface ViewerScope {
  roles: ReadonlySet<string>;
  regionCode: string; // '' = national
  nip: string | null;
}

export const regionWideRoles = ['analis', 'pimpinan', 'perencana-diklat', 'auditor', 'admin-kepegawaian'] as const;

export interface EmployeeVisibility {
  /** Region prefix the viewer sees in full ('' = all), or null. */
  region: string | null;
  /** NIP whose own record is visible, or null. */
  selfNip: string | null;
  /** NIP whose direct and indirect subordinates are visible, or null. */
  subordinatesOfNip: string | null;
  /** NIP whose own direct supervisor (one level up only) is visible, or null. */
  supervisorOfNip: string | null;
}

export function employeeVisibility(viewer: ViewerScope): EmployeeVisibility {
  const regionWide = regionWideRoles.some((role) => viewer.roles.has(role));
  return {
    region: regionWide ? viewer.regionCode : null,
    selfNip: viewer.nip,
    subordinatesOfNip: viewer.nip && viewer.roles.has('atasan') ? viewer.nip : null,
    supervisorOfNip: viewer.nip,
  };
}

/** True when the visibility grants nothing at all (e.g. an asesor without a NIP). */
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
  return viewer.roles.has('admin-kepegawaian') && regionCovers(viewer.regionCode, regionCode);
}
