// Monthly TPP: statement versions with every line, compute runs with progress, the lock/reopen log and
// the incrementally maintained summaries per region and unit (issue 12 "Computation").
import { Migration } from '@kinerja/kit/db';

export class Migration0002Statements extends Migration {
  override up(): void {
    // One row per statement version; exactly one current version per employee and month.
    this.addSql(`create table "tpp_statement" (
      "id" uuid primary key,
      "employee_id" text not null,
      "month" varchar(7) not null,
      "version" int not null,
      "current" boolean not null,
      "stale" boolean not null default false,
      "instansi_id" text not null,
      "unit_path" text[] not null default '{}',
      "region_code" text not null,
      "nip" text not null,
      "name" text not null,
      "golongan" text null,
      "kelas_jabatan" int null,
      "rule_version" uuid not null,
      "inputs" text not null,
      "base" bigint not null,
      "gross" bigint not null,
      "deductions" bigint not null,
      "tax" bigint not null,
      "net" bigint not null,
      "lines" jsonb not null,
      "cuts" jsonb not null,
      "predikat" jsonb null,
      "attendance_version" int null,
      "run_id" uuid not null,
      "computed_by" text not null,
      "computed_at" timestamptz not null,
      "reason" text not null,
      constraint "tpp_statement_version_key" unique ("employee_id", "month", "version")
    )`);
    this.addSql(`create unique index "tpp_statement_current_key" on "tpp_statement" ("employee_id", "month") where "current"`);
    this.addSql(`create index "tpp_statement_instansi_idx" on "tpp_statement" ("instansi_id", "month", "nip") where "current"`);

    this.addSql(`create table "tpp_run" (
      "id" uuid primary key,
      "instansi_id" text not null,
      "month" varchar(7) not null,
      "status" text not null check ("status" in ('RUNNING', 'DONE', 'FAILED')),
      "total" int not null,
      "processed" int not null default 0,
      "changed" int not null default 0,
      "cursor" text null,
      "reason" text not null,
      "requested_by" text not null,
      "started_at" timestamptz not null,
      "finished_at" timestamptz null,
      "error" text null
    )`);
    // At most one run per instansi and month at a time.
    this.addSql(`create unique index "tpp_run_running_key" on "tpp_run" ("instansi_id", "month") where "status" = 'RUNNING'`);

    this.addSql(`create table "tpp_month_event" (
      "id" uuid primary key,
      "instansi_id" text not null,
      "month" varchar(7) not null,
      "action" text not null check ("action" in ('LOCK', 'REOPEN')),
      "reason" text not null,
      "actor" text not null,
      "at" timestamptz not null
    )`);

    this.addSql(`create table "tpp_summary" (
      "scope_kind" text not null check ("scope_kind" in ('REGION', 'UNIT')),
      "scope_id" text not null,
      "month" varchar(7) not null,
      "region_code" text not null,
      "headcount_paid" int not null,
      "gross" bigint not null,
      "deductions" bigint not null,
      "tax" bigint not null,
      "net" bigint not null,
      "cuts" jsonb not null,
      primary key ("scope_kind", "scope_id", "month")
    )`);
  }
}
