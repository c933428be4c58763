// Read model of personnel's employees, fed by personnel.employee.v1 (DESIGN.md "Events": each consumer
// keeps the read model it needs): the supervisor chain decides who plans and rates whom, unit and region
// scope the dashboards, jenis jabatan decides angka kredit.
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export const Employee = defineEntity({
  name: 'Employee',
  tableName: 'employee',
  properties: {
    employeeId: p.text().primary(),
    nip: p.text(),
    name: p.text().default(''),
    regionCode: p.text(),
    unitId: p.text().nullable(),
    instansiId: p.text().nullable(),
    unitPath: p.array().default([]),
    jenisJabatan: p.text().nullable(),
    positionId: p.text().nullable(),
    positionTitle: p.text().nullable(),
    supervisorId: p.text().nullable(),
    status: p.text(),
    lastEventAt: p.datetime(),
    updatedAt: p.datetime().defaultRaw('now()'),
  },
});
export type EmployeeEntity = InferEntity<typeof Employee>;

/** Each employee's latest finalised competency assessment (competency.assessment.v1): the 9-box potential axis. */
export const EmployeePotential = defineEntity({
  name: 'EmployeePotential',
  tableName: 'employee_potential',
  properties: {
    employeeId: p.text().primary(),
    assessmentId: p.text(),
    version: p.integer(),
    assessedOn: p.date(),
    jpm: p.decimal('number'),
    category: p.text(),
    lastEventAt: p.datetime(),
  },
});
