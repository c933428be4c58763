// Captures (append-only) and what is derived from them: the day's status and the closed monthly recaps.
import { defineEntity, p } from '@mikro-orm/core';

export const Capture = defineEntity({
  name: 'Capture',
  tableName: 'capture',
  uniques: [{ name: 'capture_employee_id_captured_at_key', properties: ['employeeId', 'capturedAt'] }],
  checks: [
    { name: 'capture_kind_check', expression: "kind = ANY (ARRAY['IN'::text, 'OUT'::text, 'UNKNOWN'::text])" },
    { name: 'capture_source_check', expression: "source = ANY (ARRAY['DEVICE'::text, 'MOBILE'::text, 'WEB'::text, 'IMPORT'::text, 'CORRECTION'::text])" },
  ],
  properties: {
    id: p.uuid().primary(),
    employeeId: p.text(),
    capturedAt: p.datetime(),
    source: p.text(),
    kind: p.text(),
    deviceSerial: p.text().nullable(),
    officeId: p.uuid().nullable(),
    latitude: p.double().nullable(),
    longitude: p.double().nullable(),
    accuracyMeters: p.double().nullable(),
    clientTime: p.text().nullable(),
    receivedAt: p.datetime().defaultRaw('now()'),
  },
});

export const DayStatus = defineEntity({
  name: 'DayStatus',
  tableName: 'day_status',
  properties: {
    employeeId: p.text().primary(),
    date: p.date().primary(),
    status: p.text(),
    codes: p.array(),
    lateMinutes: p.integer(),
    earlyMinutes: p.integer(),
    firstIn: p.datetime().nullable(),
    lastOut: p.datetime().nullable(),
    reason: p.text(),
    provisional: p.boolean(),
    computedAt: p.datetime().defaultRaw('now()'),
  },
});

export const AbsenceRequest = defineEntity({
  name: 'AbsenceRequest',
  tableName: 'absence_request',
  indexes: [{ name: 'absence_request_employee_idx', properties: ['employeeId', 'fromDate'] }],
  checks: [{ name: 'absence_request_state_check', expression: "state = ANY (ARRAY['PENDING'::text, 'APPROVED'::text, 'REJECTED'::text, 'EXPIRED'::text, 'CANCELLED'::text])" }],
  properties: {
    id: p.uuid().primary(),
    employeeId: p.text(),
    type: p.text(),
    fromDate: p.date(),
    toDate: p.date(),
    reason: p.text(),
    documentRef: p.text().nullable(),
    state: p.text(),
    filedOn: p.date(),
    expiresOn: p.date(),
    filedAt: p.datetime().defaultRaw('now()'),
    decidedBy: p.text().nullable(),
    decidedAt: p.datetime().nullable(),
    decisionNote: p.text().nullable(),
    cancelledBy: p.text().nullable(),
    cancelledAt: p.datetime().nullable(),
    cancellationNote: p.text().nullable(),
    latitude: p.double().nullable(),
    longitude: p.double().nullable(),
  },
});

export const CorrectionRequest = defineEntity({
  name: 'CorrectionRequest',
  tableName: 'correction_request',
  indexes: [{ name: 'correction_request_employee_idx', properties: ['employeeId', 'date'] }],
  checks: [
    { name: 'correction_request_kind_check', expression: "kind = ANY (ARRAY['IN'::text, 'OUT'::text])" },
    { name: 'correction_request_state_check', expression: "state = ANY (ARRAY['PENDING'::text, 'VERIFIED'::text, 'REJECTED'::text])" },
  ],
  properties: {
    id: p.uuid().primary(),
    employeeId: p.text(),
    date: p.date(),
    kind: p.text(),
    localTime: p.text(),
    reason: p.text(),
    documentRef: p.text().nullable(),
    state: p.text(),
    requestedAt: p.datetime().defaultRaw('now()'),
    verifiedBy: p.text().nullable(),
    verifiedAt: p.datetime().nullable(),
    verificationNote: p.text().nullable(),
    captureId: p.uuid().nullable(),
  },
});

export const AttendanceRecap = defineEntity({
  name: 'AttendanceRecap',
  tableName: 'attendance_recap',
  checks: [{ name: 'attendance_recap_version_check', expression: 'version >= 1' }],
  properties: {
    employeeId: p.text().primary(),
    month: p.text().primary(),
    version: p.integer().primary(),
    counts: p.json<{ code: string; count: number }[]>(),
    digest: p.text(),
    reason: p.text(),
    closedAt: p.datetime().defaultRaw('now()'),
    closedBy: p.text(),
  },
});

export const AttendanceTodayCount = defineEntity({
  name: 'AttendanceTodayCount',
  tableName: 'attendance_today_count',
  properties: {
    scopeKey: p.text().primary(),
    date: p.date().primary(),
    shard: p.smallint().primary(),
    present: p.integer().default(0),
    late: p.integer().default(0),
    onLeave: p.integer().default(0),
    absent: p.integer().default(0),
    off: p.integer().default(0),
  },
});
