// Standards that come into force later (issue 4 follow-up): a future-dated standard leaves today's gaps
// alone; once its date has come, applyConfigurationInForce re-derives exactly the employees it covers,
// the summaries equal a recount of employee_gap, and a second run changes nothing. Real PostgreSQL,
// Kafka (the employee read model) and Keycloak tokens; the clock is the `asOf` argument.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@kinerja/kit/server';
import { EmployeeChange } from '@kinerja/proto';
import { applyConfigurationInForce } from '../../src/commands/configuration-in-force.ts';
import { todayIso } from '@kinerja/kit/dates';
import { startHarness, type GraphQLResult, type Harness, type TestEmployee } from '../support/harness.ts';
import { gapRows as sharedGapRows, recount as sharedRecount, summaryRows as sharedSummaryRows, type GapRow, type SummaryRow } from '../support/summaries.ts';

const CODES = ['M.1', 'M.2', 'M.3', 'M.4', 'M.5', 'M.6', 'M.7', 'M.8', 'SK.1'];
const scores = CODES.map((competency) => ({ competency, score: competency === 'SK.1' ? 2.66 : 3, evidence: `Bukti ${competency}` }));
const levels = (level: number) => CODES.map((competency) => ({ competency, level }));

const krw = { regionCode: '32.15', instansiId: 'inst-krw' } as const;
const kabidA: TestEmployee = { ...krw, employeeId: 'emp-cif-a', nip: '198001012005011001', unitId: 'unit-krw-a', jenisJabatan: 'ADMINISTRATOR', positionId: 'pos-krw-a' };
const kabidB: TestEmployee = { ...krw, employeeId: 'emp-cif-b', nip: '198102022006012002', unitId: 'unit-krw-b', jenisJabatan: 'ADMINISTRATOR', positionId: 'pos-krw-b' };
const kasubbid: TestEmployee = { ...krw, employeeId: 'emp-cif-c', nip: '198203032007011003', unitId: 'unit-krw-b', jenisJabatan: 'PENGAWAS', positionId: 'pos-krw-kasubbid' };
const unassessed: TestEmployee = { ...krw, employeeId: 'emp-cif-d', nip: '198304042008012004', unitId: 'unit-krw-a', jenisJabatan: 'ADMINISTRATOR', positionId: 'pos-krw-d' };
const bekasi: TestEmployee = { employeeId: 'emp-cif-e', nip: '198405052009011005', regionCode: '32.16', unitId: 'unit-bks-1', instansiId: 'inst-bks', jenisJabatan: 'ADMINISTRATOR', positionId: 'pos-bks-1' };

const logger = createLogger({ serviceName: 'competency-test', logLevel: 'silent' });
let h: Harness;

function plusDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}
const comingDate = plusDays(30);

function data<T>(result: GraphQLResult, field: string): T {
  expect(result.errors).toBeUndefined();
  return result.data?.[field] as T;
}

async function finaliseAssessment(username: string, employeeId: string): Promise<void> {
  const token = await h.token(username);
  const fields = '{ id status }';
  const draft = data<{ id: string }>(
    await h.gql(token, `mutation ($input: CreateAssessmentInput!) { createAssessment(input: $input) ${fields} }`, {
      input: { employeeId, method: 'ASSESSMENT_CENTER', assessedOn: '2025-03-10', scores },
    }),
    'createAssessment',
  );
  data(await h.gql(token, `mutation ($id: ID!) { submitAssessment(id: $id) ${fields} }`, { id: draft.id }), 'submitAssessment');
  data(await h.gql(token, `mutation ($id: ID!) { finaliseAssessment(id: $id) ${fields} }`, { id: draft.id }), 'finaliseAssessment');
}

async function setStandard(input: Record<string, unknown>): Promise<void> {
  data(await h.gql(await h.token('karawang.admin'), 'mutation ($input: SetCompetencyStandardInput!) { setCompetencyStandard(input: $input) { id } }', { input }), 'setCompetencyStandard');
}

const gapRows = (): Promise<GapRow[]> => sharedGapRows(h.sql);
const summaryRows = (): Promise<SummaryRow[]> => sharedSummaryRows(h.sql);
const recount = (): Promise<SummaryRow[]> => sharedRecount(h.sql);

