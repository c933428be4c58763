// Consumes competency.assessment.v1 (AssessmentFinalised) into employee_potential, in the same transaction
// as the processed-event row (a redelivery changes nothing). The latest assessment by date wins; a
// correction of the same assessment wins by its higher version.
import type { Kafka } from 'kafkajs';
import type { Logger } from 'pino';
import type { EntityManager, Orm } from '@kinerja/kit/db';
import { startIdempotentConsumer, PoisonMessageError, type IdempotentConsumer, type IncomingEvent } from '@kinerja/kit/events';
import { AssessmentFinalisedSchema, fromBinary } from '@kinerja/proto';

export const ASSESSMENT_TOPIC = 'competency.assessment.v1';
export const ASSESSMENT_CONSUMER_GROUP = 'performance.assessment-read-model';

export async function handleAssessmentFinalised(em: EntityManager, event: IncomingEvent): Promise<void> {
  const message = fromBinary(AssessmentFinalisedSchema, event.payload);
  if (!message.employeeId || !message.assessmentId || !/^\d{4}-\d{2}-\d{2}$/.test(message.assessedOn)) {
    throw new PoisonMessageError('AssessmentFinalised without employee_id, assessment_id or assessed_on');
  }
  await em.execute(
    `insert into employee_potential (employee_id, assessment_id, version, assessed_on, jpm, category, last_event_at)
     values (?, ?, ?, ?, ?, ?, ?)
     on conflict (employee_id) do update set assessment_id = excluded.assessment_id, version = excluded.version,
       assessed_on = excluded.assessed_on, jpm = excluded.jpm, category = excluded.category, last_event_at = excluded.last_event_at
     where (employee_potential.assessment_id = excluded.assessment_id and employee_potential.version < excluded.version)
        or (employee_potential.assessment_id <> excluded.assessment_id and employee_potential.assessed_on <= excluded.assessed_on)`,
    [message.employeeId, message.assessmentId, message.version, message.assessedOn, message.jpm, message.category, event.occurredAt.toISOString()],
  );
}

export function startAssessmentFinalisedConsumer(options: { orm: Orm; kafka: Kafka; logger: Logger; groupId?: string; topic?: string }): IdempotentConsumer {
  return startIdempotentConsumer({
    orm: options.orm,
    kafka: options.kafka,
    groupId: options.groupId ?? ASSESSMENT_CONSUMER_GROUP,
    topics: [options.topic ?? ASSESSMENT_TOPIC],
    handle: (em, event) => handleAssessmentFinalised(em as unknown as EntityManager, event),
    logger: options.logger,
  });
}
