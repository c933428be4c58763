// The checks resolvers make before loading: who may read which employee's competency data and which
// region's summaries. The rules themselves are the kit's (@kinerja/kit/scoping).
import { hasRole } from '@kinerja/kit/auth';
import { badUserInput, forbidden } from '@kinerja/kit/errors';
import { assertViewerCovers, isRegionCode, regionReaderRoles, viewerCovers } from '@kinerja/kit/scoping';
import { isKnownCompetencyCode } from '../domain/dictionary.ts';
import type { Context } from './context.ts';
import { employeeVisible } from './loaders.ts';

/** A region argument: a Kemendagri code inside the caller's region; absent = the caller's own region. */
export function regionArgument(ctx: Context, regionCode: string | null | undefined): string {
  const own = ctx.viewer.regionCode;
  if (regionCode === null || regionCode === undefined || regionCode.trim() === '') {
    // Region-wide roles always carry a valid region (the token verifier refuses them otherwise).
    if (own === null) throw forbidden('Akun ini tidak memiliki kode wilayah', 'invalid_region_code');
    return own;
  }
  const code = regionCode.trim();
  if (!isRegionCode(code)) throw badUserInput(`Kode wilayah ${regionCode} tidak valid (contoh: 32 atau 32.15)`, 'invalid_region_code');
  assertViewerCovers(ctx.viewer, code);
  return code;
}

/** pegawai: self; atasan: self and everyone below in the chain; region roles: their region prefix (the kit's employeeAccess). */
export async function assertCanSeeEmployee(ctx: Context, employeeId: string): Promise<void> {
  if (!(await employeeVisible(ctx).load(employeeId))) {
    throw forbidden('Anda tidak berwenang melihat data kompetensi pegawai ini', 'employee_out_of_scope');
  }
}

/** Gap summaries are for region-wide roles, inside their region. */
export function assertSummaryReader(ctx: Context, regionCode: string | null): void {
  if (!hasRole(ctx.viewer, ...regionReaderRoles)) {
    throw forbidden('Ringkasan kesenjangan kompetensi memerlukan peran analis, pimpinan, perencana-diklat, auditor, admin-kepegawaian atau asesor', 'missing_role');
  }
  if (regionCode === null || !viewerCovers(ctx.viewer, regionCode)) {
    throw forbidden(`Wilayah ${regionCode ?? 'unit ini'} di luar cakupan Anda`, 'region_out_of_scope');
  }
}

export function competencyFilter(competency: string | null | undefined): string | null {
  if (competency === null || competency === undefined) return null;
  if (!isKnownCompetencyCode(competency)) throw badUserInput(`Kompetensi ${competency} tidak dikenal`, 'unknown_competency');
  return competency;
}
