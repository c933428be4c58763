// Recomputes the status of (employee, date) pairs from the captures, schedule, calendar and approved
// absences (DOMAIN.md "Attendance and discipline") and upserts them: running it twice gives the same rows,
// so late data, approvals and corrections simply recompute the days they touch.
import { approvedAbsenceOn } from '../domain/absence.ts';
import { bandsOn } from '../domain/bands.ts';
import { holidayOn } from '../domain/calendar.ts';
import { captureWindowOf, computeDayStatus, type DayResult, type DayStatusCode } from '../domain/daily-status.ts';
import { addDays } from '../domain/office-time.ts';
import { assignmentOn, workingHoursOn, type Schedule } from '../domain/schedule.ts';
import {
  findApprovedAbsences,
  findAssignments,
  findBandRules,
  findCaptureInstants,
  findEmployeePlaces,
  loadCalendar,
  loadSchedules,
  type EmployeePlace,
} from '../repositories/day-inputs.ts';
import { findEmployees } from '../repositories/employee-rows.ts';
import { queryBound, type Em } from '../repositories/sql.ts';
import { applyCounterDeltas, type CounterDelta } from '../repositories/today-counts.ts';
import { BUCKETS, bucketOf, emptyCounts, scopeKeysOf, shardOf } from '../domain/today-counts.ts';

/** The schedule of an employee without an assignment: the national 5-day week. */
export const DEFAULT_SCHEDULE_ID = 'LIMA_HARI';

export interface DayKey {
  employeeId: string;
  date: string;
  /**
   * Recompute the day only if its capture window holds one of these instants (the day before a new
   * capture: only a night shift's window reaches into the next morning). Absent: always.
   */
  onlyIfWindowHolds?: readonly Date[];
}

export interface ComputedDay extends DayResult {
  employeeId: string;
  date: string;
}

const DAY_MS = 86_400_000;

/** Recomputes and stores the days (idempotent upsert); `places` when the caller has read them already. */
export async function recomputeDays(em: Em, keys: readonly DayKey[], now: Date, places?: Map<string, EmployeePlace>): Promise<ComputedDay[]> {
  const computed = await computeDays(em, keys, now, places);
  await upsertDayStatuses(em, computed);
  return computed;
}

/** One key per (employee, date): an unconditional key wins, conditions on the same day add up. */
function uniqueKeys(keys: readonly DayKey[]): DayKey[] {
  const byDay = new Map<string, DayKey>();
  for (const key of keys) {
    const id = `${key.employeeId}|${key.date}`;
    const known = byDay.get(id);
    if (known === undefined) byDay.set(id, key);
    else if (known.onlyIfWindowHolds !== undefined) {
      byDay.set(id, key.onlyIfWindowHolds === undefined ? key : { ...known, onlyIfWindowHolds: [...known.onlyIfWindowHolds, ...key.onlyIfWindowHolds] });
    }
  }
  return [...byDay.values()];
}

/** The days' statuses from their inputs, without storing them (reads of days never computed yet). */
export async function computeDays(em: Em, keys: readonly DayKey[], now: Date, knownPlaces?: Map<string, EmployeePlace>): Promise<ComputedDay[]> {
  const unique = uniqueKeys(keys);
  if (unique.length === 0) return [];
  const employeeIds = [...new Set(unique.map((key) => key.employeeId))];
  const dates = unique.map((key) => key.date).sort();
  const first = dates[0] as string;
  const last = dates[dates.length - 1] as string;
  const places = knownPlaces !== undefined && employeeIds.every((id) => knownPlaces.has(id)) ? knownPlaces : await findEmployeePlaces(em, employeeIds);
  const [schedules, assignments, calendar, absences, bandRules] = await Promise.all([
    loadSchedules(em),
    findAssignments(em, employeeIds),
    loadCalendar(em, addDays(first, -1), last),
    findApprovedAbsences(em, employeeIds, first, last),
    findBandRules(em, [...new Set([...places.values()].map((place) => place.instansiId).filter((id): id is string => id !== null))]),
  ]);
  // Wide enough for every zone and a night shift ending the next day.
  const captures = await findCaptureInstants(em, employeeIds, new Date(Date.parse(first) - 2 * DAY_MS), new Date(Date.parse(last) + 3 * DAY_MS));

  const scheduleOn = (employeeId: string, date: string): Schedule | null => {
    const assignment = assignmentOn(assignments.get(employeeId) ?? [], date);
    return schedules.get(assignment?.scheduleId ?? DEFAULT_SCHEDULE_ID) ?? null;
  };

  const computed: ComputedDay[] = [];
  for (const { employeeId, date, onlyIfWindowHolds } of unique) {
    const place = places.get(employeeId);
    if (place === undefined) continue;
    const schedule = scheduleOn(employeeId, date);
    const previous = scheduleOn(employeeId, addDays(date, -1));
    const shift = schedule === null ? null : workingHoursOn(schedule, date, calendar);
    const previousShift = previous === null ? null : workingHoursOn(previous, addDays(date, -1), calendar);
    const window = captureWindowOf(date, shift, previousShift, place.timeZone);
    if (onlyIfWindowHolds !== undefined && !onlyIfWindowHolds.some((at) => at >= window.from && at < window.to)) continue;
    const result = computeDayStatus({
      date,
      zone: place.timeZone,
      shift,
      worksOnHolidays: schedule?.worksOnHolidays ?? false,
      holiday: holidayOn(calendar, date, place.regionCode),
      absence: approvedAbsenceOn(absences.get(employeeId) ?? [], date),
      captures: (captures.get(employeeId) ?? []).filter((capture) => capture.at >= window.from && capture.at < window.to),
      bands: bandsOn(place.instansiId === null ? [] : (bandRules.get(place.instansiId) ?? []), date),
      now,
    });
    computed.push({ ...result, employeeId, date });
  }
  return computed;
}

