import { auditEntities } from '@kinerja/kit/audit';
import { outboxEntities } from '@kinerja/kit/events';
import { Assessment, AssessmentScore } from './assessment.ts';
import { CompetencyStandard, MappingRule } from './competency-standard.ts';
import { Employee, OrgUnitScope } from './employee.ts';
import { CompetencyGapSummary, EmployeeGap } from './gap-summary.ts';
import { TrainingProgramme } from './training-programme.ts';

export { Assessment, AssessmentScore, CompetencyGapSummary, CompetencyStandard, Employee, EmployeeGap, MappingRule, OrgUnitScope, TrainingProgramme };

export const entities = [
  ...outboxEntities,
  Employee,
  OrgUnitScope,
  CompetencyStandard,
  MappingRule,
  Assessment,
  AssessmentScore,
  TrainingProgramme,
  EmployeeGap,
  CompetencyGapSummary,
  ...auditEntities,
];
