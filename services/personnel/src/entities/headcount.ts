import { defineEntity, p } from '@mikro-orm/core';

// Maintained summaries, written only by the employee triggers of Migration0003HeadcountSummary and read
// with plain SQL (repositories/reference-rows.ts). Declared so the ORM's view of the schema is complete.
export const RegionHeadcount = defineEntity({
  name: 'RegionHeadcount',
  tableName: 'region_headcount',
  properties: {
    regionCode: p.string().primary(),
    activeEmployees: p.integer(),
  },
});

export const UnitHeadcount = defineEntity({
  name: 'UnitHeadcount',
  tableName: 'unit_headcount',
  properties: {
    unitId: p.uuid().primary(),
    activeEmployees: p.integer(),
  },
});
