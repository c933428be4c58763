// The outbox relay against real PostgreSQL and Kafka (DESIGN.md "Events": an event commits with the
// state change, and a relay publishes it and marks it sent).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EmployeeChange, EmployeeChangedSchema, create, fromBinary, toBinary } from '@kinerja/proto';
import { OutboxEvent, createKafka, enqueueEvent, outboxMigrationSql, startOutboxRelay } from '../../src/events.ts';
import { createEventsDatabase, eventually, kafkaAnswers, rawKafka, recordTopics, sharedBrokers, testLogger, uniqueTopic, type TestDatabase } from './harness.ts';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const kafkaUp = await kafkaAnswers();

function hiredPayload(employeeId: string): Uint8Array {
  return toBinary(EmployeeChangedSchema, create(EmployeeChangedSchema, { change: EmployeeChange.HIRED, employeeId, nip: '199001152015032001' }));
}

describe('outbox tables', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createEventsDatabase('kit_outbox_tables');
  });
  afterAll(async () => {
    await db.drop();
  });

  it('match the entities, so a generated migration has nothing to change', async () => {
    const diff = await db.orm.schema.getUpdateSchemaSQL({ wrap: false, safe: true });
    expect(diff.replace(/set names 'utf8';/g, '').replace(/"handled_event"/g, '').trim()).toBe('');
  });

  it('can be created again without error (the statements are idempotent)', async () => {
    for (const sql of outboxMigrationSql) await db.orm.em.execute(sql);
  });

  it.each([
    ['no topic', { topic: '', key: 'k', type: 'EmployeeHired', schemaVersion: 1 }],
    ['no key', { topic: 't', key: '', type: 'EmployeeHired', schemaVersion: 1 }],
    ['no type', { topic: 't', key: 'k', type: '', schemaVersion: 1 }],
    ['schema version 0', { topic: 't', key: 'k', type: 'EmployeeHired', schemaVersion: 0 }],
  ])('enqueueEvent refuses an event with %s and writes nothing', async (_label, event) => {
    const em = db.orm.em.fork();
    expect(() => enqueueEvent(em, { ...event, payload: new Uint8Array() })).toThrow(TypeError);
    await em.flush();
    expect(await db.orm.em.fork().count(OutboxEvent)).toBe(0);
  });
});

describe.skipIf(!kafkaUp)('outbox relay', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createEventsDatabase('kit_outbox_relay');
  });
  afterAll(async () => {
    await db.drop();
  });

  it('publishes committed events once, in order, with the event headers; a rolled-back event never', async () => {
    const topic = uniqueTopic('relay');
    const kafka = createKafka({ brokers: sharedBrokers, clientId: 'relay-test', logger: testLogger });
    const relay = startOutboxRelay({ orm: db.orm, kafka, logger: testLogger, pollIntervalMs: 500 });
    try {
      await expect(
        db.orm.em.fork().transactional(async (em) => {
          enqueueEvent(em, { topic, key: 'emp-rolled-back', type: 'EmployeeHired', schemaVersion: 1, payload: hiredPayload('emp-rolled-back') });
          await em.flush();
          throw new Error('the state change failed');
        }),
      ).rejects.toThrow('the state change failed');

      const occurredAt = new Date('2025-01-02T03:04:05.678Z');
      const ids = await db.orm.em.fork().transactional(async (em) =>
        ['emp-1', 'emp-2', 'emp-3'].map((employeeId) =>
          enqueueEvent(em, {
            topic,
            key: 'emp-same-key',
            type: 'EmployeeHired',
            schemaVersion: 1,
            payload: hiredPayload(employeeId),
            occurredAt,
            headers: { traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' },
          }),
        ),
      );
      // Committed after the others on the same key (same partition): once it arrives, nothing earlier is pending.
      const markerId = await db.orm.em.fork().transactional(async (em) =>
        enqueueEvent(em, { topic, key: 'emp-same-key', type: 'EmployeeRetired', schemaVersion: 2, payload: hiredPayload('marker') }),
      );

      const recorder = await recordTopics(rawKafka(), [topic]);
      try {
        await eventually(() => recorder.received.some((m) => m.headers['event-id'] === markerId), 'the marker event');
        const received = recorder.received;
        expect(received.map((m) => m.headers['event-id'])).toEqual([...ids, markerId]);
        expect(received.map((m) => fromBinary(EmployeeChangedSchema, m.value).employeeId)).toEqual(['emp-1', 'emp-2', 'emp-3', 'marker']);
        expect(received[0]?.key).toBe('emp-same-key');
        expect(received[0]?.headers).toMatchObject({
          'event-type': 'EmployeeHired',
          'schema-version': '1',
          'occurred-at': '2025-01-02T03:04:05.678Z',
          traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
        });
        expect(received[3]?.headers).toMatchObject({ 'event-type': 'EmployeeRetired', 'schema-version': '2' });
        expect(received.some((m) => m.key === 'emp-rolled-back')).toBe(false);
      } finally {
        await recorder.stop();
      }

      const rows = await db.orm.em.fork().find(OutboxEvent, { topic }, { orderBy: { seq: 'asc' } });
      expect(rows.map((row) => row.id)).toEqual([...ids, markerId]);
      expect(rows.every((row) => row.publishedAt instanceof Date && row.attempts === 1 && row.lastError === null)).toBe(true);
    } finally {
      await relay.stop();
    }
  });

  it('publishes after a restart what was committed while it was stopped', async () => {
    const topic = uniqueTopic('restart');
    const kafka = createKafka({ brokers: sharedBrokers, clientId: 'relay-restart-test', logger: testLogger });
    await startOutboxRelay({ orm: db.orm, kafka, logger: testLogger }).stop();
    const id = await db.orm.em.fork().transactional(async (em) =>
      enqueueEvent(em, { topic, key: 'emp-9', type: 'EmployeeHired', schemaVersion: 1, payload: hiredPayload('emp-9') }),
    );
    const relay = startOutboxRelay({ orm: db.orm, kafka, logger: testLogger });
    const recorder = await recordTopics(rawKafka(), [topic]);
    try {
      await eventually(() => recorder.received.length > 0, 'the event committed while the relay was stopped');
      expect(recorder.received.map((m) => m.headers['event-id'])).toEqual([id]);
    } finally {
      await recorder.stop();
      await relay.stop();
    }
  });

  it('wakes on a commit (LISTEN/NOTIFY) instead of waiting for the next poll', async () => {
    const topic = uniqueTopic('notify');
    const kafka = createKafka({ brokers: sharedBrokers, clientId: 'relay-notify-test', logger: testLogger });
    // A poll interval far beyond the test's timeout: only the commit's NOTIFY can make the relay publish.
    const relay = startOutboxRelay({ orm: db.orm, kafka, logger: testLogger, pollIntervalMs: 3_600_000 });
    const enqueue = (employeeId: string) =>
      db.orm.em.fork().transactional(async (em) =>
        enqueueEvent(em, { topic, key: employeeId, type: 'EmployeeHired', schemaVersion: 1, payload: hiredPayload(employeeId) }),
      );
    const isPublished = async (id: string) => (await db.orm.em.fork().findOne(OutboxEvent, { id }))?.publishedAt != null;
    try {
      const firstId = await enqueue('emp-first');
      await eventually(() => isPublished(firstId), 'the first event');
      // The relay has now drained the outbox and sleeps for the (long) poll interval.
      const secondId = await enqueue('emp-second');
      await eventually(() => isPublished(secondId), 'the event committed while the relay slept');
    } finally {
      await relay.stop();
    }
  });
});
