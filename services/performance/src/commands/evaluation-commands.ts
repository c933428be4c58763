// Continuous documentation and rating: the employee records realisation with evidence, the direct
// supervisor gives feedback and rates hasil kerja and perilaku kerja; the predikat comes from the matrix
// in force at the period's end. The maintained distribution counts change in the same transaction.
import { randomUUID } from 'node:crypto';
import type { Viewer } from '@kinerja/kit/auth';
import type { EntityManager } from '@kinerja/kit/db';
import { badUserInput, conflict, forbidden, notFound } from '@kinerja/kit/errors';
import { entryRefusal, MAX_EVALUATION_NOTE, MAX_REALISATIONS_PER_PERIOD, realisationProblems, summaryDeltas, type RealisationInput, type SummaryDelta } from '../domain/evaluation.ts';
import { isIsoDate } from '@kinerja/kit/dates';
import { addDays, todayWib } from '../domain/periods.ts';
import { predikatOf } from '../domain/predikat-matrix.ts';
import type { RatingLevel } from '../domain/rating.ts';
import { Evaluation, Feedback, PeriodUnlock, Realisation } from '../entities/index.ts';
import { configurationInForce } from '../repositories/configuration-rows.ts';
import { findEmployees, type EmployeeRow } from '../repositories/employee-rows.ts';
import { countRealisations, lockEvaluation } from '../repositories/evaluation-rows.ts';
import { findRhk, lockSkp, type SkpRow } from '../repositories/skp-rows.ts';
import { actingOnSkp, actorOf, assertAdminOfInstansi, requireUuid, trimmedNote, type ActingViewer } from './command-input.ts';
import { periodOf, type PeriodWithState } from './period-context.ts';

function refuseEntry(context: Parameters<typeof entryRefusal>[0]): void {
  const refusal = entryRefusal(context);
  if (refusal !== null) throw conflict(refusal.message, refusal.reason);
}

interface SkpAccess {
  skp: SkpRow;
  owner: EmployeeRow;
  period: PeriodWithState;
  acting: ActingViewer;
}

/** Locks the SKP, checks who acts, and resolves the period under the owner's instansi scheme of the SKP's year. */
async function skpForEntry(tx: EntityManager, viewer: Viewer, skpId: string, periodCode: string, as: 'OWNER' | 'SUPERVISOR'): Promise<SkpAccess> {
  const skp = await lockSkp(tx, skpId);
  if (skp === null) throw notFound('SKP tidak ditemukan', 'skp_not_found');
  const [owner] = await findEmployees(tx, [skp.employeeId]);
  if (owner === undefined) throw new Error(`skp ${skp.id} names employee ${skp.employeeId} missing from the read model`);
  // At the top of the chain an admin-kepegawaian stands in for the supervisor; realisation stays the owner's.
  const acting = await actingOnSkp(tx, viewer, owner, skp.instansiId);
  if (acting === null || acting.actor !== as) {
    throw as === 'OWNER'
      ? forbidden('Realisasi hanya dapat dicatat oleh pegawai pemilik SKP', 'not_skp_owner')
      : forbidden('Hanya atasan langsung yang dapat menilai dan memberi umpan balik', 'not_direct_supervisor');
  }
  const period = await periodOf(tx, skp.instansiId, skp.year, periodCode);
  return { skp, owner, period, acting };
}

export async function recordRealisation(
  em: EntityManager,
  viewer: Viewer,
  input: { indicatorId: string; period: string; value: number; evidenceUrl?: string | null; note?: string | null },
): Promise<string> {
  const indicatorId = requireUuid(input.indicatorId, 'indicatorId');
  const entry = { value: input.value, evidenceUrl: trimmedNote(input.evidenceUrl), note: trimmedNote(input.note) };
  const problems = realisationProblems(entry);
  const first = problems[0];
  if (first !== undefined) throw badUserInput(first.message, first.reason, { problems });
  return em.transactional((tx) => addRealisation(tx, viewer, indicatorId, input.period, entry));
}

/** Inside a transaction: the owner's realisation of an indicator in an open period of an approved SKP. */
export async function addRealisation(tx: EntityManager, viewer: Viewer, indicatorId: string, periodCode: string, entry: RealisationInput): Promise<string> {
  const [rhkId] = (await tx.execute<{ rhkId: string }[]>('select rhk_id as "rhkId" from indicator where id = ?', [indicatorId])).map((r) => r.rhkId);
  if (rhkId === undefined) throw notFound('Indikator tidak ditemukan', 'indicator_not_found');
  const [rhk] = await findRhk(tx, [rhkId]);
  const { skp, period } = await skpForEntry(tx, viewer, rhk!.skpId, periodCode, 'OWNER');
  const evaluation = await lockEvaluation(tx, skp.id, period.code);
  refuseEntry({ skpStatus: skp.status, periodState: period.state, evaluationStatus: evaluation?.status ?? null });
  if ((await countRealisations(tx, indicatorId, period.code)) >= MAX_REALISATIONS_PER_PERIOD) {
    throw conflict(`Paling banyak ${MAX_REALISATIONS_PER_PERIOD} catatan realisasi per indikator per periode`, 'too_many_realisations');
  }
  tx.create(Realisation, { id: randomUUID(), skpId: skp.id, indicatorId, period: period.code, ...entry, recordedBy: actorOf(viewer) });
  return indicatorId;
}

