import { Migration } from '@kinerja/kit/db';

// The importSiasn mutation's jobs (issue 15): the parsed file (kept for the differences report), the
// progress an admin page polls, and the per-row report once the import has run.
export class Migration0005SiasnImportJobs extends Migration {
  override up(): void {
    this.addSql(`create table siasn_import_job (
      id uuid primary key,
      status text not null,
      file_names text not null,
      dry_run boolean not null,
      region_code text null,
      requested_by text not null,
      requester_region text not null,
      instansi_siasn_ids text[] not null,
      total int not null,
      processed int not null,
      created int not null,
      updated int not null,
      unchanged int not null,
      refused int not null,
      error text null,
      tables jsonb not null,
      report jsonb not null,
      created_at timestamptz not null,
      finished_at timestamptz null
    )`);
    this.addSql('create index siasn_import_job_created_at_idx on siasn_import_job (created_at)');
  }
}
