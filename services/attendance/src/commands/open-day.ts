// Opens each employee's office day (status BELUM_PRESENSI, or LIBUR, or the approved leave), so the
// attendance-today counters know who is expected and still absent, and settles yesterday's provisional
// days (a day without check-out becomes PSW4, without any capture TK). Idempotent: run it as often as
// convenient (main.ts: every 10 minutes); each page is its own transaction. The same job closes the previous
// month on its closing day.
import type { Logger } from 'pino';
import type { Orm } from '@kinerja/kit/db';
import { addDays, localDateOf } from '../domain/office-time.ts';
import { findEmployeePlaces } from '../repositories/day-inputs.ts';
import { queryRows, type Em } from '../repositories/sql.ts';
import { closeDueMonth } from './month-close.ts';
import { recomputeDays, type DayKey } from './recompute-days.ts';

const PAGE = 500;

export async function openDays(em: Em, now: Date): Promise<{ opened: number; settled: number }> {
  let after = '';
  let opened = 0;
  for (;;) {
    const page = await queryRows<{ employee_id: string }>(em, `select employee_id from employee where status = 'ACTIVE' and employee_id > ? order by employee_id limit ?`, [after, PAGE]);
    if (page.length === 0) break;
    after = page[page.length - 1]?.employee_id ?? after;
    opened += await em.transactional(async (tx) => {
      const places = await findEmployeePlaces(tx, page.map((row) => row.employee_id));
      const keys: DayKey[] = [...places.values()].map((place) => ({ employeeId: place.employeeId, date: localDateOf(now, place.timeZone) }));
      const params: unknown[] = [];
      const list = keys.map((key) => {
        params.push(key.employeeId, key.date);
        return '(?, ?::date)';
      });
      const existing = new Set(
        (await queryRows<{ employee_id: string }>(tx, `select employee_id from day_status where (employee_id, date) in (${list.join(', ')})`, params)).map((row) => row.employee_id),
      );
      const missing = keys.filter((key) => !existing.has(key.employeeId));
      await recomputeDays(tx, missing, now);
      return missing.length;
    });
  }
  // Provisional days whose shift may have ended (today's included: a shift ends during the day).
  const provisional = await queryRows<{ employee_id: string; date: string }>(
    em,
    `select employee_id, date::text as date from day_status where provisional and date <= ? order by employee_id, date limit 20000`,
    [addDays(now.toISOString().slice(0, 10), 1)],
  );
  let settled = 0;
  for (let start = 0; start < provisional.length; start += PAGE) {
    const slice = provisional.slice(start, start + PAGE).map((row) => ({ employeeId: row.employee_id, date: row.date }));
    const days = await em.transactional((tx) => recomputeDays(tx, slice, now));
    settled += days.filter((day) => !day.provisional).length;
  }
  return { opened, settled };
}

/** Runs openDays now and then every `intervalMs`; stop() waits for a run in progress. */
export function startOpenDaysJob(options: { orm: Orm; logger: Logger; closeDay: number; intervalMs?: number }): { stop(): Promise<void> } {
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    const em = options.orm.em.fork() as unknown as Em;
    running = openDays(em, new Date())
      .then(async (result) => {
        if (result.opened + result.settled > 0) options.logger.info(result, 'attendance days opened and settled');
        const closed = await closeDueMonth(em, options.closeDay, new Date());
        if (closed !== null && closed.published > 0) options.logger.info(closed, 'attendance month closed');
      })
      .catch((error: unknown) => options.logger.error({ err: error }, 'opening attendance days failed'));
  };
  tick();
  const timer = setInterval(tick, options.intervalMs ?? 10 * 60_000);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
