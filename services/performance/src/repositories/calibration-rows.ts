// Reads for calibration: the maintained counts (primary-key reads of predikat_summary, so a national or
// provincial distribution costs one statement over O(regions) rows, never a scan of evaluations), the
// unit head's rating, the draft evaluations a finalisation covers, and past finalisations.
import type { EntityManager } from '@kinerja/kit/db';
import { emptyCounts, type PredikatCounts } from '../domain/distribution-limits.ts';
import { isPredikat, type Predikat } from '../domain/rating.ts';
import { findEvaluationsOfSkps, type EvaluationRow } from './evaluation-rows.ts';

/** Counts per scope key (a region code or a unit id) for one year and period. */
export async function summaryCounts(em: EntityManager, scope: 'REGION' | 'UNIT', keys: readonly string[], year: number, period: string): Promise<Map<string, PredikatCounts>> {
  const result = new Map<string, Record<Predikat, number>>(keys.map((key) => [key, emptyCounts()]));
  if (keys.length === 0) return result;
  const rows = await em.execute<{ key: string; predikat: string; employees: number }[]>(
    'select scope_key as key, predikat, employees from predikat_summary where scope = ? and scope_key in (?) and year = ? and period = ?',
    [scope, keys, year, period],
  );
  for (const row of rows) {
    const counts = result.get(row.key);
    if (counts !== undefined && isPredikat(row.predikat)) counts[row.predikat] = row.employees;
  }
  return result;
}

/**
 * The head's rating of the period: the rated employee of the unit whose direct supervisor is not in the
 * unit (or who has none). The head's hasil kerja is the unit's result.
 */
export async function unitHeadEvaluation(em: EntityManager, unitId: string, year: number, period: string): Promise<EvaluationRow | null> {
  return (await unitHeadEvaluations(em, [unitId], year, period)).get(unitId) ?? null;
}

/** unitHeadEvaluation of several units in two statements (a calibration page or a gateway batch of units). */
export async function unitHeadEvaluations(em: EntityManager, unitIds: readonly string[], year: number, period: string): Promise<Map<string, EvaluationRow>> {
  if (unitIds.length === 0) return new Map();
  const heads = await em.execute<{ unitId: string; skpId: string }[]>(
    `select distinct on (v.unit_id) v.unit_id as "unitId", v.skp_id as "skpId" from evaluation v
     join employee e on e.employee_id = v.employee_id
     left join employee s on s.employee_id = e.supervisor_id
     where v.unit_id in (?) and v.year = ? and v.period = ? and (s.employee_id is null or s.unit_id is distinct from v.unit_id)
     order by v.unit_id, v.rated_at desc`,
    [[...unitIds], year, period],
  );
  if (heads.length === 0) return new Map();
  const evaluations = await findEvaluationsOfSkps(em, heads.map((head) => head.skpId));
  const result = new Map<string, EvaluationRow>();
  for (const head of heads) {
    const evaluation = evaluations.find((e) => e.skpId === head.skpId && e.period === period);
    if (evaluation !== undefined) result.set(head.unitId, evaluation);
  }
  return result;
}

/** Row-locks the draft evaluations of the unit's subtree (the head excepted) for finalising. */
export async function lockDraftEvaluationsInUnit(em: EntityManager, unitId: string, year: number, period: string, exceptEmployeeId: string | null): Promise<string[]> {
  const rows = await em.execute<{ id: string }[]>(
    `select v.id from evaluation v
     where (? = any(v.unit_path) or v.unit_id = ?) and v.year = ? and v.period = ? and v.status = 'DRAFT' and v.employee_id is distinct from ?
     order by v.id for update`,
    [unitId, unitId, year, period, exceptEmployeeId],
  );
  return rows.map((row) => row.id);
}

export interface FinalisationRow {
  unitId: string;
  year: number;
  period: string;
  unitPredikat: string | null;
  evaluations: number;
  override: boolean;
  reason: string | null;
  violations: string[];
  finalisedBy: string;
  finalisedAt: string;
}

export async function findFinalisations(em: EntityManager, unitId: string, year: number, period: string): Promise<FinalisationRow[]> {
  return findFinalisationsOfUnits(em, [unitId], year, period);
}

/** The finalisations of several units' period, in one statement. */
export async function findFinalisationsOfUnits(em: EntityManager, unitIds: readonly string[], year: number, period: string): Promise<FinalisationRow[]> {
  if (unitIds.length === 0) return [];
  const rows = await em.execute<(Omit<FinalisationRow, 'finalisedAt'> & { finalisedAt: string | Date })[]>(
    `select unit_id as "unitId", year, period, unit_predikat as "unitPredikat", evaluations, override, reason, violations,
       finalised_by as "finalisedBy", finalised_at as "finalisedAt"
     from calibration_finalisation where unit_id in (?) and year = ? and period = ? order by finalised_at`,
    [[...unitIds], year, period],
  );
  return rows.map((row) => ({ ...row, finalisedAt: new Date(row.finalisedAt).toISOString() }));
}
