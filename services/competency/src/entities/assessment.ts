// Assessments are versioned: a correction is a new row of the same series with version + 1, so a
// finalised version is never rewritten (DOMAIN.md "Competency"; Peraturan BKN 26/2019 assessors).
import { defineEntity, p } from '@mikro-orm/core';

// Indexes, checks and keys are declared as Migration0001Schema creates them, so MikroORM's schema diff
// against the migrated database is empty (test/integration/schema.integration.test.ts).
export const Assessment = defineEntity({
  name: 'Assessment',
  tableName: 'assessment',
  indexes: [{ name: 'assessment_employee_idx', properties: ['employeeId', 'status'] }],
  uniques: [{ name: 'assessment_series_id_version_key', properties: ['seriesId', 'version'] }],
  checks: [
    { name: 'assessment_version_check', expression: 'version >= 1' },
    { name: 'assessment_method_check', expression: "method = ANY (ARRAY['ASSESSMENT_CENTER'::text, 'THREE_SIXTY'::text, 'INTERVIEW'::text])" },
    { name: 'assessment_status_check', expression: "status = ANY (ARRAY['DRAFT'::text, 'SUBMITTED'::text, 'FINALISED'::text])" },
  ],
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
  checks: [{ name: 'assessment_score_score_check', expression: '(score >= (1)::numeric) AND (score <= (5)::numeric)' }],
  properties: {
    // The row belongs to its assessment (foreign key, deleted with it); the id is kept as a plain value.
    assessmentId: () => p.manyToOne(Assessment).mapToPk().primary().fieldName('assessment_id').deleteRule('cascade').foreignKeyName('assessment_score_assessment_id_fkey'),
    competencyCode: p.text().primary(),
    score: p.decimal('number').precision(3).scale(2),
    evidence: p.text().nullable(),
  },
});
