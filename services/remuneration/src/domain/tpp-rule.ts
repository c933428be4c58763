// The TPP rule of one instansi as data (DOMAIN.md "TPP": every number is configurable per instansi
// and effective date; PP 12/2019 art. 58, Kepmendagri 900-4700/2020, each region's Perkada). Amounts
// are whole rupiah, percentages basis points (1% = 100 bp). The zod schema is the one validation
// for setTppRule, the database column and tppPreview, so a rule that is stored can always be computed.
import { isJenisJabatan, jenisJabatanValues, pppkGolongan } from '@kinerja/kit/vocabulary';
import { z } from 'zod';

export const predikatValues = ['SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'] as const;
export type Predikat = (typeof predikatValues)[number];

/** The statuses attendance reports that the default deduction table prices (DOMAIN.md "Attendance"). */
export const standardDeductionCodes = ['TL1', 'TL2', 'TL3', 'TL4', 'PSW1', 'PSW2', 'PSW3', 'PSW4', 'TK'] as const;

/** How a rule picks the predikat for a month (see predikat-for-month.ts). */
export const predikatPeriodRules = ['CONTAINING_PERIOD', 'LATEST_ENDED_BEFORE_MONTH'] as const;
export type PredikatPeriodRule = (typeof predikatPeriodRules)[number];

const basisPoints = z.number().int().min(0).max(10_000);
const rupiah = z.number().int().min(0).max(1_000_000_000_000);
const statusCode = z.string().regex(/^[A-Z][A-Z0-9_]{0,39}$/, 'kode status huruf besar, angka atau garis bawah');
const pnsGroups = ['I', 'II', 'III', 'IV'] as const;

const baseAmountSchema = z.object({
  kelasJabatan: z.number().int().min(1).max(17),
  amount: rupiah,
  jenisJabatan: z.enum(jenisJabatanValues).nullish(),
  category: z.string().min(1).max(60).nullish(),
});

const sanctionSchema = z.object({
  code: statusCode,
  label: z.string().min(1).max(120),
  reductionBp: basisPoints,
  months: z.number().int().min(1).max(60),
});

export const tppRuleDataSchema = z
  .object({
    baseAmounts: z.array(baseAmountSchema).min(1).max(17 * (jenisJabatanValues.length + 1) * 8),
    shares: z.object({ performanceBp: basisPoints, disciplineBp: basisPoints }),
    predikatFactorsBp: z.object(Object.fromEntries(predikatValues.map((p) => [p, z.number().int().min(0).max(20_000)])) as Record<Predikat, z.ZodNumber>),
    predikatPeriod: z.enum(predikatPeriodRules),
    noRating: z.object({ factorBp: basisPoints, appliesTo: z.enum(['PERFORMANCE_SHARE', 'WHOLE_TPP']) }),
    deductionRatesBp: z.record(statusCode, basisPoints),
    deductionCapBp: z.number().int().min(1).max(10_000),
    rounding: z.literal('HALF_UP_RUPIAH'),
    exceptions: z.object({
      noTppLeaveCodes: z.array(statusCode).max(10),
      sickLeave: z.object({ code: statusCode, afterDays: z.number().int().min(0).max(31), reductionBp: basisPoints }).nullable(),
      tugasBelajar: z.object({ code: statusCode, paidBp: basisPoints }).nullable(),
      pltSupplementBp: basisPoints,
      sanctions: z.array(sanctionSchema).max(30),
    }),
    pph21: z.object({
      pns: z.object(Object.fromEntries(pnsGroups.map((g) => [g, basisPoints])) as Record<(typeof pnsGroups)[number], typeof basisPoints>),
      pppk: z.object(Object.fromEntries(pppkGolongan.map((g) => [g, basisPoints])) as Record<(typeof pppkGolongan)[number], typeof basisPoints>),
    }),
  })
  .superRefine((rule, ctx) => {
    if (rule.shares.performanceBp + rule.shares.disciplineBp !== 10_000) {
      ctx.addIssue({ code: 'custom', path: ['shares'], message: 'porsi kinerja dan porsi disiplin harus berjumlah 100%', params: { reason: 'shares_not_100' } });
    }
    const seen = new Set<string>();
    for (const [index, entry] of rule.baseAmounts.entries()) {
      const key = `${entry.kelasJabatan}|${entry.jenisJabatan ?? ''}|${entry.category ?? ''}`;
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['baseAmounts', index], message: 'besaran dasar untuk kelas jabatan ini tercantum dua kali', params: { reason: 'duplicate_base_amount' } });
      seen.add(key);
    }
    for (const code of standardDeductionCodes) {
      if (rule.deductionRatesBp[code] === undefined) ctx.addIssue({ code: 'custom', path: ['deductionRatesBp', code], message: `tarif potongan ${code} wajib diisi`, params: { reason: 'missing_deduction_rate' } });
    }
    const sanctionCodes = new Set<string>();
    for (const [index, sanction] of rule.exceptions.sanctions.entries()) {
      if (sanctionCodes.has(sanction.code)) ctx.addIssue({ code: 'custom', path: ['exceptions', 'sanctions', index], message: `kode sanksi ${sanction.code} tercantum dua kali`, params: { reason: 'duplicate_sanction' } });
      sanctionCodes.add(sanction.code);
    }
  });