/** Rows per upsert statement (bound as arrays: bounds memory, not the statement text). */
const UPSERT_CHUNK = 5000;

async function upsertDayStatuses(em: Em, all: readonly ComputedDay[]): Promise<void> {
  for (let start = 0; start < all.length; start += UPSERT_CHUNK) await upsertChunk(em, all.slice(start, start + UPSERT_CHUNK));
}

/** A stored day whose status the upsert changed (`before` null: computed the first time). */
interface StatusChange {
  employeeId: string;
  date: string;
  before: DayStatusCode | null;
  after: DayStatusCode;
}

/**
 * The counter deltas of status changes: each changed day moves its employee from the old bucket (none for
 * a day computed the first time) to the new one, in every scope the employee rolls up into.
 */
async function counterDeltas(em: Em, changed: readonly StatusChange[]): Promise<CounterDelta[]> {
  if (changed.length === 0) return [];
  const scopes = new Map((await findEmployees(em, [...new Set(changed.map((day) => day.employeeId))])).map((employee) => [employee.employeeId, scopeKeysOf(employee)]));
  const deltas = new Map<string, CounterDelta>();
  for (const day of changed) {
    const shard = shardOf(day.employeeId);
    for (const scopeKey of scopes.get(day.employeeId) ?? []) {
      const key = `${scopeKey}|${day.date}|${shard}`;
      const delta = deltas.get(key) ?? { scopeKey, date: day.date, shard, counts: emptyCounts() };
      delta.counts[bucketOf(day.after)] += 1;
      if (day.before !== null) delta.counts[bucketOf(day.before)] -= 1;
      deltas.set(key, delta);
    }
  }
  return [...deltas.values()].filter((delta) => BUCKETS.some((bucket) => delta.counts[bucket] !== 0));
}

// RETURNING old.status (PostgreSQL 18) is the status the upsert replaced, read under the row lock the
// upsert itself takes: two transactions recomputing one day apply their counter deltas in turn, the second
// from the first one's status, with no separate locking read.
const UPSERT_DAYS = `
insert into day_status as d (employee_id, date, status, codes, late_minutes, early_minutes, first_in, last_out, reason, provisional, computed_at)
select employee_id, date, status, string_to_array(codes, ','), late_minutes, early_minutes, first_in, last_out, reason, provisional, now()
from unnest($1::text[], $2::date[], $3::text[], $4::text[], $5::int[], $6::int[], $7::timestamptz[], $8::timestamptz[], $9::text[], $10::boolean[])
  as t(employee_id, date, status, codes, late_minutes, early_minutes, first_in, last_out, reason, provisional)
order by employee_id, date
on conflict (employee_id, date) do update set
  status = excluded.status, codes = excluded.codes, late_minutes = excluded.late_minutes, early_minutes = excluded.early_minutes,
  first_in = excluded.first_in, last_out = excluded.last_out, reason = excluded.reason, provisional = excluded.provisional,
  computed_at = excluded.computed_at
returning new.employee_id, new.date::text as date, old.status as before, new.status as after`;

async function upsertChunk(em: Em, days: readonly ComputedDay[]): Promise<void> {
  if (days.length === 0) return;
  // Every transaction takes the rows' locks in key order (no deadlock between two batches).
  const sorted = [...days].sort((a, b) => a.employeeId.localeCompare(b.employeeId) || a.date.localeCompare(b.date));
  const column = <T>(pick: (day: ComputedDay) => T): T[] => sorted.map(pick);
  const stored = await queryBound<{ employee_id: string; date: string; before: DayStatusCode | null; after: DayStatusCode }>(em, UPSERT_DAYS, [
    column((day) => day.employeeId),
    column((day) => day.date),
    column((day) => day.status),
    // Codes are enumeration names (no comma); an empty list gives an empty array.
    column((day) => day.codes.join(',')),
    column((day) => day.lateMinutes),
    column((day) => day.earlyMinutes),
    column((day) => day.firstIn?.toISOString() ?? null),
    column((day) => day.lastOut?.toISOString() ?? null),
    column((day) => day.reason),
    column((day) => day.provisional),
  ]);
  const changed = stored.filter((row) => row.before !== row.after).map((row) => ({ employeeId: row.employee_id, date: row.date, before: row.before, after: row.after }));
  await applyCounterDeltas(em, await counterDeltas(em, changed));
}
