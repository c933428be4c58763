export { loadPersonnelBatch, type BulkEmployee, type BulkOrgUnit, type BulkPosition, type PersonnelBatch, type PersonnelBatchResult } from './load-batch.ts';
export { openPersonnelOrm, preparePersonnelDatabase } from './prepare-database.ts';
export type { SqlClient } from './sql-client.ts';
