// The holiday calendar and work schedules as data (DOMAIN.md "Attendance and discipline": cuti bersama from
// the yearly calendar; separate Friday and Ramadan hours): national days by a national admin, regional
// days by the region's admin; a change recomputes the day statuses already computed for that date (and
// publishes a new recap version where that month is closed).
import type { Viewer } from '@kinerja/kit/auth';
import { badUserInput, conflict, notFound } from '@kinerja/kit/errors';
import type { CalendarDayKind } from '../domain/calendar.ts';
import { monthOf } from '../domain/month.ts';
import { addDays, isValidDate } from '../domain/office-time.ts';
import { bandTableProblems } from '../domain/bands.ts';
import { scheduleProblems, type WeekHours } from '../domain/schedule.ts';
import { queryBound, queryRows, run, type Em } from '../repositories/sql.ts';
import { reviseClosedMonth } from './month-close.ts';
import { recomputeDays } from './recompute-days.ts';
import { assertAdminOf, viewerRegionOf } from './scope.ts';

const REGION_CODE_PATTERN = /^(ID|\d{2}(\.\d{2}){0,3})$/;
const PAGE = 1000;

function assertCalendarScope(viewer: Viewer, kind: CalendarDayKind, regionCode: string): void {
  if (!REGION_CODE_PATTERN.test(regionCode)) throw badUserInput(`Kode wilayah ${regionCode} tidak valid`, 'invalid_region_code', { field: 'regionCode' });
  if ((kind === 'LIBUR_DAERAH') === (regionCode === 'ID')) {
    throw badUserInput('Libur daerah berlaku untuk satu wilayah; libur nasional dan cuti bersama untuk ID', 'invalid_calendar_scope', { field: 'regionCode' });
  }
  assertAdminOf(viewer, regionCode);
}

/** Recomputes, page by page, the statuses already stored for `date` of employees in `regionCode`. */
async function recomputeDate(em: Em, date: string, regionCode: string, now: Date): Promise<void> {
  const like = regionCode === 'ID' ? '%' : `${regionCode}%`;
  let after = '';
  for (;;) {
    const rows = await queryRows<{ employee_id: string }>(
      em,
      `select d.employee_id from day_status d join employee e on e.employee_id = d.employee_id
       where d.date = ? and (e.region_code = ? or e.region_code like ?) and d.employee_id > ? order by d.employee_id limit ?`,
      [date, regionCode, like === '%' ? '%' : `${regionCode}.%`, after, PAGE],
    );
    if (rows.length === 0) return;
    after = rows[rows.length - 1]?.employee_id ?? after;
    await em.transactional(async (tx) => {
      await recomputeDays(tx, rows.map((row) => ({ employeeId: row.employee_id, date })), now);
      // A closed month gets a new recap version, as after a correction.
      for (const row of rows) await reviseClosedMonth(tx, row.employee_id, monthOf(date), `Kalender ${date} diubah`, 'system:calendar', now);
    });
  }
}

export async function addCalendarDay(em: Em, viewer: Viewer, input: { date: string; kind: CalendarDayKind; name: string; regionCode: string }, now: Date): Promise<void> {
  assertCalendarScope(viewer, input.kind, input.regionCode);
  if (!isValidDate(input.date)) throw badUserInput('Tanggal harus YYYY-MM-DD', 'invalid_date', { field: 'date' });
  const name = input.name.trim();
  if (name.length < 3 || name.length > 200) throw badUserInput('Nama hari libur harus 3–200 karakter', 'invalid_name', { field: 'name' });
  await em.transactional(async (tx) => {
    const [existing] = await queryRows(tx, 'select 1 from calendar_day where date = ? and region_code = ?', [input.date, input.regionCode]);
    if (existing !== undefined) throw conflict(`Tanggal ${input.date} sudah ada di kalender ${input.regionCode}`, 'calendar_day_exists');
    await run(tx, 'insert into calendar_day (date, region_code, kind, name) values (?, ?, ?, ?)', [input.date, input.regionCode, input.kind, name]);
  });
  await recomputeDate(em, input.date, input.regionCode, now);
}

export async function removeCalendarDay(em: Em, viewer: Viewer, date: string, regionCode: string, now: Date): Promise<void> {
  const [row] = isValidDate(date) ? await queryRows<{ kind: CalendarDayKind }>(em, 'select kind from calendar_day where date = ? and region_code = ?', [date, regionCode]) : [];
  if (row === undefined) throw notFound(`Tanggal ${date} tidak ada di kalender ${regionCode}`, 'calendar_day_not_found');
  assertCalendarScope(viewer, row.kind, regionCode);
  await em.transactional((tx) => run(tx, 'delete from calendar_day where date = ? and region_code = ?', [date, regionCode]));
  await recomputeDate(em, date, regionCode, now);
}

