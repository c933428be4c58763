// Scores: 1.00–5.00 with at most two decimals per known competency, each once; an assessment is complete
// when all nine competencies are scored (DOMAIN.md "Competency": "scores each competency 1–5 (decimals allowed)").
import { competencyCodes, isKnownCompetencyCode, MAX_LEVEL, MIN_LEVEL } from './dictionary.ts';
import { hasAtMostTwoDecimals } from './decimal.ts';

export interface ScoreInput {
  readonly competencyCode: string;
  readonly score: number;
  readonly evidence?: string | null;
}

export type ScoreProblemReason = 'unknown_competency' | 'score_out_of_range' | 'score_precision' | 'duplicate_competency';

export interface ScoreProblem {
  readonly reason: ScoreProblemReason;
  readonly competencyCode: string;
  readonly message: string;
}

export const MAX_EVIDENCE_LENGTH = 4000;

export function validateScores(inputs: readonly ScoreInput[]): ScoreProblem[] {
  const problems: ScoreProblem[] = [];
  const seen = new Set<string>();
  for (const { competencyCode, score } of inputs) {
    if (!isKnownCompetencyCode(competencyCode)) {
      problems.push({ reason: 'unknown_competency', competencyCode, message: `Kompetensi ${competencyCode} tidak dikenal.` });
      continue;
    }
    if (seen.has(competencyCode)) {
      problems.push({ reason: 'duplicate_competency', competencyCode, message: `Kompetensi ${competencyCode} dinilai lebih dari sekali.` });
      continue;
    }
    seen.add(competencyCode);
    if (!Number.isFinite(score) || score < MIN_LEVEL || score > MAX_LEVEL) {
      problems.push({
        reason: 'score_out_of_range',
        competencyCode,
        message: `Nilai ${competencyCode} harus antara ${MIN_LEVEL.toFixed(2)} dan ${MAX_LEVEL.toFixed(2)}.`,
      });
    } else if (!hasAtMostTwoDecimals(score)) {
      problems.push({ reason: 'score_precision', competencyCode, message: `Nilai ${competencyCode} paling banyak dua angka desimal.` });
    }
  }
  return problems;
}

/** Competencies still without a score, in dictionary order; empty = complete, ready to submit/finalise. */
export function missingCompetencies(scoredCodes: Iterable<string>): string[] {
  const scored = new Set(scoredCodes);
  return competencyCodes.filter((code) => !scored.has(code));
}
