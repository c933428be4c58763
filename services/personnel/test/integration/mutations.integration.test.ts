// Every write path with its bad inputs (issue 3 "Done means"): a clear error, nothing written, no
// outbox event; and the good path writes state and one EmployeeChanged event in the same transaction.
import { EmployeeChange, EmployeeChangedSchema, EmployeeStatus, JenisJabatan, fromBinary } from '@kinerja/proto';
import { topics } from '@kinerja/proto/topics';
import { ensureRealmUser, nationalAdmin } from '@kinerja/kit/testing-keycloak';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hireInput, ids, loadFixtures, nips } from '../support/fixtures.ts';
import { startHarness, type Harness } from '../support/harness.ts';

let h: Harness;

beforeAll(async () => {
  h = await startHarness('personnel_mutations');
  await loadFixtures(h);
  await ensureRealmUser(nationalAdmin);
}, 60_000);
afterAll(() => h?.stop());

/** A fingerprint of everything a mutation could write. */
async function snapshot(): Promise<string> {
  const [row] = await h.sql<{ fingerprint: string }>(`select md5(
    coalesce((select string_agg(e::text, '|' order by e.id) from employee e), '') ||
    coalesce((select string_agg(u::text, '|' order by u.id) from org_unit u), '') ||
    coalesce((select string_agg(p::text, '|' order by p.id) from position p), '') ||
    coalesce((select string_agg(r::text, '|' order by r.region_code) from region_headcount r), '') ||
    coalesce((select string_agg(u::text, '|' order by u.unit_id) from unit_headcount u), '') ||
    (select count(*)::text from outbox_event)) as fingerprint`);
  return row?.fingerprint ?? '';
}

async function outboxCount(): Promise<number> {
  const [row] = await h.sql<{ n: string }>('select count(*) as n from outbox_event');
  return Number(row?.n);
}

const hire = `mutation($input: HireEmployeeInput!) { hireEmployee(input: $input) { id nip name tmtCpns region { code } supervisor { nip } status } }`;
const transfer = `mutation($e: ID!, $u: ID!, $d: String) { transferEmployee(employeeId: $e, unitId: $u, effectiveDate: $d) { id unit { id } region { code } } }`;
const changePosition = `mutation($e: ID!, $p: ID!, $g: String) { changePosition(employeeId: $e, positionId: $p, golongan: $g) { id golongan position { title } } }`;
const setSupervisor = `mutation($e: ID!, $s: ID) { setSupervisor(employeeId: $e, supervisorId: $s) { id supervisor { id } } }`;
const retire = `mutation($e: ID!, $d: String) {
  retireEmployee(employeeId: $e, effectiveDate: $d) { employee { id status } reassignedSubordinates { id } newSupervisor { id } subordinatesLeftWithoutSupervisor }
}`;
const createOrgUnit = `mutation($input: CreateOrgUnitInput!) { createOrgUnit(input: $input) { id name region { code } instansi { id } parent { id } } }`;
const createPosition = `mutation($input: CreatePositionInput!) { createPosition(input: $input) { id title jenisJabatan kelasJabatan } }`;

const validHire = {
  ...hireInput,
  supervisorId: ids.atasan,
  effectiveDate: '2025-01-02',
};
const unknownId = '00000000-0000-4000-8000-00000000ffff';

interface BadCase {
  name: string;
  user: string;
  query: string;
  variables: Record<string, unknown>;
  code: string;
  reason?: string;
}

