// Real protobuf events on the real topics (personnel.employee.v1, performance.rating.v1, attendance.recap.v1),
// with the headers the kit's producers write, for the read-model suites.
import { randomUUID } from 'node:crypto';
import type { Producer } from 'kafkajs';
import {
  AttendanceRecapClosedSchema,
  EmployeeChange,
  EmployeeChangedSchema,
  EmployeeStatus,
  EmploymentType,
  Gender,
  JenisJabatan,
  PredikatFinalisedSchema,
  create,
  toBinary,
  type MessageInitShape,
} from '@kinerja/proto';
import { inputTopics } from '../../src/events/topics.ts';

const { employee: EMPLOYEE_TOPIC, rating: RATING_TOPIC, recap: RECAP_TOPIC } = inputTopics;

export interface TestEmployee {
  employeeId: string;
  nip: string;
  name?: string;
  regionCode: string;
  instansiId: string;
  unitId: string;
  unitPath?: string[];
  golongan?: string;
  kelasJabatan?: number;
  jenisJabatan?: keyof typeof JenisJabatan;
  supervisorId?: string;
  employmentType?: 'PNS' | 'PPPK';
  status?: 'ACTIVE' | 'RETIRED';
}

async function send(producer: Producer, topic: string, key: string, type: string, value: Uint8Array, eventId: string, occurredAt: Date): Promise<string> {
  await producer.send({
    topic,
    acks: -1,
    messages: [{ key, value: Buffer.from(value), headers: { 'event-id': eventId, 'event-type': type, 'schema-version': '1', 'occurred-at': occurredAt.toISOString() } }],
  });
  return eventId;
}

export function publishEmployee(producer: Producer, e: TestEmployee, options: { eventId?: string; occurredAt?: Date; effectiveDate?: string } = {}): Promise<string> {
  const eventId = options.eventId ?? randomUUID();
  const payload = create(EmployeeChangedSchema, {
    eventId,
    change: EmployeeChange.HIRED,
    employeeId: e.employeeId,
    nip: e.nip,
    name: e.name ?? `Pegawai ${e.nip}`,
    gender: Number(e.nip[14]) === 2 ? Gender.FEMALE : Gender.MALE,
    birthDate: `${e.nip.slice(0, 4)}-${e.nip.slice(4, 6)}-${e.nip.slice(6, 8)}`,
    employmentType: e.employmentType === 'PPPK' ? EmploymentType.PPPK : EmploymentType.PNS,
    golongan: e.golongan ?? 'III/a',
    position: { positionId: `pos-${e.employeeId}`, title: 'Jabatan uji', jenisJabatan: JenisJabatan[e.jenisJabatan ?? 'PELAKSANA'], kelasJabatan: e.kelasJabatan ?? 9 },
    unitId: e.unitId,
    instansiId: e.instansiId,
    unitPath: e.unitPath ?? [e.instansiId, e.unitId],
    regionCode: e.regionCode,
    supervisorId: e.supervisorId,
    status: e.status === 'RETIRED' ? EmployeeStatus.RETIRED : EmployeeStatus.ACTIVE,
    effectiveDate: options.effectiveDate ?? '2025-01-01',
    actor: 'test',
  });
  return send(producer, EMPLOYEE_TOPIC, e.employeeId, 'EmployeeChanged', toBinary(EmployeeChangedSchema, payload), eventId, options.occurredAt ?? new Date());
}

export function publishPredikat(producer: Producer, rating: MessageInitShape<typeof PredikatFinalisedSchema> & { employeeId: string }, eventId: string = randomUUID()): Promise<string> {
  const payload = create(PredikatFinalisedSchema, { skpId: `skp-${rating.employeeId}`, finalisedAt: new Date().toISOString(), version: 1, ...rating });
  return send(producer, RATING_TOPIC, rating.employeeId, 'PredikatFinalised', toBinary(PredikatFinalisedSchema, payload), eventId, new Date());
}

export function publishRecap(producer: Producer, recap: MessageInitShape<typeof AttendanceRecapClosedSchema> & { employeeId: string }, eventId: string = randomUUID()): Promise<string> {
  const payload = create(AttendanceRecapClosedSchema, { closedAt: new Date().toISOString(), version: 1, ...recap });
  return send(producer, RECAP_TOPIC, recap.employeeId, 'AttendanceRecapClosed', toBinary(AttendanceRecapClosedSchema, payload), eventId, new Date());
}
