// Required levels per competency: national default, an instansi's own, or a position override, each
// from an effective date (DOMAIN.md "Competency": configurable per instansi with an effective date).
import { defineEntity, p } from '@mikro-orm/core';

export const CompetencyStandard = defineEntity({
  name: 'CompetencyStandard',
  tableName: 'competency_standard',
  properties: {
    id: p.uuid().primary(),
    instansiId: p.text().nullable(),
    jenisJabatan: p.text().nullable(),
    positionId: p.text().nullable(),
    effectiveFrom: p.date(),
    levels: p.json<Record<string, number>>(),
    createdBy: p.text(),
    createdAt: p.datetime().defaultRaw('now()'),
    /** When the employees it covers were re-derived for it; null while it waits to come into force. */
    appliedAt: p.datetime().nullable(),
  },
});

export const MappingRule = defineEntity({
  name: 'MappingRule',
  tableName: 'mapping_rule',
  properties: {
    id: p.uuid().primary(),
    instansiId: p.text().nullable(),
    effectiveFrom: p.date(),
    capSurplus: p.boolean(),
    scheme: p.json<unknown>(),
    createdBy: p.text(),
    createdAt: p.datetime().defaultRaw('now()'),
    appliedAt: p.datetime().nullable(),
  },
});
