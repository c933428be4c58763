// An attendance subgraph on a fresh database per suite, with the real Keycloak realm `asn` and the real
// Kafka broker (a personnel.employee.v1 topic of its own, so suites on the shared broker stay apart).
import { randomUUID } from 'node:crypto';
import type { Producer } from 'kafkajs';
import { createKafka, type IdempotentConsumer } from '@kinerja/kit/events';
import { startTestSubgraph, type TestSubgraph } from '@kinerja/kit/testing';
import { EmployeeChange, EmployeeChangedSchema, EmployeeStatus, EmploymentType, Gender, JenisJabatan, create, toBinary } from '@kinerja/proto';
import { startAttendanceSubgraph } from '../../src/app.ts';
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
  supervisorId?: string;
  unitPath?: string[];
}

export interface Harness extends TestSubgraph {
  topic: string;
  groupId: string;
  /** Publishes an EmployeeChanged snapshot and waits until the read model has processed it. */
  publishEmployee(employee: TestEmployee): Promise<void>;
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
  const topic = `personnel.employee.v1.test-${prefix}-${suffix}`;
  const groupId = `attendance-test-${prefix}-${suffix}`;
  const base = await startTestSubgraph({
    serviceName: 'attendance',
    prefix,
    entities,
    migrations,
    start: async ({ config, orm, logger }) => {
      const kafka = createKafka({ brokers: config.kafkaBrokers, clientId: `attendance-test-${prefix}`, logger });
      const consumer: IdempotentConsumer = startEmployeeChangedConsumer({ orm, kafka, logger, topic, groupId });
      await consumer.ready;
      const producer: Producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
      await producer.connect();
      const server = await startAttendanceSubgraph({ config, orm, logger, handleSignals: false });
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
    publishEmployee: async (employee) => {
      const eventId = randomUUID();
      const payload = create(EmployeeChangedSchema, {
        eventId,
        change: EmployeeChange.HIRED,
        employeeId: employee.employeeId,
        nip: employee.nip,
        name: `Pegawai ${employee.nip}`,
        gender: Number(employee.nip[14]) === 2 ? Gender.FEMALE : Gender.MALE,
        birthDate: `${employee.nip.slice(0, 4)}-${employee.nip.slice(4, 6)}-${employee.nip.slice(6, 8)}`,
        employmentType: EmploymentType.PNS,
        golongan: 'III/a',
        position: { positionId: `pos-${employee.employeeId}`, title: 'Jabatan uji', jenisJabatan: JenisJabatan.PELAKSANA, kelasJabatan: 7 },
        unitId: employee.unitId,
        instansiId: employee.instansiId,
        unitPath: employee.unitPath ?? [employee.instansiId, employee.unitId],
        regionCode: employee.regionCode,
        supervisorId: employee.supervisorId,
        status: EmployeeStatus.ACTIVE,
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
            headers: { 'event-id': eventId, 'event-type': 'EmployeeChanged', 'schema-version': '1', 'occurred-at': new Date().toISOString() },
          },
        ],
      });
      await until(`event ${eventId}`, async () => {
        const rows = await sql<{ n: number }>('select count(*)::int as n from processed_event where consumer_group = ? and event_id = ?', [groupId, eventId]);
        return (rows[0]?.n ?? 0) > 0 ? true : undefined;
      });
    },
  };
}
