import { Migration0001Schema } from './Migration0001Schema.ts';
import { Migration0002SeedRegions } from './Migration0002SeedRegions.ts';
import { Migration0003HeadcountSummary } from './Migration0003HeadcountSummary.ts';
import { Migration0004SiasnIds } from './Migration0004SiasnIds.ts';
import { Migration0005SiasnImportJobs } from './Migration0005SiasnImportJobs.ts';
import { Migration0006AuditTrail } from './Migration0006AuditTrail.ts';

// Listed explicitly (not discovered from files) so they load under Node's type stripping; names are
// stable so a renamed class never re-runs a migration.
export const migrations = [
  { name: 'Migration0001Schema', class: Migration0001Schema },
  { name: 'Migration0002SeedRegions', class: Migration0002SeedRegions },
  { name: 'Migration0003HeadcountSummary', class: Migration0003HeadcountSummary },
  { name: 'Migration0004SiasnIds', class: Migration0004SiasnIds },
  { name: 'Migration0005SiasnImportJobs', class: Migration0005SiasnImportJobs },
  { name: 'Migration0006AuditTrail', class: Migration0006AuditTrail },
];
