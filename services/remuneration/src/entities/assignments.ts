// Position history, Plt assignments and disciplinary sanctions (Migration0003PositionsPltSanctions).
import { defineEntity, p } from '@mikro-orm/core';

/** One row per employee and effective day (TMT) from personnel.employee.v1. */
export const EmployeePosition = defineEntity({
  name: 'EmployeePosition',
  tableName: 'employee_position',
  properties: {
    employeeId: p.text().primary(),
    effectiveFrom: p.string().length(10).primary(),
    kelasJabatan: p.integer().nullable(),
    jenisJabatan: p.text().nullable(),
    positionTitle: p.text().nullable(),
    lastEventAt: p.datetime(),
  },
});

/** Pelaksana tugas: the employee also holds another position, whose TPP the supplement is a share of. */
export const PltAssignment = defineEntity({
  name: 'PltAssignment',
  tableName: 'plt_assignment',
  properties: {
    id: p.uuid().primary(),
    employeeId: p.text(),
    instansiId: p.text(),
    positionTitle: p.text(),
    kelasJabatan: p.integer(),
    jenisJabatan: p.text().nullable(),
    startDate: p.string().length(10),
    endDate: p.string().length(10),
    decisionReference: p.text(),
    recordedBy: p.text(),
    recordedAt: p.datetime(),
  },
  indexes: [{ name: 'plt_assignment_employee_idx', properties: ['employeeId', 'startDate'] }],
  checks: [
    { name: 'plt_assignment_kelas_jabatan_check', expression: `"kelas_jabatan" >= 1 and "kelas_jabatan" <= 17` },
    { name: 'plt_assignment_check', expression: `"end_date" >= "start_date"` },
  ],
});

/** A disciplinary sanction: the rule's sanction code (its percentage and months) from a month on. */
export const DisciplinarySanction = defineEntity({
  name: 'DisciplinarySanction',
  tableName: 'disciplinary_sanction',
  properties: {
    id: p.uuid().primary(),
    employeeId: p.text(),
    instansiId: p.text(),
    code: p.text(),
    fromMonth: p.string().length(7),
    decisionReference: p.text(),
    recordedBy: p.text(),
    recordedAt: p.datetime(),
  },
  indexes: [{ name: 'disciplinary_sanction_employee_idx', properties: ['employeeId', 'fromMonth'] }],
});
