// Reads of periods' unlocks, realisations, feedback and evaluations: one statement per batch of keys.
import type { EntityManager } from '@kinerja/kit/db';
import type { EvaluationStatus } from '../domain/evaluation.ts';
import type { Predikat, RatingLevel } from '../domain/rating.ts';
import { isoDateOf } from './configuration-rows.ts';

export interface EvaluationRow {
  id: string;
  skpId: string;
  employeeId: string;
  year: number;
  period: string;
  periodStart: string;
  periodEnd: string;
  hasilKerja: RatingLevel;
  perilakuKerja: RatingLevel;
  predikat: Predikat;
  note: string | null;
  raterEmployeeId: string | null;
  raterAdmin: string | null;
  unitId: string | null;
  unitPath: string[];
  instansiId: string | null;
  regionCode: string;
  jenisJabatan: string | null;
  positionId: string | null;
  status: EvaluationStatus;
  ratedAt: string;
  finalisedAt: string | null;
  calibrationOverride: boolean;
  version: number;
}

export interface RealisationRow {
  id: string;
  indicatorId: string;
  period: string;
  value: number;
  evidenceUrl: string | null;
  note: string | null;
  recordedBy: string;
  recordedAt: string;
}

export interface FeedbackRow {
  skpId: string;
  period: string;
  text: string;
  givenBy: string;
  giverEmployeeId: string | null;
  givenAt: string;
}

const evaluationColumns = `v.id, v.skp_id as "skpId", v.employee_id as "employeeId", v.year, v.period, v.period_start as "periodStart",
  v.period_end as "periodEnd", v.hasil_kerja as "hasilKerja", v.perilaku_kerja as "perilakuKerja", v.predikat, v.note,
  v.rater_employee_id as "raterEmployeeId", v.rater_admin as "raterAdmin", v.unit_id as "unitId", v.unit_path as "unitPath", v.instansi_id as "instansiId",
  v.region_code as "regionCode", v.jenis_jabatan as "jenisJabatan", v.position_id as "positionId", v.status, v.rated_at as "ratedAt",
  v.finalised_at as "finalisedAt", v.calibration_override as "calibrationOverride", v.version`;

type RawEvaluation = Omit<EvaluationRow, 'periodStart' | 'periodEnd' | 'ratedAt' | 'finalisedAt'> & {
  periodStart: string | Date;
  periodEnd: string | Date;
  ratedAt: string | Date;
  finalisedAt: string | Date | null;
};

const instant = (value: string | Date): string => new Date(value).toISOString();

function toEvaluation(row: RawEvaluation): EvaluationRow {
  return {
    ...row,
    periodStart: isoDateOf(row.periodStart),
    periodEnd: isoDateOf(row.periodEnd),
    ratedAt: instant(row.ratedAt),
    finalisedAt: row.finalisedAt === null ? null : instant(row.finalisedAt),
  };
}

export async function findEvaluationsOfSkps(em: EntityManager, skpIds: readonly string[]): Promise<EvaluationRow[]> {
  if (skpIds.length === 0) return [];
  return (await em.execute<RawEvaluation[]>(`select ${evaluationColumns} from evaluation v where v.skp_id in (?)`, [skpIds])).map(toEvaluation);
}

/** The evaluations of the employees in a year, the most recently rated first (a transfer gives two SKPs). */
export async function findEvaluationsOfEmployees(em: EntityManager, employeeIds: readonly string[], year: number): Promise<EvaluationRow[]> {
  if (employeeIds.length === 0) return [];
  return (await em.execute<RawEvaluation[]>(`select ${evaluationColumns} from evaluation v where v.employee_id in (?) and v.year = ? order by v.rated_at desc`, [employeeIds, year])).map(
    toEvaluation,
  );
}

export async function lockEvaluation(em: EntityManager, skpId: string, period: string): Promise<EvaluationRow | null> {
  const [row] = await em.execute<RawEvaluation[]>(`select ${evaluationColumns} from evaluation v where v.skp_id = ? and v.period = ? for update`, [skpId, period]);
  return row ? toEvaluation(row) : null;
}

