// Producers call this inside the unit of work that changes state, so the event commits (or rolls back)
// with the change; the relay publishes it afterwards.
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { OutboxEvent } from './outbox-tables.ts';

export interface OutgoingEvent {
  /** e.g. `personnel.employee.v1` */
  topic: string;
  /** Partition key: the employee id, so one employee's events stay in order. */
  key: string;
  /** e.g. `EmployeeHired` */
  type: string;
  schemaVersion: number;
  /** The protobuf-encoded message (`toBinary(Schema, message)`). */
  payload: Uint8Array;
  occurredAt?: Date;
  /** Extra Kafka headers, e.g. `traceparent`. */
  headers?: Record<string, string>;
  /** Supply one to reuse the id inside the payload; otherwise a random UUID. */
  id?: string;
}

/** Persists the event in `em`'s unit of work (flushed and committed with the caller's changes); returns its id. */
export function enqueueEvent(em: EntityManager, event: OutgoingEvent): string {
  if (!event.topic || !event.key || !event.type) throw new TypeError('enqueueEvent needs topic, key and type');
  if (!Number.isInteger(event.schemaVersion) || event.schemaVersion < 1) {
    throw new TypeError('enqueueEvent needs a positive integer schemaVersion');
  }
  const id = event.id ?? randomUUID();
  em.persist(
    em.create(OutboxEvent, {
      id,
      topic: event.topic,
      key: event.key,
      type: event.type,
      schemaVersion: event.schemaVersion,
      payload: event.payload,
      headers: event.headers ?? {},
      occurredAt: event.occurredAt ?? new Date(),
    }),
  );
  return id;
}
