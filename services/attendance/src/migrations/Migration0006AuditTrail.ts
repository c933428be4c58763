import { auditMigrationSql } from '@kinerja/kit/audit';
import { Migration } from '@kinerja/kit/db';

// The audit trail (issue 14): the kit's append-only, hash-chained audit_entry table and its triggers.
export class Migration0006AuditTrail extends Migration {
  override up(): void {
    for (const sql of auditMigrationSql) this.addSql(sql);
  }
}
