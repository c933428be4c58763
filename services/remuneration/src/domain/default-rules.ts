// The rules DOMAIN.md "TPP" names, as data: the seeded default (used by tppPreview without an
// instansi and for an instansi that has not set its own rule) and the published variants that tests,
// docs and demo instansi start from. Numbers DOMAIN.md does not give stay off (null) rather than invented.
import type { TppRuleData } from './tpp-rule.ts';

/** Seruyan 2023 (DOMAIN.md): the two base amounts the source gives; other kelas must be configured. */
export const SERUYAN_2023_BASE_AMOUNTS = [
  { kelasJabatan: 1, amount: 894_961 },
  { kelasJabatan: 15, amount: 17_019_369 },
];

const PNS_PPH21 = { I: 0, II: 0, III: 500, IV: 1_500 };
// DOMAIN.md gives PPh 21 by PNS golongan only (IV 15%, III 5%, I–II 0%). PPPK golongan take the rate of
// the PNS group with the same entry education (Perpres 98/2020 scale: I–IV ~ group I, V–VIII ~ II,
// IX–XII ~ III, XIII–XVII ~ IV): an analogy, configurable per instansi like every other number.
const PPPK_PPH21 = {
  I: 0, II: 0, III: 0, IV: 0, V: 0, VI: 0, VII: 0, VIII: 0,
  IX: 500, X: 500, XI: 500, XII: 500, XIII: 1_500, XIV: 1_500, XV: 1_500, XVI: 1_500, XVII: 1_500,
};

/** Permentan 68/2012 disciplinary sanctions: ringan 20/30/40% for 1/2/3 months, sedang 40/50/60% for 6/8/10, berat 60–100% for 12. */
export const PERMENTAN_68_2012_SANCTIONS = [
  { code: 'RINGAN_1', label: 'Hukuman disiplin ringan tingkat 1', reductionBp: 2_000, months: 1 },
  { code: 'RINGAN_2', label: 'Hukuman disiplin ringan tingkat 2', reductionBp: 3_000, months: 2 },
  { code: 'RINGAN_3', label: 'Hukuman disiplin ringan tingkat 3', reductionBp: 4_000, months: 3 },
  { code: 'SEDANG_1', label: 'Hukuman disiplin sedang tingkat 1', reductionBp: 4_000, months: 6 },
  { code: 'SEDANG_2', label: 'Hukuman disiplin sedang tingkat 2', reductionBp: 5_000, months: 8 },
  { code: 'SEDANG_3', label: 'Hukuman disiplin sedang tingkat 3', reductionBp: 6_000, months: 10 },
  { code: 'BERAT_60', label: 'Hukuman disiplin berat (batas bawah)', reductionBp: 6_000, months: 12 },
  { code: 'BERAT_100', label: 'Hukuman disiplin berat (batas atas)', reductionBp: 10_000, months: 12 },
];

const deductionTable = (tl1: number, tl2: number, tl3: number, tl4: number, tk: number) => ({
  TL1: tl1, PSW1: tl1, TL2: tl2, PSW2: tl2, TL3: tl3, PSW3: tl3, TL4: tl4, PSW4: tl4, TK: tk,
});

/** DOMAIN.md default: 60/40, predikat factors from the angka-kredit percentages capped at 100%, TL/PSW 0.5·1·1.25·1.5, TK 5, cap 100%. */
export const DEFAULT_TPP_RULE: TppRuleData = {
  baseAmounts: SERUYAN_2023_BASE_AMOUNTS,
  shares: { performanceBp: 6_000, disciplineBp: 4_000 },
  predikatFactorsBp: { SANGAT_BAIK: 10_000, BAIK: 10_000, BUTUH_PERBAIKAN: 7_500, KURANG: 5_000, SANGAT_KURANG: 2_500 },
  predikatPeriod: 'CONTAINING_PERIOD',
  // "no SKP (one region: 50%)".
  noRating: { factorBp: 5_000, appliesTo: 'WHOLE_TPP' },
  deductionRatesBp: deductionTable(50, 100, 125, 150, 500),
  deductionCapBp: 10_000,
  rounding: 'HALF_UP_RUPIAH',
  exceptions: {
    noTppLeaveCodes: ['CUTI_BESAR', 'CLTN'],
    // DOMAIN.md names these exceptions without numbers: off until an instansi sets them.
    sickLeave: null,
    tugasBelajar: null,
    // "a Plt receives a share (e.g. 20%) of the Plt position's TPP".
    pltSupplementBp: 2_000,
    sanctions: PERMENTAN_68_2012_SANCTIONS,
  },
  pph21: { pns: PNS_PPH21, pppk: PPPK_PPH21 },
};

/** Deduction tables DOMAIN.md lists (% per occurrence TL1/PSW1 · 2 · 3 · 4 · TK per day). */
export const DEDUCTION_TABLES = {
  DEFAULT: deductionTable(50, 100, 125, 150, 500),
  PERMENTAN_68_2012: deductionTable(50, 100, 150, 200, 400),
  KEMENKEU_TUNJANGAN_KINERJA: deductionTable(50, 100, 125, 250, 500),
  // One regency: 0.5 · 1 · 1.25 · 1.5 plus 2 for a missed apel (TK at the default 5).
  REGENCY_WITH_APEL: { ...deductionTable(50, 100, 125, 150, 500), TIDAK_APEL: 200 },
  // Another: 1 · 2 · 2.5 · 4 per checkpoint and TK 8.
  REGENCY_PER_CHECKPOINT: deductionTable(100, 200, 250, 400, 800),
} as const;

/** A variant of the default with other deductions and/or shares (the variants DOMAIN.md lists). */
export function variantOfDefault(changes: Partial<TppRuleData>): TppRuleData {
  return { ...DEFAULT_TPP_RULE, ...changes };
}
