// performance.rating.v1 (PredikatFinalised): finalised predikat per SKP and period, keeping the highest
// version (a re-finalisation after an admin unlock is a new event with a higher version).
import { PoisonMessageError, type IncomingEvent } from '@kinerja/kit/events';
import type { EntityManager } from '@kinerja/kit/db';
import { isOneOf } from '@kinerja/kit/vocabulary';
import { PredikatFinalisedSchema, fromBinary } from '@kinerja/proto';
import { predikatValues } from '../domain/tpp-rule.ts';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export interface AppliedRating {
  employeeId: string;
  periodStart: string;
  periodEnd: string;
}

/** Returns the rating when it was applied (null: a version no newer than the one held). */
export async function handlePredikatFinalised(em: EntityManager, event: IncomingEvent): Promise<AppliedRating | null> {
  const m = fromBinary(PredikatFinalisedSchema, event.payload);
  if (!m.employeeId || !m.skpId || !m.period) throw new PoisonMessageError('PredikatFinalised without employee_id, skp_id or period');
  if (!isOneOf(predikatValues, m.predikat)) throw new PoisonMessageError(`PredikatFinalised with unknown predikat ${m.predikat}`);
  if (!DAY.test(m.periodStart) || !DAY.test(m.periodEnd) || m.periodEnd < m.periodStart) throw new PoisonMessageError('PredikatFinalised with a malformed period');
  const version = m.version > 0 ? m.version : 1;
  const finalisedAt = Number.isNaN(Date.parse(m.finalisedAt)) ? event.occurredAt : new Date(m.finalisedAt);
  const applied = await em.execute<{ employee_id: string }[]>(
    `insert into "predikat_rating" ("employee_id", "skp_id", "period", "year", "period_start", "period_end", "predikat", "version", "finalised_at")
     values (?, ?, ?, ?, ?, ?, ?, ?, ?)
     on conflict ("employee_id", "skp_id", "period") do update set
       "year" = excluded."year", "period_start" = excluded."period_start", "period_end" = excluded."period_end",
       "predikat" = excluded."predikat", "version" = excluded."version", "finalised_at" = excluded."finalised_at"
     where "predikat_rating"."version" < excluded."version"
     returning "employee_id"`,
    [m.employeeId, m.skpId, m.period, m.year, m.periodStart, m.periodEnd, m.predikat, version, finalisedAt],
  );
  return applied.length > 0 ? { employeeId: m.employeeId, periodStart: m.periodStart, periodEnd: m.periodEnd } : null;
}
