export { BULK_ACTOR, loadCompetencyBatch, type BulkAssessment, type BulkEmployee, type BulkUnit, type CompetencyBatch, type CompetencyBatchResult } from './load-batch.ts';
export { prepareCompetencyDatabase } from './prepare-database.ts';
export type { SqlClient } from './sql-client.ts';
