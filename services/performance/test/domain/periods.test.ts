// Evaluation periods (PermenPANRB 6/2022: periodic evaluation and the annual evaluation; DOMAIN.md
// "Periods"): default four quarters plus the annual evaluation, each with an entry deadline, locked after
// it unless an admin unlocked it; configurable per instansi (monthly, single final period).
import { describe, expect, it } from 'vitest';
import { defaultPeriodScheme, findPeriod, monthsCovered, periodState, periodsOfYear, todayWib, validatePeriodScheme } from '../../src/domain/periods.ts';

describe('default periods: four quarters plus the annual evaluation', () => {
  const periods = periodsOfYear(defaultPeriodScheme, 2026);
  it('has Q1–Q4 and ANNUAL with their dates and deadlines (15 days after a quarter, 31 after the year)', () => {
    expect(periods.map((p) => [p.code, p.start, p.end, p.deadline])).toEqual([
      ['Q1', '2026-01-01', '2026-03-31', '2026-04-15'],
      ['Q2', '2026-04-01', '2026-06-30', '2026-07-15'],
      ['Q3', '2026-07-01', '2026-09-30', '2026-10-15'],
      ['Q4', '2026-10-01', '2026-12-31', '2027-01-15'],
      ['ANNUAL', '2026-01-01', '2026-12-31', '2027-01-31'],
    ]);
    expect(periods[0]?.name).toBe('Triwulan I 2026');
  });
  it('handles a leap February in the monthly scheme and a single final period', () => {
    const monthly = periodsOfYear({ ...defaultPeriodScheme, kind: 'MONTHLY' }, 2028);
    expect(monthly).toHaveLength(13);
    expect(findPeriod(monthly, 'M02')).toMatchObject({ start: '2028-02-01', end: '2028-02-29', deadline: '2028-03-15' });
    expect(periodsOfYear({ ...defaultPeriodScheme, kind: 'SINGLE' }, 2026).map((p) => p.code)).toEqual(['FINAL', 'ANNUAL']);
  });
});

describe('locking at the deadline', () => {
  const q1 = findPeriod(periodsOfYear(defaultPeriodScheme, 2026), 'Q1')!;
  it.each([
    ['2025-12-31', null, 'NOT_STARTED'],
    ['2026-01-01', null, 'OPEN'],
    ['2026-04-15', null, 'OPEN'],
    ['2026-04-16', null, 'LOCKED'],
    ['2026-05-01', '2026-05-03', 'OPEN'],
    ['2026-05-04', '2026-05-03', 'LOCKED'],
  ] as const)('on %s (unlocked until %s) → %s', (today, unlockedUntil, state) => {
    expect(periodState(q1, today, unlockedUntil)).toBe(state);
  });
  it('counts the day in WIB (UTC+7)', () => {
    expect(todayWib(new Date('2026-04-15T16:59:59Z'))).toBe('2026-04-15');
    expect(todayWib(new Date('2026-04-15T17:00:00Z'))).toBe('2026-04-16');
  });
});

describe('scheme validation and months covered', () => {
  it('refuses an unknown kind and deadlines outside 0–90 days', () => {
    expect(validatePeriodScheme({ kind: 'WEEKLY', deadlineDays: -1, annualDeadlineDays: 91 })).toHaveLength(3);
    expect(validatePeriodScheme(defaultPeriodScheme)).toEqual([]);
  });
  it.each([
    ['2026-01-01', '2026-12-31', 12],
    ['2026-04-01', '2026-06-30', 3],
    ['2026-07-01', '2026-12-31', 6],
  ] as const)('%s – %s covers %s months', (start, end, months) => {
    expect(monthsCovered(start, end)).toBe(months);
  });
});
