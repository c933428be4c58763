// Issue 12 "Rules" exceptions in the monthly run, with real Kafka, PostgreSQL and Keycloak (DOMAIN.md
// "TPP"): "a Plt receives a share (e.g. 20%) of the Plt position's TPP", "disciplinary sanctions
// (Permentan 68/2012: ringan 20/30/40% for 1/2/3 months …)", "the position held on the 15th decides the
// month". Personnel's events carry the position with its TMT (effective_date) but no Plt or sanction, so the
// admin records those (recordPltAssignment, recordDisciplinarySanction); every refusal changes nothing.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TPP_RULE } from '../../src/domain/default-rules.ts';
import { startHarness, type Harness } from '../support/harness.ts';
import { publishEmployee, publishPredikat, type TestEmployee } from '../support/events.ts';
import { ruleInput } from '../support/rule-input.ts';

let harness: Harness;
let admin: string;
const run = randomUUID().slice(0, 8);
const INSTANSI = `inst-plt-${run}`;
const MONTH = '2026-08';
const person = (name: string, i: number, kelasJabatan: number): TestEmployee => ({
  employeeId: `emp-${name}-${run}`, nip: `19800101200501100${i}`, name, regionCode: '32.15', instansiId: INSTANSI, unitId: `unit-${run}`, golongan: 'III/a', kelasJabatan,
});
// Promoted from kelas 9 to 12 with TMT 2026-08-10 (before the 15th) and 2026-08-20 (after it).
const rina = person('rina', 1, 9);
const dodi = person('dodi', 2, 9);
const eko = person('eko', 3, 9);

const PLT = `mutation($input: PltAssignmentInput!) { recordPltAssignment(input: $input) { id employeeId instansiId positionTitle kelasJabatan startDate endDate decisionReference recordedBy } }`;
const SANCTION = `mutation($input: DisciplinarySanctionInput!) { recordDisciplinarySanction(input: $input) { id code label reductionBasisPoints months fromMonth untilMonth decisionReference recordedBy } }`;
const TPP = `query($r: [_Any!]!, $m: String!) { _entities(representations: $r) { ... on Employee { tpp(month: $m) {
  gross version stale reason lines { kind code amount source rateBasisPoints } } } } }`;

interface Slip {
  gross: number;
  version: number;
  stale: boolean;
  reason: string;
  lines: { kind: string; code: string | null; amount: number; source: string; rateBasisPoints: number | null }[];
}

const pltInput = (overrides: Record<string, unknown> = {}) => ({
  employeeId: eko.employeeId, positionTitle: 'Plt. Kepala Bidang Anggaran', kelasJabatan: 15, jenisJabatan: 'ADMINISTRATOR',
  startDate: '2026-08-01', endDate: '2026-09-30', decisionReference: 'SPT 800/112/BKPSDM/2026', ...overrides,
});
const sanctionInput = (overrides: Record<string, unknown> = {}) => ({ employeeId: eko.employeeId, code: 'RINGAN_1', fromMonth: MONTH, decisionReference: 'SK 862/45/BKPSDM/2026', ...overrides });

async function slip(employee: TestEmployee): Promise<Slip> {
  const result = await harness.gql(admin, TPP, { r: [{ __typename: 'Employee', id: employee.employeeId }], m: MONTH });
  expect(result.errors).toBeUndefined();
  return (result.data?.['_entities'] as { tpp: Slip }[])[0]!.tpp;
}

