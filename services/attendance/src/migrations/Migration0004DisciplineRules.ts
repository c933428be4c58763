// TL/PSW band tables per instansi from an effective date (DOMAIN.md "Attendance and discipline": regional
// variants such as 15-minute bands or lateness made up by staying later); none = the default bands.
import { Migration } from '@kinerja/kit/db';

export class Migration0004DisciplineRules extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "discipline_rule" (
      "instansi_id" text not null,
      "effective_from" date not null,
      "upper_bounds" jsonb not null,
      "missing_band" integer not null,
      "make_up_minutes" integer not null,
      "set_by" text not null,
      "set_at" timestamptz not null default now(),
      primary key ("instansi_id", "effective_from")
    )`);
  }
}
