// The SKP lifecycle through the subgraph with real Keycloak tokens (karawang.pegawai reports to
// karawang.atasan), the read model fed from a real Kafka topic, and a fresh PostgreSQL database.
// Every refused call is checked to have written nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmployeeChange } from '@kinerja/proto';
import { startHarness, type Harness } from '../support/harness.ts';
import { atasan, bekasi, kepala, pegawai, rekan } from '../support/people.ts';
import { approvedSkpFixture, berakhlak, call, errorOf, SKP_FIELDS, skpDigest } from '../support/skp-fixtures.ts';

const YEAR = 2026;
let h: Harness;
let atasanRhkId = '';

interface SkpShape {
  id: string;
  status: string;
  rater: { id: string } | null;
  rhk: { id: string; kind: string; supports: { id: string } | null; indicators: { id: string; target: number }[] }[];
  behaviours: { behaviour: string }[];
  history: { action: string; fromStatus: string | null; toStatus: string; actor: string; note: string | null }[];
}

const createSkp = async (user: string, year = YEAR) => call(h, user, `mutation ($year: Int!) { createSkp(year: $year) { ${SKP_FIELDS} } }`, { year });
const addRhk = async (user: string, skpId: string, input: Record<string, unknown>) =>
  call(h, user, 'mutation ($skpId: ID!, $input: RhkInput!) { addRhk(skpId: $skpId, input: $input) { id kind text supports { id } } }', { skpId, input });
const setIndicators = async (user: string, rhkId: string, indicators: unknown[]) =>
  call(h, user, 'mutation ($rhkId: ID!, $indicators: [IndicatorInput!]!) { setIndicators(rhkId: $rhkId, indicators: $indicators) { id indicators { id text target } } }', { rhkId, indicators });
const step = async (user: string, mutation: string, args: string, variables: Record<string, unknown>) =>
  call(h, user, `mutation (${args}) { ${mutation} { ${SKP_FIELDS} } }`, variables);
const submit = (user: string, skpId: string) => step(user, 'submitSkp(skpId: $skpId)', '$skpId: ID!', { skpId });
const approve = (user: string, skpId: string, expectations = berakhlak) =>
  step(user, 'approveSkp(skpId: $skpId, expectations: $e)', '$skpId: ID!, $e: [BehaviourExpectationInput!]!', { skpId, e: expectations });
const reject = (user: string, skpId: string, note: string) => step(user, 'rejectSkp(skpId: $skpId, note: $note)', '$skpId: ID!, $note: String!', { skpId, note });

const indicator = { text: 'Jumlah berkas kenaikan pangkat terverifikasi', aspect: 'KUANTITAS', target: 120, unit: 'berkas', quarterlyTargets: [30, 30, 30, 30] };

async function refusedWithoutWrite(result: Promise<Awaited<ReturnType<typeof call>>>, code: string, reason: string): Promise<void> {
  const before = await skpDigest(h);
  expect(errorOf(await result)).toEqual({ code, reason });
  expect(await skpDigest(h)).toBe(before);
}

beforeAll(async () => {
  h = await startHarness('skp');
  const events: string[] = [];
  for (const employee of [kepala, atasan, pegawai, rekan, bekasi]) events.push(await h.publishEmployee(employee));
  for (const id of events) await h.processed(id);
  atasanRhkId = (await approvedSkpFixture(h, atasan.employeeId, YEAR)).rhkId;
}, 120_000);

afterAll(async () => {
  await h?.stop();
});

describe('read model from personnel.employee.v1', () => {
  it('holds supervisor, unit path, instansi, region and jenis jabatan of each employee', async () => {
    const rows = await h.sql<{ employee_id: string; supervisor_id: string | null; unit_path: string[]; jenis_jabatan: string; region_code: string }>(
      'select employee_id, supervisor_id, unit_path, jenis_jabatan, region_code from employee where employee_id = ?',
      [pegawai.employeeId],
    );
    expect(rows).toEqual([{ employee_id: pegawai.employeeId, supervisor_id: atasan.employeeId, unit_path: pegawai.unitPath, jenis_jabatan: 'AHLI_PERTAMA', region_code: '32.15' }]);
  });

  it('applies a redelivered event once and ignores an older snapshot', async () => {
    const moved = { ...rekan, supervisorId: kepala.employeeId };
    const eventId = await h.publishEmployee(moved, EmployeeChange.SUPERVISOR_SET);
    await h.processed(eventId);
    await h.publishEmployee(moved, EmployeeChange.SUPERVISOR_SET, eventId);
    const back = await h.publishEmployee(rekan, EmployeeChange.SUPERVISOR_SET);
    await h.processed(back);
    const [row] = await h.sql<{ supervisor_id: string; n: number }>(
      'select supervisor_id, (select count(*)::int from processed_event where event_id = ?) as n from employee where employee_id = ?',
      [eventId, rekan.employeeId],
    );
    expect(row).toEqual({ supervisor_id: atasan.employeeId, n: 1 });
  });
});

