// The idempotent consumer against real PostgreSQL and Kafka (DESIGN.md "Events": the effect and the
// processed-event row commit together, a redelivery changes nothing, and after bounded retries a
// message goes to `<topic>.dlq` with the error).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { IHeaders, Kafka } from 'kafkajs';
import { createKafka, ensureTopics, startIdempotentConsumer, type IncomingEvent } from '../../src/events.ts';
import {
  HandledEvent,
  createEventsDatabase,
  eventually,
  kafkaAnswers,
  rawKafka,
  sharedBrokers,
  recordTopics,
  testLogger,
  uniqueTopic,
  type TestDatabase,
} from './harness.ts';

vi.setConfig({ testTimeout: 90_000, hookTimeout: 60_000 });

const kafkaUp = await kafkaAnswers();

function eventHeaders(eventId: string, type = 'EmployeeHired'): IHeaders {
  return { 'event-id': eventId, 'event-type': type, 'schema-version': '1', 'occurred-at': new Date().toISOString() };
}

async function produce(kafka: Kafka, topic: string, messages: { key: string; value: Buffer; headers: IHeaders }[]) {
  const producer = kafka.producer();
  await producer.connect();
  try {
    await producer.send({ topic, acks: -1, messages });
  } finally {
    await producer.disconnect();
  }
}

