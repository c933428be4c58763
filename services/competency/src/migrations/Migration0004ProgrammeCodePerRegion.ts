// Programme codes were unique in the whole country, so a regency's planner creating `PKP-1` took that code
// from every other catalogue (issue 9). A code is now unique along each line of regions that can see each
// other's programmes (checked by commands/programme-commands.ts under an advisory lock on the code); the
// column keeps a plain index for that lookup.
import { Migration } from '@kinerja/kit/db';

export class Migration0004ProgrammeCodePerRegion extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "training_programme" drop constraint "training_programme_code_key"`);
    this.addSql(`create index "training_programme_code_idx" on "training_programme" ("code")`);
  }
}
