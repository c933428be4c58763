// One idempotent consumer (kit) for the three inputs of TPP: each event's effect and its processed-event
// row commit in one transaction, so a redelivery changes nothing (DESIGN.md "Events").
import type { Kafka } from 'kafkajs';
import type { Logger } from 'pino';
import type { EntityManager, Orm } from '@kinerja/kit/db';
import { startIdempotentConsumer, type IdempotentConsumer, type IncomingEvent } from '@kinerja/kit/events';
import { handleAttendanceRecapClosed } from './attendance-recap-closed.ts';
import { handleEmployeeChanged } from './employee-changed.ts';
import { handlePredikatFinalised } from './predikat-finalised.ts';
import { markStale, monthsOfPeriod } from './stale-statements.ts';
import { inputTopics, type InputTopics } from './topics.ts';

export const INPUTS_CONSUMER_GROUP = 'remuneration.inputs';

export async function handleInputEvent(em: EntityManager, event: IncomingEvent, topics: InputTopics = inputTopics): Promise<void> {
  // Each applied input marks what it affects stale, in the same transaction as the read model.
  if (event.topic === topics.employee) {
    const { employeeId, applied, positionFromMonth } = await handleEmployeeChanged(em, event);
    // Position, golongan or unit may have changed: every open statement of the employee is affected; a
    // position recorded late (an earlier TMT) affects its months on.
    if (applied) await markStale(em, employeeId, null, null);
    else if (positionFromMonth) await markStale(em, employeeId, positionFromMonth, null);
  } else if (event.topic === topics.rating) {
    const rating = await handlePredikatFinalised(em, event);
    if (rating) await markStale(em, rating.employeeId, ...monthsOfPeriod(rating.periodStart, rating.periodEnd));
  } else if (event.topic === topics.recap) {
    const recap = await handleAttendanceRecapClosed(em, event);
    if (recap) await markStale(em, recap.employeeId, recap.month, recap.month);
  } else throw new Error(`remuneration does not consume ${event.topic}`);
}

/** `groupId` and `topics` are overridable so a suite can read with a group of its own. */
export function startInputsConsumer(options: { orm: Orm; kafka: Kafka; logger: Logger; groupId?: string; topics?: InputTopics }): IdempotentConsumer {
  const topics = options.topics ?? inputTopics;
  return startIdempotentConsumer({
    orm: options.orm,
    kafka: options.kafka,
    groupId: options.groupId ?? INPUTS_CONSUMER_GROUP,
    topics: [topics.employee, topics.rating, topics.recap],
    handle: (em, event) => handleInputEvent(em as unknown as EntityManager, event, topics),
    logger: options.logger,
  });
}
