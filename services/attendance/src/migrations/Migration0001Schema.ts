// The attendance database. Capture is separate from computing status (DOMAIN.md "Attendance and
// discipline"): `capture` is append-only (no update or delete path in the code), `day_status` is derived
// from it and recomputed idempotently. The employee read model is fed by personnel.employee.v1.
import { Migration } from '@kinerja/kit/db';
import { outboxMigrationSql } from '@kinerja/kit/events';
import { defaultSchedules } from '../domain/schedule.ts';

const literal = (value: string): string => `'${value.replace(/'/g, "''")}'`;

export class Migration0001Schema extends Migration {
  override async up(): Promise<void> {
    for (const sql of outboxMigrationSql) this.addSql(sql);

    // Read model: the latest EmployeeChanged snapshot per employee; last_event_at discards older ones.
    this.addSql(`create table "employee" (
      "employee_id" text primary key,
      "nip" text not null,
      "name" text not null,
      "region_code" text not null,
      "unit_id" text null,
      "instansi_id" text null,
      "unit_path" text[] not null default '{}',
      "supervisor_id" text null,
      "status" text not null check ("status" in ('ACTIVE', 'RETIRED')),
      "last_event_at" timestamptz not null,
      "updated_at" timestamptz not null default now()
    )`);
    this.addSql(`create index "employee_nip_idx" on "employee" ("nip")`);
    this.addSql(`create index "employee_supervisor_idx" on "employee" ("supervisor_id")`);

    // The region an org unit lies in (longest prefix shared by its employees), for scoping OrgUnit reads.
    this.addSql(`create table "org_unit_scope" ("unit_id" text primary key, "region_code" text not null)`);

    this.addSql(`create table "office" (
      "id" uuid primary key,
      "instansi_id" text not null,
      "name" text not null,
      "region_code" text not null,
      "time_zone" text not null check ("time_zone" in ('Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura')),
      "created_by" text not null,
      "created_at" timestamptz not null default now()
    )`);
    this.addSql(`create table "geofence" (
      "id" uuid primary key,
      "office_id" uuid not null references "office" ("id"),
      "name" text not null,
      "latitude" double precision not null,
      "longitude" double precision not null,
      "radius_meters" integer not null check ("radius_meters" between 10 and 5000)
    )`);
    this.addSql(`create index "geofence_office_idx" on "geofence" ("office_id")`);

    // Fingerprint devices by serial number; a PIN is enrolled per office (every device of the office knows it).
    this.addSql(`create table "device" (
      "serial" text primary key,
      "office_id" uuid not null references "office" ("id"),
      "name" text not null,
      "registered_by" text not null,
      "registered_at" timestamptz not null default now(),
      "last_seen_at" timestamptz null
    )`);
    this.addSql(`create table "device_pin" (
      "office_id" uuid not null references "office" ("id"),
      "pin" text not null,
      "employee_id" text not null,
      primary key ("office_id", "pin")
    )`);
    // Every push the endpoint answered, refused ones included (unknown serials): the device audit trail.
    this.addSql(`create table "device_push" (
      "id" uuid primary key,
      "serial" text not null,
      "received_at" timestamptz not null default now(),
      "remote_address" text null,
      "outcome" text not null check ("outcome" in ('ACCEPTED', 'UNKNOWN_DEVICE')),
      "lines" integer not null default 0,
      "accepted" integer not null default 0,
      "duplicates" integer not null default 0,
      "malformed" integer not null default 0,
      "unknown_pins" integer not null default 0,
      "out_of_range" integer not null default 0,
      "problems" jsonb not null default '[]'
    )`);
    this.addSql(`create index "device_push_serial_idx" on "device_push" ("serial", "received_at")`);

    // The employee's office (where mobile check-ins are fenced and whose zone defines the day).
    this.addSql(`create table "employee_office" (
      "employee_id" text primary key,
      "office_id" uuid not null references "office" ("id")
    )`);

    this.addSql(`create table "schedule" (
      "id" text primary key,
      "instansi_id" text null,
      "name" text not null,
      "week" jsonb not null,
      "ramadan_week" jsonb null,
      "works_on_holidays" boolean not null default false
    )`);
    this.addSql(`create table "schedule_assignment" (
      "id" uuid primary key,
      "employee_id" text not null,
      "schedule_id" text not null references "schedule" ("id"),
      "effective_from" date not null,
      "effective_to" date null,
      "assigned_by" text not null,
      "assigned_at" timestamptz not null default now()
    )`);
    this.addSql(`create index "schedule_assignment_employee_idx" on "schedule_assignment" ("employee_id", "effective_from")`);

    this.addSql(`create table "calendar_day" (
      "date" date not null,
      "region_code" text not null,
      "kind" text not null check ("kind" in ('LIBUR_NASIONAL', 'CUTI_BERSAMA', 'LIBUR_DAERAH')),
      "name" text not null,
      primary key ("date", "region_code")
    )`);
    this.addSql(`create table "ramadan_period" ("from_date" date primary key, "to_date" date not null check ("to_date" >= "from_date"))`);

    // Append-only: one row per accepted capture; (employee, instant) is unique so a device re-sending its
    // log or a re-imported CSV counts once.
    this.addSql(`create table "capture" (
      "id" uuid primary key,
      "employee_id" text not null,
      "captured_at" timestamptz not null,
      "source" text not null check ("source" in ('DEVICE', 'MOBILE', 'WEB', 'IMPORT', 'CORRECTION')),
      "kind" text not null check ("kind" in ('IN', 'OUT', 'UNKNOWN')),
      "device_serial" text null,
      "office_id" uuid null,
      "latitude" double precision null,
      "longitude" double precision null,
      "accuracy_meters" double precision null,
      "client_time" text null,
      "received_at" timestamptz not null default now(),
      unique ("employee_id", "captured_at")
    )`);

    this.addSql(`create table "day_status" (
      "employee_id" text not null,
      "date" date not null,
      "status" text not null,
      "codes" text[] not null,
      "late_minutes" integer not null,
      "early_minutes" integer not null,
      "first_in" timestamptz null,
      "last_out" timestamptz null,
      "reason" text not null,
      "provisional" boolean not null,
      "computed_at" timestamptz not null default now(),
      primary key ("employee_id", "date")
    )`);

    this.addSql(`create table "absence_request" (
      "id" uuid primary key,
      "employee_id" text not null,
      "type" text not null,
      "from_date" date not null,
      "to_date" date not null,
      "reason" text not null,
      "document_ref" text null,
      "state" text not null check ("state" in ('PENDING', 'APPROVED', 'REJECTED', 'EXPIRED', 'CANCELLED')),
      "filed_on" date not null,
      "expires_on" date not null,
      "filed_at" timestamptz not null default now(),
      "decided_by" text null,
      "decided_at" timestamptz null,
      "decision_note" text null
    )`);
    this.addSql(`create index "absence_request_employee_idx" on "absence_request" ("employee_id", "from_date")`);

    this.addSql(`create table "attendance_recap" (
      "employee_id" text not null,
      "month" text not null,
      "version" integer not null check ("version" >= 1),
      "counts" jsonb not null,
      "digest" text not null,
      "reason" text not null,
      "closed_at" timestamptz not null default now(),
      "closed_by" text not null,
      primary key ("employee_id", "month", "version")
    )`);

    for (const schedule of defaultSchedules) {
      this.addSql(
        `insert into "schedule" ("id", "instansi_id", "name", "week", "ramadan_week", "works_on_holidays") values (${literal(schedule.id)}, null, ${literal(schedule.name)}, ${literal(JSON.stringify(schedule.week))}, ${schedule.ramadanWeek ? literal(JSON.stringify(schedule.ramadanWeek)) : 'null'}, ${schedule.worksOnHolidays === true})`,
      );
    }
  }
}
