// Issue 12 "Done means", end to end with real Kafka and PostgreSQL: inputs arrive as real protobuf events
// on the real topics (a late check-in and an approved cuti besar in attendance's recap, a predikat from
// performance), computeTpp runs as a job with progress, each statement's lines name their sources, a
// correction after computing makes version 2 with the reason, the month locks and nothing changes after
// the lock; TppComputed per version in the outbox, summaries equal a recount, the payroll export's totals
// equal the summary's; a run cut off after one batch resumes without double lines.
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TppComputedSchema, fromBinary } from '@kinerja/proto';
import { processRunBatch, startTppRun } from '../../src/commands/compute-tpp.ts';
import { DEFAULT_TPP_RULE } from '../../src/domain/default-rules.ts';
import { startHarness, type Harness } from '../support/harness.ts';
import { publishEmployee, publishPredikat, publishRecap, type TestEmployee } from '../support/events.ts';
import { ruleInput } from '../support/rule-input.ts';

let harness: Harness;
let admin: string;
const run = randomUUID().slice(0, 8);
const INSTANSI = `inst-tpp-${run}`;
const MONTH = '2026-08';
const unit = (name: string) => `unit-${name}-${run}`;
// The pegawai demo user's NIP, so her own token reads her slip.
const siti: TestEmployee = { employeeId: `emp-siti-${run}`, nip: '199001152015032001', name: 'Siti', regionCode: '32.15', instansiId: INSTANSI, unitId: unit('a'), golongan: 'IV/a', kelasJabatan: 15 };
const budi: TestEmployee = { employeeId: `emp-budi-${run}`, nip: '198501012010011001', name: 'Budi', regionCode: '32.15', instansiId: INSTANSI, unitId: unit('b'), golongan: 'II/b', kelasJabatan: 1 };
const citra: TestEmployee = { employeeId: `emp-citra-${run}`, nip: '198703032012012002', name: 'Citra', regionCode: '32.15', instansiId: INSTANSI, unitId: unit('b'), golongan: 'III/a', kelasJabatan: 9 };
const everyone = [siti, budi, citra];

const TPP = `query($r: [_Any!]!, $m: String!) { _entities(representations: $r) { ... on Employee { tpp(month: $m) {
  gross deductions tax net version ruleVersion locked stale reason computedBy
  lines { kind code count amount days source label } history { version reason gross } } } } }`;
const SUMMARY = `query($r: [_Any!]!, $m: String!) { _entities(representations: $r) { ... on Region { tppSummary(month: $m) { headcountPaid gross deductions tax net averageCutByCause { cause amount } } }
  ... on OrgUnit { tppSummary(month: $m) { headcountPaid gross deductions tax net } } } }`;

interface Slip {
  gross: number;
  deductions: number;
  tax: number;
  net: number;
  version: number;
  locked: boolean;
  stale: boolean;
  reason: string;
  lines: { kind: string; code: string | null; count: number | null; amount: number; days: string[]; source: string }[];
  history: { version: number; reason: string; gross: number }[];
}

async function slip(token: string, employee: TestEmployee, month = MONTH) {
  const result = await harness.gql(token, TPP, { r: [{ __typename: 'Employee', id: employee.employeeId }], m: month });
  return { slip: (result.data?.['_entities'] as ({ tpp: Slip | null } | null)[] | undefined)?.[0]?.tpp ?? null, errors: result.errors };
}

