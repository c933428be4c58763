// Migrations in order; passed to the kit's createOrm as classes (no file discovery under type stripping).
import { Migration20250601000000Initial } from './Migration20250601000000_initial.ts';

export const migrations = [{ name: 'Migration20250601000000_initial', class: Migration20250601000000Initial }];
