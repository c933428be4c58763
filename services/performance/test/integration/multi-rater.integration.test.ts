// 360° feedback with real Keycloak tokens: karawang.atasan opens a round on their own approved SKP naming two
// subordinates, a peer and a service user; each responds once; the employee and their supervisor (the kepala)
// see counts, and aggregates only once the threshold (3) is reached; no read ever names a rater. Every
// refused call writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayWib } from '../../src/domain/periods.ts';
import { berakhlakBehaviours } from '../../src/domain/skp-plan.ts';
import { startHarness, type Harness, type TestEmployee } from '../support/harness.ts';
import { ensureEmployeeUser, ensureKepalaUser, KEPALA_USER } from '../support/keycloak-users.ts';
import { atasan, bekasi, kepala, pegawai, rekan } from '../support/people.ts';
import { approvedSkpFixture, call, errorOf } from '../support/skp-fixtures.ts';

const YEAR = Number(todayWib().slice(0, 4));
const REKAN_USER = 'test.performance.rekan';
const SEKRETARIS_USER = 'test.performance.sekretaris';
const BEKASI_USER = 'test.performance.bekasi';
/** A peer of karawang.atasan: also reports to the kepala. */
const sekretaris: TestEmployee = { employeeId: 'emp-krw-sekretaris', nip: '198101012006042001', regionCode: '32.15', unitId: 'unit-krw-sekretariat', instansiId: 'inst-krw', jenisJabatan: 'ADMINISTRATOR', positionId: 'pos-krw-sekretaris', supervisorId: kepala.employeeId, unitPath: ['inst-krw', 'unit-krw-bkpsdm', 'unit-krw-sekretariat'] };

let h: Harness;
let skpId = '';
let roundId = '';

const digest = async () =>
  (
    await h.sql<{ d: string }>(`select concat_ws(' | ',
      (select string_agg(id || ':' || period || ':' || coalesce(closed_by, '-'), ',' order by id) from feedback_round),
      (select string_agg(round_id || ':' || rater_employee_id || ':' || responded, ',' order by round_id, rater_employee_id) from feedback_rater),
      (select count(*)::text from feedback_response), (select string_agg(behaviour || ':' || score, ',' order by response_id, behaviour) from feedback_score)) as d`)
  )[0]?.d ?? '';

async function refusedWithoutWrite(result: ReturnType<typeof call>, code: string, reason: string): Promise<void> {
  const before = await digest();
  expect(errorOf(await result)).toEqual({ code, reason });
  expect(await digest()).toBe(before);
}

const ROUND = 'id period status raters responses minResponses aggregatesVisible behaviours { behaviour mean count } comments closedAt';
const raters = [
  { employeeId: pegawai.employeeId, relation: 'SUBORDINATE' },
  { employeeId: rekan.employeeId, relation: 'SUBORDINATE' },
  { employeeId: sekretaris.employeeId, relation: 'PEER' },
  { employeeId: bekasi.employeeId, relation: 'SERVICE_USER' },
];
const open = (user: string, period: string, named: unknown[], skp = skpId) =>
  call(h, user, `mutation ($s: ID!, $p: String!, $r: [FeedbackRaterInput!]!) { openFeedbackRound(skpId: $s, period: $p, raters: $r) { ${ROUND} } }`, { s: skp, p: period, r: named });
const scores = (score: number) => berakhlakBehaviours.map((behaviour) => ({ behaviour, score }));
const respond = (user: string, round: string, given: unknown[], comment: string | null = null) =>
  call(h, user, 'mutation ($r: ID!, $s: [BehaviourScoreInput!]!, $c: String) { submitFeedbackResponse(roundId: $r, scores: $s, comment: $c) { roundId employee { id } relation responded open } }', { r: round, s: given, c: comment });
const rounds = async (user: string) => {
  const result = await call(h, user, `query ($s: ID!) { skp(id: $s) { feedbackRounds { ${ROUND} } } }`, { s: skpId });
  return { result, rounds: (result.data?.['skp'] as { feedbackRounds: { responses: number; aggregatesVisible: boolean; behaviours: { behaviour: string; mean: number; count: number }[]; comments: string[]; status: string }[] } | null)?.feedbackRounds };
};

