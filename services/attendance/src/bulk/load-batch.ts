// Attendance's bulk path: loads the generated dataset (tools/seed: employees, units and each employee's
// day outcomes) as the service itself would hold it after a month and a half of real use: the employee
// read model and unit scopes (what personnel.employee.v1 would have built), an office with a geofence and
// a fingerprint device per OPD, a device PIN and the default schedule per employee, the seed's holidays,
// device captures that give each day's outcome, approved absence requests for the absence runs, the day
// statuses computed by the service's own domain functions (and checked against the outcomes: a mismatch
// fails the batch), the attendance-today counters of those days, and the previous month closed (recap
// version 1). Nothing goes to the outbox: remuneration's seed reads the same outcomes.
//
// Set-based SQL (INSERT … SELECT FROM unnest(…) with bind parameters), one transaction per batch.
// Idempotent: ids are derived from natural keys, every insert is ON CONFLICT DO NOTHING, and the
// counters are incremented only by day rows this run actually inserted.
import { createHash } from 'node:crypto';
import { approvedAbsenceOn, type AbsencePeriod, type AbsenceType } from '../domain/absence.ts';
import { bandsOn, type BandTable } from '../domain/bands.ts';
import { holidayOn, type Calendar, type CalendarDay } from '../domain/calendar.ts';
import { captureWindowOf, computeDayStatus, type DayCapture, type DayResult } from '../domain/daily-status.ts';
import { datesOfMonth } from '../domain/month.ts';
import { addDays, instantAt, localDateOf } from '../domain/office-time.ts';
import { countCodes, recapDigest } from '../domain/recap.ts';
import { workingHoursOn, type Schedule, type WeekHours } from '../domain/schedule.ts';
import { BUCKETS, bucketOf, emptyCounts, scopeKeysOf, shardOf, type BucketCounts } from '../domain/today-counts.ts';
import { DEFAULT_SCHEDULE_ID } from '../commands/recompute-days.ts';
import { minutesJitter, officeSite, zoneOfRegion } from './sites.ts';
import type { SqlClient } from './sql-client.ts';

export interface BulkUnit {
  id: string;
  name: string;
  kind: 'INSTANSI' | 'OPD' | 'BIDANG' | 'SEKSI';
  parentId: string | null;
  instansiId: string;
  regionCode: string;
}

export interface BulkEmployee {
  id: string;
  nip: string;
  name: string;
  regionCode: string;
  unitId: string;
  instansiId: string;
  supervisorId: string | null;
}

/** The day codes the seed produces (tools/seed/src/outcomes.ts). */
export type BulkDayCode = 'HADIR' | 'TL1' | 'TL2' | 'TL3' | 'TL4' | 'PSW1' | 'PSW2' | 'PSW3' | 'PSW4' | 'TK' | 'CUTI' | 'SAKIT' | 'IZIN' | 'DINAS_LUAR';

export interface BulkDay {
  date: string;
  codes: readonly BulkDayCode[];
  lateMinutes: number;
  earlyMinutes: number;
  missingIn: boolean;
  missingOut: boolean;
}

export interface BulkOutcome {
  employeeId: string;
  months: readonly { month: string; closed: boolean; days: readonly BulkDay[] }[];
}

export interface AttendanceBatch {
  units: readonly BulkUnit[];
  employees: readonly BulkEmployee[];
  /** Day outcomes per employee (any order; employees without one get no days). */
  outcomes: readonly BulkOutcome[];
  /** National holidays the outcomes treat as non-working days (tools/seed seedHolidays). */
  holidays: readonly { date: string; name: string }[];
}

export interface AttendanceBatchResult {
  employees: number;
  offices: number;
  captures: number;
  absences: number;
  days: number;
  recaps: number;
  /** Every row inserted, all tables. */
  rows: number;
}

/** Who the generated rows name as actor, so they can be told apart from real ones. */
export const BULK_ACTOR = 'seed';
/** Read-model rows are older than any real event, which therefore wins (as in the other services). */
const BULK_SNAPSHOT_TIME = '1970-01-01T00:00:00Z';
/** Statement size for the large tables (captures, days). */
const CHUNK = 20_000;

