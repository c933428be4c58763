import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { pnsGolongan, pppkGolongan } from '@kinerja/kit/vocabulary';
import { employeeStatuses, employmentTypes, genders } from '../domain/vocabulary.ts';
import { OrgUnit } from './org-unit.ts';
import { Position } from './position.ts';
import { Region } from './region.ts';

const listed = (values: readonly string[]) => `ARRAY[${values.map((value) => `'${value}'::text`).join(', ')}]`;

// `regionCode` repeats the unit's region so scoping is one indexed prefix match on this table.
export const Employee = defineEntity({
  name: 'Employee',
  tableName: 'employee',
  // Keys, indexes and checks as Migration0001Schema creates them (test/integration/schema.integration.test.ts).
  indexes: [
    { name: 'employee_region_code_idx', expression: "CREATE INDEX employee_region_code_idx ON public.employee USING btree (region_code text_pattern_ops) WHERE (status = 'ACTIVE'::text)" },
    { name: 'employee_region_code_all_idx', expression: 'CREATE INDEX employee_region_code_all_idx ON public.employee USING btree (region_code text_pattern_ops)' },
    { name: 'employee_supervisor_id_idx', properties: ['supervisorId'] },
    { name: 'employee_unit_id_idx', properties: ['unitId'] },
    { name: 'employee_name_id_idx', properties: ['name', 'id'] },
  ],
  checks: [
    { name: 'employee_nip_check', expression: "nip ~ '^[0-9]{18}$'::text" },
    { name: 'employee_not_own_supervisor', expression: 'supervisor_id IS DISTINCT FROM id' },
    {
      name: 'employee_golongan_matches_type',
      expression: `((employment_type = 'PNS'::text) AND (golongan = ANY (${listed(pnsGolongan)}))) OR ((employment_type = 'PPPK'::text) AND (golongan = ANY (${listed(pppkGolongan)})))`,
    },
  ],
  properties: {
    id: p.uuid().primary(),
    nip: p.string().columnType('char(18)').unique('employee_nip_key'),
    name: p.text(),
    gender: p.enum(genders),
    birthDate: p.date(),
    tmtCpns: p.date().nullable(),
    employmentType: p.enum(employmentTypes),
    golongan: p.text(),
    positionId: () => p.manyToOne(Position).mapToPk().fieldName('position_id').foreignKeyName('employee_position_id_fkey'),
    unitId: () => p.manyToOne(OrgUnit).mapToPk().fieldName('unit_id').foreignKeyName('employee_unit_id_fkey'),
    regionCode: () => p.manyToOne(Region).mapToPk().fieldName('region_code').foreignKeyName('employee_region_code_fkey'),
    supervisorId: () => p.manyToOne(Employee).mapToPk().nullable().fieldName('supervisor_id').foreignKeyName('employee_supervisor_id_fkey').deleteRule('no action'),
    status: p.enum(employeeStatuses).default('ACTIVE'),
    retiredOn: p.date().nullable(),
    /** BKN SIASN's person id (`id`/`pnsId`), set by the SIASN import (Migration0004SiasnIds). */
    siasnId: p.text().nullable().unique('employee_siasn_id_key'),
    createdAt: p.datetime().defaultRaw('now()').onCreate(() => new Date()),
    updatedAt: p.datetime().defaultRaw('now()').onCreate(() => new Date()).onUpdate(() => new Date()),
  },
});
export type EmployeeEntity = InferEntity<typeof Employee>;
