import { outboxMigrationSql } from '@kinerja/kit/events';
import { Migration } from '@kinerja/kit/db';
import { nationalDefaults } from '../domain/configuration-kinds.ts';

// The performance schema: the employee read model (personnel.employee.v1), the configurable tables as
// versioned data (seeded with the national defaults), and the SKP plan with its transition history.
// Values are checked in the database too, so bulk loaders writing SQL cannot store what the API refuses.
// Foreign keys are checked at commit: entities carry plain ids (no ORM relations), so the unit of work
// does not order inserts by reference.
export class Migration0001Schema extends Migration {
  override up(): void {
    for (const sql of outboxMigrationSql) this.addSql(sql);

    this.addSql(`create table employee (
      employee_id text primary key,
      nip text not null,
      name text not null default '',
      region_code text not null,
      unit_id text null,
      instansi_id text null,
      unit_path text[] not null default '{}',
      jenis_jabatan text null,
      position_id text null,
      position_title text null,
      supervisor_id text null,
      status text not null check (status in ('ACTIVE', 'RETIRED')),
      last_event_at timestamptz not null,
      updated_at timestamptz not null default now()
    )`);
    this.addSql('create index employee_nip_idx on employee (nip)');
    this.addSql('create index employee_supervisor_id_idx on employee (supervisor_id)');
    this.addSql('create index employee_region_code_idx on employee (region_code text_pattern_ops)');
    this.addSql('create index employee_unit_path_idx on employee using gin (unit_path)');

    // Every configurable table of DOMAIN.md (predikat matrix, distribution limits, angka kredit, period
    // scheme) as versioned data: one row per kind, instansi (null = national default) and effective date.
    this.addSql(`create table configuration_version (
      id uuid primary key,
      kind text not null check (kind in ('PREDIKAT_MATRIX', 'DISTRIBUTION_LIMITS', 'ANGKA_KREDIT', 'PERIOD_SCHEME')),
      instansi_id text null,
      effective_from date not null,
      value jsonb not null,
      created_by text not null,
      created_at timestamptz not null default now()
    )`);
    this.addSql(`create unique index configuration_version_uq on configuration_version (kind, coalesce(instansi_id, ''), effective_from)`);
    // The national defaults of DOMAIN.md; an instansi's own version is a later row.
    // The kinds this migration knows (later migrations seed the defaults of later kinds).
    for (const kind of ['PREDIKAT_MATRIX', 'DISTRIBUTION_LIMITS', 'ANGKA_KREDIT', 'PERIOD_SCHEME'] as const) {
      const { instansiId: _national, effectiveFrom, ...value } = nationalDefaults[kind];
      this.addSql(`insert into configuration_version (id, kind, instansi_id, effective_from, value, created_by)
        values (gen_random_uuid(), '${kind}', null, '${effectiveFrom}', $value$${JSON.stringify(value)}$value$::jsonb, 'migration')`);
    }

    this.addSql(`create table skp (
      id uuid primary key,
      employee_id text not null references employee (employee_id) deferrable initially deferred,
      year int not null check (year between 2022 and 2100),
      position_id text null,
      unit_id text null,
      instansi_id text null,
      region_code text not null,
      rater_employee_id text null,
      status text not null check (status in ('DRAFT', 'SUBMITTED', 'APPROVED', 'REJECTED', 'REVISION_REQUESTED')),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`);
    // One SKP per employee per year per assignment (DOMAIN.md): a new position mid-year starts another.
    this.addSql(`create unique index skp_assignment_uq on skp (employee_id, year, coalesce(position_id, ''))`);
    this.addSql('create index skp_region_code_idx on skp (region_code text_pattern_ops)');

    this.addSql(`create table rhk (
      id uuid primary key,
      skp_id uuid not null references skp (id) on delete cascade deferrable initially deferred,
      kind text not null check (kind in ('UTAMA', 'TAMBAHAN')),
      text text not null,
      supports_rhk_id uuid null references rhk (id) deferrable initially deferred,
      goal_id uuid null,
      sort_order int not null,
      created_at timestamptz not null default now()
    )`);
    this.addSql('create index rhk_skp_id_idx on rhk (skp_id)');
    this.addSql('create index rhk_supports_rhk_id_idx on rhk (supports_rhk_id)');

    this.addSql(`create table indicator (
      id uuid primary key,
      rhk_id uuid not null references rhk (id) on delete cascade deferrable initially deferred,
      text text not null,
      aspect text not null check (aspect in ('KUANTITAS', 'KUALITAS', 'WAKTU', 'BIAYA')),
      target numeric not null check (target > 0),
      unit text not null,
      quarterly_targets jsonb null,
      sort_order int not null
    )`);
    this.addSql('create index indicator_rhk_id_idx on indicator (rhk_id)');

    this.addSql(`create table behaviour_expectation (
      skp_id uuid not null references skp (id) on delete cascade deferrable initially deferred,
      behaviour text not null check (behaviour in ('BERORIENTASI_PELAYANAN', 'AKUNTABEL', 'KOMPETEN', 'HARMONIS', 'LOYAL', 'ADAPTIF', 'KOLABORATIF')),
      expectation text not null,
      primary key (skp_id, behaviour)
    )`);

    this.addSql(`create table skp_event (
      id uuid primary key,
      skp_id uuid not null references skp (id) on delete cascade deferrable initially deferred,
      action text not null,
      from_status text null,
      to_status text not null,
      actor_username text not null,
      actor_employee_id text null,
      note text null,
      occurred_at timestamptz not null default now()
    )`);
    this.addSql('create index skp_event_skp_id_idx on skp_event (skp_id, occurred_at)');
  }
}
