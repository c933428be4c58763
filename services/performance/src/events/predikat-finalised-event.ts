// Publishes performance.rating.v1 PredikatFinalised through the outbox, in the finalise transaction
// (proto/kinerja/performance/v1/rating.proto; remuneration keeps the highest version per SKP and period).
import type { EntityManager } from '@kinerja/kit/db';
import { enqueueEvent } from '@kinerja/kit/events';
import { PredikatFinalisedSchema, create, toBinary } from '@kinerja/proto';
import type { EvaluationRow } from '../repositories/evaluation-rows.ts';

export const RATING_TOPIC = 'performance.rating.v1';

export function enqueuePredikatFinalised(em: EntityManager, evaluation: EvaluationRow, nip: string, finalisedAt: Date): string {
  const payload = create(PredikatFinalisedSchema, {
    employeeId: evaluation.employeeId,
    nip,
    instansiId: evaluation.instansiId ?? '',
    unitId: evaluation.unitId ?? '',
    regionCode: evaluation.regionCode,
    skpId: evaluation.skpId,
    year: evaluation.year,
    period: evaluation.period,
    periodStart: evaluation.periodStart,
    periodEnd: evaluation.periodEnd,
    hasilKerja: evaluation.hasilKerja,
    perilakuKerja: evaluation.perilakuKerja,
    predikat: evaluation.predikat,
    // Empty when an admin-kepegawaian rated the top of the chain (no employee rater; the contract's string stays).
    raterEmployeeId: evaluation.raterEmployeeId ?? '',
    finalisedAt: finalisedAt.toISOString(),
    calibrationOverride: evaluation.calibrationOverride,
    version: evaluation.version,
  });
  return enqueueEvent(em, {
    topic: RATING_TOPIC,
    key: evaluation.employeeId,
    type: 'PredikatFinalised',
    schemaVersion: 1,
    payload: toBinary(PredikatFinalisedSchema, payload),
    occurredAt: finalisedAt,
  });
}
