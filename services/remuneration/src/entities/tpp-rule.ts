// TPP rule versions per instansi (null instansi = the seeded default), each in force from a month until
// a month or until replaced (issue 12: every number is data per instansi with an effective date).
import { defineEntity, p } from '@mikro-orm/core';
import type { TppRuleData } from '../domain/tpp-rule.ts';

export const TppRuleVersion = defineEntity({
  name: 'TppRuleVersion',
  tableName: 'tpp_rule',
  properties: {
    id: p.uuid().primary(),
    instansiId: p.text().nullable(),
    /** 1, 2, … per instansi in the order they were recorded. */
    version: p.integer(),
    effectiveFrom: p.string().length(7),
    effectiveUntil: p.string().length(7).nullable(),
    legalBasis: p.text(),
    data: p.json<TppRuleData>(),
    createdBy: p.text(),
    createdAt: p.datetime().defaultRaw('now()'),
    /** Set when a later rule closed this one (effectiveUntil was open before). */
    closedBy: p.text().nullable(),
    closedAt: p.datetime().nullable(),
  },
  indexes: [{ name: 'tpp_rule_version_key', expression: `create unique index "tpp_rule_version_key" on "tpp_rule" (coalesce("instansi_id", ''), "version")` }],
  checks: [{ name: 'tpp_rule_check', expression: `"effective_until" is null or "effective_until" >= "effective_from"` }],
});

/** An instansi's month: OPEN until an admin locks it (status kunci); a reopen is recorded in tpp_month_event. */
export const TppMonth = defineEntity({
  name: 'TppMonth',
  tableName: 'tpp_month',
  properties: {
    instansiId: p.text().primary(),
    month: p.string().length(7).primary(),
    status: p.text(),
    changedBy: p.text(),
    changedAt: p.datetime(),
  },
  checks: [{ name: 'tpp_month_status_check', expression: `"status" in ('OPEN', 'LOCKED')` }],
});
