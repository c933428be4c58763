// Work schedules as data (DOMAIN.md "Attendance and discipline": separate Friday and Ramadan hours,
// shifts): hours per weekday, optional Ramadan hours per weekday, night shifts whose end is on the next
// day, and assignments per employee with effective dates.
import { isRamadan, type Calendar } from './calendar.ts';
import { DAY_MINUTES, parseClock, weekdayOf } from './office-time.ts';

/** "HH:MM" start and end; an end at or before the start ends on the next day (night shift). */
export interface WorkingHours {
  readonly start: string;
  readonly end: string;
}

/** Index 0 = Sunday … 6 = Saturday; null = not a working day. */
export type WeekHours = readonly (WorkingHours | null)[];

export interface Schedule {
  readonly id: string;
  readonly name: string;
  readonly week: WeekHours;
  /** Hours during Ramadan (per weekday); absent = the normal week applies. */
  readonly ramadanWeek?: WeekHours | null;
  /** Shift rosters (hospitals, fire brigade) work on holidays; office schedules do not. */
  readonly worksOnHolidays?: boolean;
}

export interface ScheduleAssignment {
  readonly scheduleId: string;
  readonly effectiveFrom: string;
  /** Last day in force; null = open-ended. */
  readonly effectiveTo: string | null;
}

/** A day's hours in minutes after the day's local midnight; `end` > 1440 when the shift crosses midnight. */
export interface ShiftWindow {
  readonly start: number;
  readonly end: number;
  readonly crossesMidnight: boolean;
}

/** The assignment in force on a date: the latest effectiveFrom on or before it that has not ended. */
export function assignmentOn<T extends ScheduleAssignment>(assignments: readonly T[], date: string): T | null {
  let best: T | null = null;
  for (const assignment of assignments) {
    if (assignment.effectiveFrom > date) continue;
    if (assignment.effectiveTo !== null && assignment.effectiveTo < date) continue;
    if (best === null || assignment.effectiveFrom > best.effectiveFrom) best = assignment;
  }
  return best;
}

export function shiftWindowOf(hours: WorkingHours): ShiftWindow {
  const start = parseClock(hours.start);
  let end = parseClock(hours.end);
  const crossesMidnight = end <= start;
  if (crossesMidnight) end += DAY_MINUTES;
  return { start, end, crossesMidnight };
}

/** The hours a schedule sets on a date (Ramadan hours in Ramadan), or null when it is not a working day. */
export function workingHoursOn(schedule: Schedule, date: string, calendar: Calendar): ShiftWindow | null {
  const weekday = weekdayOf(date);
  const week = schedule.ramadanWeek && isRamadan(calendar, date) ? schedule.ramadanWeek : schedule.week;
  const hours = week[weekday] ?? null;
  return hours === null ? null : shiftWindowOf(hours);
}

/** Problems with a schedule definition (empty = valid), in Bahasa Indonesia for the admin who entered it. */
export function scheduleProblems(schedule: Pick<Schedule, 'week' | 'ramadanWeek'>): string[] {
  const problems: string[] = [];
  const check = (week: WeekHours, label: string) => {
    if (week.length !== 7) problems.push(`${label}: harus 7 hari (Minggu sampai Sabtu)`);
    week.forEach((hours, index) => {
      if (hours === null) return;
      try {
        const window = shiftWindowOf(hours);
        if (window.end - window.start > 16 * 60) problems.push(`${label}: hari ke-${index} lebih dari 16 jam`);
      } catch {
        problems.push(`${label}: jam hari ke-${index} harus berformat HH:MM`);
      }
    });
    if (week.every((hours) => hours === null)) problems.push(`${label}: tidak ada hari kerja`);
  };
  check(schedule.week, 'Jadwal');
  if (schedule.ramadanWeek) check(schedule.ramadanWeek, 'Jadwal Ramadan');
  return problems;
}

const FIVE_DAY: WorkingHours = { start: '07:30', end: '16:00' };
const FIVE_DAY_FRIDAY: WorkingHours = { start: '07:30', end: '16:30' };
const RAMADAN: WorkingHours = { start: '08:00', end: '15:00' };
const RAMADAN_FRIDAY: WorkingHours = { start: '08:00', end: '15:30' };

/**
 * Defaults seeded for every instansi (each may replace them): a 5-day week with a longer Friday (the
 * Friday prayer break), a 6-day week, and a night shift; Ramadan hours shorter.
 */
export const defaultSchedules: readonly Schedule[] = [
  {
    id: 'LIMA_HARI',
    name: '5 hari kerja',
    week: [null, FIVE_DAY, FIVE_DAY, FIVE_DAY, FIVE_DAY, FIVE_DAY_FRIDAY, null],
    ramadanWeek: [null, RAMADAN, RAMADAN, RAMADAN, RAMADAN, RAMADAN_FRIDAY, null],
  },
  {
    id: 'ENAM_HARI',
    name: '6 hari kerja',
    week: [null, ...Array.from({ length: 4 }, () => ({ start: '07:30', end: '14:30' })), { start: '07:30', end: '11:30' }, { start: '07:30', end: '13:00' }],
  },
  {
    id: 'SHIFT_MALAM',
    name: 'Shift malam',
    week: Array.from({ length: 7 }, () => ({ start: '21:00', end: '07:00' })),
    worksOnHolidays: true,
  },
];
