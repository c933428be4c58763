// JPM (job person match) = Σ min(assessed, required) ÷ Σ required × 100, two decimals; whether a surplus
// above the standard counts is configurable, default capped (DOMAIN.md "Competency", JPM).
import { toHundredths } from './decimal.ts';
import type { CompetencyGap } from './gap.ts';

export interface JpmRule {
  /** true: a score above the required level counts only up to the required level. */
  readonly capSurplus: boolean;
}

export const defaultJpmRule: JpmRule = { capSurplus: true };

/** Percent with two decimals, rounded half up; null when nothing is required (no standard). */
export function computeJpm(gaps: readonly CompetencyGap[], rule: JpmRule = defaultJpmRule): number | null {
  let matchedHundredths = 0;
  let requiredHundredths = 0;
  for (const { assessed, required } of gaps) {
    const assessedH = toHundredths(assessed);
    const requiredH = toHundredths(required);
    matchedHundredths += rule.capSurplus ? Math.min(assessedH, requiredH) : assessedH;
    requiredHundredths += requiredH;
  }
  if (requiredHundredths === 0) return null;
  // percent × 100 = matched × 10000 ÷ required; integers up to here, one rounding at the end.
  return Math.round((matchedHundredths * 10000) / requiredHundredths) / 100;
}
