// A performance subgraph on a fresh database per suite, with the real Keycloak realm `asn` and the real
// Kafka broker (a personnel.employee.v1 topic of its own, so suites on the shared broker do not see each
// other's events).
import { randomUUID } from 'node:crypto';
import type { Producer } from 'kafkajs';
import { createKafka, ensureTopics, startOutboxRelay, type IdempotentConsumer } from '@kinerja/kit/events';
import type { Kafka } from 'kafkajs';
import { startTestSubgraph, type TestSubgraph } from '@kinerja/kit/testing';
import { AssessmentFinalisedSchema, EmployeeChange, EmployeeChangedSchema, EmployeeStatus, EmploymentType, Gender, JenisJabatan, create, toBinary } from '@kinerja/proto';
import { startAssessmentFinalisedConsumer } from '../../src/events/assessment-finalised-consumer.ts';
import { startPerformanceSubgraph } from '../../src/app.ts';
import { entities } from '../../src/entities/index.ts';
import { startEmployeeChangedConsumer } from '../../src/events/employee-changed-consumer.ts';
import { RATING_TOPIC } from '../../src/events/predikat-finalised-event.ts';
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
  unitPath?: string[];
}

export interface Harness extends TestSubgraph {
  kafka: Kafka;
  topic: string;
  groupId: string;
  /** Publishes an EmployeeChanged snapshot; returns the event id (pass it again to redeliver). */
  publishEmployee(employee: TestEmployee, change?: EmployeeChange, eventId?: string): Promise<string>;
  /** Publishes an AssessmentFinalised on the suite's competency.assessment.v1 topic; returns the event id. */
  publishAssessment(assessment: { assessmentId: string; employeeId: string; version: number; assessedOn: string; jpm: number; category: string }): Promise<string>;
  /** Resolves when a consumer of the suite has recorded `eventId` as processed. */
  processed(eventId: string): Promise<void>;
}

export async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
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
  const groupId = `performance-test-${prefix}-${suffix}`;
  const assessmentTopic = `competency.assessment.v1.test-${prefix}-${suffix}`;
  const base = await startTestSubgraph({
    serviceName: 'performance',
    prefix,
    entities,
    migrations,
    start: async ({ config, orm, logger }) => {
      const kafka = createKafka({ brokers: config.kafkaBrokers, clientId: `performance-test-${prefix}`, logger });
      const consumer: IdempotentConsumer = startEmployeeChangedConsumer({ orm, kafka, logger, topic, groupId });
      const assessments = startAssessmentFinalisedConsumer({ orm, kafka, logger, topic: assessmentTopic, groupId: `${groupId}-assessments` });
      await Promise.all([consumer.ready, assessments.ready]);
      const producer: Producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
      await producer.connect();
      // The relay publishes PredikatFinalised on the real performance.rating.v1, as main.ts does.
      await ensureTopics(kafka, [RATING_TOPIC]);
      const relay = startOutboxRelay({ orm, kafka, logger });
      const server = await startPerformanceSubgraph({ config, orm, logger, kafka, handleSignals: false });
      return {
        server,
        extra: { producer, kafka: kafka as Kafka },
        stopExtra: async () => {
          await producer.disconnect();
          await consumer.stop();
          await assessments.stop();
          await relay.stop();
        },
      };
    },
  });
  const { producer, sql } = base;
  return {
    ...base,
    topic,
    groupId,
    publishEmployee: async (employee, change = EmployeeChange.HIRED, eventId = randomUUID()) => {
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
        unitPath: employee.unitPath ?? [employee.instansiId, employee.unitId],
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
            headers: { 'event-id': eventId, 'event-type': 'EmployeeChanged', 'schema-version': '1', 'occurred-at': new Date().toISOString() },
          },
        ],
      });
      return eventId;
    },
    publishAssessment: async (assessment) => {
      const eventId = randomUUID();
      const payload = create(AssessmentFinalisedSchema, { ...assessment, method: 'ASSESSMENT_CENTER', scores: [], actor: 'test' });
      await producer.send({
        topic: assessmentTopic,
        acks: -1,
        messages: [
          {
            key: assessment.employeeId,
            value: Buffer.from(toBinary(AssessmentFinalisedSchema, payload)),
            headers: { 'event-id': eventId, 'event-type': 'AssessmentFinalised', 'schema-version': '1', 'occurred-at': new Date().toISOString() },
          },
        ],
      });
      return eventId;
    },
    processed: async (eventId) => {
      await until(`event ${eventId}`, async () => {
        const rows = await sql<{ n: number }>('select count(*)::int as n from processed_event where consumer_group like ? and event_id = ?', [`${groupId}%`, eventId]);
        return (rows[0]?.n ?? 0) > 0 ? true : undefined;
      });
    },
  };
}
