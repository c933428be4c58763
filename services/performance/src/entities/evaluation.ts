// Periods' unlocks, realisations with evidence, supervisor feedback, evaluations and the maintained
// predikat distribution.
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { predikatValues, ratingLevels } from '../domain/rating.ts';

export const PeriodUnlock = defineEntity({
  name: 'PeriodUnlock',
  tableName: 'period_unlock',
  properties: {
    id: p.uuid().primary(),
    instansiId: p.text(),
    year: p.integer(),
    period: p.text(),
    unlockedUntil: p.date(),
    reason: p.text(),
    unlockedBy: p.text(),
    unlockedAt: p.datetime().onCreate(() => new Date()),
  },
});

export const Realisation = defineEntity({
  name: 'Realisation',
  tableName: 'realisation',
  properties: {
    id: p.uuid().primary(),
    skpId: p.uuid(),
    indicatorId: p.uuid(),
    period: p.text(),
    value: p.decimal('number'),
    evidenceUrl: p.text().nullable(),
    note: p.text().nullable(),
    recordedBy: p.text(),
    recordedAt: p.datetime().onCreate(() => new Date()),
  },
});

export const Feedback = defineEntity({
  name: 'Feedback',
  tableName: 'feedback',
  properties: {
    id: p.uuid().primary(),
    skpId: p.uuid(),
    period: p.text(),
    text: p.text(),
    givenBy: p.text(),
    giverEmployeeId: p.text().nullable(),
    givenAt: p.datetime().onCreate(() => new Date()),
  },
});

export const Evaluation = defineEntity({
  name: 'Evaluation',
  tableName: 'evaluation',
  properties: {
    id: p.uuid().primary(),
    skpId: p.uuid(),
    employeeId: p.text(),
    year: p.integer(),
    period: p.text(),
    periodStart: p.date(),
    periodEnd: p.date(),
    hasilKerja: p.enum(ratingLevels),
    perilakuKerja: p.enum(ratingLevels),
    predikat: p.enum(predikatValues),
    note: p.text().nullable(),
    raterEmployeeId: p.text().nullable(),
    /** The admin-kepegawaian (username) who rated an employee without a supervisor. */
    raterAdmin: p.text().nullable(),
    unitId: p.text().nullable(),
    unitPath: p.array().default([]),
    instansiId: p.text().nullable(),
    regionCode: p.text(),
    jenisJabatan: p.text().nullable(),
    positionId: p.text().nullable(),
    status: p.enum(['DRAFT', 'FINAL'] as const),
    ratedAt: p.datetime(),
    finalisedAt: p.datetime().nullable(),
    finalisedBy: p.text().nullable(),
    calibrationOverride: p.boolean().default(false),
    version: p.integer().default(0),
  },
});
export type EvaluationEntity = InferEntity<typeof Evaluation>;

export const PredikatSummary = defineEntity({
  name: 'PredikatSummary',
  tableName: 'predikat_summary',
  properties: {
    scope: p.text().primary(),
    scopeKey: p.text().primary(),
    year: p.integer().primary(),
    period: p.text().primary(),
    predikat: p.text().primary(),
    employees: p.integer(),
  },
});

export const CalibrationFinalisation = defineEntity({
  name: 'CalibrationFinalisation',
  tableName: 'calibration_finalisation',
  properties: {
    id: p.uuid().primary(),
    unitId: p.text(),
    year: p.integer(),
    period: p.text(),
    unitPredikat: p.text().nullable(),
    evaluations: p.integer(),
    override: p.boolean(),
    reason: p.text().nullable(),
    violations: p.json<string[]>(),
    finalisedBy: p.text(),
    finalisedAt: p.datetime().onCreate(() => new Date()),
  },
});
