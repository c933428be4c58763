// Properties of DOMAIN.md "TPP" that hold for every rule a region may configure: net never above gross,
// deductions never beyond the capped discipline share, more occurrences never pay more, the shown lines
// add up to gross exactly, and the exact arithmetic never loses precision however many percentages chain.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TPP_RULE } from '../../src/domain/default-rules.ts';
import { computeStatement, type StatementInputs, type TppStatement } from '../../src/domain/tpp-statement.ts';
import { predikatValues, standardDeductionCodes, type TppRule, type TppRuleData } from '../../src/domain/tpp-rule.ts';

const bp = fc.integer({ min: 0, max: 10_000 });
const codes = [...standardDeductionCodes, 'TIDAK_APEL'];

const ruleArb: fc.Arbitrary<TppRule> = fc
  .record({
    performanceBp: bp,
    factors: fc.tuple(...predikatValues.map(() => fc.integer({ min: 0, max: 20_000 }))),
    rates: fc.tuple(...codes.map(() => bp)),
    capBp: fc.integer({ min: 1, max: 10_000 }),
    sick: fc.option(fc.record({ code: fc.constant('SAKIT'), afterDays: fc.integer({ min: 0, max: 31 }), reductionBp: bp }), { nil: null }),
    tugasBelajar: fc.option(fc.record({ code: fc.constant('TUGAS_BELAJAR'), paidBp: bp }), { nil: null }),
    pltSupplementBp: bp,
    noRating: fc.record({ factorBp: bp, appliesTo: fc.constantFrom('PERFORMANCE_SHARE' as const, 'WHOLE_TPP' as const) }),
  })
  .map((r): TppRule => {
    const data: TppRuleData = {
      ...DEFAULT_TPP_RULE,
      shares: { performanceBp: r.performanceBp, disciplineBp: 10_000 - r.performanceBp },
      predikatFactorsBp: Object.fromEntries(predikatValues.map((p, i) => [p, r.factors[i]!])) as TppRuleData['predikatFactorsBp'],
      deductionRatesBp: Object.fromEntries(codes.map((c, i) => [c, r.rates[i]!])),
      deductionCapBp: r.capBp,
      noRating: r.noRating,
      exceptions: { ...DEFAULT_TPP_RULE.exceptions, sickLeave: r.sick, tugasBelajar: r.tugasBelajar, pltSupplementBp: r.pltSupplementBp },
    };
    return { id: 'prop', effectiveFrom: '2020-01', effectiveUntil: null, legalBasis: 'properti', data };
  });

const countsArb = fc.dictionary(fc.constantFrom(...codes, 'SAKIT', 'TUGAS_BELAJAR', 'CUTI_BESAR', 'HADIR'), fc.integer({ min: 0, max: 31 }), { maxKeys: 8 });

const inputsArb: fc.Arbitrary<StatementInputs> = fc.record({
  month: fc.constant('2026-08'),
  position: fc.record({ kelasJabatan: fc.integer({ min: 1, max: 17 }) }),
  golongan: fc.option(fc.constantFrom('I/a', 'II/c', 'III/b', 'IV/e', 'IX', 'XVII'), { nil: null }),
  baseAmount: fc.integer({ min: 0, max: 100_000_000 }),
  predikat: fc.option(
    fc.constantFrom(...predikatValues).map((predikat) => ({ predikat, year: 2026, period: 'M08', periodStart: '2026-08-01', periodEnd: '2026-08-31', version: 1 })),
    { nil: null },
  ),
  attendance: countsArb.map((counts) => ({ version: 1, counts, days: [] })),
  plt: fc.option(fc.record({ kelasJabatan: fc.constant(15), baseAmount: fc.integer({ min: 0, max: 50_000_000 }) }), { nil: null }),
  sanctions: fc.array(fc.record({ code: fc.constantFrom('RINGAN_1', 'SEDANG_3', 'BERAT_60'), fromMonth: fc.constantFrom('2026-01', '2026-08') }), { maxLength: 2 }),
});

function statementOf(rule: TppRule, input: StatementInputs): TppStatement {
  const result = computeStatement(rule, input);
  if (!result.ok) throw new Error(result.message);
  return result.statement;
}

const sumOf = (statement: TppStatement, kinds: string[]) => statement.lines.filter((l) => kinds.includes(l.kind)).reduce((sum, l) => sum + l.amount, 0);

describe('TPP statement properties', () => {
  it('0 ≤ tax ≤ gross, net = gross − tax ≤ gross, and the lines in gross add up to gross', () => {
    fc.assert(
      fc.property(ruleArb, inputsArb, (rule, input) => {
        const s = statementOf(rule, input);
        expect(s.gross).toBeGreaterThanOrEqual(0);
        expect(s.tax).toBeGreaterThanOrEqual(0);
        expect(s.tax).toBeLessThanOrEqual(s.gross);
        expect(s.net).toBe(s.gross - s.tax);
        expect(sumOf(s, ['PERFORMANCE', 'DISCIPLINE', 'DEDUCTION', 'DEDUCTION_CAP', 'PLT_SUPPLEMENT', 'EXCEPTION', 'ROUNDING'])).toBe(s.gross);
        expect(Object.values(s.cuts).reduce((a, b) => a + b, 0)).toBe(s.deductions);
      }),
      { numRuns: 400 },
    );
  });

  it('discipline deductions never exceed the capped discipline share (to the rupiah rounding of each line)', () => {
    fc.assert(
      fc.property(ruleArb, inputsArb, (rule, input) => {
        const s = statementOf(rule, input);
        const lines = s.lines.filter((l) => l.kind === 'DEDUCTION' || l.kind === 'DEDUCTION_CAP');
        const deducted = -lines.reduce((sum, l) => sum + l.amount, 0);
        const capped = (input.baseAmount! * rule.data.shares.disciplineBp * rule.data.deductionCapBp) / 10_000 / 10_000;
        expect(deducted).toBeLessThanOrEqual(capped + lines.length / 2);
      }),
      { numRuns: 400 },
    );
  });

  it('one more occurrence of any code never raises gross', () => {
    fc.assert(
      fc.property(ruleArb, inputsArb, fc.constantFrom(...codes), (rule, input, code) => {
        const before = statementOf(rule, input);
        const counts = { ...input.attendance!.counts };
        counts[code] = Math.min(31, (counts[code] ?? 0) + 1);
        const after = statementOf(rule, { ...input, attendance: { ...input.attendance!, counts } });
        expect(after.gross).toBeLessThanOrEqual(before.gross);
        expect(after.net).toBeLessThanOrEqual(before.net);
      }),
      { numRuns: 400 },
    );
  });

  it('a better predikat never pays less when the factors are ordered as in the default', () => {
    fc.assert(
      fc.property(inputsArb, (input) => {
        const rule: TppRule = { id: 'default', effectiveFrom: '2020-01', effectiveUntil: null, legalBasis: 'default', data: DEFAULT_TPP_RULE };
        const grossFor = (index: number) =>
          statementOf(rule, { ...input, predikat: { predikat: predikatValues[index]!, year: 2026, period: 'M08', periodStart: '2026-08-01', periodEnd: '2026-08-31', version: 1 } }).gross;
        for (let i = 0; i + 1 < predikatValues.length; i += 1) expect(grossFor(i)).toBeGreaterThanOrEqual(grossFor(i + 1));
      }),
      { numRuns: 200 },
    );
  });
});
