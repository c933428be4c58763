// Required levels per competency: national default, an instansi's own, or a position override, each
// from an effective date (DOMAIN.md "Competency": configurable per instansi with an effective date).
import { defineEntity, p } from '@mikro-orm/core';

export const CompetencyStandard = defineEntity({
  name: 'CompetencyStandard',
  tableName: 'competency_standard',
  indexes: [
    {
      name: 'competency_standard_key',
      expression:
        "CREATE UNIQUE INDEX competency_standard_key ON public.competency_standard USING btree (COALESCE(instansi_id, ''::text), COALESCE(jenis_jabatan, ''::text), COALESCE(position_id, ''::text), effective_from)",
    },
    { name: 'competency_standard_pending_idx', properties: ['effectiveFrom'], where: 'applied_at IS NULL' },
  ],
  checks: [{ name: 'competency_standard_check', expression: '(position_id IS NOT NULL) OR (jenis_jabatan IS NOT NULL)' }],
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
  indexes: [
    { name: 'mapping_rule_key', expression: "CREATE UNIQUE INDEX mapping_rule_key ON public.mapping_rule USING btree (COALESCE(instansi_id, ''::text), effective_from)" },
    { name: 'mapping_rule_pending_idx', properties: ['effectiveFrom'], where: 'applied_at IS NULL' },
  ],
  properties: {
    id: p.uuid().primary(),
    instansiId: p.text().nullable(),
    effectiveFrom: p.date(),
    capSurplus: p.boolean(),
    scheme: p.json<unknown>(),
    createdBy: p.text().default('seed'),
    createdAt: p.datetime().defaultRaw('now()'),
    appliedAt: p.datetime().nullable(),
  },
});
