// Who may read and write what (DESIGN.md "Identity and scoping": region prefix match, applied in SQL).
import { forbidden, hasRole, isInRegion, badUserInput, type Role, type Viewer } from '@kinerja/kit';
import { NATIONAL_REGION_CODE, normaliseRegionCode } from '../domain/region-rollup.ts';
import type { EmployeeRecord } from '../store/employee-store.ts';

/** Roles that see everyone in their region prefix. */
export const regionReaderRoles: Role[] = ['analis', 'pimpinan', 'perencana-diklat', 'auditor', 'admin-kepegawaian', 'asesor'];
/** Roles that plan training (training-need lists, totals and the CSV export). */
export const plannerRoles: Role[] = ['perencana-diklat', 'admin-kepegawaian', 'analis', 'pimpinan', 'auditor'];
/** Accredited assessors and HR admins run assessments (issue "Competency subgraph", Peraturan BKN 26/2019). */
export const assessmentWriterRoles: Role[] = ['admin-kepegawaian', 'asesor'];
/** Standards are personnel policy of an instansi. */
export const standardWriterRoles: Role[] = ['admin-kepegawaian'];
/** The diklat catalogue belongs to the training unit and HR. */
export const programmeWriterRoles: Role[] = ['admin-kepegawaian', 'perencana-diklat'];

const REGION_CODE_PATTERN = /^(ID|\d{2}(\.\d{2}){0,3})$/;

/** The viewer's region in summary form (`ID` for national). */
export function viewerRegion(viewer: Viewer): string {
  return normaliseRegionCode(viewer.regionCode);
}

/** The kit's region check takes '' for national; summaries and catalogues store `ID`. */
export function viewerSees(viewer: Viewer, regionCode: string): boolean {
  const code = normaliseRegionCode(regionCode);
  return isInRegion(viewer.regionCode, code === NATIONAL_REGION_CODE ? '' : code);
}

export function assertViewerSees(viewer: Viewer, regionCode: string): void {
  if (!viewerSees(viewer, regionCode)) {
    throw forbidden(`Wilayah ${regionCode || NATIONAL_REGION_CODE} di luar cakupan Anda`, 'region_out_of_scope');
  }
}

/** A region argument: a Kemendagri code inside the caller's region; absent = the caller's own region. */
export function regionArgument(viewer: Viewer, regionCode: string | null | undefined): string {
  if (regionCode === null || regionCode === undefined || regionCode.trim() === '') return viewerRegion(viewer);
  const code = normaliseRegionCode(regionCode);
  if (!REGION_CODE_PATTERN.test(code)) throw badUserInput(`Kode wilayah ${regionCode} tidak valid (contoh: 32 atau 32.15)`, 'invalid_region_code');
  assertViewerSees(viewer, code);
  return code;
}

/** pegawai: self; atasan: self and direct subordinates; region roles: their region prefix. */
export function canSeeEmployee(viewer: Viewer, employee: EmployeeRecord, viewerSelf: EmployeeRecord | null): boolean {
  if (hasRole(viewer, ...regionReaderRoles) && viewerSees(viewer, employee.regionCode)) return true;
  if (viewer.nip !== null && viewer.nip === employee.nip) return true;
  return hasRole(viewer, 'atasan') && viewerSelf !== null && employee.supervisorId === viewerSelf.employeeId;
}

export function assertCanSeeEmployee(viewer: Viewer, employee: EmployeeRecord, viewerSelf: EmployeeRecord | null): void {
  if (!canSeeEmployee(viewer, employee, viewerSelf)) {
    throw forbidden('Anda tidak berwenang melihat data kompetensi pegawai ini', 'employee_out_of_scope');
  }
}
