// DOMAIN.md "Attendance and discipline": leave types of PP 11/2017 plus izin, dinas luar, tugas belajar;
// the direct supervisor approves; pending requests expire (one regency: rejected after 3 days).
import { describe, expect, it } from 'vitest';
import { absenceRequestRefusal, approvedAbsenceOn, daysInclusive, isExpired, shownAbsenceState, type AbsencePeriod } from '../../src/domain/absence.ts';

const existing: AbsencePeriod[] = [
  { id: 'a-approved', type: 'CUTI_TAHUNAN', from: '2026-06-08', to: '2026-06-10', state: 'APPROVED' },
  { id: 'a-pending', type: 'IZIN', from: '2026-06-15', to: '2026-06-15', state: 'PENDING' },
  { id: 'a-rejected', type: 'CUTI_TAHUNAN', from: '2026-06-22', to: '2026-06-24', state: 'REJECTED' },
  { id: 'a-expired', type: 'SAKIT', from: '2026-06-29', to: '2026-06-30', state: 'EXPIRED' },
];

describe('absenceRequestRefusal', () => {
  it.each([
    { name: 'free dates', type: 'CUTI_TAHUNAN' as const, from: '2026-06-01', to: '2026-06-05', reason: null },
    { name: 'over a rejected request', type: 'CUTI_TAHUNAN' as const, from: '2026-06-23', to: '2026-06-23', reason: null },
    { name: 'over an expired request', type: 'SAKIT' as const, from: '2026-06-29', to: '2026-06-29', reason: null },
    { name: 'ends on the first day of approved leave', type: 'DINAS_LUAR' as const, from: '2026-06-05', to: '2026-06-08', reason: 'absence_overlap' },
    { name: 'inside approved leave', type: 'SAKIT' as const, from: '2026-06-09', to: '2026-06-09', reason: 'absence_overlap' },
    { name: 'over a pending request', type: 'CUTI_TAHUNAN' as const, from: '2026-06-12', to: '2026-06-19', reason: 'absence_overlap' },
    { name: 'from after to', type: 'IZIN' as const, from: '2026-06-03', to: '2026-06-02', reason: 'invalid_date_range' },
    { name: 'no such date', type: 'IZIN' as const, from: '2026-02-30', to: '2026-03-01', reason: 'invalid_date_range' },
    { name: 'izin longer than 3 days', type: 'IZIN' as const, from: '2026-07-01', to: '2026-07-04', reason: 'absence_too_long' },
  ])('$name → $reason', ({ type, from, to, reason }) => {
    expect(absenceRequestRefusal({ type, from, to }, existing)?.reason ?? null).toBe(reason);
  });

  it('names the request it overlaps', () => {
    const refusal = absenceRequestRefusal({ type: 'SAKIT', from: '2026-06-10', to: '2026-06-11' }, existing);
    expect(refusal).toMatchObject({ reason: 'absence_overlap', overlapping: 'a-approved' });
    expect(refusal?.message).toContain('2026-06-08 s.d. 2026-06-10');
  });
});

describe('expiry of pending requests', () => {
  it.each([
    { filedOn: '2026-06-01', days: 3, today: '2026-06-03', expired: false },
    { filedOn: '2026-06-01', days: 3, today: '2026-06-04', expired: true },
    { filedOn: '2026-06-30', days: 3, today: '2026-07-03', expired: true },
    { filedOn: '2026-06-01', days: 14, today: '2026-06-10', expired: false },
  ])('filed $filedOn, $days days, on $today → $expired', ({ filedOn, days, today, expired }) => {
    expect(isExpired(filedOn, days, today)).toBe(expired);
  });
});

describe('approvedAbsenceOn', () => {
  it('finds only approved absences covering the date', () => {
    expect(approvedAbsenceOn(existing, '2026-06-09')?.id).toBe('a-approved');
    expect(approvedAbsenceOn(existing, '2026-06-15')).toBeNull();
    expect(approvedAbsenceOn(existing, '2026-06-23')).toBeNull();
  });
  it('counts days inclusively across a month end', () => {
    expect(daysInclusive('2026-06-29', '2026-07-02')).toBe(4);
  });
});

describe('the state a reader is shown (expiry on the employee\'s own calendar date)', () => {
  // Expires on 30 November: from that day's midnight in the office's zone, not UTC's.
  it.each([
    ['WIB, 23:59 on the 29th', 'Asia/Jakarta', '2026-11-29T16:59:00Z', 'PENDING'],
    ['WIB, 00:28 on the 30th (17:28 UTC on the 29th)', 'Asia/Jakarta', '2026-11-29T17:28:00Z', 'EXPIRED'],
    ['WITA, 00:00 on the 30th (16:00 UTC)', 'Asia/Makassar', '2026-11-29T16:00:00Z', 'EXPIRED'],
    ['WIT, 23:30 on the 29th (14:30 UTC)', 'Asia/Jayapura', '2026-11-29T14:30:00Z', 'PENDING'],
    ['WIT, 00:30 on the 30th (15:30 UTC)', 'Asia/Jayapura', '2026-11-29T15:30:00Z', 'EXPIRED'],
  ] as const)('%s: %s', (_when, timeZone, now, shown) => {
    expect(shownAbsenceState({ state: 'PENDING', expiresOn: '2026-11-30', timeZone }, new Date(now))).toBe(shown);
  });

  it('leaves decided requests as they are', () => {
    for (const state of ['APPROVED', 'REJECTED', 'CANCELLED'] as const) {
      expect(shownAbsenceState({ state, expiresOn: '2026-11-01', timeZone: 'Asia/Jakarta' }, new Date('2026-11-29T12:00:00Z'))).toBe(state);
    }
  });
});
