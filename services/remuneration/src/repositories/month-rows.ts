// The lock/reopen log of an instansi's month.
import type { EntityManager } from '@kinerja/kit/db';
import { isoInstant } from './rule-rows.ts';

export async function findMonthEvents(em: EntityManager, instansiId: string, month: string) {
  const rows = await em.execute<{ action: string; reason: string; actor: string; at: Date | string }[]>(
    `select "action", "reason", "actor", "at" from "tpp_month_event" where "instansi_id" = ? and "month" = ? order by "at", "id"`,
    [instansiId, month],
  );
  return rows.map((r) => ({ action: r.action, reason: r.reason, actor: r.actor, at: isoInstant(r.at)! }));
}
