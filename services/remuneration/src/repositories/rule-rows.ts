// Reads of TPP rule versions and month locks: plain rows through hand-written SQL.
import type { EntityManager } from '@kinerja/kit/db';
import { ruleInForce } from '../domain/rule-timeline.ts';
import type { TppRule, TppRuleData } from '../domain/tpp-rule.ts';

export interface RuleRow {
  id: string;
  instansiId: string | null;
  version: number;
  effectiveFrom: string;
  effectiveUntil: string | null;
  legalBasis: string;
  data: TppRuleData;
  createdBy: string;
  createdAt: string;
  closedBy: string | null;
  closedAt: string | null;
}

interface RuleRecord {
  id: string;
  instansi_id: string | null;
  version: number;
  effective_from: string;
  effective_until: string | null;
  legal_basis: string;
  data: TppRuleData;
  created_by: string;
  created_at: Date | string;
  closed_by: string | null;
  closed_at: Date | string | null;
}

/** The driver returns timestamptz as a Date or as PostgreSQL's text (`2026-01-02 03:04:05.123+00`). */
export const isoInstant = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());

const columns = `"id", "instansi_id", "version", "effective_from", "effective_until", "legal_basis", "data", "created_by", "created_at", "closed_by", "closed_at"`;

const toRow = (r: RuleRecord): RuleRow => ({
  id: r.id,
  instansiId: r.instansi_id,
  version: r.version,
  effectiveFrom: r.effective_from,
  effectiveUntil: r.effective_until,
  legalBasis: r.legal_basis,
  data: r.data,
  createdBy: r.created_by,
  createdAt: isoInstant(r.created_at)!,
  closedBy: r.closed_by,
  closedAt: isoInstant(r.closed_at),
});

/** An instansi's rule versions (null: the seeded default's), the latest effective first. */
export async function findRules(em: EntityManager, instansiId: string | null): Promise<RuleRow[]> {
  const rows = await em.execute<RuleRecord[]>(
    `select ${columns} from "tpp_rule" where "instansi_id" is not distinct from ? order by "effective_from" desc, "version" desc`,
    [instansiId],
  );
  return rows.map(toRow);
}

export async function findRulesByIds(em: EntityManager, ids: readonly string[]): Promise<RuleRow[]> {
  if (ids.length === 0) return [];
  const rows = await em.execute<RuleRecord[]>(`select ${columns} from "tpp_rule" where "id" in (?)`, [[...ids]]);
  return rows.map(toRow);
}

/** Months of the instansi that are locked within [from, until] (until null: from on). */
export async function findLockedMonths(em: EntityManager, instansiId: string, from: string, until: string | null): Promise<string[]> {
  const rows = await em.execute<{ month: string }[]>(
    `select "month" from "tpp_month" where "instansi_id" = ? and "status" = 'LOCKED' and "month" >= ? and (?::text is null or "month" <= ?) order by "month"`,
    [instansiId, from, until, until],
  );
  return rows.map((r) => r.month);
}

/** The rule in force for the month: the instansi's own, else the seeded default (null instansi). */
export async function ruleFor(em: EntityManager, instansiId: string | null, month: string): Promise<TppRule | null> {
  if (instansiId !== null) {
    const own = ruleInForce(await findRules(em, instansiId), month);
    if (own) return own;
  }
  return ruleInForce(await findRules(em, null), month);
}
