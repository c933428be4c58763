import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { jenisJabatanValues } from '../domain/vocabulary.ts';

export const Position = defineEntity({
  name: 'Position',
  tableName: 'position',
  properties: {
    id: p.uuid().primary(),
    title: p.string(),
    jenisJabatan: p.enum(jenisJabatanValues),
    kelasJabatan: p.integer(),
  },
});
export type PositionEntity = InferEntity<typeof Position>;
