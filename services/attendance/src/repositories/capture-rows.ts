// Captures and day statuses of an employee over a date range, for the month view and today.
import type { CaptureKind, DayStatusCode } from '../domain/daily-status.ts';
import type { CapturedRecord } from '../events/checkin-captured-event.ts';
import { inList, isoDate, isoInstant, queryRows, type Em } from './sql.ts';

export interface CaptureRow {
  id: string;
  employeeId: string;
  capturedAt: string;
  source: CapturedRecord['source'];
  kind: CaptureKind;
  deviceSerial: string | null;
  officeId: string | null;
  clientTime: string | null;
}

export interface DayStatusRow {
  employeeId: string;
  date: string;
  status: DayStatusCode;
  codes: DayStatusCode[];
  lateMinutes: number;
  earlyMinutes: number;
  firstIn: string | null;
  lastOut: string | null;
  reason: string;
  provisional: boolean;
}

export function captureRowOf(record: CapturedRecord): CaptureRow {
  return {
    id: record.id,
    employeeId: record.employeeId,
    capturedAt: record.capturedAt.toISOString(),
    source: record.source,
    kind: record.kind,
    deviceSerial: record.deviceSerial,
    officeId: record.officeId,
    clientTime: record.clientTime,
  };
}

/** Captures of several employees in [from, to), by employee then time (one statement for a page of employees). */
export async function findCapturesOfEmployees(em: Em, employeeIds: readonly string[], from: Date, to: Date): Promise<CaptureRow[]> {
  if (employeeIds.length === 0) return [];
  const rows = await queryRows<{
    id: string;
    employee_id: string;
    captured_at: string | Date;
    source: CaptureRow['source'];
    kind: CaptureKind;
    device_serial: string | null;
    office_id: string | null;
    client_time: string | null;
  }>(
    em,
    `select id, employee_id, captured_at, source, kind, device_serial, office_id, client_time from capture
     where employee_id in (?) and captured_at >= ? and captured_at < ? order by employee_id, captured_at, id`,
    [inList(employeeIds), from.toISOString(), to.toISOString()],
  );
  return rows.map((row) => ({
    id: row.id,
    employeeId: row.employee_id,
    capturedAt: isoInstant(row.captured_at),
    source: row.source,
    kind: row.kind,
    deviceSerial: row.device_serial,
    officeId: row.office_id,
    clientTime: row.client_time,
  }));
}

/** Stored day statuses of several employees between two dates, by employee then date. */
export async function findDayStatusesOfEmployees(em: Em, employeeIds: readonly string[], from: string, to: string): Promise<DayStatusRow[]> {
  if (employeeIds.length === 0) return [];
  const rows = await queryRows<{
    employee_id: string;
    date: string | Date;
    status: DayStatusCode;
    codes: DayStatusCode[];
    late_minutes: number;
    early_minutes: number;
    first_in: string | Date | null;
    last_out: string | Date | null;
    reason: string;
    provisional: boolean;
  }>(
    em,
    `select employee_id, date::text as date, status, codes, late_minutes, early_minutes, first_in, last_out, reason, provisional
     from day_status where employee_id in (?) and date between ? and ? order by employee_id, date`,
    [inList(employeeIds), from, to],
  );
  return rows.map((row) => ({
    employeeId: row.employee_id,
    date: isoDate(row.date),
    status: row.status,
    codes: row.codes,
    lateMinutes: row.late_minutes,
    earlyMinutes: row.early_minutes,
    firstIn: row.first_in === null ? null : isoInstant(row.first_in),
    lastOut: row.last_out === null ? null : isoInstant(row.last_out),
    reason: row.reason,
    provisional: row.provisional,
  }));
}
