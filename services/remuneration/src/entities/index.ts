import { auditEntities } from '@kinerja/kit/audit';
// MikroORM entities (defineEntity), one file per concern; every table is an entity the code uses.
import { outboxEntities } from '@kinerja/kit/events';
import { DisciplinarySanction, EmployeePosition, PltAssignment } from './assignments.ts';
import { Employee, InstansiScope } from './employee.ts';
import { AttendanceRecap, PredikatRating } from './inputs.ts';
import { TppMonthEvent, TppRun, TppRunLane, TppStatementVersion, TppSummary } from './tpp-statement.ts';
import { TppMonth, TppRuleVersion } from './tpp-rule.ts';

export const entities = [
  ...outboxEntities,
  Employee,
  InstansiScope,
  PredikatRating,
  AttendanceRecap,
  TppRuleVersion,
  TppMonth,
  TppStatementVersion,
  TppRun,
  TppRunLane,
  TppMonthEvent,
  TppSummary,
  EmployeePosition,
  PltAssignment,
  DisciplinarySanction,
  ...auditEntities,
];