function requiredOf(rows: GapRow[]): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const row of rows) out[row.employee_id] = [...(out[row.employee_id] ?? []), Number(row.required)];
  return out;
}

beforeAll(async () => {
  h = await startHarness('config-in-force');
  const events: string[] = [];
  for (const employee of [kabidA, kabidB, kasubbid, unassessed, bekasi]) events.push(await h.publishEmployee(employee, EmployeeChange.HIRED));
  for (const id of events) await h.processed(id);
  for (const employee of [kabidA, kabidB, kasubbid]) await finaliseAssessment('karawang.asesor', employee.employeeId);
  await finaliseAssessment('jabar.admin', bekasi.employeeId);
}, 180_000);

afterAll(async () => {
  await h?.stop();
});

describe('standards that come into force later', () => {
  let before: GapRow[] = [];

  it('a future-dated standard changes no gaps today, and today’s run has nothing to apply', async () => {
    before = await gapRows();
    expect(Object.keys(requiredOf(before)).sort()).toEqual([kabidA.employeeId, kabidB.employeeId, kasubbid.employeeId, bekasi.employeeId].sort());
    const summariesBefore = await summaryRows();
    expect(summariesBefore).toEqual(await recount());

    await setStandard({ instansiId: 'inst-krw', jenisJabatan: 'ADMINISTRATOR', effectiveFrom: comingDate, levels: levels(4) });
    await setStandard({ positionId: kasubbid.positionId, effectiveFrom: comingDate, levels: levels(3) });
    const pending = await h.sql<{ n: number }>('select count(*)::int as n from competency_standard where applied_at is null');
    expect(pending[0]?.n).toBe(2);

    const today = await applyConfigurationInForce({ orm: h.orm, logger, asOf: todayIso() });
    expect(today).toMatchObject({ standardsApplied: 0, rulesApplied: 0, employeesRederived: 0, employeesChanged: 0 });
    expect(await gapRows()).toEqual(before);
    expect(await summaryRows()).toEqual(summariesBefore);
  });

  it('once the date has come, re-derives exactly the covered employees in batches, and the summaries equal a recount', async () => {
    const run = await applyConfigurationInForce({ orm: h.orm, logger, asOf: comingDate, batchSize: 2 });
    // kabidA, kabidB (inst-krw ADMINISTRATOR) and kasubbid (the position override); `unassessed` has no
    // finalised assessment, bekasi is another instansi.
    expect(run).toMatchObject({ standardsApplied: 2, employeesRederived: 3, employeesChanged: 3, batches: 2 });
    const after = await gapRows();
    expect(requiredOf(after)).toEqual({
      ...requiredOf(before),
      [kabidA.employeeId]: CODES.map(() => 4),
      [kabidB.employeeId]: CODES.map(() => 4),
      [kasubbid.employeeId]: CODES.map(() => 3),
    });
    const untouched = (rows: GapRow[]) => rows.filter((row) => row.employee_id === bekasi.employeeId);
    expect(untouched(after)).toEqual(untouched(before));
    expect(after.find((row) => row.employee_id === kabidA.employeeId && row.competency_code === 'M.1')?.gap).toBe('-1.00');
    expect(await summaryRows()).toEqual(await recount());
    const krwM1 = (await summaryRows()).find((row) => row.key === 'UNIT/inst-krw/M.1');
    // Three assessed in inst-krw on M.1, scored 3 against 4, 4 and 3: two below standard.
    expect(krwM1?.counters.slice(0, 2)).toEqual([3, 2]);
    const pending = await h.sql<{ n: number }>('select count(*)::int as n from competency_standard where applied_at is null');
    expect(pending[0]?.n).toBe(0);
  });

  it('a second run changes nothing', async () => {
    const gaps = await gapRows();
    const summaries = await summaryRows();
    const again = await applyConfigurationInForce({ orm: h.orm, logger, asOf: comingDate });
    expect(again).toMatchObject({ standardsApplied: 0, rulesApplied: 0, employeesRederived: 0, employeesChanged: 0, batches: 0 });
    expect(await gapRows()).toEqual(gaps);
    expect(await summaryRows()).toEqual(summaries);
  });
});

