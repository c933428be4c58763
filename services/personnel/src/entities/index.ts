import { auditEntities } from '@kinerja/kit/audit';
import { outboxEntities } from '@kinerja/kit/events';
import { Employee, type EmployeeEntity } from './employee.ts';
import { RegionHeadcount, UnitHeadcount } from './headcount.ts';
import { OrgUnit, type OrgUnitEntity } from './org-unit.ts';
import { Position, type PositionEntity } from './position.ts';
import { Region, type RegionEntity } from './region.ts';
import { SiasnImportJob } from './siasn-import-job.ts';

export { Employee, OrgUnit, Position, Region, RegionHeadcount, SiasnImportJob, UnitHeadcount };
export type { EmployeeEntity, OrgUnitEntity, PositionEntity, RegionEntity };
export const entities = [Region, OrgUnit, Position, Employee, RegionHeadcount, UnitHeadcount, SiasnImportJob, ...outboxEntities, ...auditEntities];
