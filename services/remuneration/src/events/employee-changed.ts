// personnel.employee.v1 (EmployeeChanged, the employee's full snapshot): the employee read model and the
// instansi's region. A snapshot older than the one applied is ignored, so a late redelivery cannot roll back.
import { PoisonMessageError, type IncomingEvent } from '@kinerja/kit/events';
import type { EntityManager } from '@kinerja/kit/db';
import { isJenisJabatan } from '@kinerja/kit/vocabulary';
import { EmployeeChangedSchema, EmployeeStatus, EmploymentType, JenisJabatan, fromBinary } from '@kinerja/proto';
import { commonRegionPrefix } from '@kinerja/kit/scoping';
import { monthOfDay } from '../domain/month.ts';

export interface EmployeeSnapshot {
  employeeId: string;
  nip: string;
  name: string;
  employmentType: 'PNS' | 'PPPK' | null;
  golongan: string | null;
  kelasJabatan: number | null;
  jenisJabatan: string | null;
  positionTitle: string | null;
  unitId: string | null;
  unitPath: string[];
  instansiId: string | null;
  regionCode: string;
  supervisorId: string | null;
  status: 'ACTIVE' | 'RETIRED';
  /** YYYY-MM-DD the change took effect (TMT); empty from a producer that sent none. */
  effectiveDate: string;
}

export function employeeFromEvent(payload: Uint8Array): EmployeeSnapshot {
  const m = fromBinary(EmployeeChangedSchema, payload);
  if (!m.employeeId || !m.nip || !m.regionCode) throw new PoisonMessageError('EmployeeChanged without employee_id, nip or region_code');
  const jenis = m.position ? (JenisJabatan[m.position.jenisJabatan] as string | undefined) : undefined;
  return {
    employeeId: m.employeeId,
    nip: m.nip,
    name: m.name,
    employmentType: m.employmentType === EmploymentType.PNS ? 'PNS' : m.employmentType === EmploymentType.PPPK ? 'PPPK' : null,
    golongan: m.golongan || null,
    kelasJabatan: m.position && m.position.kelasJabatan > 0 ? m.position.kelasJabatan : null,
    jenisJabatan: jenis !== undefined && isJenisJabatan(jenis) ? jenis : null,
    positionTitle: m.position?.title || null,
    unitId: m.unitId || null,
    unitPath: m.unitPath.filter((id) => id !== ''),
    instansiId: m.instansiId || null,
    regionCode: m.regionCode,
    supervisorId: m.supervisorId || null,
    status: m.status === EmployeeStatus.RETIRED ? 'RETIRED' : 'ACTIVE',
    effectiveDate: /^\d{4}-\d{2}-\d{2}$/.test(m.effectiveDate) ? m.effectiveDate : '',
  };
}

/**
 * Whether the snapshot was applied (false: an older one than the read model holds), and the first month
 * a newly recorded position affects (null: the history did not change).
 */
export async function handleEmployeeChanged(em: EntityManager, event: IncomingEvent): Promise<{ employeeId: string; applied: boolean; positionFromMonth: string | null }> {
  const e = employeeFromEvent(event.payload);
  // Position history by TMT (DOMAIN.md "TPP": the position held on the 15th decides the month), kept even
  // from a late event: its effective day is still history. The latest event per day wins.
  const effectiveFrom = e.effectiveDate || event.occurredAt.toISOString().slice(0, 10);
  const position = await em.execute<{ effective_from: string }[]>(
    `insert into "employee_position" ("employee_id", "effective_from", "kelas_jabatan", "jenis_jabatan", "position_title", "last_event_at")
     values (?, ?, ?, ?, ?, ?)
     on conflict ("employee_id", "effective_from") do update set "kelas_jabatan" = excluded."kelas_jabatan", "jenis_jabatan" = excluded."jenis_jabatan",
       "position_title" = excluded."position_title", "last_event_at" = excluded."last_event_at"
     where "employee_position"."last_event_at" <= excluded."last_event_at"
       and ("employee_position"."kelas_jabatan", "employee_position"."jenis_jabatan") is distinct from (excluded."kelas_jabatan", excluded."jenis_jabatan")
     returning "effective_from"`,
    [e.employeeId, effectiveFrom, e.kelasJabatan, e.jenisJabatan, e.positionTitle, event.occurredAt],
  );
  const applied = await em.execute<{ employee_id: string }[]>(
    `insert into "employee" ("employee_id", "nip", "name", "employment_type", "golongan", "kelas_jabatan", "jenis_jabatan", "position_title",
       "unit_id", "unit_path", "instansi_id", "region_code", "supervisor_id", "status", "last_event_at")
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, array(select jsonb_array_elements_text(?::jsonb)), ?, ?, ?, ?, ?)
     on conflict ("employee_id") do update set
       "nip" = excluded."nip", "name" = excluded."name", "employment_type" = excluded."employment_type", "golongan" = excluded."golongan",
       "kelas_jabatan" = excluded."kelas_jabatan", "jenis_jabatan" = excluded."jenis_jabatan", "position_title" = excluded."position_title",
       "unit_id" = excluded."unit_id", "unit_path" = excluded."unit_path", "instansi_id" = excluded."instansi_id",
       "region_code" = excluded."region_code", "supervisor_id" = excluded."supervisor_id", "status" = excluded."status",
       "last_event_at" = excluded."last_event_at"
     where "employee"."last_event_at" <= excluded."last_event_at"
     returning "employee_id"`,
    [e.employeeId, e.nip, e.name, e.employmentType, e.golongan, e.kelasJabatan, e.jenisJabatan, e.positionTitle, e.unitId, JSON.stringify(e.unitPath),
      e.instansiId, e.regionCode, e.supervisorId, e.status, event.occurredAt],
  );
  if (e.instansiId !== null) {
    const [scope] = await em.execute<{ region_code: string }[]>(`select "region_code" from "instansi_scope" where "instansi_id" = ? for update`, [e.instansiId]);
    const region = scope ? commonRegionPrefix(scope.region_code, e.regionCode) : e.regionCode;
    if (region !== scope?.region_code) {
      await em.execute(`insert into "instansi_scope" ("instansi_id", "region_code") values (?, ?) on conflict ("instansi_id") do update set "region_code" = excluded."region_code"`, [e.instansiId, region]);
    }
  }
  return { employeeId: e.employeeId, applied: applied.length > 0, positionFromMonth: position.length > 0 ? monthOfDay(effectiveFrom) : null };
}
