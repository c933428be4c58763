// Derived tables: each employee's gaps (with the placement they were counted under) and the per-region
// and per-unit summaries maintained from them (src/store/gap-summary-store.ts explains the approach).
import { defineEntity, p } from '@mikro-orm/core';

export const EmployeeGap = defineEntity({
  name: 'EmployeeGap',
  tableName: 'employee_gap',
  properties: {
    employeeId: p.text().primary(),
    competencyCode: p.text().primary(),
    regionCode: p.text(),
    unitId: p.text().nullable(),
    instansiId: p.text().nullable(),
    required: p.smallint(),
    assessed: p.decimal('number').precision(3).scale(2),
    gap: p.decimal('number').precision(4).scale(2),
    assessmentId: p.uuid(),
    standardId: p.uuid(),
  },
});

export const CompetencyGapSummary = defineEntity({
  name: 'CompetencyGapSummary',
  tableName: 'competency_gap_summary',
  properties: {
    scope: p.text().primary(),
    scopeKey: p.text().primary(),
    competencyCode: p.text().primary(),
    assessedEmployees: p.integer(),
    belowStandard: p.integer(),
    gapSum: p.bigint('number'),
    shortfallSum: p.bigint('number'),
    needLevel1: p.integer(),
    needLevel2: p.integer(),
    needLevel3: p.integer(),
    needLevel4: p.integer(),
    needLevel5: p.integer(),
  },
});
