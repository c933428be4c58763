// Publishes competency.assessment.v1 AssessmentFinalised through the outbox, in the finalise transaction.
import { enqueueEvent } from '@kinerja/kit/events';
import { AssessmentFinalisedSchema, create, toBinary, topics } from '@kinerja/proto';
import { compareCompetencyCodes } from '../domain/dictionary.ts';
import type { AssessmentRecord } from '../repositories/assessment-rows.ts';
import type { Em } from '../repositories/sql.ts';

export const ASSESSMENT_TOPIC = topics.competencyAssessment;

export function enqueueAssessmentFinalised(
  em: Em,
  assessment: AssessmentRecord,
  scores: Record<string, number>,
  result: { jpm: number | null; category: string | null; actor: string },
): string {
  const payload = create(AssessmentFinalisedSchema, {
    assessmentId: assessment.seriesId,
    employeeId: assessment.employeeId,
    version: assessment.version,
    assessedOn: assessment.assessedOn,
    method: assessment.method,
    scores: Object.entries(scores)
      .sort(([a], [b]) => compareCompetencyCodes(a, b))
      .map(([competencyCode, score]) => ({ competencyCode, score })),
    jpm: result.jpm ?? 0,
    category: result.category ?? '',
    actor: result.actor,
  });
  return enqueueEvent(em, {
    topic: ASSESSMENT_TOPIC,
    key: assessment.employeeId,
    type: 'AssessmentFinalised',
    schemaVersion: 1,
    payload: toBinary(AssessmentFinalisedSchema, payload),
  });
}
