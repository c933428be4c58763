// Real PostgreSQL and Kafka for the events tests: a fresh database per suite with the outbox tables
// (through outboxMigrationSql, as a service's first migration would), and unique topics per test.
import { randomUUID } from 'node:crypto';
import { defineEntity, p } from '@mikro-orm/core';
import { MikroORM } from '@mikro-orm/postgresql';
import { Kafka, logLevel, type IHeaders, type KafkaMessage } from 'kafkajs';
import { pino } from 'pino';
import { ensureTopics, outboxEntities, outboxMigrationSql } from '../../src/events.ts';

export const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const sharedBrokers = (process.env.KAFKA_BROKERS ?? 'localhost:9092').split(',');
export const testLogger = pino({ level: process.env.LOG_LEVEL ?? 'silent' });

/** A consumer's effect in the tests: one row per handled event. */
export const HandledEvent = defineEntity({
  name: 'HandledEvent',
  tableName: 'handled_event',
  properties: {
    id: p.uuid().primary(),
    eventId: p.uuid(),
    type: p.text(),
  },
});

export const handledEventSql = `create table if not exists handled_event (id uuid primary key, event_id uuid not null, type text not null)`;

export interface TestDatabase {
  orm: MikroORM;
  drop(): Promise<void>;
}

function databaseUrl(name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function createEventsDatabase(prefix: string): Promise<TestDatabase> {
  const name = `${prefix}_${randomUUID().slice(0, 8)}`;
  const admin = await MikroORM.init({ clientUrl: serverUrl, entities: [], discovery: { warnWhenNoEntities: false } });
  await admin.em.execute(`create database "${name}"`);
  const orm = await MikroORM.init({ clientUrl: databaseUrl(name), entities: [...outboxEntities, HandledEvent] });
  for (const sql of [...outboxMigrationSql, handledEventSql]) await orm.em.execute(sql);
  return {
    orm,
    async drop() {
      await orm.close(true);
      await admin.em.execute(`drop database if exists "${name}" with (force)`);
      await admin.close(true);
    },
  };
}

export function uniqueTopic(label: string): string {
  return `test.${label}.${randomUUID().slice(0, 8)}.v1`;
}

export function rawKafka(brokers = sharedBrokers): Kafka {
  return new Kafka({ clientId: 'events-test', brokers, logLevel: logLevel.NOTHING });
}

export interface ReceivedMessage {
  topic: string;
  key: string;
  value: Buffer;
  headers: Record<string, string>;
}

function textHeaders(headers: IHeaders | undefined): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers ?? {}).map(([name, value]) => [name, String(Array.isArray(value) ? value[0] : value)]),
  );
}

/** Records everything on the given topics, read from the beginning by a fresh group. */
export async function recordTopics(kafka: Kafka, topics: string[]) {
  const received: ReceivedMessage[] = [];
  await ensureTopics(kafka, topics);
  const consumer = kafka.consumer({ groupId: `recorder-${randomUUID()}` });
  await consumer.connect();
  await consumer.subscribe({ topics, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ topic, message }: { topic: string; message: KafkaMessage }) => {
      received.push({ topic, key: message.key?.toString() ?? '', value: message.value ?? Buffer.alloc(0), headers: textHeaders(message.headers) });
    },
  });
  return { received, stop: () => consumer.disconnect() };
}

/** Waits until `condition` holds (checked every 100 ms) or fails after `timeoutMs`; no timing is asserted. */
export async function eventually<T>(condition: () => T | Promise<T>, description: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await condition();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${description}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function kafkaAnswers(brokers = sharedBrokers): Promise<boolean> {
  const admin = new Kafka({ clientId: 'events-test-probe', brokers, logLevel: logLevel.NOTHING, retry: { retries: 0 }, connectionTimeout: 1000 }).admin();
  try {
    await admin.connect();
    return true;
  } catch {
    return false;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
