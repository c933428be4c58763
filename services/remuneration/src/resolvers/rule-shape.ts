// TPP rule data ↔ its GraphQL shape (lists of basis points ↔ the domain's records).
import { badUserInput } from '@kinerja/kit/errors';
import { pppkGolongan } from '@kinerja/kit/vocabulary';
import { predikatValues, type Predikat, type TppRuleData } from '../domain/tpp-rule.ts';
import type { TppRuleInput, TppRuleResolvers } from '../generated/resolvers-types.ts';

const PNS_GROUPS = ['I', 'II', 'III', 'IV'] as const;

function uniqueRecord<T extends { basisPoints: number }>(items: readonly T[], keyOf: (item: T) => string, what: string): Record<string, number> {
  const record: Record<string, number> = {};
  for (const item of items) {
    const key = keyOf(item);
    if (key in record) throw badUserInput(`${what} ${key} tercantum dua kali`, 'duplicate_entry');
    record[key] = item.basisPoints;
  }
  return record;
}

/** The input as rule data for the domain's validation (which reports what is missing or out of range). */
export function ruleDataFromInput(input: TppRuleInput): unknown {
  const taxes = (type: 'PNS' | 'PPPK') => uniqueRecord(input.pph21.filter((t) => t.employmentType === type), (t) => t.golongan, `Tarif PPh 21 ${type} golongan`);
  const sickGiven = input.sickLeaveCode != null || input.sickLeaveAfterDays != null || input.sickLeaveReductionBasisPoints != null;
  const tugasGiven = input.tugasBelajarCode != null || input.tugasBelajarPaidBasisPoints != null;
  return {
    baseAmounts: input.baseAmounts.map((b) => ({ kelasJabatan: b.kelasJabatan, amount: b.amount, jenisJabatan: b.jenisJabatan ?? null, category: b.category ?? null })),
    shares: { performanceBp: input.performanceShareBasisPoints, disciplineBp: input.disciplineShareBasisPoints },
    predikatFactorsBp: uniqueRecord(input.predikatFactors, (f) => f.predikat, 'Faktor predikat'),
    predikatPeriod: input.predikatPeriod ?? 'CONTAINING_PERIOD',
    noRating: { factorBp: input.noRatingFactorBasisPoints, appliesTo: input.noRatingAppliesTo },
    deductionRatesBp: uniqueRecord(input.deductionRates, (d) => d.code, 'Tarif potongan'),
    deductionCapBp: input.deductionCapBasisPoints,
    rounding: 'HALF_UP_RUPIAH',
    exceptions: {
      noTppLeaveCodes: input.noTppLeaveCodes ?? ['CUTI_BESAR', 'CLTN'],
      sickLeave: sickGiven ? { code: input.sickLeaveCode ?? 'SAKIT', afterDays: input.sickLeaveAfterDays, reductionBp: input.sickLeaveReductionBasisPoints } : null,
      tugasBelajar: tugasGiven ? { code: input.tugasBelajarCode ?? 'TUGAS_BELAJAR', paidBp: input.tugasBelajarPaidBasisPoints } : null,
      pltSupplementBp: input.pltSupplementBasisPoints,
      sanctions: (input.sanctions ?? []).map((s) => ({ code: s.code, label: s.label, reductionBp: s.reductionBasisPoints, months: s.months })),
    },
    pph21: { pns: taxes('PNS'), pppk: taxes('PPPK') },
  };
}

const dataOf = (parent: { data: TppRuleData }) => parent.data;

/** Field resolvers of TppRule over a stored version (RuleRow). */
export const TppRule: TppRuleResolvers = {
  baseAmounts: (parent) => dataOf(parent).baseAmounts.map((b) => ({ kelasJabatan: b.kelasJabatan, amount: b.amount, jenisJabatan: b.jenisJabatan ?? null, category: b.category ?? null })),
  performanceShareBasisPoints: (parent) => dataOf(parent).shares.performanceBp,
  disciplineShareBasisPoints: (parent) => dataOf(parent).shares.disciplineBp,
  predikatFactors: (parent) => predikatValues.map((predikat: Predikat) => ({ predikat, basisPoints: dataOf(parent).predikatFactorsBp[predikat] })),
  predikatPeriod: (parent) => dataOf(parent).predikatPeriod,
  noRatingFactorBasisPoints: (parent) => dataOf(parent).noRating.factorBp,
  noRatingAppliesTo: (parent) => dataOf(parent).noRating.appliesTo,
  deductionRates: (parent) => Object.entries(dataOf(parent).deductionRatesBp).map(([code, basisPoints]) => ({ code, basisPoints })),
  deductionCapBasisPoints: (parent) => dataOf(parent).deductionCapBp,
  noTppLeaveCodes: (parent) => dataOf(parent).exceptions.noTppLeaveCodes,
  sickLeaveCode: (parent) => dataOf(parent).exceptions.sickLeave?.code ?? null,
  sickLeaveAfterDays: (parent) => dataOf(parent).exceptions.sickLeave?.afterDays ?? null,
  sickLeaveReductionBasisPoints: (parent) => dataOf(parent).exceptions.sickLeave?.reductionBp ?? null,
  tugasBelajarCode: (parent) => dataOf(parent).exceptions.tugasBelajar?.code ?? null,
  tugasBelajarPaidBasisPoints: (parent) => dataOf(parent).exceptions.tugasBelajar?.paidBp ?? null,
  pltSupplementBasisPoints: (parent) => dataOf(parent).exceptions.pltSupplementBp,
  sanctions: (parent) => dataOf(parent).exceptions.sanctions.map((s) => ({ code: s.code, label: s.label, reductionBasisPoints: s.reductionBp, months: s.months })),
  pph21: (parent) => [
    ...PNS_GROUPS.map((golongan) => ({ employmentType: 'PNS' as const, golongan, basisPoints: dataOf(parent).pph21.pns[golongan] })),
    ...pppkGolongan.map((golongan) => ({ employmentType: 'PPPK' as const, golongan, basisPoints: dataOf(parent).pph21.pppk[golongan] })),
  ],
};
