// Everything the daily status of a set of employees and dates depends on, read set-based: one statement
// per kind of input whatever the number of employees (the ingest path recomputes days in batches).
import type { AbsencePeriod, AbsenceType } from '../domain/absence.ts';
import type { BandTable } from '../domain/bands.ts';
import { holidayOn, type Calendar, type CalendarDay, type CalendarDayKind } from '../domain/calendar.ts';
import type { CaptureKind } from '../domain/daily-status.ts';
import type { Schedule, ScheduleAssignment, WeekHours } from '../domain/schedule.ts';
import { inList, isoDate, queryBound, queryRows, type Em } from './sql.ts';

export interface EmployeePlace {
  employeeId: string;
  regionCode: string;
  instansiId: string | null;
  officeId: string | null;
  /** The office's zone; Asia/Jakarta for an employee not yet placed at an office. */
  timeZone: string;
}

export const DEFAULT_TIME_ZONE = 'Asia/Jakarta';

export async function findEmployeePlaces(em: Em, employeeIds: readonly string[]): Promise<Map<string, EmployeePlace>> {
  const rows = await queryBound<{ employee_id: string; region_code: string; instansi_id: string | null; office_id: string | null; time_zone: string | null }>(
    em,
    `select e.employee_id, e.region_code, e.instansi_id, o.id as office_id, o.time_zone
     from employee e left join employee_office eo on eo.employee_id = e.employee_id left join office o on o.id = eo.office_id
     where e.employee_id = any($1::text[])`,
    [[...employeeIds]],
  );
  return new Map(
    rows.map((row) => [
      row.employee_id,
      { employeeId: row.employee_id, regionCode: row.region_code, instansiId: row.instansi_id, officeId: row.office_id, timeZone: row.time_zone ?? DEFAULT_TIME_ZONE },
    ]),
  );
}

export async function loadSchedules(em: Em): Promise<Map<string, Schedule>> {
  const rows = await queryRows<{ id: string; name: string; week: WeekHours; ramadan_week: WeekHours | null; works_on_holidays: boolean }>(
    em,
    'select id, name, week, ramadan_week, works_on_holidays from schedule',
  );
  return new Map(rows.map((row) => [row.id, { id: row.id, name: row.name, week: row.week, ramadanWeek: row.ramadan_week, worksOnHolidays: row.works_on_holidays }]));
}

export async function findAssignments(em: Em, employeeIds: readonly string[]): Promise<Map<string, ScheduleAssignment[]>> {
  const rows = await queryBound<{ employee_id: string; schedule_id: string; effective_from: string | Date; effective_to: string | Date | null }>(
    em,
    'select employee_id, schedule_id, effective_from::text as effective_from, effective_to::text as effective_to from schedule_assignment where employee_id = any($1::text[])',
    [[...employeeIds]],
  );
  const byEmployee = new Map<string, ScheduleAssignment[]>();
  for (const row of rows) {
    const list = byEmployee.get(row.employee_id) ?? [];
    list.push({ scheduleId: row.schedule_id, effectiveFrom: isoDate(row.effective_from), effectiveTo: row.effective_to === null ? null : isoDate(row.effective_to) });
    byEmployee.set(row.employee_id, list);
  }
  return byEmployee;
}

export async function loadCalendar(em: Em, from: string, to: string): Promise<Calendar> {
  const [days, ramadan] = await Promise.all([
    queryRows<{ date: string | Date; region_code: string; kind: CalendarDayKind; name: string }>(
      em,
      'select date::text as date, region_code, kind, name from calendar_day where date between ? and ?',
      [from, to],
    ),
    queryRows<{ from_date: string | Date; to_date: string | Date }>(em, 'select from_date::text as from_date, to_date::text as to_date from ramadan_period where to_date >= ? and from_date <= ?', [from, to]),
  ]);
  return {
    days: days.map((row) => ({ date: isoDate(row.date), regionCode: row.region_code, kind: row.kind, name: row.name })),
    ramadan: ramadan.map((row) => ({ from: isoDate(row.from_date), to: isoDate(row.to_date) })),
  };
}

export interface CaptureInstant {
  employeeId: string;
  at: Date;
  kind: CaptureKind;
}

export async function findCaptureInstants(em: Em, employeeIds: readonly string[], from: Date, to: Date): Promise<Map<string, CaptureInstant[]>> {
  const rows = await queryBound<{ employee_id: string; captured_at: string | Date; kind: CaptureKind }>(
    em,
    'select employee_id, captured_at, kind from capture where employee_id = any($1::text[]) and captured_at >= $2 and captured_at < $3 order by captured_at',
    [[...employeeIds], from.toISOString(), to.toISOString()],
  );
  const byEmployee = new Map<string, CaptureInstant[]>();
  for (const row of rows) {
    const list = byEmployee.get(row.employee_id) ?? [];
    list.push({ employeeId: row.employee_id, at: new Date(row.captured_at), kind: row.kind });
    byEmployee.set(row.employee_id, list);
  }
  return byEmployee;
}

export async function findApprovedAbsences(em: Em, employeeIds: readonly string[], from: string, to: string): Promise<Map<string, AbsencePeriod[]>> {
  const rows = await queryBound<{ id: string; employee_id: string; type: AbsenceType; from_date: string | Date; to_date: string | Date }>(
    em,
    `select id, employee_id, type, from_date::text as from_date, to_date::text as to_date from absence_request
     where employee_id = any($1::text[]) and state = 'APPROVED' and to_date >= $2 and from_date <= $3`,
    [[...employeeIds], from, to],
  );
  const byEmployee = new Map<string, AbsencePeriod[]>();
  for (const row of rows) {
    const list = byEmployee.get(row.employee_id) ?? [];
    list.push({ id: row.id, type: row.type, from: isoDate(row.from_date), to: isoDate(row.to_date), state: 'APPROVED' });
    byEmployee.set(row.employee_id, list);
  }
  return byEmployee;
}

/** The calendar days of a year that apply in `regionCode` (national ones and those of enclosing regions). */
export async function listCalendarDays(em: Em, year: number, regionCode: string): Promise<CalendarDay[]> {
  const calendar = await loadCalendar(em, `${year}-01-01`, `${year}-12-31`);
  return calendar.days.filter((day) => holidayOn({ days: [day], ramadan: [] }, day.date, regionCode) !== null).sort((a, b) => a.date.localeCompare(b.date) || a.regionCode.localeCompare(b.regionCode));
}

export interface BandRule extends BandTable {
  instansiId: string;
  effectiveFrom: string;
}

/** Band tables of the instansi given, every effective date (few rows per instansi). */
export async function findBandRules(em: Em, instansiIds: readonly string[]): Promise<Map<string, BandRule[]>> {
  const rows = await queryRows<{ instansi_id: string; effective_from: string; upper_bounds: number[]; missing_band: number; make_up_minutes: number }>(
    em,
    'select instansi_id, effective_from::text as effective_from, upper_bounds, missing_band, make_up_minutes from discipline_rule where instansi_id in (?) order by effective_from',
    [inList(instansiIds)],
  );
  const byInstansi = new Map<string, BandRule[]>();
  for (const row of rows) {
    const list = byInstansi.get(row.instansi_id) ?? [];
    list.push({ instansiId: row.instansi_id, effectiveFrom: row.effective_from, upperBounds: row.upper_bounds, missingBand: row.missing_band, makeUpMinutes: row.make_up_minutes });
    byInstansi.set(row.instansi_id, list);
  }
  return byInstansi;
}
