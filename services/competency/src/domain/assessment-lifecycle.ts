// Assessment lifecycle: draft → submitted → finalised; a finalised assessment is immutable and a
// correction is a new version that keeps the old one (DOMAIN.md "Competency"; issue "Competency subgraph").

export const ASSESSMENT_STATUSES = ['DRAFT', 'SUBMITTED', 'FINALISED'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

export const ASSESSMENT_METHODS = ['ASSESSMENT_CENTER', 'THREE_SIXTY', 'INTERVIEW'] as const;
export type AssessmentMethod = (typeof ASSESSMENT_METHODS)[number];

export type AssessmentAction = 'UPDATE_SCORES' | 'SUBMIT' | 'FINALISE' | 'CORRECT';

export type TransitionResult =
  | { readonly ok: true; readonly next: AssessmentStatus }
  | { readonly ok: false; readonly reason: string; readonly message: string };

const allowed: Record<AssessmentAction, { from: AssessmentStatus; next: AssessmentStatus }> = {
  UPDATE_SCORES: { from: 'DRAFT', next: 'DRAFT' },
  SUBMIT: { from: 'DRAFT', next: 'SUBMITTED' },
  FINALISE: { from: 'SUBMITTED', next: 'FINALISED' },
  // The finalised version stays FINALISED; the correction is a new DRAFT version (see correctionOf).
  CORRECT: { from: 'FINALISED', next: 'FINALISED' },
};

const refusal: Record<AssessmentAction, { reason: string; message: string }> = {
  UPDATE_SCORES: { reason: 'assessment_not_draft', message: 'Nilai hanya dapat diubah selama asesmen masih draf.' },
  SUBMIT: { reason: 'assessment_not_draft', message: 'Hanya asesmen draf yang dapat diajukan.' },
  FINALISE: { reason: 'assessment_not_submitted', message: 'Hanya asesmen yang sudah diajukan yang dapat difinalkan.' },
  CORRECT: { reason: 'assessment_not_finalised', message: 'Hanya asesmen final yang dapat dikoreksi; ubah draf secara langsung.' },
};

export function checkTransition(status: AssessmentStatus, action: AssessmentAction): TransitionResult {
  if (status === 'FINALISED' && action !== 'CORRECT') {
    return { ok: false, reason: 'assessment_finalised', message: 'Asesmen final tidak dapat diubah; buat koreksi sebagai versi baru.' };
  }
  const rule = allowed[action];
  if (rule.from !== status) return { ok: false, ...refusal[action] };
  return { ok: true, next: rule.next };
}

export interface AssessmentVersion {
  readonly id: string;
  /** The assessment every version belongs to (the first version's id). */
  readonly seriesId: string;
  readonly version: number;
  readonly status: AssessmentStatus;
  /** YYYY-MM-DD. */
  readonly assessedOn: string;
  readonly finalisedAt: Date | null;
}

/**
 * A correction starts from the latest version of a series only, and only when no later draft or submitted
 * correction is open: two open corrections of one assessment would race to supersede it.
 */
export function checkCorrection(
  target: AssessmentVersion,
  series: readonly AssessmentVersion[],
): { ok: true; version: number } | { ok: false; reason: string; message: string } {
  const transition = checkTransition(target.status, 'CORRECT');
  if (!transition.ok) return transition;
  const latest = Math.max(...series.map((entry) => entry.version), target.version);
  if (latest !== target.version) {
    return {
      ok: false,
      reason: 'correction_exists',
      message: `Asesmen ini sudah memiliki versi ${latest}; koreksi versi terbaru.`,
    };
  }
  return { ok: true, version: target.version + 1 };
}

/**
 * The assessment that drives an employee's gaps: per series its highest finalised version (a correction
 * supersedes what it corrects), then the series assessed last (ties: finalised last).
 */
export function selectEffectiveAssessment<T extends AssessmentVersion>(versions: readonly T[]): T | null {
  const latestPerSeries = new Map<string, T>();
  for (const version of versions) {
    if (version.status !== 'FINALISED') continue;
    const current = latestPerSeries.get(version.seriesId);
    if (current === undefined || version.version > current.version) latestPerSeries.set(version.seriesId, version);
  }
  let effective: T | null = null;
  for (const candidate of latestPerSeries.values()) {
    if (
      effective === null ||
      candidate.assessedOn > effective.assessedOn ||
      (candidate.assessedOn === effective.assessedOn &&
        (candidate.finalisedAt?.getTime() ?? 0) > (effective.finalisedAt?.getTime() ?? 0))
    ) {
      effective = candidate;
    }
  }
  return effective;
}
