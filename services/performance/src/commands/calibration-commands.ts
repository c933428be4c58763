// Finalising a unit's evaluations of a period after calibration: the distribution of its subtree (the
// head excepted) against the limits of the unit's predikat; refused while a limit is violated unless an
// admin-kepegawaian overrides with a reason. In one transaction: every draft evaluation becomes FINAL
// (version + 1), one PredikatFinalised per evaluation goes to the outbox, and the finalisation is recorded.
import { randomUUID } from 'node:crypto';
import { hasRole, type Viewer } from '@kinerja/kit/auth';
import type { EntityManager } from '@kinerja/kit/db';
import { badUserInput, conflict, forbidden } from '@kinerja/kit/errors';
import { decideFinalisation } from '../domain/calibration.ts';
import { unitDistribution } from '../domain/distribution-limits.ts';
import { todayWib } from '../domain/periods.ts';
import { CalibrationFinalisation, Evaluation } from '../entities/index.ts';
import { enqueuePredikatFinalised } from '../events/predikat-finalised-event.ts';
import { lockDraftEvaluationsInUnit, summaryCounts, unitHeadEvaluation } from '../repositories/calibration-rows.ts';
import { configurationInForce } from '../repositories/configuration-rows.ts';
import { findEmployees, regionsOfInstansi } from '../repositories/employee-rows.ts';
import { findEvaluationsOfSkps } from '../repositories/evaluation-rows.ts';
import { performanceAdminRoles, readsRegion } from '../resolvers/access.ts';
import { actorOf, viewerEmployee } from './command-input.ts';
import { periodOf } from './period-context.ts';

export interface FinaliseInput {
  unitId: string;
  year: number;
  period: string;
  override?: boolean | null;
  reason?: string | null;
}

/** An admin-kepegawaian whose region covers the unit, or the unit's head (an atasan of the unit). */
async function assertMayFinalise(tx: EntityManager, viewer: Viewer, unitId: string, headEmployeeId: string | null): Promise<boolean> {
  const regions = await regionsOfInstansi(tx, unitId);
  if (regions.length === 0) throw badUserInput(`Unit ${unitId} belum dikenal`, 'unit_not_found', { field: 'unitId' });
  const isAdmin = hasRole(viewer, ...performanceAdminRoles) && regions.every((region) => readsRegion(viewer, region));
  if (isAdmin) return true;
  const me = viewer.nip === null ? null : await viewerEmployee(tx, viewer).catch(() => null);
  if (me !== null && hasRole(viewer, 'atasan') && me.employeeId === headEmployeeId) return false;
  throw forbidden('Finalisasi hanya oleh admin-kepegawaian wilayah unit atau kepala unit', 'not_unit_head_or_admin');
}

export async function finaliseEvaluations(em: EntityManager, viewer: Viewer, input: FinaliseInput): Promise<{ finalised: number }> {
  const unitId = input.unitId.trim();
  if (unitId === '') throw badUserInput('Unit wajib diisi', 'invalid_id', { field: 'unitId' });
  return em.transactional(async (tx) => {
    const head = await unitHeadEvaluation(tx, unitId, input.year, input.period.trim().toUpperCase());
    const isAdmin = await assertMayFinalise(tx, viewer, unitId, head?.employeeId ?? null);
    const period = await periodOf(tx, head?.instansiId ?? null, input.year, input.period);
    // Calibration happens now, under the limits in force today (as the distribution query shows them).
    const table = await configurationInForce(tx, 'DISTRIBUTION_LIMITS', head?.instansiId ?? null, todayWib());
    const ids = await lockDraftEvaluationsInUnit(tx, unitId, input.year, period.code, head?.employeeId ?? null);
    const counts = (await summaryCounts(tx, 'UNIT', [unitId], input.year, period.code)).get(unitId)!;
    const view = unitDistribution(table, counts, head?.predikat ?? null);
    const decision = decideFinalisation({
      unitPredikatKnown: view.unitPredikat !== null,
      checks: view.checks,
      draftEvaluations: ids.length,
      override: input.override === true,
      reason: input.reason ?? null,
      isAdmin,
    });
    if (!decision.ok) {
      // The message names every violated limit in words; the distribution query lists them one by one.
      if (decision.code === 'FORBIDDEN') throw forbidden(decision.message, decision.reason);
      if (decision.code === 'CONFLICT') throw conflict(decision.message, decision.reason);
      throw badUserInput(decision.message, decision.reason, { violations: decision.violations });
    }
    const finalisedAt = new Date();
    const evaluations = await tx.find(Evaluation, { id: { $in: ids } });
    for (const evaluation of evaluations) {
      evaluation.status = 'FINAL';
      evaluation.finalisedAt = finalisedAt;
      evaluation.finalisedBy = actorOf(viewer);
      evaluation.calibrationOverride = decision.overridden;
      evaluation.version += 1;
    }
    await tx.flush();
    const rows = (await findEvaluationsOfSkps(tx, evaluations.map((e) => e.skpId))).filter((row) => ids.includes(row.id));
    const nips = new Map((await findEmployees(tx, rows.map((row) => row.employeeId))).map((e) => [e.employeeId, e.nip]));
    for (const row of rows) enqueuePredikatFinalised(tx, row, nips.get(row.employeeId) ?? '', finalisedAt);
    tx.create(CalibrationFinalisation, {
      id: randomUUID(),
      unitId,
      year: input.year,
      period: period.code,
      unitPredikat: view.unitPredikat,
      evaluations: rows.length,
      override: decision.overridden,
      reason: decision.overridden ? (input.reason ?? '').trim() : null,
      violations: decision.violations,
      finalisedBy: actorOf(viewer),
    });
    return { finalised: rows.length };
  });
}
