import type { EmployeeConnectionResolvers, EmployeeResolvers, OrgUnitResolvers, PositionResolvers, RegionResolvers } from '../generated/resolvers-types.ts';
import {
  employeeById,
  employeeByNip,
  positionById,
  referenced,
  regionByCode,
  regionChildren,
  regionHeadcount,
  subordinatesOf,
  unitById,
  unitChildren,
  unitHeadcount,
} from './loaders.ts';
import { isUuid } from '@kinerja/kit/ids';
import { forbidden } from '@kinerja/kit/errors';
import { readsFullEmployeeRecord } from '../domain/visibility.ts';
import type { EmployeeRow } from '../repositories/employee-rows.ts';
import type { PersonnelContext } from './context.ts';
import { countEmployees } from '../repositories/employee-count.ts';

/** FORBIDDEN `employee_field_restricted` for a field an asesor may not read on this record (domain/visibility.ts). */
function assertReadsField(employee: EmployeeRow, ctx: PersonnelContext, field: string): void {
  if (!readsFullEmployeeRecord(ctx.viewer, employee.nip))
    throw forbidden(`Asesor hanya dapat melihat nama, NIP, jabatan dan unit pegawai (bukan ${field})`, 'employee_field_restricted');
}

export const Employee: EmployeeResolvers = {
  __resolveReference: (ref, ctx) => {
    if ('id' in ref) return isUuid(ref.id) ? employeeById(ctx).load(ref.id.toLowerCase()) : null;
    if ('nip' in ref) return employeeByNip(ctx).load(ref.nip);
    return null;
  },
  position: (employee, _, ctx) => referenced(positionById(ctx).load(employee.positionId), 'position', employee.positionId),
  unit: (employee, _, ctx) => referenced(unitById(ctx).load(employee.unitId), 'org unit', employee.unitId),
  region: (employee, _, ctx) => referenced(regionByCode(ctx).load(employee.regionCode), 'region', employee.regionCode),
  supervisor: (employee, _, ctx) => {
    assertReadsField(employee, ctx, 'supervisor');
    return employee.supervisorId ? employeeById(ctx).load(employee.supervisorId) : null;
  },
  subordinates: (employee, _, ctx) => {
    assertReadsField(employee, ctx, 'subordinates');
    return subordinatesOf(ctx).load(employee.id);
  },
  // Personal data, career grade: not for an asesor (assessorRestrictedEmployeeFields).
  gender: (employee, _, ctx) => (assertReadsField(employee, ctx, 'gender'), employee.gender),
  birthDate: (employee, _, ctx) => (assertReadsField(employee, ctx, 'birthDate'), employee.birthDate),
  tmtCpns: (employee, _, ctx) => (assertReadsField(employee, ctx, 'tmtCpns'), employee.tmtCpns),
  employmentType: (employee, _, ctx) => (assertReadsField(employee, ctx, 'employmentType'), employee.employmentType),
  golongan: (employee, _, ctx) => (assertReadsField(employee, ctx, 'golongan'), employee.golongan),
};

// Counted only when selected: a page that does not ask for totalCount runs no count statement.
export const EmployeeConnection: EmployeeConnectionResolvers = {
  totalCount: (connection, _, ctx) => (connection.countOf ? countEmployees(ctx.em, connection.countOf.visibility, connection.countOf.filter) : 0),
};

export const Region: RegionResolvers = {
  __resolveReference: (ref, ctx) => regionByCode(ctx).load(ref.code),
  parent: (region, _, ctx) => (region.parentCode ? regionByCode(ctx).load(region.parentCode) : null),
  children: (region, _, ctx) => regionChildren(ctx).load(region.code),
  headcount: (region, _, ctx) => regionHeadcount(ctx).load(region.code),
};

export const OrgUnit: OrgUnitResolvers = {
  __resolveReference: (ref, ctx) => (isUuid(ref.id) ? unitById(ctx).load(ref.id.toLowerCase()) : null),
  region: (unit, _, ctx) => referenced(regionByCode(ctx).load(unit.regionCode), 'region', unit.regionCode),
  parent: (unit, _, ctx) => (unit.parentId ? unitById(ctx).load(unit.parentId) : null),
  children: (unit, _, ctx) => unitChildren(ctx).load(unit.id),
  instansi: (unit, _, ctx) => referenced(unitById(ctx).load(unit.instansiId), 'org unit', unit.instansiId),
  headcount: (unit, _, ctx) => unitHeadcount(ctx).load(unit.id),
};

export const Position: PositionResolvers = {
  __resolveReference: (ref, ctx) => (isUuid(ref.id) ? positionById(ctx).load(ref.id.toLowerCase()) : null),
  kelasJabatan: (position) => Number(position.kelasJabatan),
};