export async function giveFeedback(em: EntityManager, viewer: Viewer, skpId: string, periodCode: string, text: string): Promise<string> {
  const id = requireUuid(skpId, 'skpId');
  const trimmed = text.trim();
  if (trimmed.length < 3 || trimmed.length > MAX_EVALUATION_NOTE) throw badUserInput(`Umpan balik harus 3–${MAX_EVALUATION_NOTE} karakter`, 'invalid_feedback');
  return em.transactional(async (tx) => {
    const { skp, period, acting } = await skpForEntry(tx, viewer, id, periodCode, 'SUPERVISOR');
    refuseEntry({ skpStatus: skp.status, periodState: period.state, evaluationStatus: null });
    tx.create(Feedback, { id: randomUUID(), skpId: skp.id, period: period.code, text: trimmed, givenBy: actorOf(viewer), giverEmployeeId: acting.employeeId });
    return skp.id;
  });
}

/**
 * Applies count changes to predikat_summary. A decrement is an update (PostgreSQL checks `employees >= 0`
 * on an upsert's proposed row too), an increment an upsert; a count can never go below zero.
 */
export async function applySummaryDeltas(tx: EntityManager, year: number, period: string, deltas: readonly SummaryDelta[]): Promise<void> {
  for (const d of deltas) {
    if (d.delta < 0) {
      const changed = await tx.execute<{ affectedRows?: number }>(
        'update predikat_summary set employees = employees + ? where scope = ? and scope_key = ? and year = ? and period = ? and predikat = ?',
        [d.delta, d.scope, d.scopeKey, year, period, d.predikat],
        'run',
      );
      if (changed.affectedRows !== 1) throw new Error(`predikat_summary has no ${d.scope} ${d.scopeKey} ${year} ${period} ${d.predikat} row to decrement`);
      continue;
    }
    await tx.execute(
      `insert into predikat_summary (scope, scope_key, year, period, predikat, employees) values (?, ?, ?, ?, ?, ?)
       on conflict (scope, scope_key, year, period, predikat) do update set employees = predikat_summary.employees + excluded.employees`,
      [d.scope, d.scopeKey, year, period, d.predikat, d.delta],
    );
  }
}

export async function rateEvaluation(
  em: EntityManager,
  viewer: Viewer,
  input: { skpId: string; period: string; hasilKerja: RatingLevel; perilakuKerja: RatingLevel; note?: string | null },
): Promise<{ skpId: string; period: string }> {
  const id = requireUuid(input.skpId, 'skpId');
  const note = trimmedNote(input.note);
  if (note !== null && note.length > MAX_EVALUATION_NOTE) throw badUserInput(`Catatan paling banyak ${MAX_EVALUATION_NOTE} karakter`, 'note_too_long');
  return em.transactional(async (tx) => {
    const { skp, owner, period, acting } = await skpForEntry(tx, viewer, id, input.period, 'SUPERVISOR');
    const existing = await lockEvaluation(tx, skp.id, period.code);
    refuseEntry({ skpStatus: skp.status, periodState: period.state, evaluationStatus: existing?.status ?? null });
    // The rules of the period: the matrix in force at its end.
    const matrix = await configurationInForce(tx, 'PREDIKAT_MATRIX', skp.instansiId, period.end);
    const predikat = predikatOf(matrix.cells, input.hasilKerja, input.perilakuKerja);
    const byAdmin = acting.actingAs === 'ADMIN_KEPEGAWAIAN';
    const snapshot = {
      raterEmployeeId: byAdmin ? null : acting.employeeId,
      raterAdmin: byAdmin ? actorOf(viewer) : null,
      unitId: owner.unitId,
      unitPath: owner.unitPath,
      instansiId: owner.instansiId,
      regionCode: owner.regionCode,
      jenisJabatan: owner.jenisJabatan,
      positionId: owner.positionId,
    };
    const values = { hasilKerja: input.hasilKerja, perilakuKerja: input.perilakuKerja, predikat, note, ratedAt: new Date(), ...snapshot };
    if (existing === null) {
      tx.create(Evaluation, { id: randomUUID(), skpId: skp.id, employeeId: skp.employeeId, year: skp.year, period: period.code, periodStart: period.start, periodEnd: period.end, status: 'DRAFT', ...values });
    } else {
      Object.assign(await tx.findOneOrFail(Evaluation, { id: existing.id }), values);
    }
    const scopesOf = (e: { regionCode: string; unitPath: readonly string[]; unitId: string | null }) => ({ regionCode: e.regionCode, unitIds: [...e.unitPath, ...(e.unitId ? [e.unitId] : [])] });
    await applySummaryDeltas(tx, skp.year, period.code, summaryDeltas(existing === null ? null : { predikat: existing.predikat, scopes: scopesOf(existing) }, { predikat, scopes: scopesOf(snapshot) }));
    return { skpId: skp.id, period: period.code };
  });
}

export async function unlockPeriod(
  em: EntityManager,
  viewer: Viewer,
  input: { instansiId: string; year: number; period: string; until: string; reason: string },
): Promise<void> {
  const reason = input.reason.trim();
  if (reason.length < 3 || reason.length > 1000) throw badUserInput('Alasan membuka kunci harus 3–1000 karakter', 'invalid_reason');
  if (!isIsoDate(input.until)) throw badUserInput('Tanggal batas harus berformat YYYY-MM-DD', 'invalid_date', { field: 'until' });
  const today = todayWib();
  if (input.until < today || input.until > addDays(today, 31)) throw badUserInput('Kunci dapat dibuka paling lama 31 hari dari hari ini', 'invalid_unlock_until', { field: 'until' });
  await em.transactional(async (tx) => {
    await assertAdminOfInstansi(tx, viewer, input.instansiId);
    const period = await periodOf(tx, input.instansiId, input.year, input.period);
    tx.create(PeriodUnlock, { id: randomUUID(), instansiId: input.instansiId, year: input.year, period: period.code, unlockedUntil: input.until, reason, unlockedBy: actorOf(viewer) });
  });
}
