// Attendance today per region and org unit (issue 11 "Real time": present, late, absent, on leave, share
// present, maintained incrementally so a national read is O(regions)). Each day status falls in one bucket;
// a status change moves the employee from one bucket to another in every scope they roll up into.
import type { DayStatusCode } from './daily-status.ts';
import { regionAncestors } from '@kinerja/kit/scoping';

export const BUCKETS = ['present', 'late', 'onLeave', 'absent', 'off'] as const;
export type Bucket = (typeof BUCKETS)[number];

/** Early departure still counts as present for the day; TL means late; TK and not-yet-in are absent. */
export function bucketOf(status: DayStatusCode): Bucket {
  if (status === 'HADIR' || status.startsWith('PSW')) return 'present';
  if (status.startsWith('TL')) return 'late';
  if (status === 'TK' || status === 'BELUM_PRESENSI') return 'absent';
  if (status === 'LIBUR') return 'off';
  return 'onLeave';
}

/** Every scope an employee's counts roll up into: `R:<region>` for each ancestor region, `U:<unit>` for each unit. */
export function scopeKeysOf(employee: { regionCode: string; unitId: string | null; instansiId: string | null; unitPath: readonly string[] }): string[] {
  const units = new Set([employee.instansiId, ...employee.unitPath, employee.unitId].filter((id): id is string => id !== null && id !== ''));
  return [...regionAncestors(employee.regionCode).map((code) => `R:${code}`), ...[...units].map((id) => `U:${id}`)];
}

/**
 * Counters are split over shards by employee, so concurrent check-ins of one region do not all wait on
 * one row lock; a read sums the shards (O(shards) per scope).
 */
export const COUNTER_SHARDS = 16;

export function shardOf(employeeId: string): number {
  let hash = 0;
  for (let i = 0; i < employeeId.length; i += 1) hash = (hash * 31 + employeeId.charCodeAt(i)) | 0;
  return Math.abs(hash) % COUNTER_SHARDS;
}

export type BucketCounts = Record<Bucket, number>;

export const emptyCounts = (): BucketCounts => ({ present: 0, late: 0, onLeave: 0, absent: 0, off: 0 });

/** Share of those expected at work (present, late or absent; leave and days off excluded) who came, 4 decimals. */
export function sharePresent(counts: BucketCounts): number | null {
  const expected = counts.present + counts.late + counts.absent;
  return expected === 0 ? null : Math.round(((counts.present + counts.late) / expected) * 10_000) / 10_000;
}
