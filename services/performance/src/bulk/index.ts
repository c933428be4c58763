export { BULK_ACTOR, loadPerformanceBatch, type BulkEmployee, type BulkRating, type BulkUnit, type PerformanceBatch, type PerformanceBatchResult } from './load-batch.ts';
export { preparePerformanceDatabase } from './prepare-database.ts';
export type { SqlClient } from './sql-client.ts';
