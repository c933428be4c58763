// The seeded months' statements, computed by the service's own compute command in this process
// (startTppRun + processRunBatch, the same code a computeTpp request runs), so every seeded number is
// exactly what the service computes and the summaries follow from the same deltas.
import type { Logger } from 'pino';
import type { Viewer } from '@kinerja/kit';
import { todayIso } from '@kinerja/kit/dates';
import type { Orm } from '@kinerja/kit/db';
import { processRunBatch, startTppRun } from '../commands/compute-tpp.ts';
import { TPP_TOPIC } from '../events/topics.ts';
import { findInstansiRegion } from '../repositories/instansi-rows.ts';
import { BULK_ACTOR } from './load-batch.ts';

export interface SeededMonth {
  instansiId: string;
  /** YYYY-MM */
  month: string;
}

export interface SeededMonthsResult {
  runs: number;
  /** Statement versions written. */
  statements: number;
  /** Employees a run skipped (e.g. no base amount for their kelas), with the run's explanation. */
  skipped: string[];
}

export const SEED_RUN_REASON = 'Data demo (seed)';

/** The seed acts as the instansi's admin-kepegawaian: the command checks authority as for any request. */
function seedAdmin(regionCode: string): Viewer {
  return { subject: BULK_ACTOR, username: BULK_ACTOR, nip: null, roles: new Set(['admin-kepegawaian']), regionCode };
}

export async function computeSeededMonths(orm: Orm, logger: Logger, months: readonly SeededMonth[]): Promise<SeededMonthsResult> {
  const result: SeededMonthsResult = { runs: 0, statements: 0, skipped: [] };
  if (months.length === 0) return result;
  const em = orm.em.fork();
  const [outbox] = await em.execute<{ seq: string }[]>(`select coalesce(max("seq"), 0)::text as "seq" from "outbox_event"`);
  const outboxBefore = outbox?.seq ?? '0';
  // One instansi after the other: every run adds into the same national and provincial summary rows, and
  // concurrent runs could lock those rows in different orders.
  for (const { instansiId, month } of months) {
    const region = await findInstansiRegion(em, instansiId);
    if (region === null) throw new Error(`instansi ${instansiId} has no scope in remuneration's read model`);
    const run = await startTppRun(orm.em.fork(), seedAdmin(region), instansiId, month, SEED_RUN_REASON, todayIso());
    while (await processRunBatch(orm, run.id));
    const [done] = await em.execute<{ status: string; changed: number; error: string | null }[]>(
      `select "status", "changed", "error" from "tpp_run" where "id" = ?`,
      [run.id],
    );
    if (done?.status !== 'DONE') throw new Error(`TPP run ${run.id} for ${instansiId} ${month} ended ${done?.status}: ${done?.error ?? ''}`);
    result.runs += 1;
    result.statements += done.changed;
    if (done.error) result.skipped.push(...done.error.split('\n').map((line) => `${instansiId} ${month}: ${line}`));
  }
  // Like personnel's and competency's bulk paths, generated data publishes no business events: the
  // command enqueued a TppComputed per statement, which are removed before any relay sends them (the
  // seed runs before the services start; rows are matched by sequence, topic and not yet published).
  await em.execute(`delete from "outbox_event" where "seq" > ?::bigint and "topic" = ? and "published_at" is null`, [outboxBefore, TPP_TOPIC]);
  if (result.skipped.length > 0) logger.warn({ skipped: result.skipped.slice(0, 20), total: result.skipped.length }, 'seeded TPP runs skipped employees');
  return result;
}
