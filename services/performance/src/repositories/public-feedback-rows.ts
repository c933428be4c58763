// Reads of public feedback: codes, the hour's issued tokens for the rate limit, and a unit's month.
import type { EntityManager } from '@kinerja/kit/db';

export interface FeedbackCodeRow {
  code: string;
  unitId: string;
  instansiId: string | null;
  regionCode: string;
  serviceName: string;
  active: boolean;
  createdBy: string;
  createdAt: string;
}

const codeColumns = `c.code, c.unit_id as "unitId", c.instansi_id as "instansiId", c.region_code as "regionCode", c.service_name as "serviceName",
  c.active, c.created_by as "createdBy", c.created_at as "createdAt"`;

const withInstant = (row: Omit<FeedbackCodeRow, 'createdAt'> & { createdAt: string | Date }): FeedbackCodeRow => ({ ...row, createdAt: new Date(row.createdAt).toISOString() });

export async function findFeedbackCode(em: EntityManager, code: string): Promise<FeedbackCodeRow | null> {
  const [row] = await em.execute<(Omit<FeedbackCodeRow, 'createdAt'> & { createdAt: string | Date })[]>(`select ${codeColumns} from public_feedback_code c where c.code = ?`, [code]);
  return row ? withInstant(row) : null;
}

export async function findFeedbackCodesOfUnit(em: EntityManager, unitId: string): Promise<FeedbackCodeRow[]> {
  return findFeedbackCodesOfUnits(em, [unitId]);
}

/** The codes of several units, in one statement. */
export async function findFeedbackCodesOfUnits(em: EntityManager, unitIds: readonly string[]): Promise<FeedbackCodeRow[]> {
  if (unitIds.length === 0) return [];
  const rows = await em.execute<(Omit<FeedbackCodeRow, 'createdAt'> & { createdAt: string | Date })[]>(`select ${codeColumns} from public_feedback_code c where c.unit_id in (?) order by c.created_at`, [[...unitIds]]);
  return rows.map(withInstant);
}

/** Tokens issued in the last hour to the client (any code) and for the code: the rate limit's counts. */
/** This database's secret for the rate limit's client keys (Migration0010PublicFeedbackClientKey). */
export async function clientKeySecret(em: EntityManager): Promise<string> {
  const [row] = await em.execute<{ secret: string }[]>('select secret from public_feedback_secret where id');
  if (!row) throw new Error('public_feedback_secret is empty: migration 0010 did not run');
  return row.secret;
}

export async function tokensIssuedLastHour(em: EntityManager, clientKey: string, code: string): Promise<{ client: number; code: number }> {
  const [row] = await em.execute<{ client: number; code: number }[]>(
    `select (select count(*)::int from public_feedback_token where client_key = ? and issued_at > now() - interval '1 hour') as client,
            (select count(*)::int from public_feedback_token where code = ? and issued_at > now() - interval '1 hour') as code`,
    [clientKey, code],
  );
  return row ?? { client: 0, code: 0 };
}

/** Responses of a unit in a month (YYYY-MM) and their sum: one index range read. */
export async function unitSatisfaction(em: EntityManager, unitId: string, month: string): Promise<{ responses: number; sum: number }> {
  return (await unitsSatisfaction(em, [unitId], month)).get(unitId) ?? { responses: 0, sum: 0 };
}

/** The month's responses and rating sum of several units, in one statement (units without responses are absent). */
export async function unitsSatisfaction(em: EntityManager, unitIds: readonly string[], month: string): Promise<Map<string, { responses: number; sum: number }>> {
  if (unitIds.length === 0) return new Map();
  const rows = await em.execute<{ unitId: string; responses: number; sum: number }[]>(
    'select unit_id as "unitId", count(*)::int as responses, coalesce(sum(rating), 0)::int as sum from public_feedback_response where unit_id in (?) and month = ? group by unit_id',
    [[...unitIds], month],
  );
  return new Map(rows.map((row) => [row.unitId, { responses: row.responses, sum: row.sum }]));
}
