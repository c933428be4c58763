import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { regionLevels } from '../domain/vocabulary.ts';

// Reference data (Kemendagri 2025): `ID` national, provinces, regencies/cities.
export const Region = defineEntity({
  name: 'Region',
  tableName: 'region',
  properties: {
    code: p.string().primary(),
    name: p.string(),
    level: p.enum(regionLevels),
    parentCode: p.string().nullable(),
  },
});
export type RegionEntity = InferEntity<typeof Region>;
