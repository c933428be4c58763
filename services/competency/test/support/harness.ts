// A competency subgraph on a fresh database per suite, with the real Keycloak realm `asn` and the real
// Kafka broker (a topic of its own, so suites on the shared broker do not see each other's events).
import { randomUUID } from 'node:crypto';
import type { Producer } from 'kafkajs';
import { createKafka, type IdempotentConsumer } from '@kinerja/kit/events';
import { startTestSubgraph, type TestSubgraph } from '@kinerja/kit/testing';
import { topics, type EmployeeChange } from '@kinerja/proto';
import {
  EmployeeChangedSchema,
  EmployeeStatus,
  EmploymentType,
  Gender,
  JenisJabatan,
  create,
  toBinary,
} from '@kinerja/proto';
import { startCompetencySubgraph } from '../../src/app.ts';
import { entities } from '../../src/entities/index.ts';
import { startEmployeeChangedConsumer } from '../../src/events/employee-changed-consumer.ts';
import { migrations } from '../../src/migrations/index.ts';

export type { GraphQLResult } from '@kinerja/kit/testing';

export interface TestEmployee {
  employeeId: string;
  nip: string;
  regionCode: string;
  unitId: string;
  instansiId: string;
  jenisJabatan: keyof typeof JenisJabatan;
  positionId: string;
  supervisorId?: string;
  status?: 'ACTIVE' | 'RETIRED';
  /** EmployeeChanged.unit_path: unit ids from the instansi down to unitId (omitted: an older producer). */
  unitPath?: string[];
}

export interface Harness extends TestSubgraph {
  topic: string;
  groupId: string;
  /** Publishes an EmployeeChanged snapshot; returns the event id (pass it again to redeliver). */
  publishEmployee(employee: TestEmployee, change: EmployeeChange, eventId?: string): Promise<string>;
  /** Resolves when the consumer has recorded `eventId` as processed. */
  processed(eventId: string): Promise<void>;
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function startHarness(prefix: string): Promise<Harness> {
  const suffix = randomUUID().slice(0, 8);
  const topic = `${topics.personnelEmployee}.test-${prefix}-${suffix}`;
  const groupId = `competency-test-${prefix}-${suffix}`;
  const base = await startTestSubgraph({
    serviceName: 'competency',
    prefix,
    entities,
    migrations,
    start: async ({ config, orm, logger }) => {
      const kafka = createKafka({ brokers: config.kafkaBrokers, clientId: `competency-test-${prefix}`, logger });
      const consumer: IdempotentConsumer = startEmployeeChangedConsumer({ orm, kafka, logger, topic, groupId });
      await consumer.ready;
      const producer: Producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
      await producer.connect();
      const server = await startCompetencySubgraph({ config, orm, logger, handleSignals: false });
      return {
        server,
        extra: { producer },
        stopExtra: async () => {
          await producer.disconnect();
          await consumer.stop();
        },
      };
    },
  });
  const { producer, sql } = base;
  return {
    ...base,
    topic,
    groupId,
    publishEmployee: async (employee, change, eventId = randomUUID()) => {
      const payload = create(EmployeeChangedSchema, {
        eventId,
        change,
        employeeId: employee.employeeId,
        nip: employee.nip,
        name: `Pegawai ${employee.nip}`,
        gender: Number(employee.nip[14]) === 2 ? Gender.FEMALE : Gender.MALE,
        birthDate: `${employee.nip.slice(0, 4)}-${employee.nip.slice(4, 6)}-${employee.nip.slice(6, 8)}`,
        employmentType: EmploymentType.PNS,
        golongan: 'III/a',
        position: { positionId: employee.positionId, title: 'Jabatan uji', jenisJabatan: JenisJabatan[employee.jenisJabatan], kelasJabatan: 9 },
        unitId: employee.unitId,
        instansiId: employee.instansiId,
        unitPath: employee.unitPath ?? [],
        regionCode: employee.regionCode,
        supervisorId: employee.supervisorId,
        status: employee.status === 'RETIRED' ? EmployeeStatus.RETIRED : EmployeeStatus.ACTIVE,
        effectiveDate: '2025-01-01',
        actor: 'test',
      });
      await producer.send({
        topic,
        acks: -1,
        messages: [
          {
            key: employee.employeeId,
            value: Buffer.from(toBinary(EmployeeChangedSchema, payload)),
            headers: {
              'event-id': eventId,
              'event-type': 'EmployeeChanged',
              'schema-version': '1',
              'occurred-at': new Date().toISOString(),
            },
          },
        ],
      });
      return eventId;
    },
    processed: async (eventId) => {
      await until(`event ${eventId}`, async () => {
        const rows = await sql<{ n: number }>('select count(*)::int as n from processed_event where consumer_group = ? and event_id = ?', [groupId, eventId]);
        return (rows[0]?.n ?? 0) > 0 ? true : undefined;
      });
    },
  };
}
