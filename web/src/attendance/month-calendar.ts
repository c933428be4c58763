// "Kehadiran Saya": a month as weeks of seven days (Monday first, as Indonesian office calendars are
// printed), each day coloured by its status family, and the days whose status needs a reason.
import type { AttendanceDayView } from '../graphql/documents/attendance.ts';

export type StatusTone = 'present' | 'late' | 'early' | 'absent' | 'leave' | 'off' | 'pending';

/** The colour family of a status: TL late, PSW early, TK absent, absences leave, LIBUR off. */
export function statusTone(status: string): StatusTone {
  if (status === 'HADIR') return 'present';
  if (status.startsWith('TL')) return 'late';
  if (status.startsWith('PSW')) return 'early';
  if (status === 'TK') return 'absent';
  if (status === 'LIBUR') return 'off';
  if (status === 'BELUM_PRESENSI') return 'pending';
  return 'leave';
}

export interface CalendarCell {
  /** YYYY-MM-DD */
  readonly date: string;
  readonly dayOfMonth: number;
  /** Null for a day after today (nothing known yet). */
  readonly day: AttendanceDayView | null;
}

const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(value: string | null | undefined): value is string {
  return typeof value === 'string' && MONTH_PATTERN.test(value);
}

/** The month `delta` months after `month` (YYYY-MM). */
export function shiftMonth(month: string, delta: number): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const shifted = new Date(Date.UTC(year, monthNumber - 1 + delta, 1));
  return shifted.toISOString().slice(0, 7);
}

/** The current month in WIB (the month a person in Indonesia's most populous zone is in). */
export function currentMonth(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 7);
}

/** Weeks of the month, Monday first; cells before the 1st and after the last day are null. */
export function calendarWeeks(month: string, days: readonly AttendanceDayView[]): (CalendarCell | null)[][] {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const length = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  const byDate = new Map(days.map((day) => [day.date, day]));
  // getUTCDay: 0 = Sunday; Monday-first column of the 1st.
  const lead = (new Date(Date.UTC(year, monthNumber - 1, 1)).getUTCDay() + 6) % 7;
  const cells: (CalendarCell | null)[] = Array.from({ length: lead }, () => null);
  for (let d = 1; d <= length; d += 1) {
    const date = `${month}-${String(d).padStart(2, '0')}`;
    cells.push({ date, dayOfMonth: d, day: byDate.get(date) ?? null });
  }
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (CalendarCell | null)[][] = [];
  for (let start = 0; start < cells.length; start += 7) weeks.push(cells.slice(start, start + 7));
  return weeks;
}

/** Days with a TL, PSW or TK code, whose reason the employee should see spelled out. */
export function daysToExplain(days: readonly AttendanceDayView[]): AttendanceDayView[] {
  return days.filter((day) => day.codes.some((code) => code === 'TK' || code.startsWith('TL') || code.startsWith('PSW')));
}
