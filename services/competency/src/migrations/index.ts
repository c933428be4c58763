// Migrations in order; passed to the kit's createOrm as classes (no file discovery under type stripping).
import { Migration20250601000000Initial } from './Migration20250601000000_initial.ts';
import { Migration20261122000000AppliedAt } from './Migration20261122000000_applied_at.ts';
import { Migration20261122010000UnitPath } from './Migration20261122010000_unit_path.ts';

export const migrations = [
  { name: 'Migration20250601000000_initial', class: Migration20250601000000Initial },
  { name: 'Migration20261122000000_applied_at', class: Migration20261122000000AppliedAt },
  { name: 'Migration20261122010000_unit_path', class: Migration20261122010000UnitPath },
];