async function computeAndWait(reason?: string, month = MONTH) {
  const started = await harness.gql(admin, `mutation($i: ID!, $m: String!, $r: String) { computeTpp(instansiId: $i, month: $m, reason: $r) { id status total } }`, { i: INSTANSI, m: month, r: reason ?? null });
  expect(started.errors).toBeUndefined();
  const id = (started.data?.['computeTpp'] as { id: string }).id;
  for (let i = 0; i < 300; i += 1) {
    const polled = await harness.gql(admin, `query($id: ID!) { tppRun(id: $id) { status processed total changed error } }`, { id });
    const state = polled.data?.['tppRun'] as { status: string; processed: number; total: number; changed: number; error: string | null };
    if (state.status !== 'RUNNING') return state;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('run did not finish');
}

async function recount(month = MONTH) {
  const [row] = await harness.sql<{ n: string; gross: string; deductions: string; tax: string; net: string }>(
    `select count(*) filter (where "gross" > 0) as n, sum("gross") as gross, sum("deductions") as deductions, sum("tax") as tax, sum("net") as net
     from "tpp_statement" where "instansi_id" = ? and "month" = ? and "current"`,
    [INSTANSI, month],
  );
  return { headcountPaid: Number(row!.n), gross: Number(row!.gross), deductions: Number(row!.deductions), tax: Number(row!.tax), net: Number(row!.net) };
}

async function summaries(month = MONTH) {
  const result = await harness.gql(admin, SUMMARY, { r: [{ __typename: 'Region', code: '32.15' }, { __typename: 'OrgUnit', id: INSTANSI }, { __typename: 'OrgUnit', id: unit('b') }], m: month });
  expect(result.errors).toBeUndefined();
  return (result.data?.['_entities'] as { tppSummary: Record<string, number> }[]).map((e) => e.tppSummary);
}

beforeAll(async () => {
  harness = await startHarness('remuneration_monthly', { consume: true });
  admin = await harness.token('karawang.admin');
  for (const employee of everyone) await harness.processed(await publishEmployee(harness.producer, employee));
  const rule = { ...DEFAULT_TPP_RULE, baseAmounts: [...DEFAULT_TPP_RULE.baseAmounts, { kelasJabatan: 9, amount: 6_000_000 }] };
  const set = await harness.gql(admin, `mutation($input: SetTppRuleInput!) { setTppRule(input: $input) { id } }`, {
    input: { instansiId: INSTANSI, effectiveFrom: '2026-01', legalBasis: 'Perbup uji', rule: ruleInput(rule) },
  });
  expect(set.errors).toBeUndefined();
  await harness.processed(await publishPredikat(harness.producer, { employeeId: siti.employeeId, year: 2026, period: 'Q3', periodStart: '2026-07-01', periodEnd: '2026-09-30', predikat: 'BAIK' }));
  await harness.processed(await publishPredikat(harness.producer, { employeeId: budi.employeeId, year: 2026, period: 'Q3', periodStart: '2026-07-01', periodEnd: '2026-09-30', predikat: 'BUTUH_PERBAIKAN' }));
  await harness.processed(await publishPredikat(harness.producer, { employeeId: citra.employeeId, year: 2026, period: 'Q3', periodStart: '2026-07-01', periodEnd: '2026-09-30', predikat: 'SANGAT_BAIK' }));
  await harness.processed(await publishRecap(harness.producer, { employeeId: siti.employeeId, month: MONTH, counts: [{ code: 'HADIR', count: 18 }, { code: 'TL1', count: 2 }, { code: 'TK', count: 1 }], days: [{ date: '2026-08-12', code: 'TL1', lateMinutes: 14 }, { date: '2026-08-04', code: 'TL1', lateMinutes: 7 }, { date: '2026-08-20', code: 'TK' }] }));
  await harness.processed(await publishRecap(harness.producer, { employeeId: budi.employeeId, month: MONTH, counts: [{ code: 'HADIR', count: 17 }, { code: 'TL4', count: 3 }, { code: 'PSW2', count: 1 }] }));
  await harness.processed(await publishRecap(harness.producer, { employeeId: citra.employeeId, month: MONTH, counts: [{ code: 'HADIR', count: 10 }, { code: 'CUTI_BESAR', count: 11 }], days: [{ date: '2026-08-17', code: 'CUTI_BESAR' }] }));
});

afterAll(async () => {
  await harness?.stop();
});

describe('monthly TPP, end to end', () => {
  it('computes as a job with progress; the slip explains every line with its source', async () => {
    const done = await computeAndWait();
    expect(done).toMatchObject({ status: 'DONE', processed: 3, total: 3, changed: 3, error: null });
    const own = await slip(await harness.token('karawang.pegawai'), siti);
    expect(own.errors).toBeUndefined();
    // DOMAIN.md worked example 1: kelas 15, Baik, TL1 × 2, TK × 1, IV/a.
    expect(own.slip).toMatchObject({ gross: 16_610_904, deductions: 408_464, tax: 2_491_636, net: 14_119_268, version: 1, locked: false, stale: false, reason: 'Perhitungan pertama', computedBy: 'karawang.admin' });
    const tl1 = own.slip!.lines.find((l) => l.code === 'TL1')!;
    expect(tl1).toMatchObject({ kind: 'DEDUCTION', count: 2, amount: -68_077, days: ['2026-08-04', '2026-08-12'], source: 'rekap kehadiran 2026-08 versi 1' });
    expect(own.slip!.lines.find((l) => l.kind === 'PERFORMANCE')!.source).toContain('predikat 2026 Q3');
    const cuti = await slip(admin, citra);
    expect(cuti.slip!.gross).toBe(0);
    expect(cuti.slip!.lines.find((l) => l.kind === 'EXCEPTION')).toMatchObject({ code: 'CUTI_BESAR', days: ['2026-08-17'] });
  });

  it('the employee reads only her own slip; an admin of the region reads any; another region is refused', async () => {
    const pegawai = await harness.token('karawang.pegawai');
    expect((await slip(pegawai, budi)).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'employee_out_of_scope' });
    expect((await slip(admin, budi)).slip!.gross).toBe(741_028);
    expect((await slip(await harness.token('banten.analis'), budi)).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('publishes TppComputed per statement version through the outbox', async () => {
    const events = await harness.sql<{ key: string; payload: Uint8Array }>(`select "key", "payload" from "outbox_event" where "topic" = 'remuneration.tpp.v1' and "type" = 'TppComputed' and "key" = ?`, [siti.employeeId]);
    expect(events).toHaveLength(1);
    expect(fromBinary(TppComputedSchema, events[0]!.payload)).toMatchObject({ employeeId: siti.employeeId, instansiId: INSTANSI, month: MONTH, version: 1, gross: 16_610_904n, tax: 2_491_636n, net: 14_119_268n, regionCode: '32.15' });
  });

  it('summaries equal a recount; the payroll CSV and XLSX totals equal the summary', async () => {
    const [region, instansi, unitB] = await summaries();
    const expected = await recount();
    expect(region).toMatchObject(expected);
    expect(instansi).toMatchObject(expected);
    expect(unitB!['headcountPaid']).toBe(1);
    const csv = await fetch(`${harness.server.url.replace(/\/graphql$/, '')}/exports/tpp-payroll.csv?instansiId=${INSTANSI}&month=${MONTH}`, { headers: { authorization: `Bearer ${admin}` } });
    expect(csv.status).toBe(200);
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines).toHaveLength(1 + 3 + 1);
    const header = lines[0]!.split(',');
    const total = lines.at(-1)!.split(',');
    for (const [column, value] of [['Bruto', expected.gross], ['Jumlah Potongan', expected.deductions], ['PPh 21', expected.tax], ['Neto', expected.net]] as const) {
      expect(Number(total[header.indexOf(column)])).toBe(value);
    }
    const xlsx = await fetch(`${harness.server.url.replace(/\/graphql$/, '')}/exports/tpp-payroll.xlsx?instansiId=${INSTANSI}&month=${MONTH}`, { headers: { authorization: `Bearer ${admin}` } });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    const sheet = workbook.getWorksheet('TPP')!;
    const headerRow = sheet.getRow(1).values as unknown[];
    const totalRow = sheet.getRow(sheet.rowCount).values as unknown[];
    expect(totalRow[headerRow.indexOf('Neto')]).toBe(expected.net);
    const pegawai = await fetch(`${harness.server.url.replace(/\/graphql$/, '')}/exports/tpp-payroll.csv?instansiId=${INSTANSI}&month=${MONTH}`, { headers: { authorization: `Bearer ${await harness.token('karawang.pegawai')}` } });
    expect(pegawai.status).toBe(403);
  });

  it('a rerun with unchanged inputs makes no new version', async () => {
    expect(await computeAndWait()).toMatchObject({ status: 'DONE', changed: 0 });
    expect((await slip(admin, siti)).slip!.version).toBe(1);
  });

  it('a corrected recap marks the slip stale; the recomputation is version 2 with the reason; history stays', async () => {
    await harness.processed(await publishRecap(harness.producer, { employeeId: siti.employeeId, month: MONTH, version: 2, reason: 'moderasi: TK menjadi dinas luar', counts: [{ code: 'HADIR', count: 18 }, { code: 'TL1', count: 2 }, { code: 'DINAS_LUAR', count: 1 }], days: [{ date: '2026-08-12', code: 'TL1' }, { date: '2026-08-04', code: 'TL1' }] }));
    expect((await slip(admin, siti)).slip).toMatchObject({ version: 1, stale: true });
    const refused = await harness.gql(admin, `mutation($i: ID!, $m: String!) { lockTppMonth(instansiId: $i, month: $m) { locked } }`, { i: INSTANSI, m: MONTH });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'stale_statements' });
    expect(await computeAndWait('koreksi rekap Agustus')).toMatchObject({ status: 'DONE', changed: 1 });
    const corrected = (await slip(admin, siti)).slip!;
    // Without the TK: 10,211,621.4 + 6,807,747.6 − 68,077.476 = 16,951,291.524 → 16,951,292.
    expect(corrected).toMatchObject({ version: 2, stale: false, gross: 16_951_292 });
    expect(corrected.reason).toBe('Dihitung ulang: rekap kehadiran baru (recap-v2); koreksi rekap Agustus');
    expect(corrected.history.map((h) => [h.version, h.gross])).toEqual([[2, 16_951_292], [1, 16_610_904]]);
    const [region] = await summaries();
    expect(region).toMatchObject(await recount());
    const events = await harness.sql(`select 1 from "outbox_event" where "type" = 'TppComputed' and "key" = ?`, [siti.employeeId]);
    expect(events).toHaveLength(2);
  });

  it('after the lock nothing changes; a reopen needs a reason and is recorded', async () => {
    const lock = await harness.gql(admin, `mutation($i: ID!, $m: String!) { lockTppMonth(instansiId: $i, month: $m) { locked history { action actor } } }`, { i: INSTANSI, m: MONTH });
    expect(lock.data?.['lockTppMonth']).toMatchObject({ locked: true, history: [{ action: 'LOCK', actor: 'karawang.admin' }] });
    const runsBefore = await harness.sql(`select "id" from "tpp_run"`);
    const computeLocked = await harness.gql(admin, `mutation($i: ID!, $m: String!) { computeTpp(instansiId: $i, month: $m) { id } }`, { i: INSTANSI, m: MONTH });
    expect(computeLocked.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'month_locked' });
    expect(await harness.sql(`select "id" from "tpp_run"`)).toEqual(runsBefore);
    // Late data after the lock only marks the slip stale; the paid version stays.
    await harness.processed(await publishRecap(harness.producer, { employeeId: siti.employeeId, month: MONTH, version: 3, counts: [{ code: 'TK', count: 3 }] }));
    expect((await slip(admin, siti)).slip).toMatchObject({ version: 2, locked: true, stale: true, gross: 16_951_292 });
    const noReason = await harness.gql(admin, `mutation($i: ID!, $m: String!) { reopenTppMonth(instansiId: $i, month: $m, reason: " ") { locked } }`, { i: INSTANSI, m: MONTH });
    expect(noReason.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'invalid_reason' });
    const reopen = await harness.gql(admin, `mutation($i: ID!, $m: String!) { reopenTppMonth(instansiId: $i, month: $m, reason: "Koreksi TK setelah banding") { locked history { action reason } } }`, { i: INSTANSI, m: MONTH });
    expect(reopen.data?.['reopenTppMonth']).toMatchObject({ locked: false, history: [{ action: 'LOCK' }, { action: 'REOPEN', reason: 'Koreksi TK setelah banding' }] });
  });

  it.each([
    ['a month not yet begun', 'karawang.admin', '2099-01', 'BAD_USER_INPUT', 'future_month'],
    ['a malformed month', 'karawang.admin', '2026-8', 'BAD_USER_INPUT', 'invalid_month'],
    ['a pegawai', 'karawang.pegawai', '2026-07', 'FORBIDDEN', 'not_admin'],
    ['an analis', 'jabar.analis', '2026-07', 'FORBIDDEN', 'not_admin'],
  ])('computeTpp refuses %s and writes nothing', async (_name, username, month, code, reason) => {
    const before = await harness.sql(`select "id" from "tpp_run" order by "id"`);
    const result = await harness.gql(await harness.token(username), `mutation($i: ID!, $m: String!) { computeTpp(instansiId: $i, month: $m) { id } }`, { i: INSTANSI, m: month });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code, reason });
    expect(await harness.sql(`select "id" from "tpp_run" order by "id"`)).toEqual(before);
  });

  it('a run left RUNNING by the version before lanes goes on from its stored cursor', async () => {
    const viewer = { subject: 'x', username: 'karawang.admin', nip: null, roles: new Set(['admin-kepegawaian'] as const), regionCode: '32.15' as string | null };
    const started = await startTppRun(harness.orm.em.fork(), viewer, INSTANSI, '2026-06', null, '2026-11-29');
    const [first] = await harness.sql<{ employee_id: string }>(`select min("employee_id") as employee_id from "employee" where "instansi_id" = ?`, [INSTANSI]);
    await harness.sql(`update "tpp_run" set "cursor" = ?, "processed" = 1 where "id" = ?`, [first!.employee_id, started.id]);
    while (await processRunBatch(harness.orm, started.id, 2));
    const computed = await harness.sql<{ employee_id: string }>(`select "employee_id" from "tpp_statement" where "month" = '2026-06' order by 1`);
    expect(computed.map((r) => r.employee_id)).toEqual(everyone.map((e) => e.employeeId).filter((id) => id > first!.employee_id).sort());
    expect(await harness.sql(`select "status", "processed" from "tpp_run" where "id" = ?`, [started.id])).toEqual([{ status: 'DONE', processed: 3 }]);
  });

  it('a run cut off after one batch resumes from its cursor without double lines', async () => {
    const viewer = { subject: 'x', username: 'karawang.admin', nip: null, roles: new Set(['admin-kepegawaian'] as const), regionCode: '32.15' as string | null };
    const started = await startTppRun(harness.orm.em.fork(), viewer, INSTANSI, '2026-07', null, '2026-11-29');
    // One batch of one employee, then the "process" is gone: the batch committed whole.
    expect(await processRunBatch(harness.orm, started.id, 1)).toBe(true);
    const [midway] = await harness.sql<{ processed: number; status: string }>(`select "processed", "status" from "tpp_run" where "id" = ?`, [started.id]);
    expect(midway).toEqual({ processed: 1, status: 'RUNNING' });
    expect(await harness.sql(`select 1 from "tpp_statement" where "month" = '2026-07'`)).toHaveLength(1);
    // Another start returns the same unfinished run; resuming finishes it.
    expect((await startTppRun(harness.orm.em.fork(), viewer, INSTANSI, '2026-07', null, '2026-11-29')).id).toBe(started.id);
    while (await processRunBatch(harness.orm, started.id, 2));
    const perEmployee = await harness.sql<{ employee_id: string; n: string }>(`select "employee_id", count(*) as n from "tpp_statement" where "month" = '2026-07' group by 1`);
    expect(perEmployee.map((r) => Number(r.n))).toEqual([1, 1, 1]);
    const [region] = await summaries('2026-07');
    expect(region).toMatchObject(await recount('2026-07'));
    const [done] = await harness.sql<{ processed: number; status: string }>(`select "processed", "status" from "tpp_run" where "id" = ?`, [started.id]);
    expect(done).toEqual({ processed: 3, status: 'DONE' });
  });
});
