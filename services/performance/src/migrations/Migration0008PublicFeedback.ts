import { Migration } from '@kinerja/kit/db';
import { nationalDefaults } from '../domain/configuration-kinds.ts';

// Public satisfaction feedback (issue 10, survei kepuasan masyarakat): a service unit's codes (printed as QR
// codes), the one-time tokens handed to anonymous citizens (only their SHA-256 is stored, with the SHA-256 of
// the client address for the rate limit, never the address), and the responses counted per unit and WIB
// month. Token lifetime and rate limits are configurable data (PUBLIC_FEEDBACK).
export class Migration0008PublicFeedback extends Migration {
  override up(): void {
    this.addSql('alter table configuration_version drop constraint configuration_version_kind_check');
    this.addSql(`alter table configuration_version add constraint configuration_version_kind_check
      check (kind in ('PREDIKAT_MATRIX', 'DISTRIBUTION_LIMITS', 'ANGKA_KREDIT', 'PERIOD_SCHEME', 'MULTI_RATER', 'PUBLIC_FEEDBACK'))`);
    const { instansiId: _national, effectiveFrom, ...value } = nationalDefaults.PUBLIC_FEEDBACK;
    this.addSql(`insert into configuration_version (id, kind, instansi_id, effective_from, value, created_by)
      values (gen_random_uuid(), 'PUBLIC_FEEDBACK', null, '${effectiveFrom}', $value$${JSON.stringify(value)}$value$::jsonb, 'migration')`);

    this.addSql(`create table public_feedback_code (
      code text primary key,
      unit_id text not null,
      instansi_id text null,
      region_code text not null,
      service_name text not null,
      active boolean not null default true,
      created_by text not null,
      created_at timestamptz not null default now()
    )`);
    this.addSql('create index public_feedback_code_unit_idx on public_feedback_code (unit_id)');
    this.addSql(`create table public_feedback_token (
      token_hash text primary key,
      code text not null references public_feedback_code (code) deferrable initially deferred,
      client_key text not null,
      issued_at timestamptz not null default now(),
      expires_at timestamptz not null,
      used_at timestamptz null
    )`);
    this.addSql('create index public_feedback_token_client_idx on public_feedback_token (client_key, issued_at)');
    this.addSql('create index public_feedback_token_code_idx on public_feedback_token (code, issued_at)');
    this.addSql(`create table public_feedback_response (
      id uuid primary key,
      code text not null references public_feedback_code (code) deferrable initially deferred,
      unit_id text not null,
      month text not null,
      rating int not null check (rating between 1 and 5),
      comment text null
    )`);
    this.addSql('create index public_feedback_response_unit_month_idx on public_feedback_response (unit_id, month)');
  }
}