const RULE_FIELDS = 'instansiId effectiveFrom capSurplus scheme { code name bands { category label minJpm talentPotential } }';
const eligibility = {
  code: 'ELIGIBILITY',
  name: 'Pengisian jabatan',
  bands: [
    { category: 'KURANG_MEMENUHI_SYARAT', label: 'Kurang Memenuhi Syarat', minJpm: 0, talentPotential: 'LOW' },
    { category: 'MEMENUHI_SYARAT', label: 'Memenuhi Syarat', minJpm: 80, talentPotential: 'HIGH' },
    { category: 'MASIH_MEMENUHI_SYARAT', label: 'Masih Memenuhi Syarat', minJpm: 68, talentPotential: 'MEDIUM' },
  ],
};

async function mappingRule(username: string, instansiId?: string): Promise<GraphQLResult> {
  return h.gql(await h.token(username), `query ($instansiId: ID) { mappingRule(instansiId: $instansiId) { ${RULE_FIELDS} } }`, { instansiId });
}

async function setMappingRule(username: string, input: Record<string, unknown>): Promise<GraphQLResult> {
  return h.gql(await h.token(username), `mutation ($input: SetMappingRuleInput!) { setMappingRule(input: $input) { ${RULE_FIELDS} } }`, { input });
}

async function profileCategory(employeeId: string): Promise<{ jpm: number; category: string; talentPotential: string }> {
  const result = await h.gql(
    await h.token('jabar.analis'),
    'query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Employee { competencyProfile { jpm category talentPotential } } } }',
    { reps: [{ __typename: 'Employee', id: employeeId }] },
  );
  return data<{ competencyProfile: { jpm: number; category: string; talentPotential: string } }[]>(result, '_entities')[0]?.competencyProfile as never;
}

async function ruleRows(): Promise<unknown[]> {
  return h.sql('select id, instansi_id, effective_from::text, cap_surplus, scheme, applied_at is not null as applied from mapping_rule order by id');
}

