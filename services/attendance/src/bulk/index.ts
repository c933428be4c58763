export {
  BULK_ACTOR,
  bulkId,
  loadAttendanceBatch,
  type AttendanceBatch,
  type AttendanceBatchResult,
  type BulkDay,
  type BulkDayCode,
  type BulkEmployee,
  type BulkOutcome,
  type BulkUnit,
} from './load-batch.ts';
export { prepareAttendanceDatabase } from './prepare-database.ts';
export { officeSite, zoneOfRegion } from './sites.ts';
export type { SqlClient } from './sql-client.ts';
// The bucket a day status counts in (attendance today), for checks of the seeded counters.
export { bucketOf } from '../domain/today-counts.ts';
