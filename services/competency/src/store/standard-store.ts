// Competency standards and the JPM/mapping rules, both configuration rows with effective dates.
import { randomUUID } from 'node:crypto';
import type { MappingScheme } from '../domain/category.ts';
import type { JpmRule } from '../domain/jpm.ts';
import type { JenisJabatan, RequiredLevels, StandardCandidate } from '../domain/standards.ts';
import { dateOnly, inList, queryRows, run, type Em } from './sql.ts';

interface StandardRow {
  id: string;
  instansi_id: string | null;
  jenis_jabatan: string | null;
  position_id: string | null;
  effective_from: string;
  levels: Record<string, number>;
}

function toCandidate(row: StandardRow): StandardCandidate {
  return {
    id: row.id,
    instansiId: row.instansi_id,
    jenisJabatan: row.jenis_jabatan as JenisJabatan | null,
    positionId: row.position_id,
    effectiveFrom: dateOnly(row.effective_from),
    levels: row.levels,
  };
}

const columns = 'id, instansi_id, jenis_jabatan, position_id, effective_from::text as effective_from, levels';

/** Every standard that could apply to any of these positions (one statement for a whole batch). */
export async function loadStandardCandidates(
  em: Em,
  positions: readonly { instansiId: string | null; jenisJabatan: string | null; positionId: string | null }[],
): Promise<StandardCandidate[]> {
  const positionIds = positions.map((p) => p.positionId).filter((id): id is string => id !== null);
  const jenis = positions.map((p) => p.jenisJabatan).filter((j): j is string => j !== null);
  const instansi = positions.map((p) => p.instansiId).filter((i): i is string => i !== null);
  const rows = await queryRows<StandardRow>(
    em,
    `select ${columns} from competency_standard
     where position_id in (?)
        or (position_id is null and jenis_jabatan in (?) and (instansi_id is null or instansi_id in (?)))`,
    [inList(positionIds), inList(jenis), inList(instansi)],
  );
  return rows.map(toCandidate);
}

export async function findStandards(em: Em, ids: readonly string[]): Promise<StandardCandidate[]> {
  return (await queryRows<StandardRow>(em, `select ${columns} from competency_standard where id in (?)`, [inList(ids)])).map(toCandidate);
}

export async function listStandards(
  em: Em,
  filter: { instansiId?: string | null; jenisJabatan?: string | null; positionId?: string | null },
): Promise<StandardCandidate[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.instansiId) {
    where.push('instansi_id = ?');
    params.push(filter.instansiId);
  }
  if (filter.jenisJabatan) {
    where.push('jenis_jabatan = ?');
    params.push(filter.jenisJabatan);
  }
  if (filter.positionId) {
    where.push('position_id = ?');
    params.push(filter.positionId);
  }
  const rows = await queryRows<StandardRow>(
    em,
    `select ${columns} from competency_standard ${where.length ? `where ${where.join(' and ')}` : ''}
     order by jenis_jabatan nulls last, instansi_id nulls first, position_id nulls first, effective_from desc`,
    params,
  );
  return rows.map(toCandidate);
}

/**
 * `appliedNow`: the caller re-derives the employees it covers in this transaction (it is in force today);
 * otherwise it waits for the job in src/derived/configuration-in-force.ts.
 */
export async function insertStandard(
  em: Em,
  standard: Omit<StandardCandidate, 'id'> & { createdBy: string; appliedNow: boolean },
): Promise<StandardCandidate | null> {
  const id = randomUUID();
  const inserted = await run(
    em,
    `insert into competency_standard (id, instansi_id, jenis_jabatan, position_id, effective_from, levels, created_by, applied_at)
     values (?, ?, ?, ?, ?, ?::jsonb, ?, case when ? then now() end) on conflict do nothing`,
    [id, standard.instansiId, standard.jenisJabatan, standard.positionId, standard.effectiveFrom, JSON.stringify(standard.levels), standard.createdBy, standard.appliedNow],
  );
  if (inserted === 0) return null;
  return { id, instansiId: standard.instansiId, jenisJabatan: standard.jenisJabatan, positionId: standard.positionId, effectiveFrom: standard.effectiveFrom, levels: standard.levels as RequiredLevels };
}

export interface MappingRuleRecord {
  id: string;
  instansiId: string | null;
  effectiveFrom: string;
  jpmRule: JpmRule;
  scheme: MappingScheme;
}

/** The rule table is tiny (one national row plus the odd instansi); read it whole. */
export async function loadMappingRules(em: Em): Promise<MappingRuleRecord[]> {
  const rows = await queryRows<{ id: string; instansi_id: string | null; effective_from: string; cap_surplus: boolean; scheme: MappingScheme }>(
    em,
    'select id, instansi_id, effective_from::text as effective_from, cap_surplus, scheme from mapping_rule',
  );
  return rows.map((row) => ({
    id: row.id,
    instansiId: row.instansi_id,
    effectiveFrom: dateOnly(row.effective_from),
    jpmRule: { capSurplus: row.cap_surplus },
    scheme: row.scheme,
  }));
}

/** Standards and mapping rules in force on `asOf` whose employees have not been re-derived for them yet. */
export async function findDueConfiguration(em: Em, asOf: string): Promise<{ standards: StandardCandidate[]; ruleIds: string[] }> {
  const [standards, rules] = await Promise.all([
    queryRows<StandardRow>(em, `select ${columns} from competency_standard where applied_at is null and effective_from <= ?`, [asOf]),
    queryRows<{ id: string }>(em, 'select id from mapping_rule where applied_at is null and effective_from <= ?', [asOf]),
  ]);
  return { standards: standards.map(toCandidate), ruleIds: rules.map((row) => row.id) };
}

/** Marks them applied; a row another run marked meanwhile keeps its first time. */
export async function markConfigurationApplied(em: Em, standardIds: readonly string[], ruleIds: readonly string[]): Promise<void> {
  if (standardIds.length > 0) await run(em, 'update competency_standard set applied_at = now() where id in (?) and applied_at is null', [inList(standardIds)]);
  if (ruleIds.length > 0) await run(em, 'update mapping_rule set applied_at = now() where id in (?) and applied_at is null', [inList(ruleIds)]);
}

/**
 * Records a rule; null when one exists for the same instansi and date. `appliedNow` as for insertStandard
 * (nothing stored depends on the rule, so in force today means applied).
 */
export async function insertMappingRule(em: Em, rule: Omit<MappingRuleRecord, 'id'> & { createdBy: string; appliedNow: boolean }): Promise<MappingRuleRecord | null> {
  const id = randomUUID();
  const inserted = await run(
    em,
    `insert into mapping_rule (id, instansi_id, effective_from, cap_surplus, scheme, created_by, applied_at)
     values (?, ?, ?, ?, ?::jsonb, ?, case when ? then now() end) on conflict do nothing`,
    [id, rule.instansiId, rule.effectiveFrom, rule.jpmRule.capSurplus, JSON.stringify(rule.scheme), rule.createdBy, rule.appliedNow],
  );
  return inserted === 0 ? null : { id, instansiId: rule.instansiId, effectiveFrom: rule.effectiveFrom, jpmRule: rule.jpmRule, scheme: rule.scheme };
}
