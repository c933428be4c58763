import { Migration } from '@kinerja/kit/db';

// Periods, realisations, ratings and the maintained predikat distribution (DOMAIN.md "Periods",
// "Distribution (calibration) limits").
export class Migration0002Evaluations extends Migration {
  override up(): void {
    // An admin's unlock of a period after its deadline (the latest row per instansi, year and period counts).
    this.addSql(`create table period_unlock (
      id uuid primary key,
      instansi_id text not null,
      year int not null,
      period text not null,
      unlocked_until date not null,
      reason text not null,
      unlocked_by text not null,
      unlocked_at timestamptz not null default now()
    )`);
    this.addSql('create index period_unlock_idx on period_unlock (instansi_id, year, period, unlocked_at)');

    // Append-only: each entry is progress recorded as work happens, with its evidence.
    this.addSql(`create table realisation (
      id uuid primary key,
      skp_id uuid not null references skp (id) deferrable initially deferred,
      indicator_id uuid not null references indicator (id) on delete cascade deferrable initially deferred,
      period text not null,
      value numeric not null check (value >= 0),
      evidence_url text null,
      note text null,
      recorded_by text not null,
      recorded_at timestamptz not null default now(),
      check (evidence_url is not null or note is not null)
    )`);
    this.addSql('create index realisation_indicator_idx on realisation (indicator_id, period, recorded_at)');

    this.addSql(`create table feedback (
      id uuid primary key,
      skp_id uuid not null references skp (id) deferrable initially deferred,
      period text not null,
      text text not null,
      given_by text not null,
      giver_employee_id text null,
      given_at timestamptz not null default now()
    )`);
    this.addSql('create index feedback_skp_idx on feedback (skp_id, period, given_at)');

    // One evaluation per SKP and period; the rater, unit, instansi, region and position are snapshotted.
    this.addSql(`create table evaluation (
      id uuid primary key,
      skp_id uuid not null references skp (id) deferrable initially deferred,
      employee_id text not null,
      year int not null,
      period text not null,
      period_start date not null,
      period_end date not null,
      hasil_kerja text not null check (hasil_kerja in ('DI_ATAS_EKSPEKTASI', 'SESUAI_EKSPEKTASI', 'DI_BAWAH_EKSPEKTASI')),
      perilaku_kerja text not null check (perilaku_kerja in ('DI_ATAS_EKSPEKTASI', 'SESUAI_EKSPEKTASI', 'DI_BAWAH_EKSPEKTASI')),
      predikat text not null check (predikat in ('SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG')),
      note text null,
      rater_employee_id text not null,
      unit_id text null,
      unit_path text[] not null default '{}',
      instansi_id text null,
      region_code text not null,
      jenis_jabatan text null,
      position_id text null,
      status text not null check (status in ('DRAFT', 'FINAL')),
      rated_at timestamptz not null,
      finalised_at timestamptz null,
      finalised_by text null,
      calibration_override boolean not null default false,
      version int not null default 0,
      unique (skp_id, period)
    )`);
    this.addSql('create index evaluation_employee_idx on evaluation (employee_id, year, period)');
    this.addSql('create index evaluation_unit_path_idx on evaluation using gin (unit_path)');

    // Maintained in the rating transaction (domain/evaluation.ts summaryDeltas): per region prefix and per
    // unit on the path, so a national or provincial distribution is a primary-key read, never a scan.
    this.addSql(`create table predikat_summary (
      scope text not null check (scope in ('REGION', 'UNIT')),
      scope_key text not null,
      year int not null,
      period text not null,
      predikat text not null,
      employees int not null check (employees >= 0),
      primary key (scope, scope_key, year, period, predikat)
    )`);
  }
}
