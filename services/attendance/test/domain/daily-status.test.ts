// DOMAIN.md "Attendance and discipline": one status per working day from schedule, calendar, captures and
// approved absences; TL/PSW bands 1 = 1–30, 2 = 31–60, 3 = 61–90, 4 = > 90 or no check-in/out (or the
// 15-minute variant); first capture of the day is in, last is out; separate Friday and Ramadan hours.
import { describe, expect, it } from 'vitest';
import type { AbsencePeriod } from '../../src/domain/absence.ts';
import { defaultBands, fifteenMinuteBands, type BandTable } from '../../src/domain/bands.ts';
import type { Calendar } from '../../src/domain/calendar.ts';
import { holidayOn } from '../../src/domain/calendar.ts';
import { captureWindowOf, computeDayStatus, type CaptureKind, type DayStatusCode } from '../../src/domain/daily-status.ts';
import { addDays, instantAt, parseClock } from '../../src/domain/office-time.ts';
import { defaultSchedules, workingHoursOn, type Schedule } from '../../src/domain/schedule.ts';

const [fiveDay, , nightShift] = defaultSchedules as [Schedule, Schedule, Schedule];
const calendar: Calendar = {
  days: [
    { date: '2026-08-17', kind: 'LIBUR_NASIONAL', name: 'Hari Kemerdekaan', regionCode: 'ID' },
    { date: '2026-03-18', kind: 'CUTI_BERSAMA', name: 'Cuti bersama Idul Fitri', regionCode: 'ID' },
  ],
  ramadan: [{ from: '2026-02-18', to: '2026-03-19' }],
};

interface Case {
  name: string;
  date: string;
  schedule?: Schedule;
  zone?: string;
  /** Local wall-clock captures, "HH:MM" (or "+HH:MM" for the next day), each with an optional kind. */
  captures: (string | [string, CaptureKind])[];
  absence?: AbsencePeriod['type'];
  bands?: BandTable;
  status: DayStatusCode;
  codes?: DayStatusCode[];
  late?: number;
  early?: number;
}

