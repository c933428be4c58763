// Closing a month (DOMAIN.md "Attendance and discipline": a monthly recap per employee feeds TPP; a
// correction after the month closed produces a new version of the recap, never an edit in place).
// Closing stores version 1 and publishes it exactly once per employee and month; closing again publishes
// nothing; a later change of the month's days publishes version n + 1.
import type { Viewer } from '@kinerja/kit/auth';
import { regionSql, type SqlFragment } from '@kinerja/kit/scoping';
import { badUserInput, conflict } from '@kinerja/kit/errors';
import { closingDateOf, datesOfMonth, isValidMonth, previousMonth } from '../domain/month.ts';
import { localDateOf } from '../domain/office-time.ts';
import { countCodes, recapDigest } from '../domain/recap.ts';
import { enqueueRecapClosed } from '../events/recap-closed-event.ts';
import { findEmployees, type EmployeeRecord } from '../repositories/employee-rows.ts';
import { queryRows, run, type Em } from '../repositories/sql.ts';
import { recomputeDays, type ComputedDay } from './recompute-days.ts';
import { viewerRegionOf } from './scope.ts';

/** Employees per transaction: bounds each statement and each transaction's outbox batch. */
const PAGE = 200;

export interface MonthCloseReport {
  month: string;
  employees: number;
  published: number;
}

async function latestRecap(em: Em, employeeIds: readonly string[], month: string): Promise<Map<string, { version: number; digest: string }>> {
  if (employeeIds.length === 0) return new Map();
  const rows = await queryRows<{ employee_id: string; version: number; digest: string }>(
    em,
    `select distinct on (employee_id) employee_id, version, digest from attendance_recap where employee_id in (?) and month = ? order by employee_id, version desc`,
    [[...employeeIds], month],
  );
  return new Map(rows.map((row) => [row.employee_id, { version: row.version, digest: row.digest }]));
}

async function storeRecap(tx: Em, employee: EmployeeRecord, month: string, version: number, days: ComputedDay[], reason: string, actor: string, now: Date): Promise<void> {
  const counts = countCodes(days);
  await run(tx, 'insert into attendance_recap (employee_id, month, version, counts, digest, reason, closed_at, closed_by) values (?, ?, ?, ?::jsonb, ?, ?, ?, ?)', [
    employee.employeeId,
    month,
    version,
    JSON.stringify(counts),
    recapDigest(days),
    reason,
    now.toISOString(),
    actor,
  ]);
  enqueueRecapClosed(tx, { employee, month, version, counts, days, closedAt: now, reason });
}

/** Closes `month` for the active employees in the admin's region; returns how many recaps were published. */
export async function closeMonth(em: Em, viewer: Viewer, month: string, now: Date): Promise<MonthCloseReport> {
  if (!isValidMonth(month)) throw badUserInput(`Bulan ${month} tidak valid (format YYYY-MM)`, 'invalid_month', { field: 'month' });
  const region = viewerRegionOf(viewer);
  if (!isMonthOver(month, now)) throw conflict(`Bulan ${month} belum berakhir`, 'month_not_over');
  return closeMonthIn(em, regionSql('region_code', region), month, viewer.username, now);
}

/** The month is over everywhere only once it is over in the westernmost zone. */
function isMonthOver(month: string, now: Date): boolean {
  const dates = datesOfMonth(month);
  return (dates[dates.length - 1] as string) < localDateOf(now, 'Asia/Jakarta');
}

/**
 * The automatic close (main.ts): on `closeDay` of the following month (WIB), the previous month closes
 * nationally for every employee not closed yet. Idempotent like the mutation.
 */
export async function closeDueMonth(em: Em, closeDay: number, now: Date): Promise<MonthCloseReport | null> {
  const today = localDateOf(now, 'Asia/Jakarta');
  const month = previousMonth(today.slice(0, 7));
  if (today < closingDateOf(month, closeDay)) return null;
  return closeMonthIn(em, { sql: 'true', params: [] }, month, 'system:month-close', now);
}

async function closeMonthIn(em: Em, scope: SqlFragment, month: string, actor: string, now: Date): Promise<MonthCloseReport> {
  const dates = datesOfMonth(month);
  let after = '';
  let employees = 0;
  let published = 0;
  for (;;) {
    const page = await queryRows<{ employee_id: string }>(
      em,
      `select employee_id from employee where status = 'ACTIVE' and ${scope.sql} and employee_id > ? order by employee_id limit ?`,
      [...scope.params, after, PAGE],
    );
    if (page.length === 0) break;
    after = page[page.length - 1]?.employee_id ?? after;
    employees += page.length;
    published += await em.transactional(async (tx) => {
      const records = await findEmployees(tx, page.map((row) => row.employee_id));
      const closed = await latestRecap(tx, records.map((r) => r.employeeId), month);
      const open = records.filter((record) => !closed.has(record.employeeId));
      const days = await recomputeDays(tx, open.flatMap((record) => dates.map((date) => ({ employeeId: record.employeeId, date }))), now);
      for (const record of open) {
        await storeRecap(tx, record, month, 1, days.filter((day) => day.employeeId === record.employeeId), '', actor, now);
      }
      return open.length;
    });
  }
  return { month, employees, published };
}

/**
 * After a change to a closed month of an employee (verified correction, approved leave): recomputes the
 * month and publishes the next version when its content changed. Runs in the caller's transaction.
 */
export async function reviseClosedMonth(tx: Em, employeeId: string, month: string, reason: string, actor: string, now: Date): Promise<number | null> {
  const latest = (await latestRecap(tx, [employeeId], month)).get(employeeId);
  if (latest === undefined) return null;
  const [employee] = await findEmployees(tx, [employeeId]);
  if (employee === undefined) return null;
  const days = await recomputeDays(tx, datesOfMonth(month).map((date) => ({ employeeId, date })), now);
  if (recapDigest(days) === latest.digest) return null;
  await storeRecap(tx, employee, month, latest.version + 1, days, reason, actor, now);
  return latest.version + 1;
}

export async function isMonthClosedFor(em: Em, employeeId: string, month: string): Promise<boolean> {
  return (await latestRecap(em, [employeeId], month)).has(employeeId);
}