const badCases: BadCase[] = [
  { name: 'hire: NIP of 17 digits', user: 'karawang.admin', query: hire, variables: { input: { ...validHire, nip: '19950817202012200' } }, code: 'BAD_USER_INPUT', reason: 'invalid_nip' },
  { name: 'hire: NIP with an impossible birth date', user: 'karawang.admin', query: hire, variables: { input: { ...validHire, nip: '199502302020122002', birthDate: '1995-02-28' } }, code: 'BAD_USER_INPUT', reason: 'nip_birth_date_invalid' },
  { name: 'hire: birth date differs from the NIP', user: 'karawang.admin', query: hire, variables: { input: { ...validHire, birthDate: '1995-08-18' } }, code: 'BAD_USER_INPUT', reason: 'nip_birth_date_mismatch' },
  { name: 'hire: gender differs from the NIP', user: 'karawang.admin', query: hire, variables: { input: { ...validHire, gender: 'MALE' } }, code: 'BAD_USER_INPUT', reason: 'nip_gender_mismatch' },
  { name: 'hire: TMT before birth', user: 'karawang.admin', query: hire, variables: { input: { ...validHire, nip: '199508171990122002' } }, code: 'BAD_USER_INPUT', reason: 'nip_tmt_before_birth' },
  { name: 'hire: PNS with a PPPK golongan', user: 'karawang.admin', query: hire, variables: { input: { ...validHire, golongan: 'IX' } }, code: 'BAD_USER_INPUT', reason: 'invalid_golongan' },
  { name: 'hire: PPPK with a PNS golongan', user: 'karawang.admin', query: hire, variables: { input: { ...validHire, employmentType: 'PPPK', golongan: 'III/a' } }, code: 'BAD_USER_INPUT', reason: 'invalid_golongan' },
  { name: 'hire: unknown gender value', user: 'karawang.admin', query: hire, variables: { input: { ...validHire, gender: 'X' } }, code: 'BAD_USER_INPUT' },
  { name: 'hire: empty name', user: 'karawang.admin', query: hire, variables: { input: { ...validHire, name: ' ' } }, code: 'BAD_USER_INPUT', reason: 'invalid_name' },
  { name: 'hire: bad effective date', user: 'karawang.admin', query: hire, variables: { input: { ...validHire, effectiveDate: '2025-13-01' } }, code: 'BAD_USER_INPUT', reason: 'invalid_effective_date' },
  { name: 'hire: unit outside the admin region', user: 'karawang.admin', query: hire, variables: { input: { ...validHire, unitId: ids.unitBandung, supervisorId: null } }, code: 'FORBIDDEN', reason: 'region_out_of_scope' },
  { name: 'hire: unknown unit', user: 'karawang.admin', query: hire, variables: { input: { ...validHire, unitId: unknownId } }, code: 'BAD_USER_INPUT', reason: 'unit_not_found' },
  { name: 'hire: malformed unit id', user: 'karawang.admin', query: hire, variables: { input: { ...validHire, unitId: 'unit-1' } }, code: 'BAD_USER_INPUT', reason: 'invalid_id' },
  { name: 'hire: unknown position', user: 'karawang.admin', query: hire, variables: { input: { ...validHire, positionId: unknownId } }, code: 'BAD_USER_INPUT', reason: 'position_not_found' },
  { name: 'hire: supervisor outside the admin region', user: 'karawang.admin', query: hire, variables: { input: { ...validHire, supervisorId: ids.bandung } }, code: 'BAD_USER_INPUT', reason: 'supervisor_not_found' },
  { name: 'hire: NIP already registered', user: 'karawang.admin', query: hire, variables: { input: { ...validHire, nip: nips.pegawai, birthDate: '1990-01-15' } }, code: 'CONFLICT', reason: 'nip_taken' },
  { name: 'hire: by a pegawai', user: 'karawang.pegawai', query: hire, variables: { input: validHire }, code: 'FORBIDDEN', reason: 'missing_role' },
  { name: 'hire: by an analis', user: 'jabar.analis', query: hire, variables: { input: validHire }, code: 'FORBIDDEN', reason: 'missing_role' },
  { name: 'transfer: employee outside the admin region', user: 'karawang.admin', query: transfer, variables: { e: ids.bandung, u: ids.unitKarawang }, code: 'NOT_FOUND', reason: 'employee_not_found' },
  { name: 'transfer: target unit outside the admin region', user: 'karawang.admin', query: transfer, variables: { e: ids.pegawai, u: ids.unitJabar }, code: 'FORBIDDEN', reason: 'region_out_of_scope' },
  { name: 'transfer: to the same unit', user: 'karawang.admin', query: transfer, variables: { e: ids.pegawai, u: ids.unitKarawangDinas }, code: 'BAD_USER_INPUT', reason: 'same_unit' },
  { name: 'transfer: unknown unit', user: 'karawang.admin', query: transfer, variables: { e: ids.pegawai, u: unknownId }, code: 'BAD_USER_INPUT', reason: 'unit_not_found' },
  { name: 'transfer: malformed employee id', user: 'karawang.admin', query: transfer, variables: { e: '42', u: ids.unitKarawang }, code: 'BAD_USER_INPUT', reason: 'invalid_id' },
  { name: 'changePosition: unknown position', user: 'karawang.admin', query: changePosition, variables: { e: ids.pegawai, p: unknownId }, code: 'BAD_USER_INPUT', reason: 'position_not_found' },
  { name: 'changePosition: PNS golongan for a PPPK', user: 'karawang.admin', query: changePosition, variables: { e: ids.pppk, p: ids.positionAnalis, g: 'III/a' }, code: 'BAD_USER_INPUT', reason: 'invalid_golongan' },
  { name: 'changePosition: nothing changes', user: 'karawang.admin', query: changePosition, variables: { e: ids.pegawai, p: ids.positionPelaksana }, code: 'BAD_USER_INPUT', reason: 'no_change' },
  { name: 'changePosition: by jabar.admin for a Banten employee', user: 'jabar.admin', query: changePosition, variables: { e: ids.banten, p: ids.positionKepala }, code: 'NOT_FOUND', reason: 'employee_not_found' },
  { name: 'setSupervisor: a cycle (head under the pegawai)', user: 'karawang.admin', query: setSupervisor, variables: { e: ids.head, s: ids.pegawai }, code: 'BAD_USER_INPUT', reason: 'supervisor_cycle' },
  { name: 'setSupervisor: a cycle two levels down', user: 'karawang.admin', query: setSupervisor, variables: { e: ids.atasan, s: ids.indirect }, code: 'BAD_USER_INPUT', reason: 'supervisor_cycle' },
  { name: 'setSupervisor: self', user: 'karawang.admin', query: setSupervisor, variables: { e: ids.pegawai, s: ids.pegawai }, code: 'BAD_USER_INPUT', reason: 'self_supervisor' },
  { name: 'setSupervisor: supervisor outside the region', user: 'karawang.admin', query: setSupervisor, variables: { e: ids.pegawai, s: ids.jabar }, code: 'BAD_USER_INPUT', reason: 'supervisor_not_found' },
  { name: 'setSupervisor: unchanged', user: 'karawang.admin', query: setSupervisor, variables: { e: ids.pegawai, s: ids.atasan }, code: 'BAD_USER_INPUT', reason: 'no_change' },
  { name: 'retire: bad date', user: 'karawang.admin', query: retire, variables: { e: ids.pegawai, d: '31-12-2025' }, code: 'BAD_USER_INPUT', reason: 'invalid_effective_date' },
  { name: 'retire: before birth', user: 'karawang.admin', query: retire, variables: { e: ids.pegawai, d: '1980-01-01' }, code: 'BAD_USER_INPUT', reason: 'invalid_effective_date' },
  { name: 'retire: by an auditor', user: 'nasional.auditor', query: retire, variables: { e: ids.pegawai }, code: 'FORBIDDEN', reason: 'missing_role' },
  { name: 'createOrgUnit: unknown region', user: 'karawang.admin', query: createOrgUnit, variables: { input: { name: 'Dinas Baru', regionCode: '32.99' } }, code: 'BAD_USER_INPUT', reason: 'region_not_found' },
  { name: 'createOrgUnit: outside the admin region', user: 'karawang.admin', query: createOrgUnit, variables: { input: { name: 'Dinas Baru', regionCode: '32.04' } }, code: 'FORBIDDEN', reason: 'region_out_of_scope' },
  { name: 'createOrgUnit: unknown parent', user: 'karawang.admin', query: createOrgUnit, variables: { input: { name: 'Dinas Baru', regionCode: '32.15', parentId: unknownId } }, code: 'BAD_USER_INPUT', reason: 'parent_not_found' },
  { name: 'createOrgUnit: region outside the parent', user: 'jabar.admin', query: createOrgUnit, variables: { input: { name: 'UPTD', regionCode: '32.04', parentId: ids.unitKarawang } }, code: 'BAD_USER_INPUT', reason: 'region_outside_parent' },
  { name: 'createOrgUnit: name too short', user: 'karawang.admin', query: createOrgUnit, variables: { input: { name: 'X', regionCode: '32.15' } }, code: 'BAD_USER_INPUT', reason: 'invalid_name' },
  { name: 'createPosition: kelas 18', user: 'karawang.admin', query: createPosition, variables: { input: { title: 'Analis', jenisJabatan: 'AHLI_MUDA', kelasJabatan: 18 } }, code: 'BAD_USER_INPUT', reason: 'invalid_kelas_jabatan' },
  { name: 'createPosition: unknown jenis jabatan', user: 'karawang.admin', query: createPosition, variables: { input: { title: 'Analis', jenisJabatan: 'AHLI_SUPER', kelasJabatan: 9 } }, code: 'BAD_USER_INPUT' },
  // Issue 9: the position catalogue is national; a regional admin cannot add to it.
  { name: 'createPosition: by a regency admin', user: 'karawang.admin', query: createPosition, variables: { input: { title: 'Analis', jenisJabatan: 'AHLI_MUDA', kelasJabatan: 9 } }, code: 'FORBIDDEN', reason: 'national_scope_required' },
  { name: 'createPosition: by a provincial admin', user: 'jabar.admin', query: createPosition, variables: { input: { title: 'Analis', jenisJabatan: 'AHLI_MUDA', kelasJabatan: 9 } }, code: 'FORBIDDEN', reason: 'national_scope_required' },
  { name: 'createPosition: by a pegawai', user: 'karawang.pegawai', query: createPosition, variables: { input: { title: 'Analis', jenisJabatan: 'AHLI_MUDA', kelasJabatan: 9 } }, code: 'FORBIDDEN', reason: 'missing_role' },
];