// 2026-06-01 is a Monday, 2026-06-05 a Friday, 2026-06-06 a Saturday; 2026-03-02 a Monday in Ramadan.
const cases: Case[] = [
  { name: 'on time in and out', date: '2026-06-01', captures: ['07:25', '16:05'], status: 'HADIR', late: 0, early: 0 },
  { name: 'exactly on the minute', date: '2026-06-01', captures: ['07:30', '16:00'], status: 'HADIR' },
  { name: 'TL1: 1 minute late', date: '2026-06-01', captures: ['07:31', '16:00'], status: 'TL1', late: 1 },
  { name: 'TL1: 30 minutes late', date: '2026-06-01', captures: ['08:00', '16:00'], status: 'TL1', late: 30 },
  { name: 'TL2: 31 minutes late', date: '2026-06-01', captures: ['08:01', '16:00'], status: 'TL2', late: 31 },
  { name: 'TL3: 61 minutes late', date: '2026-06-01', captures: ['08:31', '16:00'], status: 'TL3', late: 61 },
  { name: 'TL3: 90 minutes late', date: '2026-06-01', captures: ['09:00', '16:00'], status: 'TL3', late: 90 },
  { name: 'TL4: 91 minutes late', date: '2026-06-01', captures: ['09:01', '16:00'], status: 'TL4', late: 91 },
  { name: 'PSW1: left 30 minutes early', date: '2026-06-01', captures: ['07:30', '15:30'], status: 'PSW1', early: 30 },
  { name: 'PSW2: left 45 minutes early', date: '2026-06-01', captures: ['07:30', '15:15'], status: 'PSW2', early: 45 },
  { name: 'PSW3: left 61 minutes early', date: '2026-06-01', captures: ['07:30', '14:59'], status: 'PSW3', early: 61 },
  { name: 'PSW4: left 2 hours early', date: '2026-06-01', captures: ['07:30', '14:00'], status: 'PSW4', early: 120 },
  { name: 'TL and PSW on one day: TL first, both coded', date: '2026-06-01', captures: ['08:10', '15:40'], status: 'TL2', codes: ['TL2', 'PSW1'], late: 40, early: 20 },
  { name: 'first capture is in, last is out (re-scans between)', date: '2026-06-01', captures: ['07:20', '07:21', '12:00', '16:10'], status: 'HADIR' },
  { name: 'captures in any order', date: '2026-06-01', captures: ['16:10', '07:45'], status: 'TL1', late: 15 },
  { name: 'only a morning capture: no check-out → PSW4', date: '2026-06-01', captures: ['07:20'], status: 'PSW4', codes: ['PSW4'] },
  { name: 'only an afternoon capture: no check-in → TL4', date: '2026-06-01', captures: ['16:30'], status: 'TL4', codes: ['TL4'] },
  { name: 'a lone mobile OUT in the morning is a check-out', date: '2026-06-01', captures: [['10:00', 'OUT']], status: 'TL4', codes: ['TL4', 'PSW4'] },
  { name: 'no capture on a working day → TK', date: '2026-06-01', captures: [], status: 'TK' },
  { name: 'Friday ends 16:30: leaving 16:00 is PSW1', date: '2026-06-05', captures: ['07:30', '16:00'], status: 'PSW1', early: 30 },
  { name: 'Saturday on a 5-day schedule → LIBUR', date: '2026-06-06', captures: [], status: 'LIBUR' },
  { name: 'national holiday → LIBUR even without captures', date: '2026-08-17', captures: [], status: 'LIBUR' },
  { name: 'cuti bersama → LIBUR', date: '2026-03-18', captures: [], status: 'LIBUR' },
  { name: 'Ramadan hours 08:00–15:00: 07:55–15:00 is on time', date: '2026-03-02', captures: ['07:55', '15:00'], status: 'HADIR' },
  { name: 'Ramadan hours: 08:20 is TL1', date: '2026-03-02', captures: ['08:20', '15:00'], status: 'TL1', late: 20 },
  { name: 'approved cuti tahunan → CUTI', date: '2026-06-01', captures: [], absence: 'CUTI_TAHUNAN', status: 'CUTI' },
  { name: 'approved cuti besar keeps its code', date: '2026-06-01', captures: [], absence: 'CUTI_BESAR', status: 'CUTI_BESAR' },
  { name: 'approved cuti sakit → SAKIT', date: '2026-06-01', captures: [], absence: 'CUTI_SAKIT', status: 'SAKIT' },
  { name: 'approved izin → IZIN', date: '2026-06-01', captures: ['10:00'], absence: 'IZIN', status: 'IZIN' },
  { name: 'dinas luar → DINAS_LUAR', date: '2026-06-01', captures: [], absence: 'DINAS_LUAR', status: 'DINAS_LUAR' },
  { name: 'tugas belajar → TUGAS_BELAJAR', date: '2026-06-01', captures: [], absence: 'TUGAS_BELAJAR', status: 'TUGAS_BELAJAR' },
  { name: 'leave over a holiday is still LIBUR', date: '2026-08-17', captures: [], absence: 'CUTI_TAHUNAN', status: 'LIBUR' },
  { name: '15-minute bands: 16 minutes late is TL2', date: '2026-06-01', captures: ['07:46', '16:00'], bands: fifteenMinuteBands, status: 'TL2', late: 16 },
  { name: '15-minute bands: 31 minutes late is TL3', date: '2026-06-01', captures: ['08:01', '16:00'], bands: fifteenMinuteBands, status: 'TL3', late: 31 },
  { name: '15-minute bands: no check-in is TL4', date: '2026-06-01', captures: ['16:00'], bands: fifteenMinuteBands, status: 'TL4' },
  { name: 'make-up variant: 20 late, 20 longer → HADIR', date: '2026-06-01', captures: ['07:50', '16:20'], bands: { ...defaultBands, makeUpMinutes: 30 }, status: 'HADIR', late: 0 },
  { name: 'make-up variant: 20 late, 10 longer → TL1', date: '2026-06-01', captures: ['07:50', '16:10'], bands: { ...defaultBands, makeUpMinutes: 30 }, status: 'TL1', late: 20 },
  { name: 'night shift 21:00–07:00 on time (out next morning)', date: '2026-06-01', schedule: nightShift, captures: ['20:50', '+07:05'], status: 'HADIR' },
  { name: 'night shift: out 06:15 next morning is PSW2', date: '2026-06-01', schedule: nightShift, captures: ['20:55', '+06:15'], status: 'PSW2', early: 45 },
  { name: 'night shift works on holidays', date: '2026-08-17', schedule: nightShift, captures: ['21:40', '+07:00'], status: 'TL2', late: 40 },
  { name: 'WITA office: 07:30 Makassar time is on time', date: '2026-06-01', zone: 'Asia/Makassar', captures: ['07:30', '16:00'], status: 'HADIR' },
  { name: 'WIT office: 08:45 Jayapura time is TL3', date: '2026-06-01', zone: 'Asia/Jayapura', captures: ['08:45', '16:00'], status: 'TL3', late: 75 },
];

