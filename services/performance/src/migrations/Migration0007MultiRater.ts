import { Migration } from '@kinerja/kit/db';
import { nationalDefaults } from '../domain/configuration-kinds.ts';

// Multi-rater (360°) feedback (issue 10, DOMAIN.md "Performance"): a round per SKP and period naming its
// raters; responses carry no rater and no time, so no read can tie a score to a person (the rater row only
// says that they responded). The anonymity threshold is configurable data (MULTI_RATER, default 3) and is
// snapshotted on the round when it opens, so a later change never reveals an older round below its threshold.
export class Migration0007MultiRater extends Migration {
  override up(): void {
    this.addSql('alter table configuration_version drop constraint configuration_version_kind_check');
    this.addSql(`alter table configuration_version add constraint configuration_version_kind_check
      check (kind in ('PREDIKAT_MATRIX', 'DISTRIBUTION_LIMITS', 'ANGKA_KREDIT', 'PERIOD_SCHEME', 'MULTI_RATER'))`);
    const { instansiId: _national, effectiveFrom, ...value } = nationalDefaults.MULTI_RATER;
    this.addSql(`insert into configuration_version (id, kind, instansi_id, effective_from, value, created_by)
      values (gen_random_uuid(), 'MULTI_RATER', null, '${effectiveFrom}', $value$${JSON.stringify(value)}$value$::jsonb, 'migration')`);

    this.addSql(`create table feedback_round (
      id uuid primary key,
      skp_id uuid not null references skp (id) deferrable initially deferred,
      period text not null,
      min_responses int not null check (min_responses >= 1),
      opened_by text not null,
      opened_at timestamptz not null default now(),
      closed_by text null,
      closed_at timestamptz null,
      unique (skp_id, period)
    )`);
    this.addSql(`create table feedback_rater (
      round_id uuid not null references feedback_round (id) on delete cascade deferrable initially deferred,
      rater_employee_id text not null,
      relation text not null check (relation in ('PEER', 'SUBORDINATE', 'SERVICE_USER')),
      responded boolean not null default false,
      primary key (round_id, rater_employee_id)
    )`);
    this.addSql('create index feedback_rater_employee_idx on feedback_rater (rater_employee_id)');
    this.addSql(`create table feedback_response (
      id uuid primary key,
      round_id uuid not null references feedback_round (id) on delete cascade deferrable initially deferred,
      comment text null
    )`);
    this.addSql('create index feedback_response_round_idx on feedback_response (round_id)');
    this.addSql(`create table feedback_score (
      response_id uuid not null references feedback_response (id) on delete cascade deferrable initially deferred,
      behaviour text not null check (behaviour in ('BERORIENTASI_PELAYANAN', 'AKUNTABEL', 'KOMPETEN', 'HARMONIS', 'LOYAL', 'ADAPTIF', 'KOLABORATIF')),
      score int not null check (score between 1 and 5),
      primary key (response_id, behaviour)
    )`);
  }
}