describe('drafting, cascading and submitting (karawang.pegawai)', () => {
  let skpId = '';
  let rhkId = '';

  it('creates a draft for the current assignment with the supervisor as rater and a CREATE entry', async () => {
    const result = await createSkp('karawang.pegawai');
    expect(result.errors).toBeUndefined();
    const skp = result.data?.['createSkp'] as SkpShape;
    expect(skp).toMatchObject({ status: 'DRAFT', rater: { id: atasan.employeeId }, rhk: [] });
    expect(skp.history).toMatchObject([{ action: 'CREATE', fromStatus: null, toStatus: 'DRAFT', actor: 'karawang.pegawai' }]);
    skpId = skp.id;
  });

  it('refuses a second SKP for the same year and assignment, and a year out of range, writing nothing', async () => {
    await refusedWithoutWrite(createSkp('karawang.pegawai'), 'CONFLICT', 'skp_exists');
    await refusedWithoutWrite(createSkp('karawang.pegawai', 2021), 'BAD_USER_INPUT', 'invalid_year');
    // A user whose token names no employee of the read model.
    await refusedWithoutWrite(createSkp('karawang.admin'), 'FORBIDDEN', 'viewer_not_employee');
  });

  it('refuses a submit with no RHK utama', async () => {
    await refusedWithoutWrite(submit('karawang.pegawai', skpId), 'BAD_USER_INPUT', 'no_rhk_utama');
  });

  it('refuses an RHK cascading from someone who is not the supervisor, another year or an unapproved SKP', async () => {
    const otherYear = await approvedSkpFixture(h, atasan.employeeId, YEAR - 1);
    const notSupervisor = await approvedSkpFixture(h, kepala.employeeId, YEAR);
    // The atasan's SKP of an earlier assignment this year, still waiting for approval.
    const unapproved = await approvedSkpFixture(h, atasan.employeeId, YEAR, 'pos-lama');
    await h.sql(`update skp set status = 'SUBMITTED' where id = ?`, [unapproved.skpId]);
    const text = 'Terverifikasinya berkas kenaikan pangkat';
    await refusedWithoutWrite(addRhk('karawang.pegawai', skpId, { kind: 'UTAMA', text, supportsRhkId: notSupervisor.rhkId }), 'BAD_USER_INPUT', 'supported_rhk_not_supervisors');
    await refusedWithoutWrite(addRhk('karawang.pegawai', skpId, { kind: 'UTAMA', text, supportsRhkId: otherYear.rhkId }), 'BAD_USER_INPUT', 'supported_rhk_other_year');
    await refusedWithoutWrite(addRhk('karawang.pegawai', skpId, { kind: 'UTAMA', text, supportsRhkId: unapproved.rhkId }), 'BAD_USER_INPUT', 'supported_skp_not_approved');
    await refusedWithoutWrite(addRhk('karawang.pegawai', skpId, { kind: 'UTAMA', text: 'ab' }), 'BAD_USER_INPUT', 'rhk_text_too_short');
    await refusedWithoutWrite(addRhk('karawang.pegawai', skpId, { kind: 'UTAMA', text, supportsRhkId: 'bukan-uuid' }), 'BAD_USER_INPUT', 'invalid_id');
    await refusedWithoutWrite(addRhk('karawang.atasan', skpId, { kind: 'UTAMA', text }), 'FORBIDDEN', 'not_skp_owner');
  });

  it('shows the supervisor\'s approved RHK to cascade from, and adds an RHK utama supporting one', async () => {
    const offered = await call(h, 'karawang.pegawai', '{ supervisorRhk(year: 2026) { id text } }');
    expect((offered.data?.['supervisorRhk'] as { id: string }[]).map((r) => r.id)).toContain(atasanRhkId);
    const result = await addRhk('karawang.pegawai', skpId, { kind: 'UTAMA', text: 'Terverifikasinya berkas kenaikan pangkat', supportsRhkId: atasanRhkId });
    expect(result.errors).toBeUndefined();
    expect(result.data?.['addRhk']).toMatchObject({ kind: 'UTAMA', supports: { id: atasanRhkId } });
    rhkId = (result.data?.['addRhk'] as { id: string }).id;
  });

  it('refuses a submit while an RHK has no indicator, and bad indicators', async () => {
    await refusedWithoutWrite(submit('karawang.pegawai', skpId), 'BAD_USER_INPUT', 'rhk_without_indicator');
    await refusedWithoutWrite(setIndicators('karawang.pegawai', rhkId, [{ ...indicator, target: 0 }]), 'BAD_USER_INPUT', 'invalid_indicator_target');
    await refusedWithoutWrite(setIndicators('karawang.pegawai', rhkId, [{ ...indicator, quarterlyTargets: [1, 2] }]), 'BAD_USER_INPUT', 'invalid_quarterly_targets');
    await refusedWithoutWrite(setIndicators('karawang.atasan', rhkId, [indicator]), 'FORBIDDEN', 'not_skp_owner');
  });

  it('sets indicators, keeps an indicator named by id, and submits', async () => {
    const first = await setIndicators('karawang.pegawai', rhkId, [indicator]);
    const kept = (first.data?.['setIndicators'] as { indicators: { id: string }[] }).indicators[0]!.id;
    const second = await setIndicators('karawang.pegawai', rhkId, [{ ...indicator, id: kept, target: 140 }, { ...indicator, text: 'Persentase berkas tanpa revisi', aspect: 'KUALITAS', target: 90, unit: 'persen', quarterlyTargets: null }]);
    expect(second.errors).toBeUndefined();
    expect(second.data?.['setIndicators']).toMatchObject({ indicators: [{ id: kept, target: 140 }, { text: 'Persentase berkas tanpa revisi', target: 90 }] });
    const submitted = await submit('karawang.pegawai', skpId);
    expect(submitted.errors).toBeUndefined();
    expect(submitted.data?.['submitSkp']).toMatchObject({ status: 'SUBMITTED', rater: { id: atasan.employeeId } });
  });

  it('is no longer editable once submitted', async () => {
    await refusedWithoutWrite(addRhk('karawang.pegawai', skpId, { kind: 'TAMBAHAN', text: 'Menjadi narasumber sosialisasi' }), 'CONFLICT', 'invalid_skp_transition');
  });

  it('lets only the direct supervisor decide; a rejection needs a note and sends it back', async () => {
    await refusedWithoutWrite(approve('karawang.pegawai', skpId), 'FORBIDDEN', 'not_direct_supervisor');
    await refusedWithoutWrite(reject('karawang.atasan', skpId, '   '), 'BAD_USER_INPUT', 'note_required');
    const rejected = await reject('karawang.atasan', skpId, 'Target kualitas belum terukur');
    expect(rejected.data?.['rejectSkp']).toMatchObject({ status: 'REJECTED' });
    expect((await submit('karawang.pegawai', skpId)).data?.['submitSkp']).toMatchObject({ status: 'SUBMITTED' });
  });

  it('refuses an approval without all seven BerAKHLAK expectations, then approves with them', async () => {
    await refusedWithoutWrite(approve('karawang.atasan', skpId, berakhlak.slice(0, 6)), 'BAD_USER_INPUT', 'missing_behaviour_expectation');
    const approved = await approve('karawang.atasan', skpId);
    expect(approved.errors).toBeUndefined();
    const skp = approved.data?.['approveSkp'] as SkpShape;
    expect(skp.status).toBe('APPROVED');
    expect(skp.behaviours).toHaveLength(7);
    expect(skp.history.map((e) => `${e.action}:${e.toStatus}:${e.actor}`)).toEqual([
      'CREATE:DRAFT:karawang.pegawai',
      'SUBMIT:SUBMITTED:karawang.pegawai',
      'REJECT:REJECTED:karawang.atasan',
      'SUBMIT:SUBMITTED:karawang.pegawai',
      'APPROVE:APPROVED:karawang.atasan',
    ]);
    expect(skp.history[2]?.note).toBe('Target kualitas belum terukur');
  });

  it('reopens an approved SKP only through a revision the supervisor grants', async () => {
    await refusedWithoutWrite(setIndicators('karawang.pegawai', rhkId, [indicator]), 'CONFLICT', 'invalid_skp_transition');
    await refusedWithoutWrite(step('karawang.pegawai', 'requestSkpRevision(skpId: $skpId, note: $note)', '$skpId: ID!, $note: String!', { skpId, note: '' }), 'BAD_USER_INPUT', 'note_required');
    const requested = await step('karawang.pegawai', 'requestSkpRevision(skpId: $skpId, note: $note)', '$skpId: ID!, $note: String!', { skpId, note: 'Ada tugas tambahan dari pimpinan' });
    expect(requested.data?.['requestSkpRevision']).toMatchObject({ status: 'REVISION_REQUESTED' });
    await refusedWithoutWrite(step('karawang.pegawai', 'decideSkpRevision(skpId: $skpId, grant: true)', '$skpId: ID!', { skpId }), 'FORBIDDEN', 'not_direct_supervisor');
    await refusedWithoutWrite(step('karawang.atasan', 'decideSkpRevision(skpId: $skpId, grant: false)', '$skpId: ID!', { skpId }), 'BAD_USER_INPUT', 'note_required');
    const granted = await step('karawang.atasan', 'decideSkpRevision(skpId: $skpId, grant: true)', '$skpId: ID!', { skpId });
    expect(granted.data?.['decideSkpRevision']).toMatchObject({ status: 'DRAFT' });
    // Back through submission and approval for the suites that follow.
    expect((await submit('karawang.pegawai', skpId)).data?.['submitSkp']).toMatchObject({ status: 'SUBMITTED' });
    expect((await approve('karawang.atasan', skpId)).data?.['approveSkp']).toMatchObject({ status: 'APPROVED' });
  });

  it('refuses to remove the supervisor\'s RHK while the pegawai\'s supports it', async () => {
    await h.sql(`update skp set status = 'DRAFT' where id = (select skp_id from rhk where id = ?)`, [atasanRhkId]);
    await refusedWithoutWrite(call(h, 'karawang.atasan', 'mutation ($id: ID!) { removeRhk(rhkId: $id) { id } }', { id: atasanRhkId }), 'CONFLICT', 'rhk_supported_by_others');
    await h.sql(`update skp set status = 'APPROVED' where id = (select skp_id from rhk where id = ?)`, [atasanRhkId]);
  });
});