async function computeAndWait(reason?: string, month = MONTH) {
  const started = await harness.gql(admin, `mutation($i: ID!, $m: String!, $r: String) { computeTpp(instansiId: $i, month: $m, reason: $r) { id } }`, { i: INSTANSI, m: month, r: reason ?? null });
  expect(started.errors).toBeUndefined();
  const id = (started.data?.['computeTpp'] as { id: string }).id;
  for (let i = 0; i < 300; i += 1) {
    const polled = await harness.gql(admin, `query($id: ID!) { tppRun(id: $id) { status changed error } }`, { id });
    const state = polled.data?.['tppRun'] as { status: string; changed: number; error: string | null };
    if (state.status !== 'RUNNING') return state;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('run did not finish');
}

const recorded = async () => ({
  plt: await harness.sql(`select "id", "start_date", "end_date" from "plt_assignment" order by "id"`),
  sanctions: await harness.sql(`select "id", "code", "from_month" from "disciplinary_sanction" order by "id"`),
});

beforeAll(async () => {
  harness = await startHarness('remuneration_plt', { consume: true });
  admin = await harness.token('karawang.admin');
  for (const employee of [rina, dodi, eko]) {
    await harness.processed(await publishEmployee(harness.producer, employee, { effectiveDate: '2025-01-01' }));
    await harness.processed(await publishPredikat(harness.producer, { employeeId: employee.employeeId, year: 2026, period: 'ANNUAL', periodStart: '2026-01-01', periodEnd: '2026-12-31', predikat: 'BAIK' }));
  }
  await harness.processed(await publishEmployee(harness.producer, { ...rina, kelasJabatan: 12 }, { effectiveDate: '2026-08-10' }));
  await harness.processed(await publishEmployee(harness.producer, { ...dodi, kelasJabatan: 12 }, { effectiveDate: '2026-08-20' }));
  const rule = { ...DEFAULT_TPP_RULE, baseAmounts: [...DEFAULT_TPP_RULE.baseAmounts, { kelasJabatan: 9, amount: 6_000_000 }, { kelasJabatan: 12, amount: 10_000_000 }] };
  const set = await harness.gql(admin, `mutation($input: SetTppRuleInput!) { setTppRule(input: $input) { id } }`, {
    input: { instansiId: INSTANSI, effectiveFrom: '2026-01', legalBasis: 'Perbup uji', rule: ruleInput(rule) },
  });
  expect(set.errors).toBeUndefined();
});

afterAll(async () => {
  await harness?.stop();
});

describe('Plt assignments and disciplinary sanctions recorded by the admin', () => {
  it('records a Plt assignment with its dates and decision', async () => {
    const result = await harness.gql(admin, PLT, { input: pltInput() });
    expect(result.errors).toBeUndefined();
    expect(result.data?.['recordPltAssignment']).toMatchObject({ employeeId: eko.employeeId, instansiId: INSTANSI, kelasJabatan: 15, startDate: '2026-08-01', endDate: '2026-09-30', decisionReference: 'SPT 800/112/BKPSDM/2026', recordedBy: 'karawang.admin' });
  });

  it.each([
    ['a malformed date', { startDate: '2026-8-1' }, 'BAD_USER_INPUT', 'invalid_date'],
    ['an end before the start', { startDate: '2026-10-10', endDate: '2026-10-01' }, 'BAD_USER_INPUT', 'invalid_date_range'],
    ['kelas jabatan 0', { kelasJabatan: 0 }, 'BAD_USER_INPUT', 'invalid_kelas_jabatan'],
    ['kelas jabatan 18', { kelasJabatan: 18 }, 'BAD_USER_INPUT', 'invalid_kelas_jabatan'],
    ['no position title', { positionTitle: '  ' }, 'BAD_USER_INPUT', 'invalid_position_title'],
    ['no decision reference', { decisionReference: ' ' }, 'BAD_USER_INPUT', 'invalid_decision_reference'],
    ['an unknown employee', { employeeId: 'emp-nobody' }, 'NOT_FOUND', 'unknown_employee'],
    ['an assignment overlapping the recorded one', { startDate: '2026-09-15', endDate: '2026-12-31' }, 'CONFLICT', 'overlapping_plt'],
  ])('recordPltAssignment refuses %s and records nothing', async (_what, overrides, code, reason) => {
    const before = await recorded();
    const result = await harness.gql(admin, PLT, { input: pltInput(overrides) });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code, reason });
    expect(result.errors?.[0]?.message).toMatch(/[a-z]/);
    expect(await recorded()).toEqual(before);
  });

  it.each([
    ['a pegawai', 'karawang.pegawai', 'not_admin'],
    ['an analis', 'jabar.analis', 'not_admin'],
  ])('only an admin-kepegawaian of the instansi records: %s is refused and nothing changes', async (_who, username, reason) => {
    const before = await recorded();
    const token = await harness.token(username);
    expect((await harness.gql(token, PLT, { input: pltInput({ startDate: '2027-01-01', endDate: '2027-01-31' }) })).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason });
    expect((await harness.gql(token, SANCTION, { input: sanctionInput({ fromMonth: '2027-01' }) })).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason });
    expect(await recorded()).toEqual(before);
  });

  it.each([
    ['a code the rule does not have', { code: 'TEGURAN_LISAN' }, 'BAD_USER_INPUT', 'unknown_sanction'],
    ['a malformed month', { fromMonth: '2026-13' }, 'BAD_USER_INPUT', 'invalid_month'],
    ['no decision reference', { decisionReference: '' }, 'BAD_USER_INPUT', 'invalid_decision_reference'],
    ['an unknown employee', { employeeId: 'emp-nobody' }, 'NOT_FOUND', 'unknown_employee'],
  ])('recordDisciplinarySanction refuses %s and records nothing', async (_what, overrides, code, reason) => {
    const before = await recorded();
    const result = await harness.gql(admin, SANCTION, { input: sanctionInput(overrides) });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code, reason });
    expect(await recorded()).toEqual(before);
  });

  it('a month already locked cannot get a Plt or a sanction', async () => {
    expect(await computeAndWait(undefined, '2026-05')).toMatchObject({ status: 'DONE' });
    const lock = await harness.gql(admin, `mutation($i: ID!) { lockTppMonth(instansiId: $i, month: "2026-05") { locked } }`, { i: INSTANSI });
    expect(lock.errors).toBeUndefined();
    const before = await recorded();
    expect((await harness.gql(admin, PLT, { input: pltInput({ startDate: '2026-05-01', endDate: '2026-05-31' }) })).errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'month_locked' });
    // RINGAN_3 lasts 3 months (2026-03…05): its last month is locked.
    expect((await harness.gql(admin, SANCTION, { input: sanctionInput({ code: 'RINGAN_3', fromMonth: '2026-03' }) })).errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'month_locked' });
    expect(await recorded()).toEqual(before);
  });

  it('the run bases each month on the position held on the 15th and pays the Plt supplement as its own line', async () => {
    expect(await computeAndWait()).toMatchObject({ status: 'DONE', changed: 3, error: null });
    // TMT 2026-08-10: August is kelas 12 (Rp 10,000,000); TMT 2026-08-20: August is still kelas 9 (Rp 6,000,000).
    expect((await slip(rina)).lines.find((l) => l.kind === 'BASE')).toMatchObject({ amount: 10_000_000 });
    expect((await slip(rina)).gross).toBe(10_000_000);
    expect((await slip(dodi)).lines.find((l) => l.kind === 'BASE')).toMatchObject({ amount: 6_000_000 });
    const ekoSlip = await slip(eko);
    // Own 6,000,000 + 20% of kelas 15's Rp 17,019,369 = 3,403,873.8 → 9,403,874.
    expect(ekoSlip.lines.find((l) => l.kind === 'PLT_SUPPLEMENT')).toMatchObject({ code: 'PLT', amount: 3_403_874, rateBasisPoints: 2_000, source: 'penugasan Plt Plt. Kepala Bidang Anggaran (SPT 800/112/BKPSDM/2026)' });
    expect(ekoSlip.gross).toBe(9_403_874);
  });

  it('a sanction recorded after computing marks the slip stale; the recomputation is version 2 with its line and reason', async () => {
    const result = await harness.gql(admin, SANCTION, { input: sanctionInput() });
    expect(result.errors).toBeUndefined();
    expect(result.data?.['recordDisciplinarySanction']).toMatchObject({ code: 'RINGAN_1', reductionBasisPoints: 2_000, months: 1, fromMonth: MONTH, untilMonth: MONTH, decisionReference: 'SK 862/45/BKPSDM/2026', recordedBy: 'karawang.admin' });
    expect((await slip(eko)).stale).toBe(true);
    const duplicate = await harness.gql(admin, SANCTION, { input: sanctionInput() });
    expect(duplicate.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'duplicate_sanction' });

    expect(await computeAndWait('SK hukuman disiplin')).toMatchObject({ status: 'DONE', changed: 1 });
    const ekoSlip = await slip(eko);
    // 9,403,873.8 × (1 − 20%) = 7,523,099.04 → 7,523,099.
    expect(ekoSlip).toMatchObject({ version: 2, stale: false, gross: 7_523_099, reason: 'Dihitung ulang: sanksi disiplin berubah; SK hukuman disiplin' });
    expect(ekoSlip.lines.find((l) => l.kind === 'EXCEPTION')).toMatchObject({ code: 'RINGAN_1', rateBasisPoints: 2_000, amount: -1_880_775, source: 'sanksi SK 862/45/BKPSDM/2026 2026-08 s.d. 2026-08' });
  });
});
