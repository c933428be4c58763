// attendance.recap.v1 (AttendanceRecapClosed): the month's counts per status code and the non-HADIR days,
// keeping the highest version (a correction after closing is a new version, never an edit in place).
import { PoisonMessageError, type IncomingEvent } from '@kinerja/kit/events';
import type { EntityManager } from '@kinerja/kit/db';
import { AttendanceRecapClosedSchema, fromBinary } from '@kinerja/proto';
import { isMonth } from '../domain/month.ts';

export interface AppliedRecap {
  employeeId: string;
  month: string;
}

export async function handleAttendanceRecapClosed(em: EntityManager, event: IncomingEvent): Promise<AppliedRecap | null> {
  const m = fromBinary(AttendanceRecapClosedSchema, event.payload);
  if (!m.employeeId || !isMonth(m.month)) throw new PoisonMessageError('AttendanceRecapClosed without employee_id or a YYYY-MM month');
  const counts: Record<string, number> = {};
  for (const { code, count } of m.counts) {
    if (code === '' || count < 0) throw new PoisonMessageError(`AttendanceRecapClosed with a bad count for ${code || '(empty code)'}`);
    counts[code] = (counts[code] ?? 0) + count;
  }
  const days = m.days.map((d) => ({ date: d.date, code: d.code }));
  const closedAt = Number.isNaN(Date.parse(m.closedAt)) ? event.occurredAt : new Date(m.closedAt);
  const applied = await em.execute<{ employee_id: string }[]>(
    `insert into "attendance_recap" ("employee_id", "month", "version", "counts", "days", "reason", "closed_at")
     values (?, ?, ?, ?::jsonb, ?::jsonb, ?, ?)
     on conflict ("employee_id", "month") do update set
       "version" = excluded."version", "counts" = excluded."counts", "days" = excluded."days",
       "reason" = excluded."reason", "closed_at" = excluded."closed_at"
     where "attendance_recap"."version" < excluded."version"
     returning "employee_id"`,
    [m.employeeId, m.month, m.version > 0 ? m.version : 1, JSON.stringify(counts), JSON.stringify(days), m.reason, closedAt],
  );
  return applied.length > 0 ? { employeeId: m.employeeId, month: m.month } : null;
}
