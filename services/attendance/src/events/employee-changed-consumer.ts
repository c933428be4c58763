// Consumes personnel.employee.v1 (EmployeeChanged, the employee's full snapshot after each change) into the
// read model, in the same transaction as the processed-event row, so a redelivered event changes nothing
// (DESIGN.md "Events"). Attendance needs the region, instansi, unit path and supervisor of each employee.
import type { Kafka } from 'kafkajs';
import type { Logger } from 'pino';
import type { Orm } from '@kinerja/kit/db';
import { startIdempotentConsumer, PoisonMessageError, type IdempotentConsumer, type IncomingEvent } from '@kinerja/kit/events';
import { EmployeeChangedSchema, EmployeeStatus, fromBinary, topics } from '@kinerja/proto';
import { upsertEmployeeSnapshot, type EmployeeRecord } from '../repositories/employee-rows.ts';
import type { Em } from '../repositories/sql.ts';

export const EMPLOYEE_TOPIC = topics.personnelEmployee;
export const EMPLOYEE_CONSUMER_GROUP = 'attendance.employee-read-model';

export function employeeFromEvent(payload: Uint8Array): EmployeeRecord {
  const message = fromBinary(EmployeeChangedSchema, payload);
  if (!message.employeeId || !message.nip) throw new PoisonMessageError('EmployeeChanged without employee_id or nip');
  return {
    employeeId: message.employeeId,
    nip: message.nip,
    name: message.name,
    regionCode: message.regionCode,
    unitId: message.unitId || null,
    instansiId: message.instansiId || null,
    unitPath: message.unitPath.filter((id) => id !== ''),
    supervisorId: message.supervisorId || null,
    status: message.status === EmployeeStatus.RETIRED ? 'RETIRED' : 'ACTIVE',
  };
}

export async function handleEmployeeChanged(em: Em, event: IncomingEvent): Promise<void> {
  await upsertEmployeeSnapshot(em, employeeFromEvent(event.payload), event.occurredAt);
}

/** `topic` and `groupId` are overridable so integration suites can use their own on the shared broker. */
export function startEmployeeChangedConsumer(options: { orm: Orm; kafka: Kafka; logger: Logger; groupId?: string; topic?: string }): IdempotentConsumer {
  return startIdempotentConsumer({
    orm: options.orm,
    kafka: options.kafka,
    groupId: options.groupId ?? EMPLOYEE_CONSUMER_GROUP,
    topics: [options.topic ?? EMPLOYEE_TOPIC],
    handle: (em, event) => handleEmployeeChanged(em as unknown as Em, event),
    logger: options.logger,
  });
}
