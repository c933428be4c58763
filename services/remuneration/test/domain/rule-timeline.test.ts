// Issue 12: every number is data per instansi with an effective date; recomputing an old month uses the
// rule in force in that month; overlapping effective dates are refused.
import { describe, expect, it } from 'vitest';
import { planRuleAddition, ruleInForce, type RuleSpan } from '../../src/domain/rule-timeline.ts';

const timeline: RuleSpan[] = [
  { id: 'perbup-2023', effectiveFrom: '2023-01', effectiveUntil: '2024-06' },
  { id: 'perbup-2024', effectiveFrom: '2024-07', effectiveUntil: null },
];

describe('ruleInForce', () => {
  it.each([
    ['2022-12', null],
    ['2023-01', 'perbup-2023'],
    ['2024-06', 'perbup-2023'],
    ['2024-07', 'perbup-2024'],
    ['2031-02', 'perbup-2024'],
  ])('%s → %s', (month, id) => {
    expect(ruleInForce(timeline, month)?.id ?? null).toBe(id);
  });
});

describe('planRuleAddition', () => {
  it('a new rule after the open-ended one closes it the month before', () => {
    expect(planRuleAddition(timeline, { effectiveFrom: '2026-01', effectiveUntil: null })).toEqual({ ok: true, close: { id: 'perbup-2024', effectiveUntil: '2025-12' } });
  });
  it('a bounded rule before the first one fits without closing anything', () => {
    expect(planRuleAddition(timeline, { effectiveFrom: '2021-01', effectiveUntil: '2022-12' })).toEqual({ ok: true, close: null });
  });
  it('the first rule of an instansi fits', () => {
    expect(planRuleAddition([], { effectiveFrom: '2026-01', effectiveUntil: null })).toEqual({ ok: true, close: null });
  });
  it.each([
    ['inside a closed rule', { effectiveFrom: '2023-06', effectiveUntil: '2023-08' }, 'perbup-2023'],
    ['the same start as the open-ended rule', { effectiveFrom: '2024-07', effectiveUntil: null }, 'perbup-2024'],
    ['open-ended before a later rule', { effectiveFrom: '2022-01', effectiveUntil: null }, 'perbup-2023'],
    ['reaching into the first rule', { effectiveFrom: '2022-06', effectiveUntil: '2023-01' }, 'perbup-2023'],
    ['spanning the change of rules', { effectiveFrom: '2024-05', effectiveUntil: '2024-08' }, 'perbup-2023'],
  ])('refuses a rule %s', (_name, candidate, conflictingId) => {
    expect(planRuleAddition(timeline, candidate)).toEqual({ ok: false, reason: 'overlapping_effective_dates', conflictingId });
  });
  it('refuses an end before the start', () => {
    expect(planRuleAddition([], { effectiveFrom: '2026-05', effectiveUntil: '2026-04' })).toMatchObject({ ok: false, reason: 'invalid_effective_range' });
  });
});
