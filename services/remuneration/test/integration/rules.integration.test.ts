// setTppRule / tppRules (issue 12 "Rules" and "Bad input and authority"): versions with history, an
// open-ended rule closed by a later one, and every refusal (shares ≠ 100%, negative amounts, overlapping
// effective dates, a locked month, wrong role or region, unknown instansi) writing nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TPP_RULE, SERUYAN_2023_BASE_AMOUNTS } from '../../src/domain/default-rules.ts';
import type { TppRuleData } from '../../src/domain/tpp-rule.ts';
import { startHarness, type Harness } from '../support/harness.ts';
import { ruleInput } from '../support/rule-input.ts';

let harness: Harness;
const KARAWANG = 'instansi-karawang-rules';
const BANTEN = 'instansi-banten-rules';

const SET_RULE = `mutation($input: SetTppRuleInput!) { setTppRule(input: $input) {
  id instansiId version effectiveFrom effectiveUntil legalBasis createdBy performanceShareBasisPoints disciplineShareBasisPoints
  deductionRates { code basisPoints } pph21 { employmentType golongan basisPoints } baseAmounts { kelasJabatan amount } } }`;
const RULES = `query($id: ID!) { tppRules(instansiId: $id) { id version effectiveFrom effectiveUntil closedBy legalBasis performanceShareBasisPoints } }`;

const seventyThirty: TppRuleData = {
  ...DEFAULT_TPP_RULE,
  baseAmounts: [...SERUYAN_2023_BASE_AMOUNTS, { kelasJabatan: 9, amount: 6_000_000 }],
  shares: { performanceBp: 7_000, disciplineBp: 3_000 },
};

const setRule = async (username: string, input: Record<string, unknown>) => harness.gql(await harness.token(username), SET_RULE, { input });
const input = (overrides: Record<string, unknown> = {}, data: TppRuleData = seventyThirty) => ({
  instansiId: KARAWANG,
  effectiveFrom: '2025-01',
  legalBasis: 'Perbup Karawang (uji)',
  rule: ruleInput(data),
  ...overrides,
});
const ruleCount = async () => Number((await harness.sql<{ n: string }>(`select count(*) as n from "tpp_rule"`))[0]!.n);
const ruleSnapshot = () => harness.sql(`select "id", "effective_until", "closed_by" from "tpp_rule" order by "id"`);

beforeAll(async () => {
  harness = await startHarness('remuneration_rules');
  // Instansi regions as the personnel.employee.v1 consumer records them.
  await harness.sql(`insert into "instansi_scope" ("instansi_id", "region_code") values (?, '32.15'), (?, '36')`, [KARAWANG, BANTEN]);
});

afterAll(async () => {
  await harness?.stop();
});

