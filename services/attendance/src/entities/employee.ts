// Read model of personnel's employees: what attendance needs to scope reads (region, unit path, the
// supervisor chain) and to label recaps, fed by personnel.employee.v1. Indexes, checks and keys are
// declared as the migrations create them (test/integration/schema.integration.test.ts: the diff is empty).
import { defineEntity, p } from '@mikro-orm/core';

export const Employee = defineEntity({
  name: 'Employee',
  tableName: 'employee',
  indexes: [
    { name: 'employee_nip_idx', properties: ['nip'] },
    { name: 'employee_supervisor_idx', properties: ['supervisorId'] },
  ],
  checks: [{ name: 'employee_status_check', expression: "status = ANY (ARRAY['ACTIVE'::text, 'RETIRED'::text])" }],
  properties: {
    employeeId: p.text().primary(),
    nip: p.text(),
    name: p.text(),
    regionCode: p.text(),
    unitId: p.text().nullable(),
    instansiId: p.text().nullable(),
    unitPath: p.array().default([]),
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