export interface DefineScheduleInput {
  id: string;
  name: string;
  instansiId?: string | null;
  week: readonly ({ start: string; end: string } | null)[];
  ramadanWeek?: readonly ({ start: string; end: string } | null)[] | null;
  worksOnHolidays?: boolean | null;
}

/** A new schedule (schedules are never edited: a change is a new schedule assigned from a date). */
export async function defineWorkSchedule(em: Em, viewer: Viewer, input: DefineScheduleInput): Promise<string> {
  viewerRegionOf(viewer);
  if (!/^[A-Z0-9_]{3,40}$/.test(input.id)) throw badUserInput('Kode jadwal harus 3–40 huruf besar, angka atau _', 'invalid_schedule_id', { field: 'id' });
  const name = input.name.trim();
  if (name.length < 3 || name.length > 200) throw badUserInput('Nama jadwal harus 3–200 karakter', 'invalid_name', { field: 'name' });
  const week = input.week as WeekHours;
  const ramadanWeek = (input.ramadanWeek ?? null) as WeekHours | null;
  const problems = scheduleProblems({ week, ramadanWeek });
  if (problems.length > 0) throw badUserInput(problems.join('; '), 'invalid_schedule', { problems });
  await em.transactional(async (tx) => {
    const [existing] = await queryRows(tx, 'select 1 from schedule where id = ?', [input.id]);
    if (existing !== undefined) throw conflict(`Jadwal ${input.id} sudah ada; buat kode baru untuk jadwal yang berubah`, 'schedule_exists');
    await run(tx, 'insert into schedule (id, instansi_id, name, week, ramadan_week, works_on_holidays) values (?, ?, ?, ?::jsonb, ?::jsonb, ?)', [
      input.id,
      input.instansiId?.trim() || null,
      name,
      JSON.stringify(week),
      ramadanWeek === null ? null : JSON.stringify(ramadanWeek),
      input.worksOnHolidays ?? false,
    ]);
  });
  return input.id;
}

/**
 * Sets the TL/PSW band table of an instansi from a date (admin-kepegawaian of the instansi's region).
 * Stored statuses of its employees from that date on (within the open months) are recomputed.
 */
export async function setDisciplineRule(
  em: Em,
  viewer: Viewer,
  input: { instansiId: string; effectiveFrom: string; upperBounds: readonly number[]; missingBand: number; makeUpMinutes?: number | null },
  now: Date,
): Promise<void> {
  const [scope] = await queryRows<{ region_code: string }>(em, 'select region_code from org_unit_scope where unit_id = ?', [input.instansiId]);
  if (scope === undefined) throw notFound(`Instansi ${input.instansiId} tidak dikenal`, 'instansi_not_found');
  assertAdminOf(viewer, scope.region_code);
  if (!isValidDate(input.effectiveFrom)) throw badUserInput('Tanggal berlaku harus YYYY-MM-DD', 'invalid_date', { field: 'effectiveFrom' });
  const table = { upperBounds: [...input.upperBounds], missingBand: input.missingBand, makeUpMinutes: input.makeUpMinutes ?? 0 };
  const problems = bandTableProblems(table);
  if (problems.length > 0) throw badUserInput(problems.join('; '), 'invalid_band_table', { problems });
  await em.transactional(async (tx) => {
    await run(
      tx,
      `insert into discipline_rule (instansi_id, effective_from, upper_bounds, missing_band, make_up_minutes, set_by) values (?, ?, ?::jsonb, ?, ?, ?)
       on conflict (instansi_id, effective_from) do update set upper_bounds = excluded.upper_bounds, missing_band = excluded.missing_band,
         make_up_minutes = excluded.make_up_minutes, set_by = excluded.set_by, set_at = now()`,
      [input.instansiId, input.effectiveFrom, JSON.stringify(table.upperBounds), table.missingBand, table.makeUpMinutes, viewer.username],
    );
  });
  const from = input.effectiveFrom > addDays(now.toISOString().slice(0, 10), -62) ? input.effectiveFrom : addDays(now.toISOString().slice(0, 10), -62);
  let after = { employeeId: '', date: '' };
  for (;;) {
    const rows = await queryRows<{ employee_id: string; date: string }>(
      em,
      `select d.employee_id, d.date::text as date from day_status d join employee e on e.employee_id = d.employee_id
       where e.instansi_id = ? and d.date >= ? and (d.employee_id, d.date) > (?, ?::date) order by d.employee_id, d.date limit ?`,
      [input.instansiId, from, after.employeeId, after.date || '0001-01-01', PAGE],
    );
    const last = rows[rows.length - 1];
    if (last === undefined) return;
    after = { employeeId: last.employee_id, date: last.date };
    await em.transactional((tx) => recomputeDays(tx, rows.map((row) => ({ employeeId: row.employee_id, date: row.date })), now));
  }
}

