// Which rule version is in force for a month, and whether a new version fits the instansi's timeline.
// Issue 12: recomputing an old month uses the rules in force in that month; overlapping effective
// dates are refused. A new rule that starts after the open-ended current one closes it the month
// before (the usual "new Perkada from month X"); any other overlap is refused.
import { addMonths } from './month.ts';

export interface RuleSpan {
  id: string;
  effectiveFrom: string;
  effectiveUntil: string | null;
}

const covers = (span: RuleSpan, month: string): boolean =>
  span.effectiveFrom <= month && (span.effectiveUntil === null || month <= span.effectiveUntil);

/** The rule in force for `month`, or null when none covers it. Timelines never overlap (planRuleAddition). */
export function ruleInForce<T extends RuleSpan>(rules: readonly T[], month: string): T | null {
  return rules.find((rule) => covers(rule, month)) ?? null;
}

const overlaps = (a: RuleSpan, b: { effectiveFrom: string; effectiveUntil: string | null }): boolean =>
  (a.effectiveUntil === null || b.effectiveFrom <= a.effectiveUntil) && (b.effectiveUntil === null || a.effectiveFrom <= b.effectiveUntil);

export type RuleAdditionPlan =
  | { ok: true; close: { id: string; effectiveUntil: string } | null }
  | { ok: false; reason: 'invalid_effective_range' | 'overlapping_effective_dates'; conflictingId?: string };

/**
 * Checks a new rule's months against the existing ones. Months compare as `YYYY-MM` strings.
 * The only overlap allowed is with the open-ended rule that started earlier: it is closed the month before.
 */
export function planRuleAddition(existing: readonly RuleSpan[], candidate: { effectiveFrom: string; effectiveUntil: string | null }): RuleAdditionPlan {
  if (candidate.effectiveUntil !== null && candidate.effectiveUntil < candidate.effectiveFrom) return { ok: false, reason: 'invalid_effective_range' };
  let close: { id: string; effectiveUntil: string } | null = null;
  for (const rule of existing) {
    if (!overlaps(rule, candidate)) continue;
    if (rule.effectiveUntil === null && rule.effectiveFrom < candidate.effectiveFrom && close === null) {
      close = { id: rule.id, effectiveUntil: addMonths(candidate.effectiveFrom, -1) };
      continue;
    }
    return { ok: false, reason: 'overlapping_effective_dates', conflictingId: rule.id };
  }
  return { ok: true, close };
}
