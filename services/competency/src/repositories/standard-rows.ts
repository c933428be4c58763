// Competency standards and the JPM/mapping rules, both configuration rows with effective dates.
import type { MappingScheme } from '../domain/category.ts';
import type { JpmRule } from '../domain/jpm.ts';
import type { JenisJabatan, StandardCandidate } from '../domain/standards.ts';
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

/** True when a standard for the same target (instansi, jenis jabatan, position) and date is recorded (the unique key of competency_standard). */
export async function standardExists(em: Em, standard: Pick<StandardCandidate, 'instansiId' | 'jenisJabatan' | 'positionId' | 'effectiveFrom'>): Promise<boolean> {
  const rows = await queryRows(
    em,
    `select 1 from competency_standard where coalesce(instansi_id, '') = ? and coalesce(jenis_jabatan, '') = ? and coalesce(position_id, '') = ? and effective_from = ?`,
    [standard.instansiId ?? '', standard.jenisJabatan ?? '', standard.positionId ?? '', standard.effectiveFrom],
  );
  return rows.length > 0;
}

/** True when a rule for the same instansi (null = national) and date is recorded (the unique key of mapping_rule). */
export async function mappingRuleExists(em: Em, rule: Pick<MappingRuleRecord, 'instansiId' | 'effectiveFrom'>): Promise<boolean> {
  const rows = await queryRows(em, `select 1 from mapping_rule where coalesce(instansi_id, '') = ? and effective_from = ?`, [rule.instansiId ?? '', rule.effectiveFrom]);
  return rows.length > 0;
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