describe('setTppRule and tppRules', () => {
  it('records a version, then a later rule closes it the month before; history stays readable', async () => {
    const first = await setRule('karawang.admin', input());
    expect(first.errors).toBeUndefined();
    expect(first.data?.['setTppRule']).toMatchObject({ instansiId: KARAWANG, version: 1, effectiveFrom: '2025-01', effectiveUntil: null, createdBy: 'karawang.admin', performanceShareBasisPoints: 7_000 });
    const rates = (first.data?.['setTppRule'] as { deductionRates: { code: string; basisPoints: number }[] }).deductionRates;
    expect(rates).toContainEqual({ code: 'TK', basisPoints: 500 });

    const second = await setRule('jabar.admin', input({ effectiveFrom: '2026-01', legalBasis: 'Perbup Karawang 2026 (uji)' }, DEFAULT_TPP_RULE));
    expect(second.errors).toBeUndefined();
    expect(second.data?.['setTppRule']).toMatchObject({ version: 2, effectiveFrom: '2026-01', createdBy: 'jabar.admin' });

    const rules = await harness.gql(await harness.token('karawang.pegawai'), RULES, { id: KARAWANG });
    expect(rules.data?.['tppRules']).toMatchObject([
      { version: 2, effectiveFrom: '2026-01', effectiveUntil: null, closedBy: null, performanceShareBasisPoints: 6_000 },
      { version: 1, effectiveFrom: '2025-01', effectiveUntil: '2025-12', closedBy: 'jabar.admin', performanceShareBasisPoints: 7_000 },
    ]);
  });

  const refusals: [string, string, Record<string, unknown>, string, string][] = [
    ['shares 60/30', 'karawang.admin', input({ effectiveFrom: '2027-01', rule: { ...ruleInput(seventyThirty), performanceShareBasisPoints: 6_000 } }), 'BAD_USER_INPUT', 'shares_not_100'],
    ['a negative base amount', 'karawang.admin', input({ effectiveFrom: '2027-01', rule: { ...ruleInput(seventyThirty), baseAmounts: [{ kelasJabatan: 1, amount: -1 }] } }), 'BAD_USER_INPUT', 'negative_amount'],
    ['a negative deduction rate', 'karawang.admin', input({ effectiveFrom: '2027-01', rule: { ...ruleInput(seventyThirty), deductionRates: [...ruleInput(seventyThirty)['deductionRates'] as object[]].map((r, i) => (i === 0 ? { ...r, basisPoints: -50 } : r)) } }), 'BAD_USER_INPUT', 'negative_amount'],
    ['a missing predikat factor', 'karawang.admin', input({ effectiveFrom: '2027-01', rule: { ...ruleInput(seventyThirty), predikatFactors: [{ predikat: 'BAIK', basisPoints: 10_000 }] } }), 'BAD_USER_INPUT', 'invalid_rule'],
    ['an overlap inside the closed 2025 rule', 'karawang.admin', input({ effectiveFrom: '2025-03', effectiveUntil: '2025-04' }), 'CONFLICT', 'overlapping_effective_dates'],
    ['the same start as the current rule', 'karawang.admin', input({ effectiveFrom: '2026-01' }), 'CONFLICT', 'overlapping_effective_dates'],
    ['an end before the start', 'karawang.admin', input({ effectiveFrom: '2027-05', effectiveUntil: '2027-04' }), 'BAD_USER_INPUT', 'invalid_effective_range'],
    ['a malformed month', 'karawang.admin', input({ effectiveFrom: '2027-13' }), 'BAD_USER_INPUT', 'invalid_month'],
    ['an empty legal basis', 'karawang.admin', input({ effectiveFrom: '2027-01', legalBasis: '  ' }), 'BAD_USER_INPUT', 'invalid_legal_basis'],
    ['a pegawai', 'karawang.pegawai', input({ effectiveFrom: '2027-01' }), 'FORBIDDEN', 'not_admin'],
    ['an analis', 'jabar.analis', input({ effectiveFrom: '2027-01' }), 'FORBIDDEN', 'not_admin'],
    ['an admin of another region', 'karawang.admin', input({ instansiId: BANTEN, effectiveFrom: '2027-01' }), 'FORBIDDEN', 'region_out_of_scope'],
    ['an unknown instansi', 'karawang.admin', input({ instansiId: 'instansi-tidak-ada', effectiveFrom: '2027-01' }), 'NOT_FOUND', 'unknown_instansi'],
  ];
  it.each(refusals)('refuses %s and writes nothing', async (_name, username, body, code, reason) => {
    const before = await ruleSnapshot();
    const result = await setRule(username, body);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code, reason });
    expect(result.errors?.[0]?.message).toMatch(/[a-z]/);
    expect(await ruleSnapshot()).toEqual(before);
  });

  it('refuses a rule whose months include a locked month, and does not close the current rule', async () => {
    await harness.sql(`insert into "tpp_month" ("instansi_id", "month", "status", "changed_by", "changed_at") values (?, '2026-03', 'LOCKED', 'uji', now())`, [KARAWANG]);
    const count = await ruleCount();
    const before = await ruleSnapshot();
    const result = await setRule('karawang.admin', input({ effectiveFrom: '2026-02' }));
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'month_locked' });
    expect(result.errors?.[0]?.message).toContain('2026-03');
    expect([await ruleCount(), await ruleSnapshot()]).toEqual([count, before]);
    // After the locked month a new rule is fine.
    const later = await setRule('karawang.admin', input({ effectiveFrom: '2026-04' }));
    expect(later.errors).toBeUndefined();
  });

  it('the default rule is the DOMAIN.md one', async () => {
    const result = await harness.gql(await harness.token('karawang.pegawai'), `{ tppDefaultRule { instansiId version effectiveFrom deductionRates { code basisPoints } predikatFactors { predikat basisPoints } baseAmounts { kelasJabatan amount } } }`);
    const rule = result.data?.['tppDefaultRule'] as { instansiId: null; deductionRates: { code: string; basisPoints: number }[]; predikatFactors: unknown[]; baseAmounts: unknown[] };
    expect(rule.instansiId).toBeNull();
    expect(Object.fromEntries(rule.deductionRates.map((r) => [r.code, r.basisPoints]))).toEqual(DEFAULT_TPP_RULE.deductionRatesBp);
    expect(rule.predikatFactors).toContainEqual({ predikat: 'BUTUH_PERBAIKAN', basisPoints: 7_500 });
    expect(rule.baseAmounts).toEqual([{ kelasJabatan: 1, amount: 894_961 }, { kelasJabatan: 15, amount: 17_019_369 }]);
  });
});
