import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Region } from './region.ts';

// An instansi is a root unit (parent null, instansiId = its own id); its OPD, bidang and seksi hang below.
// Foreign keys map to plain ids (mapToPk): reads go through per-request DataLoaders, never lazy relations.
export const OrgUnit = defineEntity({
  name: 'OrgUnit',
  tableName: 'org_unit',
  indexes: [
    { name: 'org_unit_parent_id_idx', properties: ['parentId'] },
    { name: 'org_unit_region_code_idx', expression: 'CREATE INDEX org_unit_region_code_idx ON public.org_unit USING btree (region_code text_pattern_ops)' },
  ],
  properties: {
    id: p.uuid().primary(),
    name: p.text(),
    regionCode: () => p.manyToOne(Region).mapToPk().fieldName('region_code').foreignKeyName('org_unit_region_code_fkey'),
    parentId: () => p.manyToOne(OrgUnit).mapToPk().nullable().fieldName('parent_id').foreignKeyName('org_unit_parent_id_fkey').deleteRule('no action'),
    // Deferred: an instansi row points at itself, inserted in one statement.
    instansiId: () => p.manyToOne(OrgUnit).mapToPk().fieldName('instansi_id').foreignKeyName('org_unit_instansi_id_fkey').deferMode('deferred'),
    /** BKN SIASN's unor id (`Id`), set by the SIASN import (Migration0004SiasnIds). */
    siasnId: p.text().nullable().unique('org_unit_siasn_id_key'),
    createdAt: p.datetime().defaultRaw('now()').onCreate(() => new Date()),
  },
});
export type OrgUnitEntity = InferEntity<typeof OrgUnit>;
