// Attendance today per region and org unit, maintained incrementally from day status changes
// (src/domain/today-counts.ts): one row per scope, date and shard.
import { Migration } from '@kinerja/kit/db';

export class Migration0003AttendanceToday extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "attendance_today_count" (
      "scope_key" text not null,
      "date" date not null,
      "shard" smallint not null,
      "present" integer not null default 0,
      "late" integer not null default 0,
      "on_leave" integer not null default 0,
      "absent" integer not null default 0,
      "off" integer not null default 0,
      primary key ("scope_key", "date", "shard")
    )`);
  }
}
