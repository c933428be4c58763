// DOMAIN.md "Attendance and discipline": schedules per instansi with Friday and Ramadan hours and night
// shifts, assignments with effective dates, holidays and cuti bersama from the yearly calendar.
import { describe, expect, it } from 'vitest';
import { holidayOn, isRamadan, type Calendar } from '../../src/domain/calendar.ts';
import { assignmentOn, defaultSchedules, scheduleProblems, workingHoursOn, type Schedule } from '../../src/domain/schedule.ts';

const calendar: Calendar = {
  days: [
    { date: '2026-01-01', kind: 'LIBUR_NASIONAL', name: 'Tahun Baru', regionCode: 'ID' },
    { date: '2026-03-09', kind: 'LIBUR_DAERAH', name: 'Hari Jadi', regionCode: '32.15' },
  ],
  ramadan: [{ from: '2026-02-18', to: '2026-03-19' }],
};
const fiveDay = defaultSchedules[0] as Schedule;

describe('holidayOn', () => {
  it.each([
    { date: '2026-01-01', region: '36.03', holiday: 'Tahun Baru' },
    { date: '2026-03-09', region: '32.15', holiday: 'Hari Jadi' },
    { date: '2026-03-09', region: '32.15.01', holiday: 'Hari Jadi' },
    { date: '2026-03-09', region: '32.16', holiday: null },
    { date: '2026-03-09', region: '32.1', holiday: null },
  ])('$date in $region → $holiday', ({ date, region, holiday }) => {
    expect(holidayOn(calendar, date, region)?.name ?? null).toBe(holiday);
  });
  it('knows Ramadan', () => {
    expect([isRamadan(calendar, '2026-02-17'), isRamadan(calendar, '2026-02-18'), isRamadan(calendar, '2026-03-19'), isRamadan(calendar, '2026-03-20')]).toEqual([false, true, true, false]);
  });
});

describe('workingHoursOn', () => {
  it.each([
    { date: '2026-06-01', hours: [450, 960] }, // Monday 07:30–16:00
    { date: '2026-06-05', hours: [450, 990] }, // Friday 07:30–16:30
    { date: '2026-06-06', hours: null }, // Saturday
    { date: '2026-03-02', hours: [480, 900] }, // Monday in Ramadan 08:00–15:00
    { date: '2026-03-06', hours: [480, 930] }, // Friday in Ramadan 08:00–15:30
  ])('5-day schedule on $date', ({ date, hours }) => {
    const window = workingHoursOn(fiveDay, date, calendar);
    expect(window === null ? null : [window.start, window.end]).toEqual(hours);
  });
  it('a night shift ends on the next day', () => {
    expect(workingHoursOn(defaultSchedules[2] as Schedule, '2026-06-01', calendar)).toEqual({ start: 1260, end: 1860, crossesMidnight: true });
  });
});

describe('assignmentOn (effective dates)', () => {
  const assignments = [
    { scheduleId: 'LIMA_HARI', effectiveFrom: '2025-01-01', effectiveTo: null },
    { scheduleId: 'SHIFT_MALAM', effectiveFrom: '2026-06-01', effectiveTo: '2026-06-30' },
  ];
  it.each([
    { date: '2024-12-31', schedule: null },
    { date: '2025-06-01', schedule: 'LIMA_HARI' },
    { date: '2026-06-01', schedule: 'SHIFT_MALAM' },
    { date: '2026-06-30', schedule: 'SHIFT_MALAM' },
    { date: '2026-07-01', schedule: 'LIMA_HARI' },
  ])('$date → $schedule', ({ date, schedule }) => {
    expect(assignmentOn(assignments, date)?.scheduleId ?? null).toBe(schedule);
  });
});

describe('scheduleProblems', () => {
  it('accepts the defaults', () => {
    for (const schedule of defaultSchedules) expect(scheduleProblems(schedule)).toEqual([]);
  });
  it.each([
    { name: 'six days', week: [null, null, null, null, null, null], problem: '7 hari' },
    { name: 'bad clock', week: [null, { start: '7:30', end: '16:00' }, null, null, null, null, null], problem: 'HH:MM' },
    { name: 'no working day', week: [null, null, null, null, null, null, null], problem: 'tidak ada hari kerja' },
    { name: 'an 18-hour day', week: [null, { start: '06:00', end: '00:00' }, null, null, null, null, null], problem: 'lebih dari 16 jam' },
  ])('refuses $name', ({ week, problem }) => {
    expect(scheduleProblems({ week }).join(' ')).toContain(problem);
  });
});
