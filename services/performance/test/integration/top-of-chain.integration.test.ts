// The top of the chain with real Keycloak tokens: the kepala (no supervisor in the read model) drafts and
// submits an SKP; an admin-kepegawaian of the instansi's region (karawang.admin) approves and rates it in
// the supervisor's place, recorded as such; an admin of another region and anyone else are refused with
// nothing written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayWib } from '../../src/domain/periods.ts';
import { startHarness, type Harness } from '../support/harness.ts';
import { BEKASI_ADMIN_USER, ensureBekasiAdminUser, ensureKepalaUser, KEPALA_USER } from '../support/keycloak-users.ts';
import { atasan, kepala, pegawai } from '../support/people.ts';
import { approvedSkpFixture, berakhlak, call, errorOf, SKP_FIELDS, skpDigest } from '../support/skp-fixtures.ts';

const YEAR = Number(todayWib().slice(0, 4));
let h: Harness;
let skpId = '';

async function digest(): Promise<string> {
  const [row] = await h.sql<{ d: string }>(`select concat_ws(' | ',
    (select string_agg(skp_id || ':' || period || ':' || predikat || ':' || coalesce(rater_admin, '-'), ',' order by skp_id, period) from evaluation),
    (select string_agg(scope || ':' || scope_key || ':' || predikat || ':' || employees, ',' order by scope, scope_key, predikat) from predikat_summary),
    (select count(*)::text from feedback), (select string_agg(id || ':' || coalesce(rater_admin, '-'), ',') from skp)) as d`);
  return `${await skpDigest(h)} # ${row?.d ?? ''}`;
}

async function refusedWithoutWrite(result: ReturnType<typeof call>, code: string, reason: string): Promise<void> {
  const before = await digest();
  expect(errorOf(await result)).toEqual({ code, reason });
  expect(await digest()).toBe(before);
}

const approve = (user: string, id: string, expectations: unknown[] = berakhlak) =>
  call(h, user, `mutation ($s: ID!, $e: [BehaviourExpectationInput!]!) { approveSkp(skpId: $s, expectations: $e, note: "Disetujui admin") { ${SKP_FIELDS} raterAdmin history { actingAs actor } } }`, { s: id, e: expectations });
const rate = (user: string, id: string) =>
  call(h, user, 'mutation ($s: ID!) { rateEvaluation(skpId: $s, period: "ANNUAL", hasilKerja: DI_ATAS_EKSPEKTASI, perilakuKerja: SESUAI_EKSPEKTASI, note: "Penilaian kepala") { predikat rater { id } raterAdmin status } }', { s: id });
const feedback = (user: string, id: string) => call(h, user, 'mutation ($s: ID!) { giveFeedback(skpId: $s, period: "ANNUAL", text: "Capaian triwulan baik") { id } }', { s: id });

beforeAll(async () => {
  h = await startHarness('topchain');
  await Promise.all([ensureKepalaUser(kepala.nip), ensureBekasiAdminUser()]);
  const events: string[] = [];
  for (const employee of [kepala, atasan, pegawai]) events.push(await h.publishEmployee(employee));
  for (const id of events) await h.processed(id);
  const created = await call(h, KEPALA_USER, `mutation ($y: Int!) { createSkp(year: $y) { id } }`, { y: YEAR });
  skpId = (created.data?.['createSkp'] as { id: string }).id;
  const rhk = await call(h, KEPALA_USER, 'mutation ($s: ID!) { addRhk(skpId: $s, input: { kind: UTAMA, text: "Terwujudnya tata kelola kepegawaian yang akuntabel" }) { id } }', { s: skpId });
  const rhkId = (rhk.data?.['addRhk'] as { id: string }).id;
  await call(h, KEPALA_USER, 'mutation ($r: ID!) { setIndicators(rhkId: $r, indicators: [{ text: "Indeks sistem merit", aspect: KUALITAS, target: 0.8, unit: "indeks" }]) { id } }', { r: rhkId });
  const submitted = await call(h, KEPALA_USER, 'mutation ($s: ID!) { submitSkp(skpId: $s) { status rater { id } } }', { s: skpId });
  expect(submitted.data?.['submitSkp']).toEqual({ status: 'SUBMITTED', rater: null });
}, 120_000);

afterAll(async () => {
  await h?.stop();
});

