// Derived tables: each employee's gaps (with the placement they were counted under) and the per-region
// and per-unit summaries maintained from them (src/repositories/gap-summary-rows.ts explains the approach).
import { defineEntity, p } from '@mikro-orm/core';

export const EmployeeGap = defineEntity({
  name: 'EmployeeGap',
  tableName: 'employee_gap',
  // Training-need lists read only negative gaps, in (gap, employee, competency) order, by region prefix, unit or instansi.
  indexes: [
    { name: 'employee_gap_need_idx', properties: ['gap', 'employeeId', 'competencyCode'], where: 'gap < (0)::numeric' },
    { name: 'employee_gap_need_region_idx', expression: 'CREATE INDEX employee_gap_need_region_idx ON public.employee_gap USING btree (region_code text_pattern_ops, gap) WHERE (gap < (0)::numeric)' },
    { name: 'employee_gap_need_unit_idx', properties: ['unitId'], where: 'gap < (0)::numeric' },
    { name: 'employee_gap_need_instansi_idx', properties: ['instansiId'], where: 'gap < (0)::numeric' },
  ],
  properties: {
    employeeId: p.text().primary(),
    competencyCode: p.text().primary(),
    regionCode: p.text(),
    unitId: p.text().nullable(),
    instansiId: p.text().nullable(),
    unitPath: p.array().columnType('text[]').defaultRaw("'{}'::text[]"),
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
  checks: [{ name: 'competency_gap_summary_scope_check', expression: "scope = ANY (ARRAY['REGION'::text, 'UNIT'::text])" }],
  properties: {
    scope: p.text().primary(),
    scopeKey: p.text().primary(),
    competencyCode: p.text().primary(),
    assessedEmployees: p.integer().default(0),
    belowStandard: p.integer().default(0),
    gapSum: p.bigint('number').defaultRaw('0'),
    shortfallSum: p.bigint('number').defaultRaw('0'),
    needLevel1: p.integer().fieldName('need_level_1').default(0),
    needLevel2: p.integer().fieldName('need_level_2').default(0),
    needLevel3: p.integer().fieldName('need_level_3').default(0),
    needLevel4: p.integer().fieldName('need_level_4').default(0),
    needLevel5: p.integer().fieldName('need_level_5').default(0),
  },
});
