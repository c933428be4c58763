// Continuous documentation and periodic evaluation (PermenPANRB 6/2022: realisation with evidence during
// a period, the supervisor's rating of hasil kerja and perilaku kerja at its end; DOMAIN.md "Periods").
import { regionAncestors } from '@kinerja/kit/scoping';
import type { PeriodState } from './periods.ts';
import type { Predikat } from './rating.ts';
import type { Problem } from './skp-plan.ts';

export const MAX_EVIDENCE_URL = 2000;
export const MAX_EVALUATION_NOTE = 2000;
/** Entries per indicator and period: progress recorded as work happens, bounded so every read stays small. */
export const MAX_REALISATIONS_PER_PERIOD = 50;

export type EvaluationStatus = 'DRAFT' | 'FINAL';

export interface RealisationInput {
  value: number;
  evidenceUrl: string | null;
  note: string | null;
}

/** A realisation needs a value and its evidence (bukti dukung): a link, a note, or both. */
export function realisationProblems(input: RealisationInput): Problem[] {
  const problems: Problem[] = [];
  if (!Number.isFinite(input.value) || input.value < 0) problems.push({ reason: 'invalid_realisation_value', message: 'Nilai realisasi harus angka tidak negatif' });
  const url = input.evidenceUrl?.trim() ?? '';
  const note = input.note?.trim() ?? '';
  if (url === '' && note === '') problems.push({ reason: 'evidence_required', message: 'Bukti dukung wajib diisi: tautan atau keterangan' });
  if (url !== '') {
    let valid = url.length <= MAX_EVIDENCE_URL;
    try {
      const parsed = new URL(url);
      valid &&= parsed.protocol === 'https:' || parsed.protocol === 'http:';
    } catch {
      valid = false;
    }
    if (!valid) problems.push({ reason: 'invalid_evidence_url', message: 'Tautan bukti dukung harus alamat http(s) yang sah' });
  }
  if (note.length > MAX_EVALUATION_NOTE) problems.push({ reason: 'note_too_long', message: `Keterangan paling banyak ${MAX_EVALUATION_NOTE} karakter` });
  return problems;
}

export interface EntryContext {
  skpStatus: string;
  periodState: PeriodState;
  evaluationStatus: EvaluationStatus | null;
}

export interface EntryRefusal {
  code: 'CONFLICT';
  reason: string;
  message: string;
}

/**
 * Whether a realisation or a rating may be entered now: only on an approved SKP, in a period that has
 * started and is not locked, and (for a rating) not after the period's evaluations were finalised.
 */
export function entryRefusal(context: EntryContext): EntryRefusal | null {
  if (context.skpStatus !== 'APPROVED') return { code: 'CONFLICT', reason: 'skp_not_approved', message: 'SKP belum disetujui atasan' };
  if (context.periodState === 'NOT_STARTED') return { code: 'CONFLICT', reason: 'period_not_started', message: 'Periode penilaian belum dimulai' };
  if (context.periodState === 'LOCKED') return { code: 'CONFLICT', reason: 'period_locked', message: 'Periode penilaian sudah dikunci (batas pengisian terlewati)' };
  if (context.evaluationStatus === 'FINAL') return { code: 'CONFLICT', reason: 'evaluation_finalised', message: 'Penilaian periode ini sudah difinalkan' };
  return null;
}

export interface SummaryScopes {
  regionCode: string;
  /** The unit, its ancestors and the instansi (EmployeeChanged.unit_path). */
  unitIds: readonly string[];
}

export interface SummaryDelta {
  scope: 'REGION' | 'UNIT';
  scopeKey: string;
  predikat: Predikat;
  delta: number;
}

/**
 * How the maintained distribution counts change when an evaluation is rated (before = null) or re-rated:
 * one count per region prefix and per unit on the employee's path, so a national read costs O(regions).
 */
export function summaryDeltas(before: { predikat: Predikat; scopes: SummaryScopes } | null, after: { predikat: Predikat; scopes: SummaryScopes }): SummaryDelta[] {
  const deltas = new Map<string, SummaryDelta>();
  const add = (scopes: SummaryScopes, predikat: Predikat, delta: number) => {
    const keys: [SummaryDelta['scope'], string][] = [...regionAncestors(scopes.regionCode).map((k) => ['REGION', k] as [SummaryDelta['scope'], string]), ...[...new Set(scopes.unitIds)].map((k) => ['UNIT', k] as [SummaryDelta['scope'], string])];
    for (const [scope, scopeKey] of keys) {
      const id = `${scope}|${scopeKey}|${predikat}`;
      const entry = deltas.get(id) ?? { scope, scopeKey, predikat, delta: 0 };
      entry.delta += delta;
      deltas.set(id, entry);
    }
  };
  if (before !== null) add(before.scopes, before.predikat, -1);
  add(after.scopes, after.predikat, 1);
  return [...deltas.values()].filter((d) => d.delta !== 0);
}