describe('who sees an SKP', () => {
  const query = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Employee { skp(year: 2026) { id status } } } }`;
  const skpOf = async (user: string, employeeId: string) => call(h, user, query, { reps: [{ __typename: 'Employee', id: employeeId }] });

  it('the employee, the supervisor chain above and region readers see it; a peer and another region do not', async () => {
    for (const user of ['karawang.pegawai', 'karawang.atasan', 'karawang.admin', 'jabar.analis', 'nasional.pimpinan']) {
      const result = await skpOf(user, pegawai.employeeId);
      expect(result.errors, user).toBeUndefined();
      expect((result.data?.['_entities'] as { skp: { status: string } }[])[0]?.skp.status, user).toBe('APPROVED');
    }
    expect(errorOf(await skpOf('banten.analis', pegawai.employeeId))).toEqual({ code: 'FORBIDDEN', reason: 'employee_out_of_scope' });
    expect(errorOf(await skpOf('karawang.pegawai', atasan.employeeId))).toEqual({ code: 'FORBIDDEN', reason: 'employee_out_of_scope' });
  });

  it('lists the atasan\'s team SKPs of the year', async () => {
    const result = await call(h, 'karawang.atasan', '{ teamSkps(year: 2026) { employee { id } status } }');
    expect(result.data?.['teamSkps']).toEqual([{ employee: { id: pegawai.employeeId }, status: 'APPROVED' }]);
  });

  it('answers 401 without a token', async () => {
    expect((await h.gql(null, '{ predikatMatrix { predikat } }')).status).toBe(401);
  });
});

describe('predikat matrix and preview', () => {
  it('serves the nine cells of the default and previews a cell', async () => {
    const matrix = await call(h, 'karawang.atasan', '{ predikatMatrix { hasilKerja perilakuKerja predikat } }');
    expect(matrix.data?.['predikatMatrix']).toHaveLength(9);
    const preview = await call(h, 'karawang.atasan', '{ predikatPreview(hasilKerja: DI_ATAS_EKSPEKTASI, perilakuKerja: DI_BAWAH_EKSPEKTASI) }');
    expect(preview.data?.['predikatPreview']).toBe('KURANG');
  });
});
