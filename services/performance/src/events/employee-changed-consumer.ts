// Consumes personnel.employee.v1 (EmployeeChanged, the employee's full snapshot after each change) into
// the read model, in the same transaction as the processed-event row, so a redelivered event changes
// nothing (DESIGN.md "Events"). The supervisor chain in it decides who approves and rates whom.
import type { Kafka } from 'kafkajs';
import type { Logger } from 'pino';
import type { EntityManager, Orm } from '@kinerja/kit/db';
import { startIdempotentConsumer, PoisonMessageError, type IdempotentConsumer, type IncomingEvent } from '@kinerja/kit/events';
import { EmployeeChangedSchema, EmployeeStatus, JenisJabatan, fromBinary } from '@kinerja/proto';
import { jenisJabatanValues } from '@kinerja/kit/vocabulary';
import type { EmployeeRow } from '../repositories/employee-rows.ts';

export const EMPLOYEE_TOPIC = 'personnel.employee.v1';
export const EMPLOYEE_CONSUMER_GROUP = 'performance.employee-read-model';

/** The read-model row, plus the position title kept for display. */
export type EmployeeSnapshot = EmployeeRow & { positionTitle: string | null };

export function employeeFromEvent(payload: Uint8Array): EmployeeSnapshot {
  const message = fromBinary(EmployeeChangedSchema, payload);
  if (!message.employeeId || !message.nip) throw new PoisonMessageError('EmployeeChanged without employee_id or nip');
  const jenis = message.position ? (JenisJabatan[message.position.jenisJabatan] as string | undefined) : undefined;
  return {
    employeeId: message.employeeId,
    nip: message.nip,
    name: message.name,
    regionCode: message.regionCode,
    unitId: message.unitId || null,
    instansiId: message.instansiId || null,
    unitPath: message.unitPath.filter((id) => id !== ''),
    jenisJabatan: jenis !== undefined && (jenisJabatanValues as readonly string[]).includes(jenis) ? jenis : null,
    positionId: message.position?.positionId || null,
    positionTitle: message.position?.title || null,
    supervisorId: message.supervisorId || null,
    status: message.status === EmployeeStatus.RETIRED ? 'RETIRED' : 'ACTIVE',
  };
}

/**
 * Applies a snapshot unless a later one was applied already (one employee's events share a partition, but
 * a replay from the outbox after an outage may interleave).
 */
export async function applyEmployeeSnapshot(em: EntityManager, employee: EmployeeSnapshot, occurredAt: Date): Promise<void> {
  await em.execute(
    `insert into employee (employee_id, nip, name, region_code, unit_id, instansi_id, unit_path, jenis_jabatan, position_id, position_title,
       supervisor_id, status, last_event_at, updated_at)
     values (?, ?, ?, ?, ?, ?, array(select jsonb_array_elements_text(?::jsonb)), ?, ?, ?, ?, ?, ?, now())
     on conflict (employee_id) do update set
       nip = excluded.nip, name = excluded.name, region_code = excluded.region_code, unit_id = excluded.unit_id,
       instansi_id = excluded.instansi_id, unit_path = excluded.unit_path, jenis_jabatan = excluded.jenis_jabatan,
       position_id = excluded.position_id, position_title = excluded.position_title, supervisor_id = excluded.supervisor_id,
       status = excluded.status, last_event_at = excluded.last_event_at, updated_at = now()
     where employee.last_event_at <= excluded.last_event_at`,
    [
      employee.employeeId,
      employee.nip,
      employee.name,
      employee.regionCode,
      employee.unitId,
      employee.instansiId,
      // A JS array parameter would be expanded into a comma list, not an array literal.
      JSON.stringify(employee.unitPath),
      employee.jenisJabatan,
      employee.positionId,
      employee.positionTitle,
      employee.supervisorId,
      employee.status,
      occurredAt.toISOString(),
    ],
  );
}

export function handleEmployeeChanged(em: EntityManager, event: IncomingEvent): Promise<void> {
  return applyEmployeeSnapshot(em, employeeFromEvent(event.payload), event.occurredAt);
}

/** `topic` and `groupId` are overridable so integration suites can use their own on the shared broker. */
export function startEmployeeChangedConsumer(options: { orm: Orm; kafka: Kafka; logger: Logger; groupId?: string; topic?: string }): IdempotentConsumer {
  return startIdempotentConsumer({
    orm: options.orm,
    kafka: options.kafka,
    groupId: options.groupId ?? EMPLOYEE_CONSUMER_GROUP,
    topics: [options.topic ?? EMPLOYEE_TOPIC],
    handle: (em, event) => handleEmployeeChanged(em as unknown as EntityManager, event),
    logger: options.logger,
  });
}
