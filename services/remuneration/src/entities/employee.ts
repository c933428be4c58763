// Read model of personnel's employees, fed by personnel.employee.v1 (DESIGN.md "Events": remuneration
// keeps each employee's class and region): what TPP needs (kelas jabatan, jenis jabatan, golongan),
// the scope of reads (region, unit path, supervisor) and the payroll list (NIP, name).
import { defineEntity, p } from '@mikro-orm/core';

export const Employee = defineEntity({
  name: 'Employee',
  tableName: 'employee',
  properties: {
    employeeId: p.text().primary(),
    nip: p.text(),
    name: p.text(),
    employmentType: p.text().nullable(),
    golongan: p.text().nullable(),
    kelasJabatan: p.integer().nullable(),
    jenisJabatan: p.text().nullable(),
    positionTitle: p.text().nullable(),
    unitId: p.text().nullable(),
    unitPath: p.array().default([]),
    instansiId: p.text().nullable(),
    regionCode: p.text(),
    supervisorId: p.text().nullable(),
    status: p.text(),
    lastEventAt: p.datetime(),
  },
  indexes: [
    { name: 'employee_nip_idx', properties: ['nip'] },
    { name: 'employee_supervisor_idx', properties: ['supervisorId'] },
    { name: 'employee_instansi_idx', properties: ['instansiId', 'employeeId'] },
  ],
  checks: [{ name: 'employee_status_check', expression: `"status" in ('ACTIVE', 'RETIRED')` }],
});

/** The region of an instansi: the longest region prefix shared by every employee seen in it. */
export const InstansiScope = defineEntity({
  name: 'InstansiScope',
  tableName: 'instansi_scope',
  properties: {
    instansiId: p.text().primary(),
    regionCode: p.text(),
  },
});
