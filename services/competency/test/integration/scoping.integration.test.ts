// Issue 9: who sees whose competency data, by the kit's one rule (@kinerja/kit/scoping) applied to the
// read model of personnel.employee.v1: an atasan sees everyone below them in the supervisor chain
// (direct and indirect, wherever they work), nobody beside or above; tokens of region-wide roles whose
// region_code is missing or malformed are refused before any data is read.
import { EmployeeChange } from '@kinerja/proto';
import { ensureRealmUser, malformedRegionKinds, malformedRegionToken, type RealmUser } from '@kinerja/kit/testing-keycloak';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness, type TestEmployee } from '../support/harness.ts';

let h: Harness;

/** A test-only planner of Banten (36), created in the running Keycloak by the test (not a demo user). */
const bantenPlanner: RealmUser = {
  username: 'test.banten.diklat',
  firstName: 'Perencana',
  lastName: 'Banten',
  roles: ['perencana-diklat', 'default-roles-asn'],
  attributes: { region_code: ['36'] },
};

const base = { regionCode: '32.15', unitId: 'unit-krw-bkpsdm', instansiId: 'inst-krw', jenisJabatan: 'PELAKSANA' as const, positionId: 'pos-krw-staf' };
// karawang.atasan (realm NIP 197805122003121003) ← karawang.pegawai ← indirect ← far (in another regency).
const atasan: TestEmployee = { ...base, employeeId: 'emp-atasan', nip: '197805122003121003', jenisJabatan: 'JPT_PRATAMA', positionId: 'pos-krw-kaban' };
const pegawai: TestEmployee = { ...base, employeeId: 'emp-pegawai', nip: '199001152015032001', supervisorId: 'emp-atasan' };
const indirect: TestEmployee = { ...base, employeeId: 'emp-indirect', nip: '199503032020122001', supervisorId: 'emp-pegawai' };
const far: TestEmployee = { ...base, employeeId: 'emp-far', nip: '198804042012031001', regionCode: '32.04', unitId: 'unit-bdg', instansiId: 'inst-bdg', supervisorId: 'emp-indirect' };
const boss: TestEmployee = { ...base, employeeId: 'emp-boss', nip: '197001011995031001', jenisJabatan: 'JPT_PRATAMA' };
const peer: TestEmployee = { ...base, employeeId: 'emp-peer', nip: '198502022010011002', supervisorId: 'emp-boss' };

beforeAll(async () => {
  h = await startHarness('competency_scoping');
  const events: string[] = [];
  for (const employee of [boss, { ...atasan, supervisorId: 'emp-boss' }, pegawai, indirect, far, peer]) events.push(await h.publishEmployee(employee, EmployeeChange.HIRED));
  for (const id of events) await h.processed(id);
}, 120_000);
afterAll(() => h?.stop());

async function assessmentsSeenBy(token: string, employeeIds: string[]) {
  const result = await h.gql(token, `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Employee { competencyAssessments { id } } } }`, {
    reps: employeeIds.map((id) => ({ __typename: 'Employee', id })),
  });
  return employeeIds.map((id, index) => {
    const error = result.errors?.find((e) => (e as { path?: unknown[] }).path?.[1] === index);
    return [id, error ? String(error.extensions?.['reason']) : 'seen'];
  });
}

describe('what an atasan sees', () => {
  it('karawang.atasan sees self and the whole chain below, also in another regency; not the boss or a peer', async () => {
    const token = await h.token('karawang.atasan');
    expect(await assessmentsSeenBy(token, [atasan.employeeId, pegawai.employeeId, indirect.employeeId, far.employeeId, boss.employeeId, peer.employeeId])).toEqual([
      [atasan.employeeId, 'seen'],
      [pegawai.employeeId, 'seen'],
      [indirect.employeeId, 'seen'],
      [far.employeeId, 'seen'],
      [boss.employeeId, 'employee_out_of_scope'],
      [peer.employeeId, 'employee_out_of_scope'],
    ]);
  });

  it('a pegawai sees only herself', async () => {
    const token = await h.token('karawang.pegawai');
    expect(await assessmentsSeenBy(token, [pegawai.employeeId, indirect.employeeId, atasan.employeeId])).toEqual([
      [pegawai.employeeId, 'seen'],
      [indirect.employeeId, 'employee_out_of_scope'],
      [atasan.employeeId, 'employee_out_of_scope'],
    ]);
  });
});

describe('tokens without a valid region_code', () => {
  it.each(malformedRegionKinds)('refuses region-wide roles whose region_code is %s, with 401 invalid_region_code', async (kind) => {
    for (const username of ['karawang.diklat', 'karawang.asesor', 'nasional.analis', 'jabar.admin']) {
      const refused = await h.gql(await malformedRegionToken(username, kind), '{ trainingNeedsSummary { people } }');
      expect(refused.status).toBe(401);
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'invalid_region_code' });
    }
  });

  it('still serves an atasan whose token has no region_code: the chain does not depend on it', async () => {
    const token = await malformedRegionToken('karawang.atasan', 'missing');
    expect(await assessmentsSeenBy(token, [indirect.employeeId, peer.employeeId])).toEqual([
      [indirect.employeeId, 'seen'],
      [peer.employeeId, 'employee_out_of_scope'],
    ]);
  });
});

// Issue 9: a regional planner keeps codes in their own line of regions; they cannot take one nationwide.
describe('programme codes', () => {
  const create = `mutation ($input: CreateTrainingProgrammeInput!) { createTrainingProgramme(input: $input) { id code } }`;
  const input = (code: string) => ({ code, name: 'Pelatihan Kepemimpinan Pengawas', competency: 'M.5', targetLevel: 3, hours: 24, deliveryMode: 'KLASIKAL' });

  it('two regencies may use the same code; a province above one of them, or the nation, may not', async () => {
    await ensureRealmUser(bantenPlanner);
    const karawang = await h.gql(await h.token('karawang.diklat'), create, { input: input('PKP-1') });
    expect(karawang.errors).toBeUndefined();
    const banten = await h.gql(await h.token(bantenPlanner.username), create, { input: input('PKP-1') });
    expect(banten.errors).toBeUndefined();
    const before = await h.sql<{ n: number }>('select count(*)::int as n from training_programme');
    const province = await h.gql(await h.token('jabar.admin'), create, { input: input('PKP-1') });
    expect(province.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'programme_code_taken' });
    const regencyUnderNational = await h.gql(await h.token('karawang.diklat'), create, { input: input('NAS-M5-L3') });
    expect(regencyUnderNational.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'programme_code_taken' });
    expect(await h.sql('select count(*)::int as n from training_programme')).toEqual(before);
    const rows = await h.sql<{ region_code: string }>("select region_code from training_programme where code = 'PKP-1' order by 1");
    expect(rows.map((row) => row.region_code)).toEqual(['32.15', '36']);
  });
});