export type TppRuleData = z.infer<typeof tppRuleDataSchema>;
export type BaseAmountEntry = z.infer<typeof baseAmountSchema>;
export type SanctionKind = z.infer<typeof sanctionSchema>;

/** A stored rule version: its data, the months it is in force and the legal basis it encodes. */
export interface TppRule {
  /** The rule version's id, written on every statement computed with it (`ruleVersion`). */
  id: string;
  /** First month in force, `YYYY-MM`. */
  effectiveFrom: string;
  /** Last month in force (inclusive), or null while no later rule replaces it. */
  effectiveUntil: string | null;
  /** E.g. "Perbup Seruyan 2023" or "DOMAIN.md default". */
  legalBasis: string;
  data: TppRuleData;
}

const indonesianMessages = z.locales.id().localeError;

export type RuleValidation = { ok: true; data: TppRuleData } | { ok: false; reason: string; message: string; path: string };

/** Validates untrusted rule data; the first problem is reported in Bahasa Indonesia with a stable reason. */
export function validateTppRuleData(input: unknown): RuleValidation {
  // zod's Indonesian messages: a refused rule is explained in Bahasa Indonesia (conventions "Errors").
  const parsed = tppRuleDataSchema.safeParse(input, { error: indonesianMessages });
  if (parsed.success) return { ok: true, data: parsed.data };
  const issue = parsed.error.issues[0]!;
  const path = issue.path.join('.');
  return { ok: false, reason: reasonOf(issue), message: `Aturan TPP tidak valid (${path || 'aturan'}): ${issue.message}`, path };
}

function reasonOf(issue: z.core.$ZodIssue): string {
  if (issue.code === 'custom') return (issue.params as { reason?: string } | undefined)?.reason ?? 'invalid_rule';
  if (issue.code === 'too_small' && issue.origin === 'number' && Number(issue.minimum) === 0) return 'negative_amount';
  if (issue.code === 'too_big') return 'value_too_large';
  return 'invalid_rule';
}

/** Finds the base amount: the most specific entry for the kelas (jenis and category, then either, then kelas alone). */
export function baseAmountFor(
  rule: TppRuleData,
  position: { kelasJabatan: number; jenisJabatan?: string | null; category?: string | null },
): number | null {
  const candidates = rule.baseAmounts.filter(
    (entry) =>
      entry.kelasJabatan === position.kelasJabatan &&
      (entry.jenisJabatan == null || (position.jenisJabatan != null && isJenisJabatan(position.jenisJabatan) && entry.jenisJabatan === position.jenisJabatan)) &&
      (entry.category == null || entry.category === position.category),
  );
  const specificity = (entry: BaseAmountEntry) => (entry.jenisJabatan != null ? 2 : 0) + (entry.category != null ? 1 : 0);
  candidates.sort((a, b) => specificity(b) - specificity(a));
  return candidates[0]?.amount ?? null;
}
