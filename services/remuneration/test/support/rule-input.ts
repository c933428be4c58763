// TPP rule data (domain) as the GraphQL TppRuleInput setTppRule takes, for tests.
import { pppkGolongan } from '@kinerja/kit/vocabulary';
import { predikatValues, type TppRuleData } from '../../src/domain/tpp-rule.ts';

export function ruleInput(data: TppRuleData): Record<string, unknown> {
  return {
    baseAmounts: data.baseAmounts.map((b) => ({ kelasJabatan: b.kelasJabatan, amount: b.amount, jenisJabatan: b.jenisJabatan ?? null, category: b.category ?? null })),
    performanceShareBasisPoints: data.shares.performanceBp,
    disciplineShareBasisPoints: data.shares.disciplineBp,
    predikatFactors: predikatValues.map((predikat) => ({ predikat, basisPoints: data.predikatFactorsBp[predikat] })),
    predikatPeriod: data.predikatPeriod,
    noRatingFactorBasisPoints: data.noRating.factorBp,
    noRatingAppliesTo: data.noRating.appliesTo,
    deductionRates: Object.entries(data.deductionRatesBp).map(([code, basisPoints]) => ({ code, basisPoints })),
    deductionCapBasisPoints: data.deductionCapBp,
    noTppLeaveCodes: data.exceptions.noTppLeaveCodes,
    sickLeaveCode: data.exceptions.sickLeave?.code ?? null,
    sickLeaveAfterDays: data.exceptions.sickLeave?.afterDays ?? null,
    sickLeaveReductionBasisPoints: data.exceptions.sickLeave?.reductionBp ?? null,
    tugasBelajarCode: data.exceptions.tugasBelajar?.code ?? null,
    tugasBelajarPaidBasisPoints: data.exceptions.tugasBelajar?.paidBp ?? null,
    pltSupplementBasisPoints: data.exceptions.pltSupplementBp,
    sanctions: data.exceptions.sanctions.map((s) => ({ code: s.code, label: s.label, reductionBasisPoints: s.reductionBp, months: s.months })),
    pph21: [
      ...Object.entries(data.pph21.pns).map(([golongan, basisPoints]) => ({ employmentType: 'PNS', golongan, basisPoints })),
      ...pppkGolongan.map((golongan) => ({ employmentType: 'PPPK', golongan, basisPoints: data.pph21.pppk[golongan] })),
    ],
  };
}