describe.skipIf(!kafkaUp)('idempotent consumer', () => {
  let db: TestDatabase;
  const kafka = createKafka({ brokers: sharedBrokers, clientId: 'consumer-test', logger: testLogger });
  beforeAll(async () => {
    db = await createEventsDatabase('kit_idempotent_consumer');
  });
  afterAll(async () => {
    await db.drop();
  });

  async function handledEventIds(): Promise<string[]> {
    const rows = await db.orm.em.fork().find(HandledEvent, {});
    return rows.map((row) => row.eventId);
  }

  it('processes a redelivered event (same event id) once, with its effect and processed row together', async () => {
    const topic = uniqueTopic('redelivery');
    const groupId = `group-${randomUUID()}`;
    const seen: IncomingEvent[] = [];
    await ensureTopics(rawKafka(), [topic]);
    const consumer = startIdempotentConsumer({
      orm: db.orm,
      kafka,
      groupId,
      topics: [topic],
      logger: testLogger,
      handle: async (em, event) => {
        seen.push(event);
        em.create(HandledEvent, { id: randomUUID(), eventId: event.id, type: event.type });
      },
    });
    try {
      const duplicateId = randomUUID();
      const laterId = randomUUID();
      const payload = Buffer.from([8, 1]);
      await produce(rawKafka(), topic, [
        { key: 'emp-1', value: payload, headers: eventHeaders(duplicateId) },
        { key: 'emp-1', value: payload, headers: eventHeaders(duplicateId) },
        { key: 'emp-1', value: Buffer.from([8, 2]), headers: eventHeaders(laterId, 'EmployeeTransferred') },
      ]);
      // The later event is behind both copies on the same partition: once it is handled, both copies were read.
      await eventually(async () => (await handledEventIds()).includes(laterId), 'the event after the duplicate');

      expect((await handledEventIds()).sort()).toEqual([duplicateId, laterId].sort());
      expect(seen.map((event) => event.id)).toEqual([duplicateId, laterId]);
      expect(seen[0]).toMatchObject({ type: 'EmployeeHired', schemaVersion: 1, topic, key: 'emp-1' });
      expect(Buffer.from(seen[0]!.payload)).toEqual(payload);
      expect(seen[0]!.occurredAt).toBeInstanceOf(Date);
      const processed = await db.orm.em.execute('select event_id from processed_event where consumer_group = ?', [groupId]);
      expect(processed).toHaveLength(2);
    } finally {
      await consumer.stop();
    }
  });

  it('dead-letters an event whose handler always fails, after the retries, and moves on', async () => {
    const topic = uniqueTopic('failing');
    const groupId = `group-${randomUUID()}`;
    const failingId = randomUUID();
    const nextId = randomUUID();
    let attemptsOnFailing = 0;
    await ensureTopics(rawKafka(), [topic]);
    const consumer = startIdempotentConsumer({
      orm: db.orm,
      kafka,
      groupId,
      topics: [topic],
      logger: testLogger,
      maxAttempts: 3,
      retryDelayMs: 20,
      handle: async (em, event) => {
        em.create(HandledEvent, { id: randomUUID(), eventId: event.id, type: event.type });
        if (event.id === failingId) {
          attemptsOnFailing += 1;
          throw new RangeError('golongan IV/f does not exist');
        }
      },
    });
    const deadLetters = await recordTopics(rawKafka(), [`${topic}.dlq`]);
    try {
      await produce(rawKafka(), topic, [
        { key: 'emp-2', value: Buffer.from([1]), headers: eventHeaders(failingId) },
        { key: 'emp-2', value: Buffer.from([2]), headers: eventHeaders(nextId) },
      ]);
      await eventually(async () => (await handledEventIds()).includes(nextId), 'the event after the failing one');
      await eventually(() => deadLetters.received.length > 0, 'the dead letter');

      expect(attemptsOnFailing).toBe(3);
      // The failed attempts' writes rolled back with their processed-event rows.
      expect(await handledEventIds()).not.toContain(failingId);
      const processed = await db.orm.em.execute<{ event_id: string }[]>('select event_id from processed_event where consumer_group = ?', [groupId]);
      expect(processed.map((row) => row.event_id)).toEqual([nextId]);

      expect(deadLetters.received).toHaveLength(1);
      const [deadLetter] = deadLetters.received;
      expect(deadLetter?.key).toBe('emp-2');
      expect(deadLetter?.value).toEqual(Buffer.from([1]));
      expect(deadLetter?.headers).toMatchObject({
        'event-id': failingId,
        'error-message': 'golongan IV/f does not exist',
        'error-class': 'RangeError',
        'original-topic': topic,
        'original-partition': expect.stringMatching(/^\d+$/),
        'original-offset': expect.stringMatching(/^\d+$/),
      });
      expect(Number.isNaN(Date.parse(deadLetter?.headers['failed-at'] ?? ''))).toBe(false);
    } finally {
      await deadLetters.stop();
      await consumer.stop();
    }
  });

  it('dead-letters messages with missing or malformed headers without calling the handler, and moves on', async () => {
    const spoilers: [string, (headers: IHeaders) => IHeaders][] = [
      ['no event-id', (headers) => ({ ...headers, 'event-id': undefined })],
      ['an event-id that is not a UUID', (headers) => ({ ...headers, 'event-id': 'not-a-uuid' })],
      ['no event-type', (headers) => ({ ...headers, 'event-type': undefined })],
      ['a schema-version that is not a number', (headers) => ({ ...headers, 'schema-version': 'one' })],
      ['no occurred-at', (headers) => ({ ...headers, 'occurred-at': undefined })],
      ['an occurred-at that is not a date', (headers) => ({ ...headers, 'occurred-at': 'kemarin' })],
    ];
    const topic = uniqueTopic('poison');
    const goodId = randomUUID();
    const handled: string[] = [];
    await ensureTopics(rawKafka(), [topic]);
    const consumer = startIdempotentConsumer({
      orm: db.orm,
      kafka,
      groupId: `group-${randomUUID()}`,
      topics: [topic],
      logger: testLogger,
      handle: async (_em, event) => {
        handled.push(event.id);
      },
    });
    const deadLetters = await recordTopics(rawKafka(), [`${topic}.dlq`]);
    try {
      const poison = spoilers.map(([label, spoil]) => ({
        key: label,
        value: Buffer.from([1]),
        headers: Object.fromEntries(Object.entries(spoil(eventHeaders(randomUUID()))).filter(([, value]) => value !== undefined)),
      }));
      await produce(rawKafka(), topic, [...poison.map((message) => ({ ...message, key: 'emp-3' })), { key: 'emp-3', value: Buffer.from([2]), headers: eventHeaders(goodId) }]);
      await eventually(() => handled.includes(goodId), 'the good event after the poison ones');
      await eventually(() => deadLetters.received.length === spoilers.length, 'a dead letter for each poison message');
      expect(handled).toEqual([goodId]);
      for (const deadLetter of deadLetters.received) {
        expect(deadLetter.headers).toMatchObject({ 'error-class': 'PoisonMessageError', 'original-topic': topic });
      }
      expect(deadLetters.received.map((deadLetter) => deadLetter.headers['error-message'])).toEqual([
        'header event-id is missing or not a UUID',
        'header event-id is missing or not a UUID',
        'header event-type is missing',
        'header schema-version is missing or not a positive integer',
        'header occurred-at is missing or not a date',
        'header occurred-at is missing or not a date',
      ]);
    } finally {
      await deadLetters.stop();
      await consumer.stop();
    }
  });

  it('creates its topics and their dead-letter topics when they are missing', async () => {
    const topic = uniqueTopic('created');
    const consumer = startIdempotentConsumer({
      orm: db.orm,
      kafka,
      groupId: `group-${randomUUID()}`,
      topics: [topic],
      logger: testLogger,
      handle: async () => undefined,
    });
    try {
      await consumer.ready;
      const admin = rawKafka().admin();
      await admin.connect();
      const topics = await admin.listTopics();
      await admin.disconnect();
      expect(topics).toEqual(expect.arrayContaining([topic, `${topic}.dlq`]));
    } finally {
      await consumer.stop();
    }
  });
});
