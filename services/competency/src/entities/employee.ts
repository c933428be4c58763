// Read model of personnel's employees: only what competency needs to pick a standard and scope reads,
// fed by personnel.employee.v1 (DESIGN.md "Events": each consumer keeps the read model it needs).
import { defineEntity, p } from '@mikro-orm/core';

export const Employee = defineEntity({
  name: 'Employee',
  tableName: 'employee',
  indexes: [
    { name: 'employee_nip_idx', properties: ['nip'] },
    { name: 'employee_supervisor_idx', properties: ['supervisorId'] },
    { name: 'employee_position_idx', properties: ['positionId'] },
    { name: 'employee_instansi_jenis_idx', properties: ['instansiId', 'jenisJabatan'] },
    { name: 'employee_jenis_idx', properties: ['jenisJabatan'] },
  ],
  checks: [{ name: 'employee_status_check', expression: "status = ANY (ARRAY['ACTIVE'::text, 'RETIRED'::text])" }],
  properties: {
    employeeId: p.text().primary(),
    nip: p.text(),
    regionCode: p.text(),
    unitId: p.text().nullable(),
    instansiId: p.text().nullable(),
    jenisJabatan: p.text().nullable(),
    positionId: p.text().nullable(),
    supervisorId: p.text().nullable(),
    /** Unit ids from the instansi down to unitId (EmployeeChanged.unit_path). */
    unitPath: p.array().columnType('text[]').defaultRaw("'{}'::text[]"),
    status: p.text(),
    lastEventAt: p.datetime(),
    updatedAt: p.datetime().defaultRaw('now()'),
  },
});

export const OrgUnitScope = defineEntity({
  name: 'OrgUnitScope',
  tableName: 'org_unit_scope',
  properties: {
    unitId: p.text().primary(),
    regionCode: p.text(),
  },
});
