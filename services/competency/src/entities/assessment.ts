// Assessments are versioned: a correction is a new row of the same series with version + 1, so a
// finalised version is never rewritten (DOMAIN.md "Competency"; Peraturan BKN 26/2019 assessors).
import { defineEntity, p } from '@mikro-orm/core';

export const Assessment = defineEntity({
  name: 'Assessment',
  tableName: 'assessment',
  properties: {
    id: p.uuid().primary(),
    seriesId: p.uuid(),
    version: p.integer(),
    employeeId: p.text(),
    regionCode: p.text(),
    assessor: p.text(),
    method: p.text(),
    assessedOn: p.date(),
    status: p.text(),
    notes: p.text().nullable(),
    correctionReason: p.text().nullable(),
    jpm: p.decimal('number').precision(5).scale(2).nullable(),
    category: p.text().nullable(),
    createdAt: p.datetime().defaultRaw('now()'),
    updatedAt: p.datetime().defaultRaw('now()'),
    submittedAt: p.datetime().nullable(),
    finalisedAt: p.datetime().nullable(),
    finalisedBy: p.text().nullable(),
  },
});

export const AssessmentScore = defineEntity({
  name: 'AssessmentScore',
  tableName: 'assessment_score',
  properties: {
    assessmentId: p.uuid().primary(),
    competencyCode: p.text().primary(),
    score: p.decimal('number').precision(3).scale(2),
    evidence: p.text().nullable(),
  },
});
