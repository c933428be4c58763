import { Migration } from '@kinerja/kit/db';

// BKN SIASN's own ids (issue 15): the person id (`id`/`pnsId`) on the employee and the unor id (`Id`)
// on the unit, so an import finds what it created before (idempotent re-imports) and the differences
// report can name SIASN's record. Null for records made here and never imported.
export class Migration0004SiasnIds extends Migration {
  override up(): void {
    this.addSql('alter table employee add column siasn_id text null constraint employee_siasn_id_key unique');
    this.addSql('alter table org_unit add column siasn_id text null constraint org_unit_siasn_id_key unique');
  }
}
