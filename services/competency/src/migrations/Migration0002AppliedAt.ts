// Standards and mapping rules that come into force later: `applied_at` records when the employees they
// cover were last re-derived for them (src/commands/configuration-in-force.ts). Rows already in force when
// this runs were applied by the mutation or the seed that wrote them; future-dated rows wait for the job.
// mapping_rule gets the same one-row-per-(instansi, date) key competency_standard has, for setMappingRule.
import { Migration } from '@kinerja/kit/db';

export class Migration0002AppliedAt extends Migration {
  override async up(): Promise<void> {
    for (const table of ['competency_standard', 'mapping_rule']) {
      this.addSql(`alter table "${table}" add column "applied_at" timestamptz null`);
      this.addSql(`update "${table}" set "applied_at" = now() where "effective_from" <= current_date`);
      // The job looks for rows still waiting; a partial index keeps that lookup small whatever the history.
      this.addSql(`create index "${table}_pending_idx" on "${table}" ("effective_from") where "applied_at" is null`);
    }
    this.addSql(`create unique index "mapping_rule_key" on "mapping_rule" (coalesce("instansi_id", ''), "effective_from")`);
    this.addSql(`alter table "mapping_rule" add column "created_by" text not null default 'seed'`);
  }
}
