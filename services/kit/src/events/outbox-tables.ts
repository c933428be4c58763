// The two tables every service that publishes or consumes events keeps in its own database:
// `outbox_event` (written in the same transaction as the state change, published by the relay) and
// `processed_event` (one row per consumer group and event, written with the consumer's effect).
import { defineEntity, p } from '@mikro-orm/core';

// The insert trigger notifies this channel; PostgreSQL delivers NOTIFY only on commit, so the relay
// wakes as soon as an event is committed and never for a rolled-back one.
export const OUTBOX_NOTIFY_CHANNEL = 'outbox_event';

export const OutboxEvent = defineEntity({
  name: 'OutboxEvent',
  tableName: 'outbox_event',
  properties: {
    id: p.uuid().primary(),
    // Insertion order: the relay publishes in this order, so one key's events keep their order.
    seq: p
      .bigint('number')
      .autoincrement(),
    topic: p.text(),
    key: p.text(),
    type: p.text(),
    schemaVersion: p.integer(),
    payload: p.uint8array(),
    headers: p.json<Record<string, string>>().defaultRaw(`'{}'`),
    occurredAt: p.datetime(),
    createdAt: p.datetime().defaultRaw('now()'),
    publishedAt: p.datetime().nullable(),
    attempts: p.integer().default(0),
    lastError: p.text().nullable(),
  },
  indexes: [
    {
      name: 'outbox_event_unpublished_idx',
      expression: 'create index "outbox_event_unpublished_idx" on "outbox_event" ("seq") where "published_at" is null',
    },
  ],
  triggers: [
    {
      name: 'outbox_event_notify',
      timing: 'after',
      events: ['insert'],
      forEach: 'statement',
      body: `perform pg_notify('${OUTBOX_NOTIFY_CHANNEL}', ''); return null;`,
    },
  ],
});

export const ProcessedEvent = defineEntity({
  name: 'ProcessedEvent',
  tableName: 'processed_event',
  properties: {
    consumerGroup: p.text().primary(),
    eventId: p.uuid().primary(),
    processedAt: p.datetime().defaultRaw('now()'),
  },
});

/** Add these to the service's MikroORM `entities`. */
export const outboxEntities = [OutboxEvent, ProcessedEvent];

/**
 * Put these statements in the service's first migration (`for (const sql of outboxMigrationSql) this.addSql(sql)`).
 * Idempotent, so running them again is harmless. Kept in step with the entities above.
 */
export const outboxMigrationSql: readonly string[] = [
  `create table if not exists "outbox_event" (
    "id" uuid not null,
    "seq" bigserial not null,
    "topic" text not null,
    "key" text not null,
    "type" text not null,
    "schema_version" int not null,
    "payload" bytea not null,
    "headers" jsonb not null default '{}',
    "occurred_at" timestamptz not null,
    "created_at" timestamptz not null default now(),
    "published_at" timestamptz null,
    "attempts" int not null default 0,
    "last_error" text null,
    primary key ("id")
  )`,
  // Only unpublished rows are indexed, so the relay's scan stays small however long the history grows.
  `create index if not exists "outbox_event_unpublished_idx" on "outbox_event" ("seq") where "published_at" is null`,
  `create table if not exists "processed_event" (
    "consumer_group" text not null,
    "event_id" uuid not null,
    "processed_at" timestamptz not null default now(),
    primary key ("consumer_group", "event_id")
  )`,
  // Named as MikroORM names a trigger's function (`<table>_<trigger>_fn`), so a schema diff sees no change.
  `create or replace function "outbox_event_outbox_event_notify_fn"() returns trigger as $$ begin perform pg_notify('${OUTBOX_NOTIFY_CHANNEL}', ''); return null; end; $$ language plpgsql`,
  `create or replace trigger "outbox_event_notify" after insert on "outbox_event"
    for each statement execute function "outbox_event_outbox_event_notify_fn"()`,
];
