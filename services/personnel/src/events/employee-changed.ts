// Personnel publishes the employee's full snapshot after every change (event-carried state,
// docs/conventions.md "Events") on `personnel.employee.v1`, keyed by employee id so one employee's
// events stay ordered. The event is written to the outbox in the caller's transaction.
import { enqueueEvent } from '@kinerja/kit/events';
import type { EntityManager } from '@kinerja/kit/db';
import {
  EmployeeChange,
  EmployeeChangedSchema,
  EmployeeStatus as ProtoEmployeeStatus,
  EmploymentType as ProtoEmploymentType,
  Gender as ProtoGender,
  JenisJabatan as ProtoJenisJabatan,
  create,
  toBinary,
  topics,
} from '@kinerja/proto';
import { randomUUID } from 'node:crypto';
import type { EmployeeStatus, EmploymentType, Gender, JenisJabatan } from '../domain/vocabulary.ts';

export const EMPLOYEE_TOPIC = topics.personnelEmployee;
export const EMPLOYEE_CHANGED_SCHEMA_VERSION = 1;

export const employeeChanges = {
  HIRED: { proto: EmployeeChange.HIRED, type: 'EmployeeHired' },
  TRANSFERRED: { proto: EmployeeChange.TRANSFERRED, type: 'EmployeeTransferred' },
  POSITION_CHANGED: { proto: EmployeeChange.POSITION_CHANGED, type: 'EmployeePositionChanged' },
  SUPERVISOR_SET: { proto: EmployeeChange.SUPERVISOR_SET, type: 'EmployeeSupervisorSet' },
  RETIRED: { proto: EmployeeChange.RETIRED, type: 'EmployeeRetired' },
} as const;
export type EmployeeChangeKind = keyof typeof employeeChanges;

export interface EmployeeSnapshot {
  id: string;
  nip: string;
  name: string;
  gender: Gender;
  birthDate: string;
  employmentType: EmploymentType;
  golongan: string;
  status: EmployeeStatus;
  unitId: string;
  regionCode: string;
  supervisorId: string | null;
  position: { id: string; title: string; jenisJabatan: JenisJabatan; kelasJabatan: number };
  instansiId: string;
  /** Unit ids from the instansi down to unitId (repositories/reference-rows.ts unitPathOf). */
  unitPath: string[];
}

export function encodeEmployeeChanged(
  eventId: string,
  change: EmployeeChangeKind,
  employee: EmployeeSnapshot,
  effectiveDate: string,
  actor: string,
): Uint8Array {
  const message = create(EmployeeChangedSchema, {
    eventId,
    change: employeeChanges[change].proto,
    employeeId: employee.id,
    nip: employee.nip,
    name: employee.name,
    gender: ProtoGender[employee.gender],
    birthDate: employee.birthDate,
    employmentType: ProtoEmploymentType[employee.employmentType],
    golongan: employee.golongan,
    position: {
      positionId: employee.position.id,
      title: employee.position.title,
      jenisJabatan: ProtoJenisJabatan[employee.position.jenisJabatan],
      kelasJabatan: employee.position.kelasJabatan,
    },
    unitId: employee.unitId,
    instansiId: employee.instansiId,
    unitPath: employee.unitPath,
    regionCode: employee.regionCode,
    ...(employee.supervisorId ? { supervisorId: employee.supervisorId } : {}),
    status: ProtoEmployeeStatus[employee.status],
    effectiveDate,
    actor,
  });
  return toBinary(EmployeeChangedSchema, message);
}

/** Adds the event to `em`'s unit of work; it commits (or rolls back) with the change. */
export function enqueueEmployeeChanged(
  em: EntityManager,
  change: EmployeeChangeKind,
  employee: EmployeeSnapshot,
  effectiveDate: string,
  actor: string,
): string {
  const id = randomUUID();
  return enqueueEvent(em, {
    id,
    topic: EMPLOYEE_TOPIC,
    key: employee.id,
    type: employeeChanges[change].type,
    schemaVersion: EMPLOYEE_CHANGED_SCHEMA_VERSION,
    payload: encodeEmployeeChanged(id, change, employee, effectiveDate, actor),
  });
}
