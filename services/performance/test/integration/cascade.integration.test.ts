// Organisation goals and the cascade tree with real Keycloak tokens: karawang.admin records the badan's
// goal, its head (a test user above karawang.atasan) links an RHK to it, the atasan and the pegawai cascade
// from their supervisors' approved SKPs, and the tree shows who is aligned and who is not yet.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayWib } from '../../src/domain/periods.ts';
import { startHarness, type GraphQLResult, type Harness } from '../support/harness.ts';
import { ensureKepalaUser, KEPALA_USER } from '../support/keycloak-users.ts';
import { atasan, bekasi, kepala, pegawai, rekan } from '../support/people.ts';
import { berakhlak, call, errorOf } from '../support/skp-fixtures.ts';

const YEAR = Number(todayWib().slice(0, 4));
const BADAN = 'unit-krw-bkpsdm';
const headOfBadan = { ...kepala, unitId: BADAN, unitPath: ['inst-krw', BADAN] };
let h: Harness;

async function goalsDigest(): Promise<string> {
  const [row] = await h.sql<{ d: string }>(`select concat_ws(' | ', (select string_agg(id || ':' || unit_id || ':' || year, ',' order by id) from org_goal),
    (select string_agg(id || ':' || coalesce(goal_id::text, '-'), ',' order by id) from rhk), (select string_agg(id || ':' || status, ',' order by id) from skp)) as d`);
  return row?.d ?? '';
}

async function refusedWithoutWrite(result: Promise<GraphQLResult>, code: string, reason: string): Promise<void> {
  const before = await goalsDigest();
  expect(errorOf(await result)).toEqual({ code, reason });
  expect(await goalsDigest()).toBe(before);
}

const recordGoal = (user: string, unitId: string, year: number, input: Record<string, unknown>) =>
  call(h, user, 'mutation ($u: ID!, $y: Int!, $i: OrgGoalInput!) { recordOrgGoal(unitId: $u, year: $y, input: $i) { id unit { id } year text indicator target targetUnit } }', { u: unitId, y: year, i: input });
const goal = { text: 'Meningkatnya profesionalitas ASN Kabupaten Karawang', indicator: 'Indeks profesionalitas ASN', target: 75, unit: 'indeks' };

async function skpWithRhk(user: string, input: Record<string, unknown>): Promise<{ skpId: string; rhkId: string }> {
  const skp = (await call(h, user, `mutation { createSkp(year: ${YEAR}) { id } }`)).data?.['createSkp'] as { id: string };
  const rhk = (await call(h, user, 'mutation ($s: ID!, $i: RhkInput!) { addRhk(skpId: $s, input: $i) { id } }', { s: skp.id, i: { kind: 'UTAMA', text: 'Terlaksananya manajemen kinerja ASN', ...input } })).data?.['addRhk'] as { id: string };
  await call(h, user, 'mutation ($r: ID!) { setIndicators(rhkId: $r, indicators: [{ text: "Jumlah SKP yang disetujui tepat waktu", aspect: KUANTITAS, target: 100, unit: "persen" }]) { id } }', { r: rhk.id });
  return { skpId: skp.id, rhkId: rhk.id };
}

const submit = (user: string, skpId: string) => call(h, user, 'mutation ($s: ID!) { submitSkp(skpId: $s) { status } }', { s: skpId });
const approve = (user: string, skpId: string) => call(h, user, 'mutation ($s: ID!, $e: [BehaviourExpectationInput!]!) { approveSkp(skpId: $s, expectations: $e) { status } }', { s: skpId, e: berakhlak });

beforeAll(async () => {
  await ensureKepalaUser(kepala.nip);
  h = await startHarness('cascade');
  const events: string[] = [];
  for (const employee of [headOfBadan, atasan, pegawai, rekan, bekasi]) events.push(await h.publishEmployee(employee));
  for (const id of events) await h.processed(id);
}, 120_000);

afterAll(async () => {
  await h?.stop();
});

describe('organisation goals', () => {
  it('are recorded by an admin of the region or the unit head, and refused to others or with bad input, writing nothing', async () => {
    await refusedWithoutWrite(recordGoal('karawang.pegawai', BADAN, YEAR, goal), 'FORBIDDEN', 'not_unit_head_or_admin');
    await refusedWithoutWrite(recordGoal('banten.analis', BADAN, YEAR, goal), 'FORBIDDEN', 'not_unit_head_or_admin');
    await refusedWithoutWrite(recordGoal('karawang.admin', BADAN, YEAR, { ...goal, text: 'ab' }), 'BAD_USER_INPUT', 'invalid_goal_text');
    await refusedWithoutWrite(recordGoal('karawang.admin', BADAN, YEAR, { ...goal, target: 75, unit: null }), 'BAD_USER_INPUT', 'invalid_goal_unit');
    await refusedWithoutWrite(recordGoal('karawang.admin', 'unit-tidak-ada', YEAR, goal), 'BAD_USER_INPUT', 'unit_not_found');
    const recorded = await recordGoal('karawang.admin', BADAN, YEAR, goal);
    expect(recorded.errors).toBeUndefined();
    expect(recorded.data?.['recordOrgGoal']).toMatchObject({ unit: { id: BADAN }, year: YEAR, target: 75, targetUnit: 'indeks' });
    const byHead = await recordGoal(KEPALA_USER, BADAN, YEAR, { text: 'Meningkatnya kualitas layanan kepegawaian', indicator: 'Indeks kepuasan layanan', target: null, unit: null });
    expect(byHead.errors).toBeUndefined();
  });
});

