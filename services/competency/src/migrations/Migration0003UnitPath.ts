// The employee's unit ancestry (EmployeeChanged.unit_path: instansi down to the unit), so summaries are
// kept at every ancestor unit, not only the unit and the instansi. employee_gap keeps the path each
// employee was counted under, so a later change subtracts exactly what was added. Empty for events from
// producers older than the field, and for rows the bulk loader writes: those count at unit and instansi.
import { Migration } from '@kinerja/kit/db';

export class Migration0003UnitPath extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "employee" add column "unit_path" text[] not null default '{}'`);
    this.addSql(`alter table "employee_gap" add column "unit_path" text[] not null default '{}'`);
  }
}
