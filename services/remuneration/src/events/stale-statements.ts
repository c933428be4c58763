// A late or corrected input marks the statements it affects stale (issue 12); nothing recomputes by
// itself: the admin's next computeTpp makes the new version, and a locked month stays as paid.
import type { EntityManager } from '@kinerja/kit/db';
import { monthOfDay } from '../domain/month.ts';

/** Current statements of the employee for months overlapping [fromMonth, untilMonth] (null: every month). */
export async function markStale(em: EntityManager, employeeId: string, fromMonth: string | null, untilMonth: string | null): Promise<void> {
  await em.execute(
    `update "tpp_statement" set "stale" = true
     where "employee_id" = ? and "current" and not "stale" and (?::text is null or "month" >= ?) and (?::text is null or "month" <= ?)`,
    [employeeId, fromMonth, fromMonth, untilMonth, untilMonth],
  );
}

export const monthsOfPeriod = (start: string, end: string): [string, string] => [monthOfDay(start), monthOfDay(end)];
