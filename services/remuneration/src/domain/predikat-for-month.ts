// Which finalised predikat pays a month's performance share (issue 12: "the period containing the
// month by default; a rule for no SKP/no rating"). Periods come from performance.rating.v1
// (PermenPANRB 6/2022: quarterly, monthly, final or annual evaluations), each with inclusive start and end days.
import { monthEnd, monthStart } from './month.ts';
import type { Predikat, PredikatPeriodRule } from './tpp-rule.ts';

export interface FinalisedPredikat {
  predikat: Predikat;
  year: number;
  /** `Q1`…`Q4`, `M01`…`M12`, `FINAL`, `ANNUAL`. */
  period: string;
  periodStart: string;
  periodEnd: string;
  version: number;
}

const lengthInDays = (rating: FinalisedPredikat): number =>
  (Date.parse(rating.periodEnd) - Date.parse(rating.periodStart)) / 86_400_000;

/**
 * CONTAINING_PERIOD: among periods covering the whole month the narrowest wins (a monthly evaluation
 * is more specific than its quarter, the quarter than the year); LATEST_ENDED_BEFORE_MONTH: the period
 * that ended last before the month began (regions that pay on the previous evaluation). Ties go to the
 * higher version. Null means no rating: the rule's noRating applies.
 */
export function predikatForMonth(ratings: readonly FinalisedPredikat[], month: string, rule: PredikatPeriodRule): FinalisedPredikat | null {
  const first = monthStart(month);
  const last = monthEnd(month);
  if (rule === 'CONTAINING_PERIOD') {
    const containing = ratings.filter((r) => r.periodStart <= first && last <= r.periodEnd);
    containing.sort((a, b) => lengthInDays(a) - lengthInDays(b) || b.version - a.version);
    return containing[0] ?? null;
  }
  const ended = ratings.filter((r) => r.periodEnd < first);
  ended.sort((a, b) => (a.periodEnd < b.periodEnd ? 1 : a.periodEnd > b.periodEnd ? -1 : 0) || lengthInDays(a) - lengthInDays(b) || b.version - a.version);
  return ended[0] ?? null;
}
