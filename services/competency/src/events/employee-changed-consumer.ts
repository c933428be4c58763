// Consumes personnel.employee.v1 (EmployeeChanged, the employee's full snapshot after each change): keeps
// the read model and re-derives that employee's gaps and the summaries in the same transaction as the
// processed-event row, so a redelivered event changes nothing (DESIGN.md "Events").
import type { Kafka } from 'kafkajs';
import type { Logger } from 'pino';
import { startIdempotentConsumer, PoisonMessageError, type IdempotentConsumer, type IncomingEvent } from '@kinerja/kit/events';
import { EmployeeChangedSchema, EmployeeStatus, JenisJabatan, fromBinary, topics } from '@kinerja/proto';
import { isJenisJabatan } from '../domain/standards.ts';
import { rederiveEmployee } from '../commands/rederive-employee.ts';
import { upsertEmployeeSnapshot, type EmployeeRecord } from '../repositories/employee-rows.ts';
import type { Em } from '../repositories/sql.ts';
import type { Orm } from '@kinerja/kit/db';

export const EMPLOYEE_TOPIC = topics.personnelEmployee;
export const EMPLOYEE_CONSUMER_GROUP = 'competency.employee-read-model';

export function employeeFromEvent(payload: Uint8Array): EmployeeRecord {
  const message = fromBinary(EmployeeChangedSchema, payload);
  if (!message.employeeId || !message.nip) throw new PoisonMessageError('EmployeeChanged without employee_id or nip');
  const jenis = message.position ? (JenisJabatan[message.position.jenisJabatan] as string | undefined) : undefined;
  return {
    employeeId: message.employeeId,
    nip: message.nip,
    regionCode: message.regionCode,
    unitId: message.unitId || null,
    instansiId: message.instansiId || null,
    jenisJabatan: jenis !== undefined && isJenisJabatan(jenis) ? jenis : null,
    positionId: message.position?.positionId || null,
    supervisorId: message.supervisorId || null,
    status: message.status === EmployeeStatus.RETIRED ? 'RETIRED' : 'ACTIVE',
    unitPath: message.unitPath.filter((id) => id !== ''),
  };
}

export async function handleEmployeeChanged(em: Em, event: IncomingEvent): Promise<void> {
  const employee = employeeFromEvent(event.payload);
  const applied = await upsertEmployeeSnapshot(em, employee, event.occurredAt);
  if (applied) await rederiveEmployee(em, employee.employeeId);
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
