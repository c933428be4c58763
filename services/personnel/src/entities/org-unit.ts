import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

// An instansi is a root unit (parent null, instansiId = its own id); its OPD, bidang and seksi hang below.
// Foreign keys are plain id columns: reads go through per-request DataLoaders, never lazy relations.
export const OrgUnit = defineEntity({
  name: 'OrgUnit',
  tableName: 'org_unit',
  properties: {
    id: p.uuid().primary(),
    name: p.string(),
    regionCode: p.string(),
    parentId: p.uuid().nullable(),
    instansiId: p.uuid(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type OrgUnitEntity = InferEntity<typeof OrgUnit>;
