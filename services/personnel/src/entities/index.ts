import { outboxEntities } from '@kinerja/kit/events';
import { Employee, type EmployeeEntity } from './employee.ts';
import { RegionHeadcount, UnitHeadcount } from './headcount.ts';
import { OrgUnit, type OrgUnitEntity } from './org-unit.ts';
import { Position, type PositionEntity } from './position.ts';
import { Region, type RegionEntity } from './region.ts';

export { Employee, OrgUnit, Position, Region, RegionHeadcount, UnitHeadcount };
export type { EmployeeEntity, OrgUnitEntity, PositionEntity, RegionEntity };
export const entities = [Region, OrgUnit, Position, Employee, RegionHeadcount, UnitHeadcount, ...outboxEntities];
