// The competency database: the employee read model fed by personnel.employee.v1, standards, assessments
// (versioned), the diklat catalogue, each employee's derived gaps, and the region/unit summaries.
// Seeds the national default standards (DOMAIN.md "Competency") and a national programme catalogue.
import { outboxMigrationSql } from '@kinerja/kit/events';
import { Migration } from '@kinerja/kit/db';
import { competencies } from '../domain/dictionary.ts';
import { defaultRequiredLevelByJenisJabatan, JENIS_JABATAN, uniformLevels } from '../domain/standards.ts';
import { optimalityScheme } from '../domain/category.ts';

const literal = (value: string): string => `'${value.replace(/'/g, "''")}'`;

/** PermenPANRB 38/2017 was enacted in 2017; the national defaults apply from then on. */
const NATIONAL_DEFAULTS_FROM = '2017-01-01';

const seedProgrammeLevels = [
  { level: 2, hours: 20, mode: 'E_LEARNING' },
  { level: 3, hours: 24, mode: 'KLASIKAL' },
  { level: 4, hours: 32, mode: 'BLENDED' },
  { level: 5, hours: 40, mode: 'COACHING_MENTORING' },
];

export class Migration0001Schema extends Migration {
  override async up(): Promise<void> {
    for (const sql of outboxMigrationSql) this.addSql(sql);

    // Read model: the latest snapshot per employee (event-carried state). last_event_at discards
    // snapshots older than the one applied, so a late redelivery cannot roll a position back.
    this.addSql(`create table "employee" (
      "employee_id" text primary key,
      "nip" text not null,
      "region_code" text not null,
      "unit_id" text null,
      "instansi_id" text null,
      "jenis_jabatan" text null,
      "position_id" text null,
      "supervisor_id" text null,
      "status" text not null check ("status" in ('ACTIVE', 'RETIRED')),
      "last_event_at" timestamptz not null,
      "updated_at" timestamptz not null default now()
    )`);
    this.addSql(`create index "employee_nip_idx" on "employee" ("nip")`);
    this.addSql(`create index "employee_supervisor_idx" on "employee" ("supervisor_id")`);
    this.addSql(`create index "employee_position_idx" on "employee" ("position_id")`);
    this.addSql(`create index "employee_instansi_jenis_idx" on "employee" ("instansi_id", "jenis_jabatan")`);
    this.addSql(`create index "employee_jenis_idx" on "employee" ("jenis_jabatan")`);

    // The region an org unit lies in, for scoping OrgUnit.competencyGaps without scanning its employees:
    // the longest region prefix shared by every employee ever seen in it (it only narrows to a shorter prefix).
    this.addSql(`create table "org_unit_scope" (
      "unit_id" text primary key,
      "region_code" text not null
    )`);

    this.addSql(`create table "competency_standard" (
      "id" uuid primary key,
      "instansi_id" text null,
      "jenis_jabatan" text null,
      "position_id" text null,
      "effective_from" date not null,
      "levels" jsonb not null,
      "created_by" text not null,
      "created_at" timestamptz not null default now(),
      check ("position_id" is not null or "jenis_jabatan" is not null)
    )`);
    this.addSql(`create unique index "competency_standard_key" on "competency_standard"
      (coalesce("instansi_id", ''), coalesce("jenis_jabatan", ''), coalesce("position_id", ''), "effective_from")`);
    for (const jenis of JENIS_JABATAN) {
      this.addSql(`insert into "competency_standard" ("id", "jenis_jabatan", "effective_from", "levels", "created_by")
        values (gen_random_uuid(), ${literal(jenis)}, ${literal(NATIONAL_DEFAULTS_FROM)},
        ${literal(JSON.stringify(uniformLevels(defaultRequiredLevelByJenisJabatan[jenis])))}::jsonb, 'seed')`);
    }

    // JPM rule and mapping scheme, national default plus optional per-instansi rows (configurable).
    this.addSql(`create table "mapping_rule" (
      "id" uuid primary key,
      "instansi_id" text null,
      "effective_from" date not null,
      "cap_surplus" boolean not null,
      "scheme" jsonb not null,
      "created_at" timestamptz not null default now()
    )`);
    this.addSql(`insert into "mapping_rule" ("id", "effective_from", "cap_surplus", "scheme")
      values (gen_random_uuid(), ${literal(NATIONAL_DEFAULTS_FROM)}, true, ${literal(JSON.stringify(optimalityScheme))}::jsonb)`);

    // Versioned assessments: a correction is a new row with the same series_id and version + 1.
    this.addSql(`create table "assessment" (
      "id" uuid primary key,
      "series_id" uuid not null,
      "version" int not null check ("version" >= 1),
      "employee_id" text not null,
      "region_code" text not null,
      "assessor" text not null,
      "method" text not null check ("method" in ('ASSESSMENT_CENTER', 'THREE_SIXTY', 'INTERVIEW')),
      "assessed_on" date not null,
      "status" text not null check ("status" in ('DRAFT', 'SUBMITTED', 'FINALISED')),
      "notes" text null,
      "correction_reason" text null,
      "jpm" numeric(5, 2) null,
      "category" text null,
      "created_at" timestamptz not null default now(),
      "updated_at" timestamptz not null default now(),
      "submitted_at" timestamptz null,
      "finalised_at" timestamptz null,
      "finalised_by" text null,
      unique ("series_id", "version")
    )`);
    this.addSql(`create index "assessment_employee_idx" on "assessment" ("employee_id", "status")`);
    this.addSql(`create table "assessment_score" (
      "assessment_id" uuid not null references "assessment" ("id") on delete cascade,
      "competency_code" text not null,
      "score" numeric(3, 2) not null check ("score" between 1 and 5),
      "evidence" text null,
      primary key ("assessment_id", "competency_code")
    )`);

    this.addSql(`create table "training_programme" (
      "id" uuid primary key,
      "code" text not null unique,
      "name" text not null,
      "competency_code" text not null,
      "target_level" smallint not null check ("target_level" between 1 and 5),
      "hours" int not null check ("hours" between 1 and 1000),
      "delivery_mode" text not null,
      "region_code" text not null default 'ID',
      "active" boolean not null default true,
      "created_at" timestamptz not null default now(),
      "updated_at" timestamptz not null default now()
    )`);
    this.addSql(`create index "training_programme_fit_idx" on "training_programme" ("competency_code", "target_level", "hours") where "active"`);
    for (const competency of competencies) {
      for (const { level, hours, mode } of seedProgrammeLevels) {
        const code = `NAS-${competency.code.replace('.', '')}-L${level}`;
        this.addSql(`insert into "training_programme" ("id", "code", "name", "competency_code", "target_level", "hours", "delivery_mode")
          values (gen_random_uuid(), ${literal(code)}, ${literal(`Pelatihan ${competency.name} Level ${level}`)},
          ${literal(competency.code)}, ${level}, ${hours}, ${literal(mode)})`);
      }
    }

    // Derived per employee and competency from the effective assessment and the standard in force, with
    // the placement (region, unit, instansi) it was counted under, so a later change can subtract exactly
    // what was added to the summaries.
    this.addSql(`create table "employee_gap" (
      "employee_id" text not null,
      "competency_code" text not null,
      "region_code" text not null,
      "unit_id" text null,
      "instansi_id" text null,
      "required" smallint not null,
      "assessed" numeric(3, 2) not null,
      "gap" numeric(4, 2) not null,
      "assessment_id" uuid not null,
      "standard_id" uuid not null,
      primary key ("employee_id", "competency_code")
    )`);
    // Training-need lists read only negative gaps, in (gap, employee, competency) order (keyset pagination).
    this.addSql(`create index "employee_gap_need_idx" on "employee_gap" ("gap", "employee_id", "competency_code") where "gap" < 0`);
    this.addSql(`create index "employee_gap_need_region_idx" on "employee_gap" ("region_code" text_pattern_ops, "gap") where "gap" < 0`);
    this.addSql(`create index "employee_gap_need_unit_idx" on "employee_gap" ("unit_id") where "gap" < 0`);
    this.addSql(`create index "employee_gap_need_instansi_idx" on "employee_gap" ("instansi_id") where "gap" < 0`);

    // Summaries at every ancestor region (ID, province, regency) and per unit/instansi; see
    // src/repositories/gap-summary-rows.ts for why. Sums are in hundredths of a level.
    this.addSql(`create table "competency_gap_summary" (
      "scope" text not null check ("scope" in ('REGION', 'UNIT')),
      "scope_key" text not null,
      "competency_code" text not null,
      "assessed_employees" int not null default 0,
      "below_standard" int not null default 0,
      "gap_sum" bigint not null default 0,
      "shortfall_sum" bigint not null default 0,
      "need_level_1" int not null default 0,
      "need_level_2" int not null default 0,
      "need_level_3" int not null default 0,
      "need_level_4" int not null default 0,
      "need_level_5" int not null default 0,
      primary key ("scope", "scope_key", "competency_code")
    )`);
  }
}
