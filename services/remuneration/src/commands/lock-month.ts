// lockTppMonth / reopenTppMonth: the month's status kunci and its recorded reopening (issue 12). A lock
// needs every current statement fresh and no run in progress; a reopen needs a reason. Each change and
// its log row commit together.
import { randomUUID } from 'node:crypto';
import { badUserInput, conflict, type Viewer } from '@kinerja/kit';
import type { EntityManager } from '@kinerja/kit/db';
import { isMonth } from '../domain/month.ts';
import { countStaleStatements, findRunningRun, isMonthLocked } from '../repositories/statement-rows.ts';
import { assertInstansiAdmin } from '../resolvers/scope.ts';

export interface MonthStatus {
  instansiId: string;
  month: string;
  locked: boolean;
}

async function change(em: EntityManager, viewer: Viewer, instansiId: string, month: string, action: 'LOCK' | 'REOPEN', reason: string): Promise<MonthStatus> {
  await em.transactional(async (tx) => {
    await tx.execute(
      `insert into "tpp_month" ("instansi_id", "month", "status", "changed_by", "changed_at") values (?, ?, ?, ?, now())
       on conflict ("instansi_id", "month") do update set "status" = excluded."status", "changed_by" = excluded."changed_by", "changed_at" = excluded."changed_at"`,
      [instansiId, month, action === 'LOCK' ? 'LOCKED' : 'OPEN', viewer.username],
    );
    await tx.execute(`insert into "tpp_month_event" ("id", "instansi_id", "month", "action", "reason", "actor", "at") values (?, ?, ?, ?, ?, ?, now())`, [randomUUID(), instansiId, month, action, reason, viewer.username]);
  });
  return { instansiId, month, locked: action === 'LOCK' };
}

function assertMonth(month: string): void {
  if (!isMonth(month)) throw badUserInput(`Bulan ${month} tidak valid; gunakan YYYY-MM`, 'invalid_month');
}

export async function lockTppMonth(em: EntityManager, viewer: Viewer, instansiId: string, month: string): Promise<MonthStatus> {
  assertMonth(month);
  await assertInstansiAdmin(em, viewer, instansiId);
  if (await isMonthLocked(em, instansiId, month)) throw conflict(`TPP ${month} sudah dikunci`, 'already_locked');
  if (await findRunningRun(em, instansiId, month)) throw conflict(`Perhitungan TPP ${month} masih berjalan`, 'run_in_progress');
  const counts = await countStaleStatements(em, instansiId, month);
  if (counts.current === 0) throw conflict(`Belum ada TPP ${month} yang dihitung untuk instansi ini`, 'nothing_computed');
  if (counts.stale > 0) throw conflict(`${counts.stale} slip TPP ${month} usang karena data terlambat; hitung ulang sebelum mengunci`, 'stale_statements');
  return change(em, viewer, instansiId, month, 'LOCK', 'kunci');
}

export async function reopenTppMonth(em: EntityManager, viewer: Viewer, instansiId: string, month: string, reason: string): Promise<MonthStatus> {
  assertMonth(month);
  const why = reason.trim();
  if (why.length < 5 || why.length > 500) throw badUserInput('Alasan membuka kunci wajib diisi (5–500 karakter)', 'invalid_reason');
  await assertInstansiAdmin(em, viewer, instansiId);
  if (!(await isMonthLocked(em, instansiId, month))) throw conflict(`TPP ${month} tidak sedang dikunci`, 'not_locked');
  return change(em, viewer, instansiId, month, 'REOPEN', why);
}