/** A UUID from a natural key (MD5 laid out as a UUID): the same key gives the same id on every run. */
export function bulkId(kind: string, key: string): string {
  const hex = createHash('md5').update(`attendance/${kind}/${key}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

const absenceTypeOfCode: Record<string, AbsenceType> = { CUTI: 'CUTI_TAHUNAN', SAKIT: 'SAKIT', IZIN: 'IZIN', DINAS_LUAR: 'DINAS_LUAR' };

interface Office {
  id: string;
  unit: BulkUnit;
  serial: string;
  latitude: number;
  longitude: number;
  zone: string;
  employees: BulkEmployee[];
}

interface Absence extends AbsencePeriod {
  employeeId: string;
  decidedBy: string;
}

interface Capture {
  employeeId: string;
  at: Date;
  kind: 'IN' | 'OUT';
  officeId: string;
  serial: string;
}

interface Day extends DayResult {
  employeeId: string;
  date: string;
}

/** The unit ids from the instansi down to the unit. */
function unitPathOf(unitId: string, units: ReadonlyMap<string, BulkUnit>): BulkUnit[] {
  const path: BulkUnit[] = [];
  for (let unit = units.get(unitId); unit !== undefined; unit = unit.parentId === null ? undefined : units.get(unit.parentId)) path.unshift(unit);
  return path;
}

/** Consecutive days of one absence code (a run of the outcomes) become one approved request. */
function absenceRuns(employee: BulkEmployee, outcome: BulkOutcome): Absence[] {
  const runs: Absence[] = [];
  for (const month of outcome.months) {
    // Whether the previous working day was part of a run (a run never continues across a working day between).
    let inRun = false;
    for (const day of month.days) {
      const type = day.codes.length === 1 ? absenceTypeOfCode[day.codes[0] as string] : undefined;
      const last = runs[runs.length - 1];
      if (type !== undefined && inRun && last !== undefined && last.type === type) {
        runs[runs.length - 1] = { ...last, to: day.date };
        continue;
      }
      inRun = type !== undefined;
      if (type !== undefined) {
        runs.push({ id: bulkId('absence', `${employee.id}/${day.date}`), employeeId: employee.id, type, from: day.date, to: day.date, state: 'APPROVED', decidedBy: employee.supervisorId ?? BULK_ACTOR });
      }
    }
  }
  return runs;
}

/** The device captures that give a day's outcome under the schedule's hours (none on absence and TK days). */
function capturesOf(employee: BulkEmployee, office: Office, day: BulkDay, start: number, end: number): Capture[] {
  const first = day.codes[0] as string;
  if (first === 'TK' || absenceTypeOfCode[first] !== undefined) return [];
  const captures: Capture[] = [];
  const capture = (minutes: number, kind: 'IN' | 'OUT') =>
    captures.push({ employeeId: employee.id, at: instantAt(day.date, minutes, office.zone), kind, officeId: office.id, serial: office.serial });
  if (!day.missingIn) capture(day.lateMinutes > 0 ? start + day.lateMinutes : start - minutesJitter(`in/${employee.id}/${day.date}`, 25), 'IN');
  if (!day.missingOut) capture(day.earlyMinutes > 0 ? end - day.earlyMinutes : end + minutesJitter(`out/${employee.id}/${day.date}`, 40), 'OUT');
  return captures;
}

async function loadServiceRules(db: SqlClient, instansiIds: readonly string[], from: string, to: string): Promise<{ schedule: Schedule; bands: Map<string, (BandTable & { effectiveFrom: string })[]>; calendar: Calendar }> {
  const scheduleRow = (await db.query('select id, name, week, ramadan_week, works_on_holidays from schedule where id = $1', [DEFAULT_SCHEDULE_ID])).rows[0] as
    | { id: string; name: string; week: WeekHours; ramadan_week: WeekHours | null; works_on_holidays: boolean }
    | undefined;
  if (!scheduleRow) throw new Error(`attendance database has no ${DEFAULT_SCHEDULE_ID} schedule; run its migrations first`);
  const bandRows = (
    await db.query(
      `select instansi_id, effective_from::text as effective_from, upper_bounds, missing_band, make_up_minutes from discipline_rule where instansi_id = any($1::text[])`,
      [[...instansiIds]],
    )
  ).rows as { instansi_id: string; effective_from: string; upper_bounds: number[]; missing_band: number; make_up_minutes: number }[];
  const bands = new Map<string, (BandTable & { effectiveFrom: string })[]>();
  for (const row of bandRows) {
    bands.set(row.instansi_id, [...(bands.get(row.instansi_id) ?? []), { effectiveFrom: row.effective_from, upperBounds: row.upper_bounds, missingBand: row.missing_band, makeUpMinutes: row.make_up_minutes }]);
  }
  const days = (await db.query('select date::text as date, region_code, kind, name from calendar_day where date between $1 and $2', [from, to])).rows as { date: string; region_code: string; kind: CalendarDay['kind']; name: string }[];
  const ramadan = (await db.query('select from_date::text as from_date, to_date::text as to_date from ramadan_period where to_date >= $1 and from_date <= $2', [from, to])).rows as { from_date: string; to_date: string }[];
  return {
    schedule: { id: scheduleRow.id, name: scheduleRow.name, week: scheduleRow.week, ramadanWeek: scheduleRow.ramadan_week, worksOnHolidays: scheduleRow.works_on_holidays },
    bands,
    calendar: { days: days.map((d) => ({ date: d.date, regionCode: d.region_code, kind: d.kind, name: d.name })), ramadan: ramadan.map((r) => ({ from: r.from_date, to: r.to_date })) },
  };
}

async function insertChunked<T>(db: SqlClient, rows: readonly T[], insert: (chunk: readonly T[]) => Promise<number>): Promise<number> {
  let inserted = 0;
  for (let start = 0; start < rows.length; start += CHUNK) inserted += await insert(rows.slice(start, start + CHUNK));
  return inserted;
}

export async function loadAttendanceBatch(db: SqlClient, batch: AttendanceBatch, now = new Date()): Promise<AttendanceBatchResult> {
  const units = new Map(batch.units.map((unit) => [unit.id, unit]));
  const outcomes = new Map(batch.outcomes.map((outcome) => [outcome.employeeId, outcome]));
  const allMonths = [...new Set(batch.outcomes.flatMap((o) => o.months.map((m) => m.month)))].sort();
  const firstMonth = allMonths[0];
  const result: AttendanceBatchResult = { employees: 0, offices: 0, captures: 0, absences: 0, days: 0, recaps: 0, rows: 0 };
  if (batch.employees.length === 0) return result;

  // Offices: one per OPD (employees directly under the instansi work at the instansi's own office).
  const offices = new Map<string, Office>();
  const officeOf = new Map<string, Office>();
  const paths = new Map<string, BulkUnit[]>();
  for (const employee of [...batch.employees].sort((a, b) => a.nip.localeCompare(b.nip))) {
    const path = unitPathOf(employee.unitId, units);
    paths.set(employee.id, path);
    const unit = path.find((u) => u.kind === 'OPD') ?? path[0] ?? { id: employee.instansiId, name: 'Kantor', kind: 'INSTANSI', parentId: null, instansiId: employee.instansiId, regionCode: employee.regionCode };
    let office = offices.get(unit.id);
    if (office === undefined) {
      const id = bulkId('office', unit.id);
      office = { id, unit, serial: `KNJ${id.replace(/-/g, '').slice(0, 10).toUpperCase()}`, zone: zoneOfRegion(unit.regionCode), employees: [], ...officeSite(unit.regionCode, unit.id) };
      offices.set(unit.id, office);
    }
    office.employees.push(employee);
    officeOf.set(employee.id, office);
  }

  // Every date from the first outcome month to today (the office's), weekends and holidays included.
  const today = localDateOf(now, 'Asia/Jakarta');
  const dates = firstMonth === undefined ? [] : [...datesOfMonth(firstMonth), ...allMonths.slice(1).flatMap((m) => datesOfMonth(m))].filter((date) => date <= today);
  const lastDate = dates[dates.length - 1] ?? today;

  await db.query('begin');
  try {
    const inserted = async (sql: string, params: unknown[]): Promise<number> => (await db.query(sql, params)).rowCount ?? 0;
    const employees = batch.employees;
    result.employees = await inserted(
      `insert into employee (employee_id, nip, name, region_code, unit_id, instansi_id, unit_path, supervisor_id, status, last_event_at)
       select e.id, e.nip, e.name, e.region_code, e.unit_id, e.instansi_id, array(select jsonb_array_elements_text(e.unit_path::jsonb)), e.supervisor_id, 'ACTIVE', $9::timestamptz
       from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
              as e(id, nip, name, region_code, unit_id, instansi_id, unit_path, supervisor_id)
       on conflict do nothing`,
      [
        employees.map((e) => e.id),
        employees.map((e) => e.nip),
        employees.map((e) => e.name),
        employees.map((e) => e.regionCode),
        employees.map((e) => e.unitId),
        employees.map((e) => e.instansiId),
        employees.map((e) => JSON.stringify((paths.get(e.id) ?? []).map((u) => u.id))),
        employees.map((e) => e.supervisorId),
        BULK_SNAPSHOT_TIME,
      ],
    );
    let rows = result.employees;
    rows += await inserted(`insert into org_unit_scope (unit_id, region_code) select * from unnest($1::text[], $2::text[]) on conflict do nothing`, [
      batch.units.map((u) => u.id),
      batch.units.map((u) => u.regionCode),
    ]);

    const officeList = [...offices.values()];
    result.offices = await inserted(
      `insert into office (id, instansi_id, name, region_code, time_zone, created_by)
       select o.*, $6 from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[]) as o on conflict do nothing`,
      [officeList.map((o) => o.id), officeList.map((o) => o.unit.instansiId), officeList.map((o) => `Kantor ${o.unit.name}`), officeList.map((o) => o.unit.regionCode), officeList.map((o) => o.zone), BULK_ACTOR],
    );
    rows += result.offices;
    rows += await inserted(
      `insert into geofence (id, office_id, name, latitude, longitude, radius_meters)
       select g.id, g.office_id, 'Halaman kantor', g.latitude, g.longitude, 50
       from unnest($1::uuid[], $2::uuid[], $3::float8[], $4::float8[]) as g(id, office_id, latitude, longitude) on conflict do nothing`,
      [officeList.map((o) => bulkId('geofence', o.id)), officeList.map((o) => o.id), officeList.map((o) => o.latitude), officeList.map((o) => o.longitude)],
    );
    rows += await inserted(
      `insert into device (serial, office_id, name, registered_by, registered_at)
       select d.*, $4, $5::timestamptz from unnest($1::text[], $2::uuid[], $3::text[]) as d on conflict do nothing`,
      [officeList.map((o) => o.serial), officeList.map((o) => o.id), officeList.map((o) => `Mesin sidik jari ${o.unit.name}`), BULK_ACTOR, `${firstMonth ?? today.slice(0, 7)}-01T00:00:00Z`],
    );
    // PINs are numbered per office in NIP order (the order an admin would enrol a staff list).
    const pins = officeList.flatMap((o) => o.employees.map((e, index) => ({ officeId: o.id, pin: String(index + 1), employeeId: e.id })));
    rows += await inserted(`insert into device_pin (office_id, pin, employee_id) select * from unnest($1::uuid[], $2::text[], $3::text[]) on conflict do nothing`, [
      pins.map((p) => p.officeId),
      pins.map((p) => p.pin),
      pins.map((p) => p.employeeId),
    ]);
    rows += await inserted(`insert into employee_office (employee_id, office_id) select * from unnest($1::text[], $2::uuid[]) on conflict do nothing`, [
      pins.map((p) => p.employeeId),
      pins.map((p) => p.officeId),
    ]);
    const scheduleFrom = dates[0] ?? today;
    rows += await inserted(
      `insert into schedule_assignment (id, employee_id, schedule_id, effective_from, effective_to, assigned_by, assigned_at)
       select a.id, a.employee_id, $3, $4::date, null, $5, $4::timestamptz from unnest($1::uuid[], $2::text[]) as a(id, employee_id) on conflict do nothing`,
      [employees.map((e) => bulkId('schedule-assignment', e.id)), employees.map((e) => e.id), DEFAULT_SCHEDULE_ID, scheduleFrom, BULK_ACTOR],
    );
    rows += await inserted(
      `insert into calendar_day (date, region_code, kind, name) select h.date, 'ID', 'LIBUR_NASIONAL', h.name from unnest($1::date[], $2::text[]) as h(date, name) on conflict do nothing`,
      [batch.holidays.map((h) => h.date), batch.holidays.map((h) => h.name)],
    );

    // Statuses from the service's own rules as stored (schedule, bands, calendar), by its domain functions.
    const rules = await loadServiceRules(db, [...new Set(employees.map((e) => e.instansiId))], addDays(scheduleFrom, -1), lastDate);
    const captures: Capture[] = [];
    const absences: Absence[] = [];
    const days: Day[] = [];
    const mismatches: string[] = [];
    for (const employee of employees) {
      const office = officeOf.get(employee.id) as Office;
      const outcome = outcomes.get(employee.id);
      const outcomeDays = new Map((outcome?.months ?? []).flatMap((m) => m.days.map((d) => [d.date, d] as const)));
      const runs = outcome === undefined ? [] : absenceRuns(employee, outcome);
      absences.push(...runs);
      const bands = bandsOn(rules.bands.get(employee.instansiId) ?? [], scheduleFrom);
      let previousShift = workingHoursOn(rules.schedule, addDays(scheduleFrom, -1), rules.calendar);
      for (const date of dates) {
        const shift = workingHoursOn(rules.schedule, date, rules.calendar);
        const outcomeDay = outcomeDays.get(date);
        const dayCaptures = outcomeDay === undefined || shift === null ? [] : capturesOf(employee, office, outcomeDay, shift.start, shift.end);
        captures.push(...dayCaptures);
        const window = captureWindowOf(date, shift, previousShift, office.zone);
        const computed = computeDayStatus({
          date,
          zone: office.zone,
          shift,
          worksOnHolidays: rules.schedule.worksOnHolidays ?? false,
          holiday: holidayOn(rules.calendar, date, office.unit.regionCode),
          absence: approvedAbsenceOn(runs, date),
          captures: dayCaptures.filter((c) => c.at >= window.from && c.at < window.to).map((c): DayCapture => ({ at: c.at, kind: c.kind })),
          bands: bandsOn(rules.bands.get(employee.instansiId) ?? [], date, bands),
          now,
        });
        previousShift = shift;
        // The seed's outcome is the truth the other services load too: the computed codes must be the same.
        const expected = outcomeDay === undefined ? null : outcomeDay.codes.join('+');
        if (expected !== null && computed.codes.join('+') !== expected) mismatches.push(`${employee.nip} ${date}: ${expected} ≠ ${computed.codes.join('+')}`);
        if (expected === null && date < today && computed.status !== 'LIBUR') mismatches.push(`${employee.nip} ${date}: no outcome but ${computed.status}`);
        // Past days off are not stored: a read computes a missing day on the fly (resolvers/attendance-views.ts)
        // and they count in no recap, so 30 % fewer rows; today's is, so the dashboard counts who is off.
        if (computed.status !== 'LIBUR' || date === today) days.push({ ...computed, employeeId: employee.id, date });
      }
    }
    if (mismatches.length > 0) throw new Error(`attendance seed: ${mismatches.length} day statuses differ from the outcomes, e.g. ${mismatches.slice(0, 3).join('; ')}`);

    result.captures = await insertChunked(db, captures, (chunk) =>
      inserted(
        // (employee, instant) is the capture's natural key (unique): a second run inserts nothing, so the
        // surrogate id may be random.
        `insert into capture (id, employee_id, captured_at, source, kind, device_serial, office_id, received_at)
         select gen_random_uuid(), c.employee_id, c.captured_at, 'DEVICE', c.kind, c.serial, c.office_id, c.captured_at
         from unnest($1::text[], $2::timestamptz[], $3::text[], $4::text[], $5::uuid[]) as c(employee_id, captured_at, kind, serial, office_id)
         on conflict do nothing`,
        [
          chunk.map((c) => c.employeeId),
          chunk.map((c) => c.at.toISOString()),
          chunk.map((c) => c.kind),
          chunk.map((c) => c.serial),
          chunk.map((c) => c.officeId),
        ],
      ),
    );
    // Filed three days before, decided the day after filing by the direct supervisor.
    result.absences = await inserted(
      `insert into absence_request (id, employee_id, type, from_date, to_date, reason, state, filed_on, expires_on, filed_at, decided_by, decided_at)
       select a.id, a.employee_id, a.type, a.from_date, a.to_date, $6, 'APPROVED', a.from_date - 3, a.from_date + 4, (a.from_date - 3)::timestamptz, a.decided_by, (a.from_date - 2)::timestamptz
       from unnest($1::uuid[], $2::text[], $3::text[], $4::date[], $5::date[], $7::text[]) as a(id, employee_id, type, from_date, to_date, decided_by)
       on conflict do nothing`,
      [absences.map((a) => a.id), absences.map((a) => a.employeeId), absences.map((a) => a.type), absences.map((a) => a.from), absences.map((a) => a.to), 'Data contoh', absences.map((a) => a.decidedBy)],
    );

    const fresh: { employee_id: string; date: string; status: Day['status'] }[] = [];
    result.days = await insertChunked(db, days, async (chunk) => {
      const written = await db.query(
        `insert into day_status (employee_id, date, status, codes, late_minutes, early_minutes, first_in, last_out, reason, provisional, computed_at)
         select d.employee_id, d.date, d.status, array(select jsonb_array_elements_text(d.codes::jsonb)), d.late_minutes, d.early_minutes, d.first_in, d.last_out, d.reason, d.provisional, $11::timestamptz
         from unnest($1::text[], $2::date[], $3::text[], $4::text[], $5::int[], $6::int[], $7::timestamptz[], $8::timestamptz[], $9::text[], $10::bool[])
                as d(employee_id, date, status, codes, late_minutes, early_minutes, first_in, last_out, reason, provisional)
         on conflict do nothing
         returning employee_id, date::text as date, status`,
        [
          chunk.map((d) => d.employeeId),
          chunk.map((d) => d.date),
          chunk.map((d) => d.status),
          chunk.map((d) => JSON.stringify(d.codes)),
          chunk.map((d) => d.lateMinutes),
          chunk.map((d) => d.earlyMinutes),
          chunk.map((d) => d.firstIn?.toISOString() ?? null),
          chunk.map((d) => d.lastOut?.toISOString() ?? null),
          chunk.map((d) => d.reason),
          chunk.map((d) => d.provisional),
          now.toISOString(),
        ],
      );
      fresh.push(...(written.rows as typeof fresh));
      return written.rowCount ?? 0;
    });

    // Attendance today of the days just inserted, in every scope their employee rolls up into.
    const scopes = new Map(employees.map((e) => [e.id, scopeKeysOf({ regionCode: e.regionCode, unitId: e.unitId, instansiId: e.instansiId, unitPath: (paths.get(e.id) ?? []).map((u) => u.id) })]));
    const counters = new Map<string, { scopeKey: string; date: string; shard: number; counts: BucketCounts }>();
    for (const day of fresh) {
      const shard = shardOf(day.employee_id);
      for (const scopeKey of scopes.get(day.employee_id) ?? []) {
        const key = `${scopeKey}|${day.date}|${shard}`;
        const counter = counters.get(key) ?? { scopeKey, date: day.date, shard, counts: emptyCounts() };
        counter.counts[bucketOf(day.status)] += 1;
        counters.set(key, counter);
      }
    }
    const counterRows = [...counters.values()].sort((a, b) => a.scopeKey.localeCompare(b.scopeKey) || a.date.localeCompare(b.date) || a.shard - b.shard);
    rows += await insertChunked(db, counterRows, (chunk) =>
      inserted(
        `insert into attendance_today_count as t (scope_key, date, shard, present, late, on_leave, absent, off)
         select * from unnest($1::text[], $2::date[], $3::smallint[], $4::int[], $5::int[], $6::int[], $7::int[], $8::int[])
         on conflict (scope_key, date, shard) do update set present = t.present + excluded.present, late = t.late + excluded.late,
           on_leave = t.on_leave + excluded.on_leave, absent = t.absent + excluded.absent, off = t.off + excluded.off`,
        [chunk.map((c) => c.scopeKey), chunk.map((c) => c.date), chunk.map((c) => c.shard), ...BUCKETS.map((bucket) => chunk.map((c) => c.counts[bucket]))],
      ),
    );

    // The closed months' recap version 1, as closeAttendanceMonth stores it (published long ago: no outbox row).
    const daysOf = new Map<string, Day[]>();
    for (const day of days) {
      const list = daysOf.get(day.employeeId) ?? [];
      list.push(day);
      daysOf.set(day.employeeId, list);
    }
    const recaps = batch.outcomes.flatMap((outcome) =>
      outcome.months
        .filter((month) => month.closed)
        .map((month) => {
          const monthDays = (daysOf.get(outcome.employeeId) ?? []).filter((d) => d.date.startsWith(month.month));
          return { employeeId: outcome.employeeId, month: month.month, counts: JSON.stringify(countCodes(monthDays)), digest: recapDigest(monthDays) };
        }),
    );
    result.recaps = await inserted(
      `insert into attendance_recap (employee_id, month, version, counts, digest, reason, closed_at, closed_by)
       select r.employee_id, r.month, 1, r.counts::jsonb, r.digest, '', $5::timestamptz, $6
       from unnest($1::text[], $2::text[], $3::text[], $4::text[]) as r(employee_id, month, counts, digest) on conflict do nothing`,
      [recaps.map((r) => r.employeeId), recaps.map((r) => r.month), recaps.map((r) => r.counts), recaps.map((r) => r.digest), now.toISOString(), BULK_ACTOR],
    );
    result.rows = rows + result.captures + result.absences + result.days + result.recaps;
    await db.query('commit');
    return result;
  } catch (error) {
    await db.query('rollback');
    throw error;
  }
}

