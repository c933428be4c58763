// Read model of personnel's employees: only what competency needs to pick a standard and scope reads,
// fed by personnel.employee.v1 (DESIGN.md "Events": each consumer keeps the read model it needs).
import { defineEntity, p } from '@mikro-orm/core';

export const Employee = defineEntity({
  name: 'Employee',
  tableName: 'employee',
  properties: {
    employeeId: p.text().primary(),
    nip: p.text(),
    regionCode: p.text(),
    unitId: p.text().nullable(),
    instansiId: p.text().nullable(),
    jenisJabatan: p.text().nullable(),
    positionId: p.text().nullable(),
    supervisorId: p.text().nullable(),
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
