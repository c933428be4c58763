// Reads of 360° rounds: per round the counts only (never who responded), the anonymous responses for the
// aggregate, and a rater's own requests. One statement per batch of keys.
import type { EntityManager } from '@kinerja/kit/db';
import type { RaterRelation } from '../domain/multi-rater.ts';
import type { BerakhlakBehaviour } from '../domain/skp-plan.ts';

export interface RoundRow {
  id: string;
  skpId: string;
  period: string;
  minResponses: number;
  openedAt: string;
  closedAt: string | null;
  raters: number;
  responses: number;
}

export interface ResponseRow {
  roundId: string;
  comment: string | null;
  scores: { behaviour: BerakhlakBehaviour; score: number }[];
}

export interface RequestRow {
  roundId: string;
  skpId: string;
  employeeId: string;
  year: number;
  period: string;
  relation: RaterRelation;
  responded: boolean;
  closedAt: string | null;
}

type Raw<T, K extends keyof T> = Omit<T, K> & { [P in K]: T[P] | Date };
const instant = (value: string | Date | null): string | null => (value === null ? null : new Date(value).toISOString());

const roundColumns = `f.id, f.skp_id as "skpId", f.period, f.min_responses as "minResponses", f.opened_at as "openedAt", f.closed_at as "closedAt",
  (select count(*)::int from feedback_rater r where r.round_id = f.id) as raters,
  (select count(*)::int from feedback_response x where x.round_id = f.id) as responses`;

export async function findRoundsOfSkps(em: EntityManager, skpIds: readonly string[]): Promise<RoundRow[]> {
  if (skpIds.length === 0) return [];
  const rows = await em.execute<Raw<RoundRow, 'openedAt' | 'closedAt'>[]>(`select ${roundColumns} from feedback_round f where f.skp_id in (?) order by f.opened_at`, [skpIds]);
  return rows.map((row) => ({ ...row, openedAt: instant(row.openedAt)!, closedAt: instant(row.closedAt) }));
}

export async function findRounds(em: EntityManager, ids: readonly string[]): Promise<RoundRow[]> {
  if (ids.length === 0) return [];
  const rows = await em.execute<Raw<RoundRow, 'openedAt' | 'closedAt'>[]>(`select ${roundColumns} from feedback_round f where f.id in (?)`, [ids]);
  return rows.map((row) => ({ ...row, openedAt: instant(row.openedAt)!, closedAt: instant(row.closedAt) }));
}

/** The anonymous responses of the rounds with their scores (no rater, no time: there is none to read). */
export async function findResponsesOfRounds(em: EntityManager, roundIds: readonly string[]): Promise<ResponseRow[]> {
  if (roundIds.length === 0) return [];
  return em.execute<ResponseRow[]>(
    `select x.round_id as "roundId", x.comment,
       coalesce((select json_agg(json_build_object('behaviour', s.behaviour, 'score', s.score)) from feedback_score s where s.response_id = x.id), '[]') as scores
     from feedback_response x where x.round_id in (?)`,
    [roundIds],
  );
}

/** The rounds an employee is named in as a rater, the newest first. */
export async function findRequestsOfRaters(em: EntityManager, employeeIds: readonly string[]): Promise<(RequestRow & { raterEmployeeId: string })[]> {
  if (employeeIds.length === 0) return [];
  const rows = await em.execute<Raw<RequestRow & { raterEmployeeId: string }, 'closedAt'>[]>(
    `select r.rater_employee_id as "raterEmployeeId", f.id as "roundId", f.skp_id as "skpId", s.employee_id as "employeeId", s.year, f.period,
       r.relation, r.responded, f.closed_at as "closedAt"
     from feedback_rater r join feedback_round f on f.id = r.round_id join skp s on s.id = f.skp_id
     where r.rater_employee_id in (?) order by f.opened_at desc`,
    [employeeIds],
  );
  return rows.map((row) => ({ ...row, closedAt: instant(row.closedAt) }));
}
