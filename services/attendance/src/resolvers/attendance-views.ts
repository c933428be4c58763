// The month and today of employees (a page of them at once): stored day statuses, and for days not computed yet (no capture
// arrived, e.g. a TK day) the same computation on the fly, so the view never shows a gap.
import { countCodes } from '../domain/recap.ts';
import { datesOfMonth } from '../domain/month.ts';
import { addDays, instantAt, localDateOf } from '../domain/office-time.ts';
import { computeDays } from '../commands/recompute-days.ts';
import { findCapturesOfEmployees, findDayStatusesOfEmployees, type CaptureRow, type DayStatusRow } from '../repositories/capture-rows.ts';
import { findEmployeePlaces, type EmployeePlace } from '../repositories/day-inputs.ts';
import type { Em } from '../repositories/sql.ts';
import type { DayParent, MonthParent } from './parents.ts';

function attachCaptures(days: DayStatusRow[], captures: CaptureRow[], zone: string): DayParent[] {
  return days.map((day) => {
    const from = day.firstIn ?? instantAt(day.date, 0, zone).toISOString();
    const to = day.lastOut ?? instantAt(addDays(day.date, 1), 0, zone).toISOString();
    return { ...day, captures: captures.filter((capture) => capture.capturedAt >= from && capture.capturedAt <= to) };
  });
}

/**
 * The days of several employees (each in their office's time zone, up to their today), in a constant number
 * of statements however many employees: places, stored statuses and captures are read for all of them at
 * once, and the days not stored yet are computed together.
 */
export async function daysOfEmployees(em: Em, employeeIds: readonly string[], dates: readonly string[], now: Date): Promise<Map<string, DayParent[]>> {
  const result = new Map<string, DayParent[]>(employeeIds.map((id) => [id, []]));
  if (employeeIds.length === 0 || dates.length === 0) return result;
  const places = await findEmployeePlaces(em, employeeIds);
  const wanted = new Map<string, string[]>();
  for (const [employeeId, place] of places) {
    const today = localDateOf(now, place.timeZone);
    const own = dates.filter((date) => date <= today);
    if (own.length > 0) wanted.set(employeeId, own);
  }
  if (wanted.size === 0) return result;
  const ids = [...wanted.keys()];
  const allDates = [...wanted.values()].flat().sort();
  const first = allDates[0] as string;
  const last = allDates[allDates.length - 1] as string;
  const stored = new Map((await findDayStatusesOfEmployees(em, ids, first, last)).map((row) => [`${row.employeeId}|${row.date}`, row]));
  const missing = [...wanted].flatMap(([employeeId, own]) =>
    own.filter((date) => stored.get(`${employeeId}|${date}`)?.provisional !== false).map((date) => ({ employeeId, date })),
  );
  for (const day of await computeDays(em, missing, now, places)) {
    stored.set(`${day.employeeId}|${day.date}`, { ...day, firstIn: day.firstIn?.toISOString() ?? null, lastOut: day.lastOut?.toISOString() ?? null, codes: [...day.codes] });
  }
  // One window wide enough for every time zone (WIB to WIT): each employee's captures are cut to their own days below.
  const captures = await findCapturesOfEmployees(em, ids, instantAt(first, -6 * 60 - 120, 'Asia/Jakarta'), instantAt(addDays(last, 1), 14 * 60, 'Asia/Jakarta'));
  for (const [employeeId, own] of wanted) {
    const zone = (places.get(employeeId) as EmployeePlace).timeZone;
    const rows = own.map((date) => stored.get(`${employeeId}|${date}`)).filter((row): row is DayStatusRow => row !== undefined);
    result.set(employeeId, attachCaptures(rows, captures.filter((capture) => capture.employeeId === employeeId), zone));
  }
  return result;
}

/** Employee.attendance(month) of every employee of a request at once. */
export async function monthsOf(em: Em, employeeIds: readonly string[], month: string, now: Date): Promise<MonthParent[]> {
  const days = await daysOfEmployees(em, employeeIds, datesOfMonth(month), now);
  return employeeIds.map((employeeId) => ({ employeeId, month, days: days.get(employeeId) ?? [] }));
}

/** Employee.attendanceToday of every employee of a request at once (today in each employee's own time zone). */
export async function todaysOf(em: Em, employeeIds: readonly string[], now: Date): Promise<(DayParent | null)[]> {
  // Today is one of two or three dates across Indonesia's zones; each employee keeps only their own.
  const dates = [...new Set(['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'].map((zone) => localDateOf(now, zone)))].sort();
  const [places, days] = await Promise.all([findEmployeePlaces(em, employeeIds), daysOfEmployees(em, employeeIds, dates, now)]);
  return employeeIds.map((employeeId) => {
    const place = places.get(employeeId);
    if (place === undefined) return null;
    const today = localDateOf(now, place.timeZone);
    return (days.get(employeeId) ?? []).find((day) => day.date === today) ?? null;
  });
}

export const countsOf = (month: MonthParent) => countCodes(month.days);
