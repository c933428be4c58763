// DOMAIN.md "Attendance and discipline": a monthly recap per employee (the same code counted once a day),
// closing on a configurable day, a correction after closing as a new version; bands as data; the office's
// day in WIB/WITA/WIT; far-future and far-past captures refused (issue 11 "Bad input").
import { describe, expect, it } from 'vitest';
import { bandOf, bandTableProblems, defaultBands, fifteenMinuteBands } from '../../src/domain/bands.ts';
import { captureTimeProblem } from '../../src/domain/capture-time.ts';
import { closingDateOf, datesOfMonth, isValidMonth, nextMonth, previousMonth } from '../../src/domain/month.ts';
import { instantAt, localDateOf, parseClock, zoneOffsetMinutes } from '../../src/domain/office-time.ts';
import { countCodes, recapDigest, type RecapDay } from '../../src/domain/recap.ts';
import { bucketOf, scopeKeysOf, shardOf, sharePresent } from '../../src/domain/today-counts.ts';

describe('bandOf', () => {
  it.each([
    [0, 0, 0],
    [1, 1, 1],
    [30, 1, 2],
    [31, 2, 3],
    [60, 2, 3],
    [61, 3, 3],
    [90, 3, 3],
    [91, 4, 3],
    [600, 4, 3],
  ])('%i minutes → band %i (default) / %i (15-minute variant)', (minutes, standard, fifteen) => {
    expect(bandOf(defaultBands, minutes)).toBe(standard);
    expect(bandOf(fifteenMinuteBands, minutes)).toBe(fifteen);
  });
  it('refuses band tables that are not ascending', () => {
    expect(bandTableProblems({ upperBounds: [30, 30], missingBand: 4, makeUpMinutes: 0 })).not.toEqual([]);
    expect(bandTableProblems(defaultBands)).toEqual([]);
  });
});

describe('office time', () => {
  it.each([
    { zone: 'Asia/Jakarta', offset: 420 },
    { zone: 'Asia/Makassar', offset: 480 },
    { zone: 'Asia/Jayapura', offset: 540 },
  ])('$zone is UTC+$offset min', ({ zone, offset }) => {
    expect(zoneOffsetMinutes(zone, new Date('2026-06-01T00:00:00Z'))).toBe(offset);
  });
  it('keeps each side of a zone transition apart although offsets are remembered per quarter hour (Jakarta left UTC+7:30 on 1 Jan 1964)', () => {
    const before = new Date('1963-12-31T16:29:59Z');
    const after = new Date('1963-12-31T16:30:00Z');
    for (let round = 0; round < 2; round += 1) {
      expect(zoneOffsetMinutes('Asia/Jakarta', before)).toBe(450);
      expect(zoneOffsetMinutes('Asia/Jakarta', after)).toBe(420);
    }
  });
  it('the same instant is a different day in Jakarta and Jayapura', () => {
    const instant = new Date('2026-05-31T16:30:00Z'); // 23:30 WIB, 01:30 WIT
    expect([localDateOf(instant, 'Asia/Jakarta'), localDateOf(instant, 'Asia/Jayapura')]).toEqual(['2026-05-31', '2026-06-01']);
  });
  it('07:30 WITA is 23:30 UTC the day before', () => {
    expect(instantAt('2026-06-01', parseClock('07:30'), 'Asia/Makassar').toISOString()).toBe('2026-05-31T23:30:00.000Z');
  });
});

describe('months', () => {
  it('lists the days of February in a common and a leap year', () => {
    expect(datesOfMonth('2026-02')).toHaveLength(28);
    expect(datesOfMonth('2028-02')).toHaveLength(29);
  });
  it.each([
    ['2026-06', true],
    ['2026-13', false],
    ['2026-6', false],
    ['26-06', false],
  ] as const)('%s valid=%s', (month, valid) => {
    expect(isValidMonth(month)).toBe(valid);
  });
  it('closes on the configured day of the next month, across a year end', () => {
    expect(closingDateOf('2026-12', 5)).toBe('2027-01-05');
    expect([previousMonth('2026-01'), nextMonth('2026-12')]).toEqual(['2025-12', '2027-01']);
    expect(() => closingDateOf('2026-01', 31)).toThrow(RangeError);
  });
});