export async function findRealisationsOfIndicators(em: EntityManager, indicatorIds: readonly string[]): Promise<RealisationRow[]> {
  if (indicatorIds.length === 0) return [];
  const rows = await em.execute<(Omit<RealisationRow, 'value' | 'recordedAt'> & { value: string | number; recordedAt: string | Date })[]>(
    `select r.id, r.indicator_id as "indicatorId", r.period, r.value, r.evidence_url as "evidenceUrl", r.note, r.recorded_by as "recordedBy",
       r.recorded_at as "recordedAt"
     from realisation r where r.indicator_id in (?) order by r.recorded_at, r.id`,
    [indicatorIds],
  );
  return rows.map((row) => ({ ...row, value: Number(row.value), recordedAt: instant(row.recordedAt) }));
}

export async function countRealisations(em: EntityManager, indicatorId: string, period: string): Promise<number> {
  const [row] = await em.execute<{ n: number }[]>('select count(*)::int as n from realisation where indicator_id = ? and period = ?', [indicatorId, period]);
  return row?.n ?? 0;
}

export async function findFeedbackOfSkps(em: EntityManager, skpIds: readonly string[]): Promise<FeedbackRow[]> {
  if (skpIds.length === 0) return [];
  const rows = await em.execute<(Omit<FeedbackRow, 'givenAt'> & { givenAt: string | Date })[]>(
    `select f.skp_id as "skpId", f.period, f.text, f.given_by as "givenBy", f.giver_employee_id as "giverEmployeeId", f.given_at as "givenAt"
     from feedback f where f.skp_id in (?) order by f.given_at, f.id`,
    [skpIds],
  );
  return rows.map((row) => ({ ...row, givenAt: instant(row.givenAt) }));
}

/** The latest unlock per period of an instansi's year: period code → unlocked until (YYYY-MM-DD). */
export async function findUnlocks(em: EntityManager, instansiId: string | null, year: number): Promise<Map<string, string>> {
  if (instansiId === null) return new Map();
  return (await findUnlocksOfInstansi(em, [instansiId], [year])).get(`${instansiId}|${year}`) ?? new Map();
}

/** The latest unlock per period of several instansi's years, keyed `<instansiId>|<year>`, in one statement. */
export async function findUnlocksOfInstansi(em: EntityManager, instansiIds: readonly string[], years: readonly number[]): Promise<Map<string, Map<string, string>>> {
  const result = new Map<string, Map<string, string>>();
  if (instansiIds.length === 0 || years.length === 0) return result;
  const rows = await em.execute<{ instansiId: string; year: number; period: string; until: string | Date }[]>(
    `select distinct on (instansi_id, year, period) instansi_id as "instansiId", year, period, unlocked_until as until from period_unlock
     where instansi_id in (?) and year in (?) order by instansi_id, year, period, unlocked_at desc`,
    [[...instansiIds], [...years]],
  );
  for (const row of rows) {
    const key = `${row.instansiId}|${row.year}`;
    const periods = result.get(key) ?? new Map<string, string>();
    periods.set(row.period, isoDateOf(row.until));
    result.set(key, periods);
  }
  return result;
}

/** Where a page of finalised evaluations ends: (employee, period) of its last row. */
export interface FinalisedCursor {
  employeeId: string;
  period: string;
}

/** The finalised evaluations of an instansi's year (one period or all), by employee then period, after a cursor. */
export async function findFinalisedEvaluationsOfInstansi(
  em: EntityManager,
  query: { instansiId: string; year: number; period: string | null; after: FinalisedCursor | null; limit: number },
): Promise<EvaluationRow[]> {
  const after = query.after === null ? '' : 'and (v.employee_id, v.period) > (?, ?)';
  const period = query.period === null ? '' : 'and v.period = ?';
  const rows = await em.execute<RawEvaluation[]>(
    `select ${evaluationColumns} from evaluation v
     where v.instansi_id = ? and v.year = ? and v.status = 'FINAL' ${period} ${after}
     order by v.employee_id, v.period limit ?`,
    [query.instansiId, query.year, ...(query.period === null ? [] : [query.period]), ...(query.after === null ? [] : [query.after.employeeId, query.after.period]), query.limit],
  );
  return rows.map(toEvaluation);
}

/** The region of an instansi, from the employees read model (null while no employee of it is known). */
export async function findInstansiRegion(em: EntityManager, instansiId: string): Promise<string | null> {
  const [row] = await em.execute<{ regionCode: string }[]>('select region_code as "regionCode" from employee where instansi_id = ? limit 1', [instansiId]);
  return row?.regionCode ?? null;
}
