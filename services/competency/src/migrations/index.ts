// Migrations in order; passed to the kit's createOrm as classes (no file discovery under type stripping).
// `name` is what MikroORM records in mikro_orm_migrations. The first three were named by timestamp before
// the service template (docs/service-template.md); `renamedFrom` lets createOrm rewrite the recorded old
// name of a database migrated before the rename, so nothing runs twice.
import { Migration0001Schema } from './Migration0001Schema.ts';
import { Migration0002AppliedAt } from './Migration0002AppliedAt.ts';
import { Migration0003UnitPath } from './Migration0003UnitPath.ts';
import { Migration0004ProgrammeCodePerRegion } from './Migration0004ProgrammeCodePerRegion.ts';
import { Migration0005AuditTrail } from './Migration0005AuditTrail.ts';

export const migrations = [
  { name: 'Migration0001Schema', class: Migration0001Schema, renamedFrom: 'Migration20250601000000_initial' },
  { name: 'Migration0002AppliedAt', class: Migration0002AppliedAt, renamedFrom: 'Migration20261122000000_applied_at' },
  { name: 'Migration0003UnitPath', class: Migration0003UnitPath, renamedFrom: 'Migration20261122010000_unit_path' },
  { name: 'Migration0004ProgrammeCodePerRegion', class: Migration0004ProgrammeCodePerRegion },
  { name: 'Migration0005AuditTrail', class: Migration0005AuditTrail },
];
