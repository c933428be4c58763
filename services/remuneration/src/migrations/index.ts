import { Migration0001Schema } from './Migration0001Schema.ts';
import { Migration0002Statements } from './Migration0002Statements.ts';
import { Migration0003PositionsPltSanctions } from './Migration0003PositionsPltSanctions.ts';
import { Migration0004AuditTrail } from './Migration0004AuditTrail.ts';
import { Migration0005CompactStatements } from './Migration0005CompactStatements.ts';

// Listed explicitly (not discovered from files) so they load under Node's type stripping; names are
// stable so a renamed class never re-runs a migration. Next: Migration0006<What>.ts.
export const migrations = [
  { name: 'Migration0001Schema', class: Migration0001Schema },
  { name: 'Migration0002Statements', class: Migration0002Statements },
  { name: 'Migration0003PositionsPltSanctions', class: Migration0003PositionsPltSanctions },
  { name: 'Migration0004AuditTrail', class: Migration0004AuditTrail },
  { name: 'Migration0005CompactStatements', class: Migration0005CompactStatements },
];
