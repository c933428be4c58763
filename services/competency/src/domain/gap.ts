// Gap = assessed − required per competency; negative = development need (DOMAIN.md "Competency").
import { compareCompetencyCodes } from './dictionary.ts';
import { fromHundredths, toHundredths } from './decimal.ts';
import type { RequiredLevels } from './standards.ts';

export interface CompetencyGap {
  readonly competencyCode: string;
  readonly required: number;
  readonly assessed: number;
  /** assessed − required, two decimals. */
  readonly gap: number;
}

/**
 * One gap per competency the standard requires, in dictionary order. Competencies without a score are
 * left out: only finalised (complete) assessments reach this function, so a missing score means the
 * standard names a competency the assessment did not cover.
 */
export function computeGaps(required: RequiredLevels, scores: Readonly<Record<string, number>>): CompetencyGap[] {
  return Object.entries(required)
    .filter(([code]) => scores[code] !== undefined)
    .map(([code, requiredLevel]) => {
      const assessed = scores[code] as number;
      return {
        competencyCode: code,
        required: requiredLevel,
        assessed,
        gap: fromHundredths(toHundredths(assessed) - toHundredths(requiredLevel)),
      };
    })
    .sort((a, b) => compareCompetencyCodes(a.competencyCode, b.competencyCode));
}
