// The sharded attendance-today counters: deltas applied in the transaction that changes day statuses,
// and reads that sum a scope's shards.
import { BUCKETS, emptyCounts, type BucketCounts } from '../domain/today-counts.ts';
import { inList, queryBound, queryRows, type Em } from './sql.ts';

export interface CounterDelta {
  scopeKey: string;
  date: string;
  shard: number;
  counts: BucketCounts;
}

const columnOf: Record<keyof BucketCounts, string> = { present: 'present', late: 'late', onLeave: 'on_leave', absent: 'absent', off: 'off' };

/** Adds the deltas (one statement, bound arrays); zero deltas are skipped by the caller. */
export async function applyCounterDeltas(em: Em, deltas: readonly CounterDelta[]): Promise<void> {
  if (deltas.length === 0) return;
  // A stable order takes the row locks in the same order in every transaction (no deadlocks between them).
  const sorted = [...deltas].sort((a, b) => a.scopeKey.localeCompare(b.scopeKey) || a.date.localeCompare(b.date) || a.shard - b.shard);
  const columns = BUCKETS.map((bucket) => columnOf[bucket]);
  await queryBound(
    em,
    `insert into attendance_today_count as t (scope_key, date, shard, ${columns.join(', ')})
     select scope_key, date, shard, ${columns.join(', ')} from unnest($1::text[], $2::date[], $3::smallint[], ${BUCKETS.map((_, i) => `$${i + 4}::int[]`).join(', ')}) with ordinality as d(scope_key, date, shard, ${columns.join(', ')}, ord)
     order by ord
     on conflict (scope_key, date, shard) do update set ${columns.map((column) => `${column} = t.${column} + excluded.${column}`).join(', ')}`,
    [sorted.map((d) => d.scopeKey), sorted.map((d) => d.date), sorted.map((d) => d.shard), ...BUCKETS.map((bucket) => sorted.map((d) => d.counts[bucket]))],
  );
}

export async function findScopeCounts(em: Em, scopeKeys: readonly string[], date: string): Promise<Map<string, BucketCounts>> {
  const rows = await queryRows<{ scope_key: string; present: number; late: number; on_leave: number; absent: number; off: number }>(
    em,
    `select scope_key, sum(present)::int as present, sum(late)::int as late, sum(on_leave)::int as on_leave, sum(absent)::int as absent, sum(off)::int as off
     from attendance_today_count where scope_key in (?) and date = ? group by scope_key`,
    [inList(scopeKeys), date],
  );
  const counts = new Map<string, BucketCounts>(scopeKeys.map((key) => [key, emptyCounts()]));
  for (const row of rows) counts.set(row.scope_key, { present: row.present, late: row.late, onLeave: row.on_leave, absent: row.absent, off: row.off });
  return counts;
}
