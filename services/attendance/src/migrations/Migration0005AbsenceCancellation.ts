// Cancelling an absence request keeps who decided it: the cancellation has columns of its own.
import { Migration } from '@kinerja/kit/db';

export class Migration0005AbsenceCancellation extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "absence_request" add column "cancelled_by" text null, add column "cancelled_at" timestamptz null, add column "cancellation_note" text null`);
  }
}
