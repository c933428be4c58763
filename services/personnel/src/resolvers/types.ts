import type { EmployeeRow } from '../repositories/employee-rows.ts';
import type { OrgUnitRow, PositionRow, RegionRow } from '../repositories/reference-rows.ts';
import type { PersonnelContext } from './context.ts';
import {
  employeeById,
  employeeByNip,
  positionById,
  regionByCode,
  regionChildren,
  regionHeadcount,
  subordinatesOf,
  unitById,
  unitChildren,
  unitHeadcount,
} from './loaders.ts';
import { isUuid } from './ids.ts';

export const Employee = {
  __resolveReference: (ref: { id?: string; nip?: string }, ctx: PersonnelContext) => {
    if (ref.id) return isUuid(ref.id) ? employeeById(ctx).load(ref.id.toLowerCase()) : null;
    if (ref.nip) return employeeByNip(ctx).load(ref.nip);
    return null;
  },
  position: (employee: EmployeeRow, _: unknown, ctx: PersonnelContext) => positionById(ctx).load(employee.positionId),
  unit: (employee: EmployeeRow, _: unknown, ctx: PersonnelContext) => unitById(ctx).load(employee.unitId),
  region: (employee: EmployeeRow, _: unknown, ctx: PersonnelContext) => regionByCode(ctx).load(employee.regionCode),
  supervisor: (employee: EmployeeRow, _: unknown, ctx: PersonnelContext) =>
    employee.supervisorId ? employeeById(ctx).load(employee.supervisorId) : null,
  subordinates: (employee: EmployeeRow, _: unknown, ctx: PersonnelContext) => subordinatesOf(ctx).load(employee.id),
};

export const Region = {
  __resolveReference: (ref: { code: string }, ctx: PersonnelContext) => regionByCode(ctx).load(ref.code),
  parent: (region: RegionRow, _: unknown, ctx: PersonnelContext) => (region.parentCode ? regionByCode(ctx).load(region.parentCode) : null),
  children: (region: RegionRow, _: unknown, ctx: PersonnelContext) => regionChildren(ctx).load(region.code),
  headcount: (region: RegionRow, _: unknown, ctx: PersonnelContext) => regionHeadcount(ctx).load(region.code),
};

export const OrgUnit = {
  __resolveReference: (ref: { id: string }, ctx: PersonnelContext) => (isUuid(ref.id) ? unitById(ctx).load(ref.id.toLowerCase()) : null),
  region: (unit: OrgUnitRow, _: unknown, ctx: PersonnelContext) => regionByCode(ctx).load(unit.regionCode),
  parent: (unit: OrgUnitRow, _: unknown, ctx: PersonnelContext) => (unit.parentId ? unitById(ctx).load(unit.parentId) : null),
  children: (unit: OrgUnitRow, _: unknown, ctx: PersonnelContext) => unitChildren(ctx).load(unit.id),
  instansi: (unit: OrgUnitRow, _: unknown, ctx: PersonnelContext) => unitById(ctx).load(unit.instansiId),
  headcount: (unit: OrgUnitRow, _: unknown, ctx: PersonnelContext) => unitHeadcount(ctx).load(unit.id),
};

export const Position = {
  __resolveReference: (ref: { id: string }, ctx: PersonnelContext) => (isUuid(ref.id) ? positionById(ctx).load(ref.id.toLowerCase()) : null),
  kelasJabatan: (position: PositionRow) => Number(position.kelasJabatan),
};
