// The remuneration database: the outbox, read models of personnel, performance and attendance, and the
// TPP rules per instansi with the seeded DOMAIN.md default (instansi_id null).
import { outboxMigrationSql } from '@kinerja/kit/events';
import { Migration } from '@kinerja/kit/db';
import { DEFAULT_TPP_RULE } from '../domain/default-rules.ts';

const literal = (value: string): string => `'${value.replace(/'/g, "''")}'`;

export class Migration0001Schema extends Migration {
  override up(): void {
    for (const sql of outboxMigrationSql) this.addSql(sql);

    // Latest snapshot per employee (event-carried state); last_event_at discards older snapshots.
    this.addSql(`create table "employee" (
      "employee_id" text primary key,
      "nip" text not null,
      "name" text not null,
      "employment_type" text null,
      "golongan" text null,
      "kelas_jabatan" int null,
      "jenis_jabatan" text null,
      "position_title" text null,
      "unit_id" text null,
      "unit_path" text[] not null default '{}',
      "instansi_id" text null,
      "region_code" text not null,
      "supervisor_id" text null,
      "status" text not null check ("status" in ('ACTIVE', 'RETIRED')),
      "last_event_at" timestamptz not null
    )`);
    this.addSql(`create index "employee_nip_idx" on "employee" ("nip")`);
    this.addSql(`create index "employee_supervisor_idx" on "employee" ("supervisor_id")`);
    this.addSql(`create index "employee_instansi_idx" on "employee" ("instansi_id", "employee_id")`);
    this.addSql(`create table "instansi_scope" ("instansi_id" text primary key, "region_code" text not null)`);

    this.addSql(`create table "predikat_rating" (
      "employee_id" text not null,
      "skp_id" text not null,
      "period" text not null,
      "year" int not null,
      "period_start" varchar(10) not null,
      "period_end" varchar(10) not null,
      "predikat" text not null check ("predikat" in ('SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG')),
      "version" int not null,
      "finalised_at" timestamptz not null,
      primary key ("employee_id", "skp_id", "period")
    )`);

    this.addSql(`create table "attendance_recap" (
      "employee_id" text not null,
      "month" varchar(7) not null,
      "version" int not null,
      "counts" jsonb not null,
      "days" jsonb not null,
      "reason" text not null,
      "closed_at" timestamptz not null,
      primary key ("employee_id", "month")
    )`);

    this.addSql(`create table "tpp_rule" (
      "id" uuid primary key,
      "instansi_id" text null,
      "version" int not null,
      "effective_from" varchar(7) not null,
      "effective_until" varchar(7) null,
      "legal_basis" text not null,
      "data" jsonb not null,
      "created_by" text not null,
      "created_at" timestamptz not null default now(),
      "closed_by" text null,
      "closed_at" timestamptz null,
      check ("effective_until" is null or "effective_until" >= "effective_from")
    )`);
    this.addSql(`create unique index "tpp_rule_version_key" on "tpp_rule" (coalesce("instansi_id", ''), "version")`);
    this.addSql(`insert into "tpp_rule" ("id", "instansi_id", "version", "effective_from", "legal_basis", "data", "created_by")
      values (gen_random_uuid(), null, 1, '2019-01', ${literal('Bawaan DOMAIN.md (PP 12/2019, Kepmendagri 900-4700/2020)')},
      ${literal(JSON.stringify(DEFAULT_TPP_RULE))}::jsonb, 'seed')`);

    this.addSql(`create table "tpp_month" (
      "instansi_id" text not null,
      "month" varchar(7) not null,
      "status" text not null check ("status" in ('OPEN', 'LOCKED')),
      "changed_by" text not null,
      "changed_at" timestamptz not null,
      primary key ("instansi_id", "month")
    )`);
  }
}
