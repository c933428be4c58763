// Shared steps of the SKP suites: GraphQL calls by demo user, a digest of every SKP table (to prove a
// refused call wrote nothing), and a supervisor's approved SKP written as a fixture (its own approval by
// the next level up is the same path the suites test for the pegawai).
import { randomUUID } from 'node:crypto';
import type { GraphQLResult, Harness } from './harness.ts';

export const SKP_FIELDS = `id year status employee { id } rater { id }
  rhk { id kind text supports { id text } indicators { id text aspect target unit quarterlyTargets } }
  behaviours { behaviour expectation } history { action fromStatus toStatus actor note at }`;

export const berakhlak = ['BERORIENTASI_PELAYANAN', 'AKUNTABEL', 'KOMPETEN', 'HARMONIS', 'LOYAL', 'ADAPTIF', 'KOLABORATIF'].map((behaviour) => ({
  behaviour,
  expectation: `Ekspektasi ${behaviour.toLowerCase()} dalam pelayanan kepegawaian`,
}));

export function errorOf(result: GraphQLResult): { code: unknown; reason: unknown } {
  const error = result.errors?.[0];
  return { code: error?.extensions?.['code'], reason: error?.extensions?.['reason'] };
}

export async function call(h: Harness, username: string, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResult> {
  return h.gql(await h.token(username), query, variables);
}

/** Every row of every SKP table, in a stable text form. */
export async function skpDigest(h: Harness): Promise<string> {
  const [row] = await h.sql<{ d: string }>(`select concat_ws(' | ',
    (select string_agg(id || ':' || status || ':' || coalesce(rater_employee_id, '-'), ',' order by id) from skp),
    (select string_agg(id || ':' || kind || ':' || text || ':' || coalesce(supports_rhk_id::text, '-'), ',' order by id) from rhk),
    (select string_agg(id || ':' || text || ':' || aspect || ':' || target || ':' || unit, ',' order by id) from indicator),
    (select string_agg(skp_id || ':' || behaviour || ':' || expectation, ',' order by skp_id, behaviour) from behaviour_expectation),
    (select count(*)::text from skp_event),
    (select count(*)::text from outbox_event)) as d`);
  return row?.d ?? '';
}

/** An APPROVED SKP with one RHK utama and an indicator for `employeeId` (in the read model). */
export async function approvedSkpFixture(h: Harness, employeeId: string, year: number, positionId = 'pos-fixture'): Promise<{ skpId: string; rhkId: string; indicatorId: string }> {
  const skpId = randomUUID();
  const rhkId = randomUUID();
  const indicatorId = randomUUID();
  // The assignment snapshot comes from the read model, as createSkp takes it.
  await h.sql(
    `insert into skp (id, employee_id, year, region_code, unit_id, instansi_id, position_id, rater_employee_id, status)
     select ?, e.employee_id, ?, e.region_code, e.unit_id, e.instansi_id, ?, e.supervisor_id, 'APPROVED' from employee e where e.employee_id = ?`,
    [skpId, year, positionId, employeeId],
  );
  await h.sql(`insert into rhk (id, skp_id, kind, text, sort_order) values (?, ?, 'UTAMA', ?, 1)`, [rhkId, skpId, `Terwujudnya layanan kepegawaian ${year} yang tepat waktu`]);
  await h.sql(`insert into indicator (id, rhk_id, text, aspect, target, unit, sort_order) values (?, ?, 'Persentase layanan selesai tepat waktu', 'WAKTU', 95, 'persen', 1)`, [indicatorId, rhkId]);
  return { skpId, rhkId, indicatorId };
}
