import { Migration } from '@kinerja/kit/db';

// The organisation's goals of a year (sasaran strategis / Perjanjian Kinerja with indicator and target),
// which a unit head's RHK support: the top of the cascade (issue 10 "Organisation goals and the cascade").
export class Migration0004OrgGoals extends Migration {
  override up(): void {
    this.addSql(`create table org_goal (
      id uuid primary key,
      unit_id text not null,
      year int not null check (year between 2022 and 2100),
      text text not null,
      indicator text not null,
      target numeric null check (target > 0),
      target_unit text null,
      created_by text not null,
      created_at timestamptz not null default now()
    )`);
    this.addSql('create index org_goal_unit_year_idx on org_goal (unit_id, year)');
    this.addSql('alter table rhk add constraint rhk_goal_id_fkey foreign key (goal_id) references org_goal (id) deferrable initially deferred');
    this.addSql('create index rhk_goal_id_idx on rhk (goal_id)');
  }
}