describe('bad inputs: a clear error, nothing written, no event', () => {
  let before: string;
  beforeEach(async () => {
    before = await snapshot();
  });

  it.each(badCases)('$name → $code $reason', async ({ user, query, variables, code, reason }) => {
    const result = await h.gql(await h.token(user), query, variables);
    expect(result.data?.[Object.keys(result.data ?? {})[0] ?? ''] ?? null).toBeNull();
    const error = result.errors?.[0];
    expect(error?.extensions?.['code']).toBe(code);
    if (reason) expect(error?.extensions?.['reason']).toBe(reason);
    expect(error?.message.length).toBeGreaterThan(5);
    expect(await snapshot()).toBe(before);
  });
});

async function lastEvent() {
  const [row] = await h.sql<{ topic: string; key: string; type: string; schema_version: number; payload: Buffer }>(
    'select topic, key, type, schema_version, payload from outbox_event order by seq desc limit 1',
  );
  if (!row) throw new Error('no outbox event');
  return { ...row, message: fromBinary(EmployeeChangedSchema, new Uint8Array(row.payload)) };
}

describe('good paths write the state and one EmployeeChanged event together', () => {
  let hiredId: string;

  it('hires, with a HIRED snapshot on personnel.employee.v1 keyed by the employee id', async () => {
    const before = await outboxCount();
    const result = await h.gql(await h.token('karawang.admin'), hire, { input: validHire });
    expect(result.errors).toBeUndefined();
    const hired = result.data?.['hireEmployee'] as { id: string; tmtCpns: string; region: { code: string }; supervisor: { nip: string }; status: string };
    hiredId = hired.id;
    expect(hired).toMatchObject({ tmtCpns: '2020-12', region: { code: '32.15' }, supervisor: { nip: nips.atasan }, status: 'ACTIVE' });
    expect(await outboxCount()).toBe(before + 1);
    const event = await lastEvent();
    expect(event).toMatchObject({ topic: topics.personnelEmployee, key: hiredId, type: 'EmployeeHired', schema_version: 1 });
    expect(event.message).toMatchObject({
      change: EmployeeChange.HIRED,
      employeeId: hiredId,
      nip: validHire.nip,
      birthDate: '1995-08-17',
      golongan: 'III/a',
      unitId: ids.unitKarawangDinas,
      instansiId: ids.unitKarawang,
      regionCode: '32.15',
      supervisorId: ids.atasan,
      status: EmployeeStatus.ACTIVE,
      effectiveDate: '2025-01-02',
      actor: 'karawang.admin',
      position: { positionId: ids.positionAnalis, jenisJabatan: JenisJabatan.AHLI_PERTAMA, kelasJabatan: 8 },
    });
    expect(event.message.eventId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('hires a PPPK whose NIP carries the appointment year and 21', async () => {
    const result = await h.gql(await h.token('karawang.admin'), hire, {
      input: { ...validHire, nip: '199611112023212001', birthDate: '1996-11-11', employmentType: 'PPPK', golongan: 'IX', supervisorId: null },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.['hireEmployee']).toMatchObject({ tmtCpns: null, supervisor: null });
  });

  it('transfers within the region (jabar.admin may move a Karawang employee to the province)', async () => {
    const result = await h.gql(await h.token('jabar.admin'), transfer, { e: hiredId, u: ids.unitJabar, d: '2025-02-01' });
    expect(result.errors).toBeUndefined();
    expect(result.data?.['transferEmployee']).toMatchObject({ unit: { id: ids.unitJabar }, region: { code: '32' } });
    expect((await lastEvent()).message).toMatchObject({ change: EmployeeChange.TRANSFERRED, regionCode: '32', unitId: ids.unitJabar, instansiId: ids.unitJabar });
    // karawang.admin no longer reaches the employee.
    const refused = await h.gql(await h.token('karawang.admin'), retire, { e: hiredId });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('changes position and golongan', async () => {
    const result = await h.gql(await h.token('jabar.admin'), changePosition, { e: hiredId, p: ids.positionKepala, g: 'IV/a' });
    expect(result.data?.['changePosition']).toMatchObject({ golongan: 'IV/a', position: { title: 'Kepala Badan' } });
    expect((await lastEvent()).message).toMatchObject({ change: EmployeeChange.POSITION_CHANGED, golongan: 'IV/a', position: { kelasJabatan: 14 } });
  });

  it('sets and clears a supervisor', async () => {
    const set = await h.gql(await h.token('jabar.admin'), setSupervisor, { e: hiredId, s: ids.jabar });
    expect(set.data?.['setSupervisor']).toMatchObject({ supervisor: { id: ids.jabar } });
    expect((await lastEvent()).message).toMatchObject({ change: EmployeeChange.SUPERVISOR_SET, supervisorId: ids.jabar });
    const cleared = await h.gql(await h.token('jabar.admin'), setSupervisor, { e: hiredId, s: null });
    expect(cleared.data?.['setSupervisor']).toMatchObject({ supervisor: null });
    expect((await lastEvent()).message.supervisorId).toBeUndefined();
  });

  it('retires, and a retired employee cannot be changed or retired again', async () => {
    const result = await h.gql(await h.token('jabar.admin'), retire, { e: hiredId, d: '2025-03-31' });
    expect(result.data?.['retireEmployee']).toMatchObject({ employee: { status: 'RETIRED' }, reassignedSubordinates: [], newSupervisor: null, subordinatesLeftWithoutSupervisor: false });
    expect((await lastEvent()).message).toMatchObject({ change: EmployeeChange.RETIRED, status: EmployeeStatus.RETIRED, effectiveDate: '2025-03-31' });
    const before = await snapshot();
    const again = await h.gql(await h.token('jabar.admin'), retire, { e: hiredId });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'already_retired' });
    const moved = await h.gql(await h.token('jabar.admin'), transfer, { e: hiredId, u: ids.unitKarawang });
    expect(moved.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'employee_retired' });
    expect(await snapshot()).toBe(before);
  });

  it('creates an instansi and a unit under it (regency admin) and a position (national admin); no events: not employee changes', async () => {
    const before = await outboxCount();
    const token = await h.token('karawang.admin');
    const instansi = await h.gql(token, createOrgUnit, { input: { name: 'Sekretariat DPRD', regionCode: '32.15' } });
    const instansiId = (instansi.data?.['createOrgUnit'] as { id: string }).id;
    expect(instansi.data?.['createOrgUnit']).toMatchObject({ region: { code: '32.15' }, instansi: { id: instansiId }, parent: null });
    const unit = await h.gql(token, createOrgUnit, { input: { name: 'Bagian Umum', regionCode: '32.15', parentId: instansiId } });
    expect(unit.data?.['createOrgUnit']).toMatchObject({ instansi: { id: instansiId }, parent: { id: instansiId } });
    const position = await h.gql(await h.token('nasional.admin'), createPosition, { input: { title: 'Pranata Komputer Ahli Muda', jenisJabatan: 'AHLI_MUDA', kelasJabatan: 9 } });
    expect(position.data?.['createPosition']).toMatchObject({ jenisJabatan: 'AHLI_MUDA', kelasJabatan: 9 });
    expect(await outboxCount()).toBe(before);
  });
});