describe('approval at the top of the chain', () => {
  it('refuses an admin of another region, a subordinate, the head themselves and bad expectations, writing nothing', async () => {
    await refusedWithoutWrite(approve(BEKASI_ADMIN_USER, skpId), 'FORBIDDEN', 'region_out_of_scope');
    await refusedWithoutWrite(approve('karawang.atasan', skpId), 'FORBIDDEN', 'not_direct_supervisor');
    await refusedWithoutWrite(approve(KEPALA_USER, skpId), 'FORBIDDEN', 'not_direct_supervisor');
    await refusedWithoutWrite(approve('karawang.admin', skpId, berakhlak.slice(1)), 'BAD_USER_INPUT', 'missing_behaviour_expectation');
    await refusedWithoutWrite(approve('karawang.admin', '00000000-0000-4000-8000-000000000000'), 'NOT_FOUND', 'skp_not_found');
    await refusedWithoutWrite(approve('karawang.admin', 'bukan-id'), 'BAD_USER_INPUT', 'invalid_id');
  });

  it('never lets an admin stand in for a supervisor who exists', async () => {
    const staff = await approvedSkpFixture(h, pegawai.employeeId, YEAR, pegawai.positionId);
    await h.sql(`update skp set status = 'SUBMITTED' where id = ?`, [staff.skpId]);
    await refusedWithoutWrite(approve('karawang.admin', staff.skpId), 'FORBIDDEN', 'viewer_not_employee');
    await refusedWithoutWrite(rate('karawang.admin', staff.skpId), 'FORBIDDEN', 'viewer_not_employee');
  });

  it('karawang.admin approves the kepala\'s SKP, recorded as admin-kepegawaian in the history', async () => {
    const result = await approve('karawang.admin', skpId);
    expect(result.errors).toBeUndefined();
    const skp = result.data?.['approveSkp'] as { status: string; rater: unknown; raterAdmin: string; history: { action: string; actingAs: string; actor: string }[] };
    expect(skp).toMatchObject({ status: 'APPROVED', rater: null, raterAdmin: 'karawang.admin' });
    expect(skp.history.map((e) => [e.action, e.actingAs, e.actor])).toEqual([
      ['CREATE', 'PEGAWAI', KEPALA_USER],
      ['SUBMIT', 'PEGAWAI', KEPALA_USER],
      ['APPROVE', 'ADMIN_KEPEGAWAIAN', 'karawang.admin'],
    ]);
  });
});

describe('the admin\'s list of the top of the chain', () => {
  const list = (user: string) => call(h, user, `{ topOfChainSkps(year: ${YEAR}) { id status employee { id } } }`);
  it('shows karawang.admin the kepala\'s SKP, an admin of another region nothing, and refuses a pegawai', async () => {
    expect((await list('karawang.admin')).data?.['topOfChainSkps']).toEqual([{ id: skpId, status: 'APPROVED', employee: { id: kepala.employeeId } }]);
    expect((await list(BEKASI_ADMIN_USER)).data?.['topOfChainSkps']).toEqual([]);
    expect(errorOf(await list('karawang.pegawai'))).toEqual({ code: 'FORBIDDEN', reason: 'missing_role' });
  });
});

describe('rating at the top of the chain', () => {
  it('refuses an admin of another region and the kepala rating themselves, writing nothing', async () => {
    await refusedWithoutWrite(rate(BEKASI_ADMIN_USER, skpId), 'FORBIDDEN', 'region_out_of_scope');
    await refusedWithoutWrite(rate(KEPALA_USER, skpId), 'FORBIDDEN', 'not_direct_supervisor');
    await refusedWithoutWrite(feedback(BEKASI_ADMIN_USER, skpId), 'FORBIDDEN', 'region_out_of_scope');
    // Realisation stays the employee's own.
    const [indicator] = await h.sql<{ id: string }>('select i.id from indicator i join rhk r on r.id = i.rhk_id where r.skp_id = ?', [skpId]);
    const realise = call(h, 'karawang.admin', 'mutation ($i: ID!) { recordRealisation(indicatorId: $i, period: "ANNUAL", value: 0.7, note: "Catatan") { id } }', { i: indicator!.id });
    await refusedWithoutWrite(realise, 'FORBIDDEN', 'not_skp_owner');
  });

  it('karawang.admin gives feedback and rates the kepala; the evaluation names the admin as rater', async () => {
    expect((await feedback('karawang.admin', skpId)).errors).toBeUndefined();
    const rated = await rate('karawang.admin', skpId);
    expect(rated.errors).toBeUndefined();
    expect(rated.data?.['rateEvaluation']).toEqual({ predikat: 'BAIK', rater: null, raterAdmin: 'karawang.admin', status: 'DRAFT' });
    const [row] = await h.sql<{ rater_employee_id: string | null; rater_admin: string }>('select rater_employee_id, rater_admin from evaluation where skp_id = ?', [skpId]);
    expect(row).toEqual({ rater_employee_id: null, rater_admin: 'karawang.admin' });
    // A provincial admin covers the regency too; the re-rating replaces the rating.
    const again = await rate('jabar.admin', skpId);
    expect(again.data?.['rateEvaluation']).toMatchObject({ raterAdmin: 'jabar.admin' });
  });
});
