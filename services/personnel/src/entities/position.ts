import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { jenisJabatanValues } from '../domain/vocabulary.ts';

export const Position = defineEntity({
  name: 'Position',
  tableName: 'position',
  checks: [{ name: 'position_kelas_jabatan_check', expression: '(kelas_jabatan >= 1) AND (kelas_jabatan <= 17)' }],
  properties: {
    id: p.uuid().primary(),
    title: p.text(),
    jenisJabatan: p.enum(jenisJabatanValues),
    kelasJabatan: p.integer(),
  },
});
export type PositionEntity = InferEntity<typeof Position>;
