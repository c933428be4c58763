// Configurable tables of DOMAIN.md as versioned data per instansi (null = the national default).
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export const ConfigurationVersion = defineEntity({
  name: 'ConfigurationVersion',
  tableName: 'configuration_version',
  properties: {
    id: p.uuid().primary(),
    kind: p.text(),
    instansiId: p.text().nullable(),
    effectiveFrom: p.date(),
    value: p.json<Record<string, unknown>>(),
    createdBy: p.text(),
    createdAt: p.datetime().defaultRaw('now()'),
  },
});
export type ConfigurationVersionEntity = InferEntity<typeof ConfigurationVersion>;