describe('mapping rule API (JPM cap and category scheme)', () => {
  it('serves the national default for an instansi without its own rule', async () => {
    const rule = data<Record<string, unknown>>(await mappingRule('karawang.admin', 'inst-krw'), 'mappingRule');
    expect(rule).toMatchObject({ instansiId: null, effectiveFrom: '2017-01-01', capSurplus: true, scheme: { code: 'OPTIMALITY' } });
    expect((rule['scheme'] as { bands: { minJpm: number }[] }).bands.map((band) => band.minJpm)).toEqual([90, 78, 0]);
  });

  it('refuses bad rules with clear reasons and writes nothing', async () => {
    const base = { instansiId: 'inst-krw', effectiveFrom: todayIso(), capSurplus: false, scheme: eligibility };
    const withBands = (bands: unknown[]) => ({ ...base, scheme: { ...eligibility, bands } });
    const before = await ruleRows();
    const attempts: [string, Record<string, unknown>, string, string][] = [
      ['karawang.admin', withBands(eligibility.bands.slice(1)), 'BAD_USER_INPUT', 'lowest_band_must_start_at_0'],
      ['karawang.admin', withBands([...eligibility.bands, { category: 'LAIN', label: 'Lain', minJpm: 80, talentPotential: 'HIGH' }]), 'BAD_USER_INPUT', 'duplicate_band_bound'],
      ['karawang.admin', withBands([{ category: 'ATAS', label: 'Atas', minJpm: 120, talentPotential: 'HIGH' }, ...eligibility.bands]), 'BAD_USER_INPUT', 'min_jpm_out_of_range'],
      ['karawang.admin', withBands([{ category: 'sangat baik', label: 'Sangat baik', minJpm: 95, talentPotential: 'HIGH' }, ...eligibility.bands]), 'BAD_USER_INPUT', 'invalid_category'],
      ['karawang.admin', { ...base, effectiveFrom: '2026-02-30' }, 'BAD_USER_INPUT', 'invalid_date'],
      ['karawang.admin', { ...base, instansiId: 'inst-bks' }, 'FORBIDDEN', 'region_out_of_scope'],
      ['karawang.admin', { ...base, instansiId: 'inst-unknown' }, 'NOT_FOUND', 'instansi_not_found'],
      ['jabar.admin', { ...base, instansiId: undefined }, 'FORBIDDEN', 'national_scope_required'],
      ['karawang.asesor', base, 'FORBIDDEN', 'missing_role'],
    ];
    for (const [user, input, code, reason] of attempts) {
      const result = await setMappingRule(user, input);
      const error = result.errors?.[0];
      expect({ code: error?.extensions?.['code'], reason: error?.extensions?.['reason'] }).toEqual({ code, reason });
      if (code === 'BAD_USER_INPUT') expect(error?.message).toMatch(/harus|tidak|Kode kategori/);
    }
    expect(await ruleRows()).toEqual(before);
  });

  it('an instansi rule in force today changes that instansi’s categories only; the same rule twice is a conflict', async () => {
    expect(await profileCategory(kabidA.employeeId)).toEqual({ jpm: 98.74, category: 'OPTIMAL', talentPotential: 'HIGH' });
    const input = { instansiId: 'inst-krw', effectiveFrom: todayIso(), capSurplus: false, scheme: eligibility };
    const rule = data<Record<string, unknown>>(await setMappingRule('karawang.admin', input), 'setMappingRule');
    expect(rule).toMatchObject({ instansiId: 'inst-krw', effectiveFrom: todayIso(), capSurplus: false, scheme: { code: 'ELIGIBILITY' } });
    expect(data(await mappingRule('karawang.admin', 'inst-krw'), 'mappingRule')).toEqual(rule);
    expect(await profileCategory(kabidA.employeeId)).toEqual({ jpm: 98.74, category: 'MEMENUHI_SYARAT', talentPotential: 'HIGH' });
    expect(await profileCategory(bekasi.employeeId)).toEqual({ jpm: 98.74, category: 'OPTIMAL', talentPotential: 'HIGH' });
    expect(data<{ scheme: { code: string } }>(await mappingRule('jabar.admin', 'inst-bks'), 'mappingRule').scheme.code).toBe('OPTIMALITY');

    const before = await ruleRows();
    const again = await setMappingRule('karawang.admin', input);
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'mapping_rule_exists' });
    expect(await ruleRows()).toEqual(before);
  });

  it('a future rule waits for its date; the job then records it as applied, with no gap or summary to recount', async () => {
    const laterDate = plusDays(60);
    const future = data<Record<string, unknown>>(
      await setMappingRule('karawang.admin', { instansiId: 'inst-krw', effectiveFrom: laterDate, capSurplus: true, scheme: { ...eligibility, code: 'ELIGIBILITY_2' } }),
      'setMappingRule',
    );
    expect(future).toMatchObject({ effectiveFrom: laterDate });
    expect(data<{ scheme: { code: string } }>(await mappingRule('karawang.admin', 'inst-krw'), 'mappingRule').scheme.code).toBe('ELIGIBILITY');
    expect(await profileCategory(kabidA.employeeId)).toMatchObject({ category: 'MEMENUHI_SYARAT' });

    const gaps = await gapRows();
    const summaries = await summaryRows();
    expect(await applyConfigurationInForce({ orm: h.orm, logger, asOf: todayIso() })).toMatchObject({ rulesApplied: 0, standardsApplied: 0 });
    const pending = () => h.sql<{ n: number }>('select count(*)::int as n from mapping_rule where applied_at is null');
    expect((await pending())[0]?.n).toBe(1);
    expect(await applyConfigurationInForce({ orm: h.orm, logger, asOf: laterDate })).toMatchObject({ rulesApplied: 1, standardsApplied: 0, employeesChanged: 0 });
    expect((await pending())[0]?.n).toBe(0);
    expect(await applyConfigurationInForce({ orm: h.orm, logger, asOf: laterDate })).toMatchObject({ rulesApplied: 0, standardsApplied: 0, employeesRederived: 0 });
    expect(await gapRows()).toEqual(gaps);
    expect(await summaryRows()).toEqual(summaries);
  });
});
