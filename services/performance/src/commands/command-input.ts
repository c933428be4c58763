// What every command needs first: well-formed ids, and the caller's own record in the read model
// (an employee acts by the `nip` in their own token; the supervisor chain comes from the read model).
import { hasRole, type Viewer } from '@kinerja/kit/auth';
import { isUuid } from '@kinerja/kit/ids';
import type { EntityManager } from '@kinerja/kit/db';
import { badUserInput, conflict, forbidden, notFound } from '@kinerja/kit/errors';
import { viewerCovers } from '@kinerja/kit/scoping';
import { skpActingOf, type SkpActing, type TransitionResult } from '../domain/skp-lifecycle.ts';
import { findEmployeeByNip, regionsOfInstansi, type EmployeeRow } from '../repositories/employee-rows.ts';
import { unitHeadIds } from '../repositories/goal-rows.ts';
import { assertAdminOfRegion, performanceAdminRoles, readsRegion } from '../resolvers/access.ts';

export function requireUuid(value: string, field: string): string {
  if (!isUuid(value)) throw badUserInput(`${field} bukan ID yang valid`, 'invalid_id', { field });
  return value.toLowerCase();
}

export function actorOf(viewer: Viewer): string {
  return viewer.username || viewer.subject;
}

/** The caller's employee record; FORBIDDEN when the token names no employee known here. */
export async function viewerEmployee(em: EntityManager, viewer: Viewer): Promise<EmployeeRow> {
  const self = viewer.nip === null ? null : await findEmployeeByNip(em, viewer.nip);
  if (self === null) throw forbidden('Akun Anda tidak terhubung dengan data pegawai (NIP tidak dikenal)', 'viewer_not_employee');
  return self;
}

export function trimmedNote(note: string | null | undefined): string | null {
  const trimmed = note?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

/** A refused lifecycle step as the client error its domain result names. */
export function transitionOrThrow(result: TransitionResult): asserts result is Extract<TransitionResult, { ok: true }> {
  if (result.ok) return;
  if (result.code === 'FORBIDDEN') throw forbidden(result.message, result.reason);
  if (result.code === 'CONFLICT') throw conflict(result.message, result.reason);
  throw badUserInput(result.message, result.reason);
}

/** An admin-kepegawaian whose region covers every employee of the instansi (NOT_FOUND when none is known). */
export async function assertAdminOfInstansi(em: EntityManager, viewer: Viewer, instansiId: string): Promise<void> {
  const regions = await regionsOfInstansi(em, instansiId);
  if (regions.length === 0) throw notFound(`Instansi ${instansiId} belum dikenal`, 'instansi_not_found');
  for (const region of regions) assertAdminOfRegion(viewer, region);
}

export interface ActingViewer extends SkpActing {
  /** The viewer's employee record, when the token names one (an admin at the top of the chain may have none). */
  employeeId: string | null;
}

/**
 * In what capacity the viewer acts on the SKP of `owner` (domain skpActingOf), or null for a stranger.
 * At the top of the chain (the owner has no supervisor) an admin-kepegawaian stands in for the supervisor
 * when their region covers every region of the SKP's instansi; an admin of another region is refused here
 * (FORBIDDEN region_out_of_scope), a viewer the read model does not know as FORBIDDEN viewer_not_employee.
 */
export async function actingOnSkp(em: EntityManager, viewer: Viewer, owner: { employeeId: string; supervisorId: string | null; regionCode: string }, instansiId: string | null): Promise<ActingViewer | null> {
  const me = viewer.nip === null ? null : await findEmployeeByNip(em, viewer.nip);
  let adminCovers = false;
  if (owner.supervisorId === null && me?.employeeId !== owner.employeeId && hasRole(viewer, ...performanceAdminRoles)) {
    const regions = [owner.regionCode, ...(instansiId === null ? [] : await regionsOfInstansi(em, instansiId))];
    const outside = regions.find((region) => !viewerCovers(viewer, region));
    if (outside !== undefined) throw forbidden(`Wilayah ${outside} di luar cakupan Anda`, 'region_out_of_scope');
    adminCovers = true;
  }
  const acting = skpActingOf(me?.employeeId ?? null, owner, adminCovers);
  if (acting === null && me === null) throw forbidden('Akun Anda tidak terhubung dengan data pegawai (NIP tidak dikenal)', 'viewer_not_employee');
  return acting === null ? null : { ...acting, employeeId: me?.employeeId ?? null };
}

/**
 * An admin-kepegawaian whose region covers every employee of the unit, or the unit's head; BAD_USER_INPUT
 * unit_not_found for a unit no employee belongs to, FORBIDDEN not_unit_head_or_admin (with `refusal`) else.
 * Returns the unit's regions.
 */
export async function assertUnitHeadOrAdmin(em: EntityManager, viewer: Viewer, unitId: string, refusal: string): Promise<string[]> {
  const regions = await regionsOfInstansi(em, unitId);
  if (regions.length === 0) throw badUserInput(`Unit ${unitId} belum dikenal`, 'unit_not_found', { field: 'unitId' });
  const isAdmin = hasRole(viewer, ...performanceAdminRoles) && regions.every((region) => readsRegion(viewer, region));
  if (isAdmin) return regions;
  const me = viewer.nip === null ? null : await findEmployeeByNip(em, viewer.nip);
  if (me === null || !(await unitHeadIds(em, unitId)).includes(me.employeeId)) throw forbidden(refusal, 'not_unit_head_or_admin');
  return regions;
}
