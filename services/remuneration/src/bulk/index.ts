export { computeSeededMonths, SEED_RUN_REASON, type SeededMonth, type SeededMonthsResult } from './compute-months.ts';
export { demoBaseAmounts, demoTppRule, DEMO_RULE_LEGAL_BASIS } from './demo-rule.ts';
export {
  BULK_ACTOR,
  loadRemunerationBatch,
  type BulkEmployee,
  type BulkRating,
  type BulkRecap,
  type BulkRule,
  type RemunerationBatch,
  type RemunerationBatchResult,
} from './load-batch.ts';
export { openRemunerationOrm, prepareRemunerationDatabase } from './prepare-database.ts';
export type { SqlClient } from './sql-client.ts';
