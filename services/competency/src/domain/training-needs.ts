// Training needs (AKPK) from gaps: each negative gap maps to the programmes for that competency that reach
// the required level, ordered by gap size (DOMAIN.md "Competency", "Training needs (AKPK)").
import { compareCompetencyCodes } from './dictionary.ts';
import type { CompetencyGap } from './gap.ts';

export const DELIVERY_MODES = ['KLASIKAL', 'E_LEARNING', 'BLENDED', 'COACHING_MENTORING', 'ON_THE_JOB'] as const;
export type DeliveryMode = (typeof DELIVERY_MODES)[number];

export interface TrainingProgramme {
  readonly id: string;
  readonly name: string;
  readonly competencyCode: string;
  /** The level a participant reaches. */
  readonly targetLevel: number;
  /** Jam pelajaran. */
  readonly hoursJp: number;
  readonly deliveryMode: DeliveryMode;
  readonly active: boolean;
}

export interface TrainingNeed {
  readonly competencyCode: string;
  readonly required: number;
  readonly assessed: number;
  readonly gap: number;
  /** Programmes that close the gap, best fit first; empty when the catalogue has none. */
  readonly programmes: readonly TrainingProgramme[];
}

/**
 * A programme closes a gap when it trains the same competency up to at least the required level. The best
 * fit is the lowest target level that still reaches it (no over-training), then the fewest JP, then name
 * and id so the order is stable. The SQL that suggests a programme per row (training-need-queries.ts)
 * orders the same way.
 */
export function programmesClosingGap(
  gap: Pick<CompetencyGap, 'competencyCode' | 'required'>,
  catalogue: readonly TrainingProgramme[],
): TrainingProgramme[] {
  return catalogue
    .filter((programme) => programme.active && programme.competencyCode === gap.competencyCode && programme.targetLevel >= gap.required)
    .sort(
      (a, b) =>
        a.targetLevel - b.targetLevel ||
        a.hoursJp - b.hoursJp ||
        a.name.localeCompare(b.name) ||
        a.id.localeCompare(b.id),
    );
}

/** Needs for every negative gap, the largest shortfall first (ties in dictionary order). */
export function rankTrainingNeeds(gaps: readonly CompetencyGap[], catalogue: readonly TrainingProgramme[]): TrainingNeed[] {
  return gaps
    .filter((gap) => gap.gap < 0)
    .sort((a, b) => a.gap - b.gap || compareCompetencyCodes(a.competencyCode, b.competencyCode))
    .map((gap) => ({ ...gap, programmes: programmesClosingGap(gap, catalogue) }));
}
