import { Migration } from '@kinerja/kit/db';

// Each finalisation of a unit's evaluations after calibration, with the violations it went over and the
// admin's reason when overridden: visible to auditors (issue 10 "Calibration before finalising").
export class Migration0003Calibration extends Migration {
  override up(): void {
    this.addSql(`create table calibration_finalisation (
      id uuid primary key,
      unit_id text not null,
      year int not null,
      period text not null,
      unit_predikat text null,
      evaluations int not null check (evaluations > 0),
      override boolean not null,
      reason text null,
      violations jsonb not null,
      finalised_by text not null,
      finalised_at timestamptz not null default now(),
      check (not override or reason is not null)
    )`);
    this.addSql('create index calibration_finalisation_unit_idx on calibration_finalisation (unit_id, year, period, finalised_at)');
  }
}
