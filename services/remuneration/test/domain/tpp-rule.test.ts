// Issue 12 "Bad input": a rule with shares not summing to 100% or negative amounts is refused, with a
// stable reason; DOMAIN.md's default and its listed variants are valid rules.
import { describe, expect, it } from 'vitest';
import { DEDUCTION_TABLES, DEFAULT_TPP_RULE, variantOfDefault } from '../../src/domain/default-rules.ts';
import { validateTppRuleData, type TppRuleData } from '../../src/domain/tpp-rule.ts';

const withChange = (change: (rule: TppRuleData) => void): unknown => {
  const copy = structuredClone(DEFAULT_TPP_RULE);
  change(copy);
  return copy;
};

describe('validateTppRuleData', () => {
  it('accepts the DOMAIN.md default and every listed deduction table', () => {
    expect(validateTppRuleData(DEFAULT_TPP_RULE).ok).toBe(true);
    for (const table of Object.values(DEDUCTION_TABLES)) expect(validateTppRuleData(variantOfDefault({ deductionRatesBp: table })).ok).toBe(true);
    expect(validateTppRuleData(variantOfDefault({ shares: { performanceBp: 7_000, disciplineBp: 3_000 } })).ok).toBe(true);
  });

  it.each([
    ['shares 60/30', (r: TppRuleData) => (r.shares.disciplineBp = 3_000), 'shares_not_100', 'shares'],
    ['shares 70/40', (r: TppRuleData) => (r.shares.performanceBp = 7_000), 'shares_not_100', 'shares'],
    ['a negative base amount', (r: TppRuleData) => (r.baseAmounts[0]!.amount = -1), 'negative_amount', 'baseAmounts.0.amount'],
    ['a negative deduction rate', (r: TppRuleData) => (r.deductionRatesBp.TL1 = -50), 'negative_amount', 'deductionRatesBp.TL1'],
    ['a negative predikat factor', (r: TppRuleData) => (r.predikatFactorsBp.BAIK = -1), 'negative_amount', 'predikatFactorsBp.BAIK'],
    ['a negative tax rate', (r: TppRuleData) => (r.pph21.pns.IV = -1), 'negative_amount', 'pph21.pns.IV'],
    ['a rate above 100%', (r: TppRuleData) => (r.deductionRatesBp.TK = 10_001), 'value_too_large', 'deductionRatesBp.TK'],
    ['a missing TL3 rate', (r: TppRuleData) => delete r.deductionRatesBp.TL3, 'missing_deduction_rate', 'deductionRatesBp.TL3'],
    ['a kelas listed twice', (r: TppRuleData) => r.baseAmounts.push({ kelasJabatan: 1, amount: 5 }), 'duplicate_base_amount', 'baseAmounts.2'],
    ['a sanction code twice', (r: TppRuleData) => r.exceptions.sanctions.push({ ...r.exceptions.sanctions[0]! }), 'duplicate_sanction', 'exceptions.sanctions.8'],
    ['kelas 18', (r: TppRuleData) => (r.baseAmounts[0]!.kelasJabatan = 18), 'value_too_large', 'baseAmounts.0.kelasJabatan'],
    ['a fractional rupiah', (r: TppRuleData) => (r.baseAmounts[0]!.amount = 1.5), 'invalid_rule', 'baseAmounts.0.amount'],
    ['no base amounts', (r: TppRuleData) => (r.baseAmounts = []), 'invalid_rule', 'baseAmounts'],
    ['a lower-case code', (r: TppRuleData) => (r.deductionRatesBp['apel'] = 100), 'invalid_rule', 'deductionRatesBp.apel'],
    ['a PPPK golongan missing', (r: TppRuleData) => delete (r.pph21.pppk as Record<string, number>).XVII, 'invalid_rule', 'pph21.pppk.XVII'],
  ])('refuses %s', (_name, change, reason, path) => {
    const result = validateTppRuleData(withChange(change));
    expect(result).toMatchObject({ ok: false, reason, path });
    expect(!result.ok && result.message).toMatch(/^Aturan TPP tidak valid/);
  });
});
