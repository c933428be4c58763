// `@kinerja/kit/events`: the transactional outbox, its relay, and idempotent consumers (DESIGN.md "Events").
export { outboxEntities, outboxMigrationSql, OutboxEvent, ProcessedEvent } from './events/outbox-tables.ts';
export { enqueueEvent, type OutgoingEvent } from './events/enqueue-event.ts';
export { createKafka, type CreateKafkaOptions } from './events/kafka-client.ts';
export { startOutboxRelay, type OutboxRelay, type OutboxRelayOptions } from './events/outbox-relay.ts';
export {
  startIdempotentConsumer,
  type IdempotentConsumer,
  type IdempotentConsumerOptions,
} from './events/idempotent-consumer.ts';
export {
  DLQ_HEADERS,
  EVENT_ID_HEADER,
  EVENT_TYPE_HEADER,
  OCCURRED_AT_HEADER,
  SCHEMA_VERSION_HEADER,
  PoisonMessageError,
  deadLetterTopicOf,
  readIncomingEvent,
  type IncomingEvent,
} from './events/headers.ts';
export { createTopicsWithLeaders, ensureTopics, whileTopicsSettle } from './events/topics.ts';
