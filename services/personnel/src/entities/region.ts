import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { regionLevels } from '../domain/vocabulary.ts';

// Reference data (Kemendagri 2025): `ID` national, provinces, regencies/cities. Keys, indexes and checks
// as Migration0001Schema creates them (test/integration/schema.integration.test.ts: the diff is empty).
export const Region = defineEntity({
  name: 'Region',
  tableName: 'region',
  indexes: [
    { name: 'region_parent_code_idx', properties: ['parentCode'] },
    { name: 'region_level_idx', properties: ['level'] },
  ],
  properties: {
    code: p.text().primary(),
    name: p.text(),
    level: p.enum(regionLevels),
    parentCode: () => p.manyToOne(Region).mapToPk().nullable().fieldName('parent_code').foreignKeyName('region_parent_code_fkey').deleteRule('no action'),
  },
});
export type RegionEntity = InferEntity<typeof Region>;
