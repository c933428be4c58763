import { Migration0001Schema } from './Migration0001Schema.ts';
import { Migration0002SeedRegions } from './Migration0002SeedRegions.ts';
import { Migration0003HeadcountSummary } from './Migration0003HeadcountSummary.ts';

// Listed explicitly (not discovered from files) so they load under Node's type stripping; names are
// stable so a renamed class never re-runs a migration.
export const migrations = [
  { name: 'Migration0001Schema', class: Migration0001Schema },
  { name: 'Migration0002SeedRegions', class: Migration0002SeedRegions },
  { name: 'Migration0003HeadcountSummary', class: Migration0003HeadcountSummary },
];