export interface RamadanPeriod {
  year: number;
  from: string;
  to: string;
}

/** Ramadan lasts 29 or 30 days; a longer span is a typo. */
const MAX_RAMADAN_DAYS = 30;

function daysBetween(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) dates.push(date);
  return dates;
}

export async function findRamadanPeriod(em: Em, year: number): Promise<RamadanPeriod | null> {
  const [row] = await queryRows<{ from_date: string; to_date: string }>(
    em,
    'select from_date::text as from_date, to_date::text as to_date from ramadan_period where from_date between ? and ?',
    [`${year}-01-01`, `${year}-12-31`],
  );
  return row === undefined ? null : { year, from: row.from_date, to: row.to_date };
}

/**
 * Sets the year's Ramadan period (calendar data: a national admin), replacing the one set before, and
 * recomputes the stored statuses of the days entering or leaving it, page by page, in months not closed
 * for the employee (a closed month keeps its recap).
 */
export async function setRamadanPeriod(em: Em, viewer: Viewer, input: RamadanPeriod, now: Date): Promise<RamadanPeriod> {
  assertAdminOf(viewer, 'ID');
  if (!Number.isInteger(input.year) || input.year < 2000 || input.year > 2100) throw badUserInput('Tahun harus 2000–2100', 'invalid_year', { field: 'year' });
  if (!isValidDate(input.from) || !isValidDate(input.to)) throw badUserInput('Tanggal harus YYYY-MM-DD', 'invalid_date');
  if (input.from.slice(0, 4) !== String(input.year)) throw badUserInput(`Ramadan ${input.year} harus dimulai pada tahun ${input.year}`, 'ramadan_outside_year', { field: 'from' });
  const dates = input.from <= input.to ? daysBetween(input.from, input.to) : [];
  if (dates.length === 0 || dates.length > MAX_RAMADAN_DAYS) {
    throw badUserInput(`Ramadan berlangsung 1–${MAX_RAMADAN_DAYS} hari, dari tanggal mulai sampai tanggal selesai`, 'invalid_ramadan_period');
  }
  const previous = await em.transactional(async (tx) => {
    const before = await findRamadanPeriod(tx, input.year);
    await run(tx, 'delete from ramadan_period where from_date between ? and ?', [`${input.year}-01-01`, `${input.year}-12-31`]);
    const [overlap] = await queryRows<{ from_date: string }>(tx, 'select from_date::text as from_date from ramadan_period where from_date <= ? and to_date >= ?', [input.to, input.from]);
    if (overlap !== undefined) throw conflict(`Periode bertumpang tindih dengan Ramadan yang dimulai ${overlap.from_date}`, 'ramadan_overlap');
    await run(tx, 'insert into ramadan_period (from_date, to_date) values (?, ?)', [input.from, input.to]);
    return before;
  });
  const old = new Set(previous === null ? [] : daysBetween(previous.from, previous.to));
  const changed = [...new Set([...old, ...dates])].filter((date) => old.has(date) !== dates.includes(date));
  let after = { employeeId: '', date: '0001-01-01' };
  for (;;) {
    const rows = await queryBound<{ employee_id: string; date: string }>(
      em,
      `select d.employee_id, d.date::text as date from day_status d
       where d.date = any($1::date[]) and (d.employee_id, d.date) > ($2, $3::date)
         and not exists (select 1 from attendance_recap r where r.employee_id = d.employee_id and r.month = to_char(d.date, 'YYYY-MM'))
       order by d.employee_id, d.date limit $4`,
      [changed, after.employeeId, after.date, PAGE],
    );
    const last = rows[rows.length - 1];
    if (last === undefined) break;
    after = { employeeId: last.employee_id, date: last.date };
    await em.transactional((tx) => recomputeDays(tx, rows.map((row) => ({ employeeId: row.employee_id, date: row.date })), now));
  }
  return { year: input.year, from: input.from, to: input.to };
}