beforeAll(async () => {
  h = await startHarness('multirater');
  await Promise.all([
    ensureKepalaUser(kepala.nip),
    ensureEmployeeUser(REKAN_USER, rekan.nip, '32.15'),
    ensureEmployeeUser(SEKRETARIS_USER, sekretaris.nip, '32.15'),
    ensureEmployeeUser(BEKASI_USER, bekasi.nip, '32.16'),
  ]);
  const events: string[] = [];
  for (const employee of [kepala, atasan, pegawai, rekan, sekretaris, bekasi]) events.push(await h.publishEmployee(employee));
  for (const id of events) await h.processed(id);
  skpId = (await approvedSkpFixture(h, atasan.employeeId, YEAR, atasan.positionId)).skpId;
}, 120_000);

afterAll(async () => {
  await h?.stop();
});

describe('opening a round', () => {
  it('refuses too few raters, the supervisor, a false relation, an unknown employee, a locked period and a stranger, writing nothing', async () => {
    await refusedWithoutWrite(open('karawang.atasan', 'ANNUAL', raters.slice(0, 2)), 'BAD_USER_INPUT', 'too_few_raters');
    await refusedWithoutWrite(open('karawang.atasan', 'ANNUAL', [...raters, { employeeId: kepala.employeeId, relation: 'PEER' }]), 'BAD_USER_INPUT', 'rater_not_allowed');
    await refusedWithoutWrite(open('karawang.atasan', 'ANNUAL', [...raters.slice(1), { employeeId: pegawai.employeeId, relation: 'PEER' }]), 'BAD_USER_INPUT', 'rater_relation_mismatch');
    await refusedWithoutWrite(open('karawang.atasan', 'ANNUAL', [...raters, { employeeId: 'emp-tidak-ada', relation: 'SERVICE_USER' }]), 'BAD_USER_INPUT', 'rater_not_found');
    await refusedWithoutWrite(open('karawang.atasan', 'ANNUAL', [...raters, raters[0]]), 'BAD_USER_INPUT', 'duplicate_rater');
    await refusedWithoutWrite(open('karawang.atasan', 'Q1', raters), 'CONFLICT', 'period_locked');
    await refusedWithoutWrite(open('karawang.atasan', 'Q9', raters), 'BAD_USER_INPUT', 'unknown_period');
    await refusedWithoutWrite(open(REKAN_USER, 'ANNUAL', raters), 'FORBIDDEN', 'not_skp_owner_or_supervisor');
    await refusedWithoutWrite(open('karawang.atasan', 'ANNUAL', raters, 'bukan-id'), 'BAD_USER_INPUT', 'invalid_id');
  });

  it('the employee opens one round per period; a second is refused', async () => {
    const opened = await open('karawang.atasan', 'ANNUAL', raters);
    expect(opened.errors).toBeUndefined();
    const round = opened.data?.['openFeedbackRound'] as { id: string };
    roundId = round.id;
    expect(round).toMatchObject({ period: 'ANNUAL', status: 'OPEN', raters: 4, responses: 0, minResponses: 3, aggregatesVisible: false, behaviours: [], comments: [] });
    await refusedWithoutWrite(open(KEPALA_USER, 'ANNUAL', raters), 'CONFLICT', 'round_exists');
  });
});

