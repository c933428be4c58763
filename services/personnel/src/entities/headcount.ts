import { defineEntity, p } from '@mikro-orm/core';
import { OrgUnit } from './org-unit.ts';
import { Region } from './region.ts';

// Maintained summaries, written only by the employee triggers of Migration0003HeadcountSummary and read
// with plain SQL (repositories/reference-rows.ts, repositories/employee-count.ts). Declared so the ORM's
// view of the schema is complete (the schema diff test).
export const RegionHeadcount = defineEntity({
  name: 'RegionHeadcount',
  tableName: 'region_headcount',
  properties: {
    regionCode: () => p.manyToOne(Region).mapToPk().primary().fieldName('region_code').foreignKeyName('region_headcount_region_code_fkey').deleteRule('no action').updateRule('no action'),
    activeEmployees: p.integer(),
  },
});

export const UnitHeadcount = defineEntity({
  name: 'UnitHeadcount',
  tableName: 'unit_headcount',
  properties: {
    unitId: () => p.manyToOne(OrgUnit).mapToPk().primary().fieldName('unit_id').foreignKeyName('unit_headcount_unit_id_fkey').deleteRule('no action').updateRule('no action'),
    activeEmployees: p.integer(),
  },
});
