import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { employeeStatuses, employmentTypes, genders } from '../domain/vocabulary.ts';

// `regionCode` repeats the unit's region so scoping is one indexed prefix match on this table.
export const Employee = defineEntity({
  name: 'Employee',
  tableName: 'employee',
  properties: {
    id: p.uuid().primary(),
    nip: p.string().unique(),
    name: p.string(),
    gender: p.enum(genders),
    birthDate: p.date(),
    tmtCpns: p.date().nullable(),
    employmentType: p.enum(employmentTypes),
    golongan: p.string(),
    positionId: p.uuid(),
    unitId: p.uuid(),
    regionCode: p.string(),
    supervisorId: p.uuid().nullable(),
    status: p.enum(employeeStatuses),
    retiredOn: p.date().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
});
export type EmployeeEntity = InferEntity<typeof Employee>;
