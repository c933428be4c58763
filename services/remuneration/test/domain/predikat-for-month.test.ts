// Issue 12: which predikat applies to a month is a rule, by default the period containing the month
// (PermenPANRB 6/2022 periods: quarterly by default, monthly or a single final period also occur).
import { describe, expect, it } from 'vitest';
import { predikatForMonth, type FinalisedPredikat } from '../../src/domain/predikat-for-month.ts';

const r = (period: string, periodStart: string, periodEnd: string, predikat: FinalisedPredikat['predikat'], version = 1): FinalisedPredikat => ({
  predikat, year: 2026, period, periodStart, periodEnd, version,
});
const ratings = [
  r('Q1', '2026-01-01', '2026-03-31', 'BAIK'),
  r('Q2', '2026-04-01', '2026-06-30', 'KURANG'),
  r('Q2', '2026-04-01', '2026-06-30', 'BUTUH_PERBAIKAN', 2),
  r('M05', '2026-05-01', '2026-05-31', 'SANGAT_BAIK'),
  r('ANNUAL', '2026-01-01', '2026-12-31', 'BAIK'),
];

describe('predikatForMonth, CONTAINING_PERIOD', () => {
  it.each([
    ['2026-02', 'Q1', 'BAIK'],
    // Q2 was re-finalised: version 2 wins.
    ['2026-04', 'Q2', 'BUTUH_PERBAIKAN'],
    // A monthly evaluation is narrower than its quarter.
    ['2026-05', 'M05', 'SANGAT_BAIK'],
    // Only the annual period covers the second half.
    ['2026-09', 'ANNUAL', 'BAIK'],
  ])('%s → %s %s', (month, period, predikat) => {
    expect(predikatForMonth(ratings, month, 'CONTAINING_PERIOD')).toMatchObject({ period, predikat });
  });
  it('no period covering the month means no rating', () => {
    expect(predikatForMonth(ratings, '2027-01', 'CONTAINING_PERIOD')).toBeNull();
  });
  it('a period covering only part of the month does not count', () => {
    expect(predikatForMonth([r('X', '2026-03-15', '2026-04-30', 'BAIK')], '2026-03', 'CONTAINING_PERIOD')).toBeNull();
  });
});

describe('predikatForMonth, LATEST_ENDED_BEFORE_MONTH', () => {
  it.each([
    ['2026-04', 'Q1'],
    ['2026-07', 'Q2'],
    ['2026-06', 'M05'],
  ])('%s pays on %s', (month, period) => {
    expect(predikatForMonth(ratings, month, 'LATEST_ENDED_BEFORE_MONTH')).toMatchObject({ period });
  });
  it('nothing ended before January', () => {
    expect(predikatForMonth(ratings, '2026-01', 'LATEST_ENDED_BEFORE_MONTH')).toBeNull();
  });
});
