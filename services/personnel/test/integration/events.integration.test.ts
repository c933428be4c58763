// A hire leaves an EmployeeChanged event that the outbox relay publishes to the real Kafka broker on
// `personnel.employee.v1`, keyed by the employee id, with the conventional headers.
import { randomUUID } from 'node:crypto';
import { createKafka, ensureTopics, startOutboxRelay, type OutboxRelay } from '@kinerja/kit/events';
import { loadServiceConfig } from '@kinerja/kit/config';
import { createLogger } from '@kinerja/kit/server';
import { EmployeeChange, EmployeeChangedSchema, fromBinary } from '@kinerja/proto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMPLOYEE_TOPIC } from '../../src/events/employee-changed.ts';
import { ids, loadFixtures } from '../support/fixtures.ts';
import { startHarness, type Harness } from '../support/harness.ts';

type Kafka = ReturnType<typeof createKafka>;
type Consumer = ReturnType<Kafka['consumer']>;
interface Received {
  key: string;
  headers: Record<string, string>;
  value: Uint8Array;
}

let h: Harness;
let kafka: Kafka;
let relay: OutboxRelay;
let consumer: Consumer;
const received: Received[] = [];

beforeAll(async () => {
  h = await startHarness('personnel_events');
  await loadFixtures(h);
  const logger = createLogger({ serviceName: 'personnel-test', logLevel: 'silent' });
  kafka = createKafka({ brokers: loadServiceConfig('personnel', { ...process.env, DATABASE_URL: h.db.url }).kafkaBrokers, clientId: 'personnel-test', logger });
  await ensureTopics(kafka, [EMPLOYEE_TOPIC]);
  consumer = kafka.consumer({ groupId: `personnel-test-${randomUUID()}` });
  // Wait for the group to own its partitions before producing, so `fromBeginning: false` misses nothing.
  const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
  await consumer.connect();
  await consumer.subscribe({ topic: EMPLOYEE_TOPIC, fromBeginning: false });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(message.headers ?? {})) headers[name] = String(value);
      received.push({ key: String(message.key), headers, value: new Uint8Array(message.value ?? Buffer.alloc(0)) });
    },
  });
  await joined;
  relay = startOutboxRelay({ orm: h.orm, kafka, logger, pollIntervalMs: 200 });
}, 90_000);

afterAll(async () => {
  await relay?.stop();
  await consumer?.disconnect();
  await h?.stop();
});

async function waitFor<T>(find: () => T | undefined | Promise<T | undefined>, what: string): Promise<T> {
  for (let attempt = 0; attempt < 150; attempt++) {
    const found = await find();
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`gave up waiting for ${what}`);
}

describe('hire → outbox → Kafka', () => {
  it('publishes the HIRED snapshot, decodable from protobuf, and marks the outbox row sent', async () => {
    const result = await h.gql(await h.token('karawang.admin'), `mutation($input: HireEmployeeInput!) { hireEmployee(input: $input) { id } }`, {
      input: {
        nip: '199804042022031001',
        name: 'Rizky Pratama',
        gender: 'MALE',
        birthDate: '1998-04-04',
        employmentType: 'PNS',
        golongan: 'III/a',
        positionId: ids.positionPelaksana,
        unitId: ids.unitKarawangDinas,
        supervisorId: ids.atasan,
      },
    });
    expect(result.errors).toBeUndefined();
    const employeeId = (result.data?.['hireEmployee'] as { id: string }).id;
    const message = await waitFor(() => received.find((m) => m.key === employeeId), 'the hire event on Kafka');
    expect(message.headers).toMatchObject({ 'event-type': 'EmployeeHired', 'schema-version': '1' });
    const event = fromBinary(EmployeeChangedSchema, message.value);
    expect(event).toMatchObject({ change: EmployeeChange.HIRED, employeeId, nip: '199804042022031001', regionCode: '32.15', supervisorId: ids.atasan });
    // The unit's ancestry, from the instansi (root of the tree) down to the unit, computed in the hire's transaction.
    expect(event.unitPath).toEqual([ids.unitKarawang, ids.unitKarawangDinas]);
    expect(message.headers['event-id']).toBe(event.eventId);
    const sent = await waitFor(async () => {
      const [row] = await h.sql<{ published_at: string | null }>('select published_at from outbox_event where key = ?', [employeeId]);
      return row?.published_at ?? undefined;
    }, 'the outbox row to be marked published');
    expect(Number.isNaN(Date.parse(sent))).toBe(false);
  }, 30_000);
});
