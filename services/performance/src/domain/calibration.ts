// Finalising a unit's evaluations after calibration (MenPANRB guidance on PermenPANRB 6/2022; DOMAIN.md
// "Distribution (calibration) limits"): refused while the unit's predikat is unknown or a limit is
// violated, unless an admin-kepegawaian overrides with a reason (recorded for auditors).
import type { LimitCheck } from './distribution-limits.ts';

export const MIN_OVERRIDE_REASON = 10;
export const MAX_OVERRIDE_REASON = 1000;

export interface FinaliseRequest {
  /** null when the unit head has no rating for the period yet (the unit's predikat follows from it). */
  unitPredikatKnown: boolean;
  checks: readonly LimitCheck[];
  draftEvaluations: number;
  override: boolean;
  reason: string | null;
  isAdmin: boolean;
}

export type FinaliseDecision =
  | { ok: true; overridden: boolean; violations: string[] }
  | { ok: false; code: 'CONFLICT' | 'FORBIDDEN' | 'BAD_USER_INPUT'; reason: string; message: string; violations: string[] };

export function decideFinalisation(request: FinaliseRequest): FinaliseDecision {
  const violations = request.checks.filter((c) => c.violated).map((c) => c.violation ?? c.description);
  if (!request.unitPredikatKnown) violations.unshift('Predikat unit belum diketahui: kepala unit belum dinilai pada periode ini');
  if (request.override) {
    if (!request.isAdmin) return { ok: false, code: 'FORBIDDEN', reason: 'override_requires_admin', message: 'Finalisasi dengan pengecualian hanya oleh admin-kepegawaian', violations };
    const reason = request.reason?.trim() ?? '';
    if (reason.length < MIN_OVERRIDE_REASON || reason.length > MAX_OVERRIDE_REASON) {
      return { ok: false, code: 'BAD_USER_INPUT', reason: 'override_reason_required', message: `Alasan pengecualian harus ${MIN_OVERRIDE_REASON}–${MAX_OVERRIDE_REASON} karakter`, violations };
    }
  }
  if (request.draftEvaluations === 0) return { ok: false, code: 'CONFLICT', reason: 'nothing_to_finalise', message: 'Tidak ada penilaian berstatus draf untuk difinalkan', violations };
  if (violations.length > 0 && !request.override) {
    const reason = request.unitPredikatKnown ? 'distribution_limit_violated' : 'unit_predikat_unknown';
    return { ok: false, code: 'CONFLICT', reason, message: `Distribusi predikat belum memenuhi batas: ${violations.join('; ')}`, violations };
  }
  return { ok: true, overridden: request.override && violations.length > 0, violations };
}