describe('the cascade from the goals', () => {
  it('lets the head link an RHK only to a goal of the unit path and year, and requires the link once goals exist', async () => {
    const goals = (await call(h, 'karawang.admin', `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on OrgUnit { orgGoals(year: ${YEAR}) { id } } } }`, { reps: [{ __typename: 'OrgUnit', id: BADAN }] })).data?.['_entities'] as { orgGoals: { id: string }[] }[];
    const goalId = goals[0]!.orgGoals[0]!.id;
    const lastYear = (await recordGoal('karawang.admin', BADAN, YEAR - 1, goal)).data?.['recordOrgGoal'] as { id: string };
    const elsewhere = (await recordGoal('jabar.admin', bekasi.unitId, YEAR, goal)).data?.['recordOrgGoal'] as { id: string };
    const { skpId, rhkId } = await skpWithRhk(KEPALA_USER, {});
    const update = (goal: string) => call(h, KEPALA_USER, 'mutation ($r: ID!, $i: RhkInput!) { updateRhk(rhkId: $r, input: $i) { goal { id } } }', { r: rhkId, i: { kind: 'UTAMA', text: 'Terlaksananya manajemen kinerja ASN', goalId: goal } });
    await refusedWithoutWrite(update(lastYear.id), 'BAD_USER_INPUT', 'goal_other_year');
    await refusedWithoutWrite(update(elsewhere.id), 'BAD_USER_INPUT', 'goal_outside_unit');
    await refusedWithoutWrite(submit(KEPALA_USER, skpId), 'BAD_USER_INPUT', 'rhk_not_cascaded');
    expect((await update(goalId)).data?.['updateRhk']).toEqual({ goal: { id: goalId } });
    expect((await submit(KEPALA_USER, skpId)).data?.['submitSkp']).toEqual({ status: 'SUBMITTED' });
    // The top of the chain has no atasan in the system: its SKP is approved outside (e.g. by the Bupati).
    await h.sql(`update skp set status = 'APPROVED' where id = ?`, [skpId]);

    const atasanPlan = await skpWithRhk('karawang.atasan', { supportsRhkId: rhkId });
    expect((await submit('karawang.atasan', atasanPlan.skpId)).errors).toBeUndefined();
    expect((await approve(KEPALA_USER, atasanPlan.skpId)).data?.['approveSkp']).toEqual({ status: 'APPROVED' });
    const pegawaiPlan = await skpWithRhk('karawang.pegawai', { supportsRhkId: atasanPlan.rhkId });
    expect((await submit('karawang.pegawai', pegawaiPlan.skpId)).errors).toBeUndefined();
    expect((await approve('karawang.atasan', pegawaiPlan.skpId)).data?.['approveSkp']).toEqual({ status: 'APPROVED' });

    const cascade = await call(
      h,
      'karawang.atasan',
      `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on OrgUnit { performanceCascade(year: ${YEAR}) {
        goals { id } nodes { rhk { id } employee { id } goal { id } parent { id } depth } employees aligned coverage notAligned { id } } } } }`,
      { reps: [{ __typename: 'OrgUnit', id: BADAN }] },
    );
    expect(cascade.errors).toBeUndefined();
    const tree = (cascade.data?.['_entities'] as { performanceCascade: Record<string, unknown> & { nodes: unknown[] } }[])[0]!.performanceCascade;
    expect(tree.nodes).toEqual([
      { rhk: { id: rhkId }, employee: { id: kepala.employeeId }, goal: { id: goalId }, parent: null, depth: 1 },
      { rhk: { id: atasanPlan.rhkId }, employee: { id: atasan.employeeId }, goal: { id: goalId }, parent: { id: rhkId }, depth: 2 },
      { rhk: { id: pegawaiPlan.rhkId }, employee: { id: pegawai.employeeId }, goal: { id: goalId }, parent: { id: atasanPlan.rhkId }, depth: 3 },
    ]);
    expect(tree).toMatchObject({ employees: 4, aligned: 3, coverage: 0.75, notAligned: [{ id: rekan.employeeId }] });
  });

  it('is not shown to a pegawai outside the management of the unit', async () => {
    const result = await call(h, 'karawang.pegawai', `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on OrgUnit { performanceCascade(year: ${YEAR}) { employees } } } }`, {
      reps: [{ __typename: 'OrgUnit', id: BADAN }],
    });
    expect(errorOf(result)).toEqual({ code: 'FORBIDDEN', reason: 'unit_out_of_scope' });
  });
});