describe('responding', () => {
  it('refuses someone not named, bad scores and a second response, writing nothing', async () => {
    await refusedWithoutWrite(respond(KEPALA_USER, roundId, scores(4)), 'FORBIDDEN', 'not_named_rater');
    await refusedWithoutWrite(respond('karawang.atasan', roundId, scores(4)), 'FORBIDDEN', 'not_named_rater');
    await refusedWithoutWrite(respond('karawang.pegawai', roundId, scores(6)), 'BAD_USER_INPUT', 'invalid_score');
    await refusedWithoutWrite(respond('karawang.pegawai', roundId, scores(4).slice(1)), 'BAD_USER_INPUT', 'missing_behaviour_score');
    await refusedWithoutWrite(respond('karawang.pegawai', roundId, scores(4), 'x'.repeat(1001)), 'BAD_USER_INPUT', 'comment_too_long');
    await refusedWithoutWrite(respond('karawang.pegawai', '00000000-0000-4000-8000-000000000000', scores(4)), 'NOT_FOUND', 'round_not_found');
    const first = await respond('karawang.pegawai', roundId, scores(5), 'Selalu siap membantu');
    expect(first.data?.['submitFeedbackResponse']).toEqual({ roundId, employee: { id: atasan.employeeId }, relation: 'SUBORDINATE', responded: true, open: true });
    await refusedWithoutWrite(respond('karawang.pegawai', roundId, scores(1)), 'CONFLICT', 'already_responded');
  });

  it('shows counts but no aggregate below the threshold, to the employee and the supervisor only', async () => {
    expect((await respond(REKAN_USER, roundId, scores(4))).errors).toBeUndefined();
    for (const user of ['karawang.atasan', KEPALA_USER]) {
      const { rounds: seen } = await rounds(user);
      expect(seen).toEqual([expect.objectContaining({ responses: 2, aggregatesVisible: false, behaviours: [], comments: [] })]);
    }
    // A region-wide reader sees the SKP but not its rounds.
    expect((await rounds('karawang.admin')).rounds).toEqual([]);
  });

  it('shows the mean and count per behaviour from the third response on, never naming a rater', async () => {
    expect((await respond(SEKRETARIS_USER, roundId, scores(2), 'Koordinasi lintas bidang perlu ditingkatkan')).errors).toBeUndefined();
    const { result, rounds: seen } = await rounds(KEPALA_USER);
    const [round] = seen!;
    expect(round).toMatchObject({ responses: 3, aggregatesVisible: true, comments: ['Koordinasi lintas bidang perlu ditingkatkan', 'Selalu siap membantu'] });
    expect(round!.behaviours).toHaveLength(7);
    expect(round!.behaviours.every((b) => b.mean === 3.67 && b.count === 3)).toBe(true);
    const text = JSON.stringify(result);
    for (const rater of [pegawai, rekan, sekretaris, bekasi]) expect(text).not.toContain(rater.employeeId);
  });

  it('lists a rater\'s own requests to them only', async () => {
    const mine = await call(h, 'karawang.pegawai', `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Employee { feedbackRequests { roundId employee { id } year period responded open } } } }`, { reps: [{ __typename: 'Employee', id: pegawai.employeeId }] });
    expect((mine.data?.['_entities'] as { feedbackRequests: unknown[] }[])[0]!.feedbackRequests).toEqual([{ roundId, employee: { id: atasan.employeeId }, year: YEAR, period: 'ANNUAL', responded: true, open: true }]);
    const other = await call(h, 'karawang.atasan', `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Employee { feedbackRequests { roundId } } } }`, { reps: [{ __typename: 'Employee', id: pegawai.employeeId }] });
    expect(errorOf(other)).toEqual({ code: 'FORBIDDEN', reason: 'not_own_requests' });
  });

  it('refuses a response once the period locked', async () => {
    const last = await approvedSkpFixture(h, atasan.employeeId, YEAR - 1, atasan.positionId);
    const [locked] = await h.sql<{ id: string }>(`insert into feedback_round (id, skp_id, period, min_responses, opened_by) values (gen_random_uuid(), ?, 'Q1', 3, 'karawang.atasan') returning id`, [last.skpId]);
    await h.sql(`insert into feedback_rater (round_id, rater_employee_id, relation) values (?, ?, 'SUBORDINATE')`, [locked!.id, pegawai.employeeId]);
    await refusedWithoutWrite(respond('karawang.pegawai', locked!.id, scores(3)), 'CONFLICT', 'period_locked');
  });
});

describe('closing a round', () => {
  it('refuses a rater closing it; the employee closes it and later responses are refused', async () => {
    await refusedWithoutWrite(call(h, REKAN_USER, 'mutation ($r: ID!) { closeFeedbackRound(roundId: $r) { id } }', { r: roundId }), 'FORBIDDEN', 'not_skp_owner_or_supervisor');
    const closed = await call(h, 'karawang.atasan', `mutation ($r: ID!) { closeFeedbackRound(roundId: $r) { ${ROUND} } }`, { r: roundId });
    expect(closed.data?.['closeFeedbackRound']).toMatchObject({ status: 'CLOSED', responses: 3 });
    await refusedWithoutWrite(respond(BEKASI_USER, roundId, scores(4)), 'CONFLICT', 'round_closed');
    await refusedWithoutWrite(call(h, 'karawang.atasan', 'mutation ($r: ID!) { closeFeedbackRound(roundId: $r) { id } }', { r: roundId }), 'CONFLICT', 'round_closed');
  });
});
