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
import { isUuid } from './ids.ts';
import { countEmployees } from '../repositories/employee-count.ts';

export const Employee: EmployeeResolvers = {
  __resolveReference: (ref, ctx) => {
    if ('id' in ref) return isUuid(ref.id) ? employeeById(ctx).load(ref.id.toLowerCase()) : null;
    if ('nip' in ref) return employeeByNip(ctx).load(ref.nip);
    return null;
  },
  position: (employee, _, ctx) => referenced(positionById(ctx).load(employee.positionId), 'position', employee.positionId),
  unit: (employee, _, ctx) => referenced(unitById(ctx).load(employee.unitId), 'org unit', employee.unitId),
  region: (employee, _, ctx) => referenced(regionByCode(ctx).load(employee.regionCode), 'region', employee.regionCode),
  supervisor: (employee, _, ctx) => employee.supervisorId ? employeeById(ctx).load(employee.supervisorId) : null,
  subordinates: (employee, _, ctx) => subordinatesOf(ctx).load(employee.id),
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
