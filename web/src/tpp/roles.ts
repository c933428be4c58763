// Who may open the TPP pages; the remuneration subgraph enforces the same rules (its resolvers/scope.ts
// and resolvers/entities.ts), these only hide what would fail.
import { hasAnyRole } from '../auth/viewer.ts';
import type { Role, Viewer } from '../auth/viewer.ts';

/** Read region summaries and other employees' TPP (salary data: not atasan, asesor or diklat planners). */
export const tppReaderRoles: readonly Role[] = ['admin-kepegawaian', 'analis', 'pimpinan', 'auditor'];

/** Compute, lock and reopen an instansi's month. */
export const tppAdminRoles: readonly Role[] = ['admin-kepegawaian'];

/** "Simulasi TPP": HR and employees. */
export function maySimulateTpp(viewer: Viewer): boolean {
  return viewer.nip !== null || hasAnyRole(viewer, ['admin-kepegawaian', 'analis']);
}

export function readsTppSummaries(viewer: Viewer): boolean {
  return hasAnyRole(viewer, tppReaderRoles);
}
