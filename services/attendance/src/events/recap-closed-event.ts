// Publishes attendance.recap.v1 AttendanceRecapClosed (key = employee id) through the outbox: version 1
// when the month closes, a higher version for each correction after (never an edit in place).
import { enqueueEvent } from '@kinerja/kit/events';
import { AttendanceRecapClosedSchema, create, toBinary, topics } from '@kinerja/proto';
import type { CodeCount, RecapDay } from '../domain/recap.ts';
import type { EmployeeRecord } from '../repositories/employee-rows.ts';
import type { Em } from '../repositories/sql.ts';

export const RECAP_TOPIC = topics.attendanceRecap;

export function enqueueRecapClosed(
  em: Em,
  recap: { employee: EmployeeRecord; month: string; version: number; counts: readonly CodeCount[]; days: readonly RecapDay[]; closedAt: Date; reason: string },
): string {
  const payload = create(AttendanceRecapClosedSchema, {
    employeeId: recap.employee.employeeId,
    nip: recap.employee.nip,
    instansiId: recap.employee.instansiId ?? '',
    unitId: recap.employee.unitId ?? '',
    regionCode: recap.employee.regionCode,
    month: recap.month,
    version: recap.version,
    counts: recap.counts.map((count) => ({ code: count.code, count: count.count })),
    // A day with TL2 and PSW1 appears once per code, so a deduction can name its source day.
    days: recap.days.flatMap((day) =>
      day.codes
        .filter((code) => code !== 'HADIR' && code !== 'LIBUR' && code !== 'BELUM_PRESENSI')
        .map((code) => ({ date: day.date, code, lateMinutes: code.startsWith('TL') ? day.lateMinutes : 0, earlyMinutes: code.startsWith('PSW') ? day.earlyMinutes : 0 })),
    ),
    closedAt: recap.closedAt.toISOString(),
    reason: recap.reason,
  });
  return enqueueEvent(em, {
    topic: RECAP_TOPIC,
    key: recap.employee.employeeId,
    type: 'AttendanceRecapClosed',
    schemaVersion: 1,
    payload: toBinary(AttendanceRecapClosedSchema, payload),
    occurredAt: recap.closedAt,
  });
}
