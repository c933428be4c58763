// Corrections (moderasi) of a day's record: requested by the employee, verified by an admin; a verified
// correction appends a capture (source CORRECTION) and never edits one. Absence requests of dinas luar may
// carry the assignment's location, where the employee may check in.
import { Migration } from '@kinerja/kit/db';

export class Migration0002Corrections extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "correction_request" (
      "id" uuid primary key,
      "employee_id" text not null,
      "date" date not null,
      "kind" text not null check ("kind" in ('IN', 'OUT')),
      "local_time" text not null,
      "reason" text not null,
      "document_ref" text null,
      "state" text not null check ("state" in ('PENDING', 'VERIFIED', 'REJECTED')),
      "requested_at" timestamptz not null default now(),
      "verified_by" text null,
      "verified_at" timestamptz null,
      "verification_note" text null,
      "capture_id" uuid null
    )`);
    this.addSql(`create index "correction_request_employee_idx" on "correction_request" ("employee_id", "date")`);
    this.addSql(`alter table "absence_request" add column "latitude" double precision null, add column "longitude" double precision null`);
  }
}