function localInstant(date: string, clock: string, zone: string): Date {
  return clock.startsWith('+') ? instantAt(addDays(date, 1), parseClock(clock.slice(1)), zone) : instantAt(date, parseClock(clock), zone);
}

describe('computeDayStatus (DOMAIN.md "Attendance and discipline")', () => {
  it.each(cases)('$name → $status', (c) => {
    const zone = c.zone ?? 'Asia/Jakarta';
    const schedule = c.schedule ?? fiveDay;
    const result = computeDayStatus({
      date: c.date,
      zone,
      shift: workingHoursOn(schedule, c.date, calendar),
      worksOnHolidays: schedule.worksOnHolidays ?? false,
      holiday: holidayOn(calendar, c.date, '32.15'),
      absence: c.absence ? { id: 'a1', type: c.absence, from: c.date, to: c.date, state: 'APPROVED' } : null,
      captures: c.captures.map((entry) => {
        const [clock, kind] = typeof entry === 'string' ? [entry, 'UNKNOWN' as const] : entry;
        return { at: localInstant(c.date, clock, zone), kind };
      }),
      bands: c.bands ?? defaultBands,
      now: new Date('2027-01-01T00:00:00Z'),
    });
    expect(result.status).toBe(c.status);
    expect(result.provisional).toBe(false);
    if (c.codes) expect(result.codes).toEqual(c.codes);
    else expect(result.codes).toEqual([c.status]);
    if (c.late !== undefined) expect(result.lateMinutes).toBe(c.late);
    if (c.early !== undefined) expect(result.earlyMinutes).toBe(c.early);
    expect(result.reason).not.toBe('');
  });

  const today = { date: '2026-06-01', zone: 'Asia/Jakarta', shift: workingHoursOn(fiveDay, '2026-06-01', calendar), worksOnHolidays: false, holiday: null, absence: null, bands: defaultBands };
  it('before the shift ends, no capture yet is BELUM_PRESENSI, not TK', () => {
    const result = computeDayStatus({ ...today, captures: [], now: instantAt('2026-06-01', parseClock('09:00'), 'Asia/Jakarta') });
    expect(result).toMatchObject({ status: 'BELUM_PRESENSI', provisional: true });
  });

  it('before the shift ends, a check-in shows lateness but no early leave yet', () => {
    const at = instantAt('2026-06-01', parseClock('08:05'), 'Asia/Jakarta');
    const result = computeDayStatus({ ...today, captures: [{ at, kind: 'IN' }], now: new Date(at.getTime() + 60_000) });
    expect(result).toMatchObject({ status: 'TL2', codes: ['TL2'], lateMinutes: 35, earlyMinutes: 0, provisional: true });
  });
});

describe('captureWindowOf', () => {
  const zone = 'Asia/Jakarta';
  it('is the office calendar day for a day shift', () => {
    const window = captureWindowOf('2026-06-01', workingHoursOn(fiveDay, '2026-06-01', calendar), null, zone);
    expect(window.from.toISOString()).toBe('2026-05-31T17:00:00.000Z');
    expect(window.to.toISOString()).toBe('2026-06-01T17:00:00.000Z');
  });
  it('runs from 4 h before to 6 h after a night shift, into the next day', () => {
    const window = captureWindowOf('2026-06-01', workingHoursOn(nightShift, '2026-06-01', calendar), null, zone);
    expect(window.from.toISOString()).toBe('2026-06-01T10:00:00.000Z'); // 17:00 WIB
    expect(window.to.toISOString()).toBe('2026-06-02T06:00:00.000Z'); // 13:00 WIB next day
  });
  it('a day shift after a night shift starts where the night window ends', () => {
    const night = workingHoursOn(nightShift, '2026-06-01', calendar);
    const window = captureWindowOf('2026-06-02', workingHoursOn(fiveDay, '2026-06-02', calendar), night, zone);
    expect(window.from.toISOString()).toBe('2026-06-02T06:00:00.000Z');
  });
});