describe('countCodes', () => {
  const days: RecapDay[] = [
    { date: '2026-06-01', codes: ['HADIR'], lateMinutes: 0, earlyMinutes: 0 },
    { date: '2026-06-02', codes: ['TL2', 'PSW1'], lateMinutes: 40, earlyMinutes: 10 },
    { date: '2026-06-03', codes: ['TL2'], lateMinutes: 35, earlyMinutes: 0 },
    { date: '2026-06-04', codes: ['TK'], lateMinutes: 0, earlyMinutes: 0 },
    { date: '2026-06-06', codes: ['LIBUR'], lateMinutes: 0, earlyMinutes: 0 },
    { date: '2026-06-08', codes: ['CUTI'], lateMinutes: 0, earlyMinutes: 0 },
  ];
  it('counts each code once a day and leaves holidays out', () => {
    expect(countCodes(days)).toEqual([
      { code: 'CUTI', count: 1 },
      { code: 'HADIR', count: 1 },
      { code: 'PSW1', count: 1 },
      { code: 'TK', count: 1 },
      { code: 'TL2', count: 2 },
    ]);
  });
  it('changes its digest when a day changes, not when only HADIR days are reordered', () => {
    const corrected = days.map((day) => (day.date === '2026-06-04' ? { ...day, codes: ['HADIR' as const] } : day));
    expect(recapDigest(corrected)).not.toBe(recapDigest(days));
    expect(recapDigest([...days].reverse())).toBe(recapDigest(days));
  });
});

describe('captureTimeProblem', () => {
  const now = new Date('2026-06-01T03:00:00Z');
  it.each([
    { name: 'now', at: now, reason: null },
    { name: '9 minutes ahead (device clock drift)', at: new Date(now.getTime() + 9 * 60_000), reason: null },
    { name: '11 minutes ahead', at: new Date(now.getTime() + 11 * 60_000), reason: 'capture_in_future' },
    { name: 'next year', at: new Date('2027-06-01T00:00:00Z'), reason: 'capture_in_future' },
    { name: '60 days ago (device was offline)', at: new Date(now.getTime() - 60 * 86_400_000), reason: null },
    { name: 'a year ago', at: new Date('2025-06-01T00:00:00Z'), reason: 'capture_too_old' },
    { name: 'the device default 2000-01-01', at: new Date('2000-01-01T00:00:00Z'), reason: 'capture_too_old' },
  ])('$name → $reason', ({ at, reason }) => {
    expect(captureTimeProblem(at, now)?.reason ?? null).toBe(reason);
  });
});

describe('attendance today (buckets, scopes, share present)', () => {
  it.each([
    ['HADIR', 'present'],
    ['PSW2', 'present'],
    ['TL1', 'late'],
    ['TK', 'absent'],
    ['BELUM_PRESENSI', 'absent'],
    ['LIBUR', 'off'],
    ['CUTI', 'onLeave'],
    ['DINAS_LUAR', 'onLeave'],
  ] as const)('%s → %s', (status, bucket) => {
    expect(bucketOf(status)).toBe(bucket);
  });
  it('rolls an employee up into every ancestor region and every unit on the path', () => {
    expect(scopeKeysOf({ regionCode: '32.15', unitId: 'u2', instansiId: 'i1', unitPath: ['i1', 'u1', 'u2'] })).toEqual(['R:ID', 'R:32', 'R:32.15', 'U:i1', 'U:u1', 'U:u2']);
  });
  it('shares present over those expected at work', () => {
    expect(sharePresent({ present: 6, late: 2, absent: 2, onLeave: 5, off: 9 })).toBe(0.8);
    expect(sharePresent({ present: 0, late: 0, absent: 0, onLeave: 3, off: 1 })).toBeNull();
  });
  it('spreads employees over the counter shards deterministically', () => {
    expect(shardOf('emp-1')).toBe(shardOf('emp-1'));
    expect(new Set(Array.from({ length: 200 }, (_, i) => shardOf(`emp-${i}`))).size).toBe(16);
  });
});
