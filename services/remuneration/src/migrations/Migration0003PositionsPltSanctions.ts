// Inputs of the monthly run besides the three read models (issue 12 "Rules" exceptions, DOMAIN.md "TPP"):
// each employee's position history with effective dates (the position held on the 15th decides the
// month), Plt assignments and disciplinary sanctions recorded by the instansi's admin, each with dates
// and its decision reference. And for the run's speed (issue 12: ≥ 20,000 employees/s): lanes, contiguous
// ranges of employee ids a run's batches go through side by side, each with its own cursor; statement
// lines as json (kept as written, never queried inside: half the insert cost of jsonb).
import { Migration } from '@kinerja/kit/db';

export class Migration0003PositionsPltSanctions extends Migration {
  override up(): void {
    // From personnel.employee.v1 (effective_date = TMT): the latest snapshot per effective day.
    this.addSql(`create table "employee_position" (
      "employee_id" text not null,
      "effective_from" varchar(10) not null,
      "kelas_jabatan" int null,
      "jenis_jabatan" text null,
      "position_title" text null,
      "last_event_at" timestamptz not null,
      primary key ("employee_id", "effective_from")
    )`);

    this.addSql(`create table "plt_assignment" (
      "id" uuid primary key,
      "employee_id" text not null,
      "instansi_id" text not null,
      "position_title" text not null,
      "kelas_jabatan" int not null check ("kelas_jabatan" >= 1 and "kelas_jabatan" <= 17),
      "jenis_jabatan" text null,
      "start_date" varchar(10) not null,
      "end_date" varchar(10) not null,
      "decision_reference" text not null,
      "recorded_by" text not null,
      "recorded_at" timestamptz not null,
      check ("end_date" >= "start_date")
    )`);
    this.addSql(`create index "plt_assignment_employee_idx" on "plt_assignment" ("employee_id", "start_date")`);

    this.addSql(`create table "disciplinary_sanction" (
      "id" uuid primary key,
      "employee_id" text not null,
      "instansi_id" text not null,
      "code" text not null,
      "from_month" varchar(7) not null,
      "decision_reference" text not null,
      "recorded_by" text not null,
      "recorded_at" timestamptz not null
    )`);
    this.addSql(`create index "disciplinary_sanction_employee_idx" on "disciplinary_sanction" ("employee_id", "from_month")`);

    // after_id exclusive, until_id inclusive (null: to the end); cursor = the last employee id committed.
    this.addSql(`create table "tpp_run_lane" (
      "run_id" uuid not null,
      "lane" int not null,
      "after_id" text not null,
      "until_id" text null,
      "cursor" text not null,
      "done" boolean not null default false,
      primary key ("run_id", "lane")
    )`);

    this.addSql(`alter table "tpp_statement" alter column "lines" type json using "lines"::json`);
  }
}
