// One employee's TPP for one month, every line explained (DOMAIN.md "TPP"; issue 12 "Computation"):
// base by kelas jabatan, performance share × predikat factor, discipline share, each deduction with its
// code, count, rate and source days, the cap, exceptions, rounding, PPh 21 and net. Pure: the same
// function serves tppPreview, the monthly run and the tests. Amounts stay exact (money.ts) until the
// end; each line is shown in whole rupiah and a ROUNDING line makes the shown lines add up to gross.
import { formatBp, formatRupiah, fromRupiah, minExact, roundHalfUp, timesBp, timesCount, ZERO, type Exact } from './money.ts';
import { addMonths } from './month.ts';
import { pph21RateFor } from './pph21.ts';
import type { FinalisedPredikat } from './predikat-for-month.ts';
import { baseAmountFor, standardDeductionCodes, type TppRule, type TppRuleData } from './tpp-rule.ts';

export interface AttendanceMonth {
  /** The recap version the counts come from (null in a simulation). */
  version: number | null;
  /** Working days per status code (TL1…TK, CUTI_BESAR, SAKIT, …). */
  counts: Record<string, number>;
  /** Non-HADIR days with their code, so each deduction names its source days. */
  days: readonly { date: string; code: string }[];
}

export interface PositionForTpp {
  kelasJabatan: number;
  jenisJabatan?: string | null;
  category?: string | null;
}

export interface StatementInputs {
  month: string;
  position: PositionForTpp;
  /** Null: no PPh 21 is applied (tppPreview without golongan). */
  golongan: string | null;
  /** When given, the month's base instead of the rule's table (tppPreview's baseAmount). */
  baseAmount?: number | null;
  predikat: FinalisedPredikat | null;
  attendance: AttendanceMonth | null;
  /** Pelaksana tugas: the position held as Plt, whose TPP the supplement is a share of. */
  plt?: (PositionForTpp & { baseAmount?: number | null; title?: string; reference?: string; id?: string }) | null;
  /** Disciplinary sanctions by the rule's sanction code and first month (reference: the decision). */
  sanctions?: readonly { code: string; fromMonth: string; reference?: string; id?: string }[];
}

export const lineKinds = ['BASE', 'PERFORMANCE', 'DISCIPLINE', 'DEDUCTION', 'DEDUCTION_CAP', 'PLT_SUPPLEMENT', 'EXCEPTION', 'ROUNDING', 'TAX'] as const;
export type LineKind = (typeof lineKinds)[number];

export interface TppLine {
  kind: LineKind;
  label: string;
  /** Whole rupiah; cuts are negative. */
  amount: number;
  /** Whether the line adds into gross (BASE is shown for reference, TAX comes after gross). */
  inGross: boolean;
  code: string | null;
  count: number | null;
  rateBp: number | null;
  days: string[];
  /** Where the number comes from: the rule table, the predikat's period, the recap version. */
  source: string;
}

export interface TppStatement {
  month: string;
  ruleVersion: string;
  base: number;
  predikat: FinalisedPredikat | null;
  attendanceVersion: number | null;
  lines: TppLine[];
  /** After deductions and exceptions, before tax. */
  gross: number;
  /** Discipline deductions after the cap plus exception reductions, as a positive amount. */
  deductions: number;
  taxRateBp: number;
  tax: number;
  net: number;
  /** The deductions by cause (each code, CAP, each exception), adding up to `deductions`. */
  cuts: Record<string, number>;
}

export type StatementResult =
  | { ok: true; statement: TppStatement }
  | { ok: false; reason: 'no_base_for_kelas' | 'unknown_golongan' | 'unknown_sanction' | 'invalid_count' | 'negative_amount'; message: string };

const predikatLabels: Record<string, string> = {
  SANGAT_BAIK: 'Sangat Baik',
  BAIK: 'Baik',
  BUTUH_PERBAIKAN: 'Butuh Perbaikan',
  KURANG: 'Kurang',
  SANGAT_KURANG: 'Sangat Kurang',
};

// Per rule data, computed once (the monthly run computes thousands of statements with one rule object).
const deductionOrders = new WeakMap<TppRuleData, readonly string[]>();
const taxRates = new WeakMap<TppRuleData, Map<string, ReturnType<typeof pph21RateFor>>>();

/** Deduction codes in reading order: the standard TL, PSW and TK codes first, then the rule's own codes. */
function deductionOrder(rule: TppRuleData): readonly string[] {
  let order = deductionOrders.get(rule);
  if (!order) {
    const standard: readonly string[] = standardDeductionCodes;
    const rank = (code: string) => (standard.includes(code) ? standard.indexOf(code) : standard.length);
    order = Object.keys(rule.deductionRatesBp).sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
    deductionOrders.set(rule, order);
  }
  return order;
}

function taxRateFor(rule: TppRuleData, golongan: string): ReturnType<typeof pph21RateFor> {
  let rates = taxRates.get(rule);
  if (!rates) taxRates.set(rule, (rates = new Map()));
  let rate = rates.get(golongan);
  if (!rate) rates.set(golongan, (rate = pph21RateFor(rule, golongan)));
  return rate;
}

interface PendingLine extends Omit<TppLine, 'amount'> {
  exact: Exact;
}

const line = (kind: LineKind, label: string, exact: Exact, source: string, extra: Partial<PendingLine> = {}): PendingLine => ({
  kind,
  label,
  exact,
  inGross: kind !== 'BASE' && kind !== 'TAX',
  code: null,
  count: null,
  rateBp: null,
  days: [],
  source,
  ...extra,
});

function sanctionInForce(rule: TppRuleData, month: string, sanctions: readonly { code: string; fromMonth: string; reference?: string }[]) {
  let strongest: { code: string; label: string; reductionBp: number; fromMonth: string; untilMonth: string; reference?: string } | null = null;
  for (const applied of sanctions) {
    const kind = rule.exceptions.sanctions.find((s) => s.code === applied.code);
    if (!kind) return { unknown: applied.code } as const;
    const untilMonth = addMonths(applied.fromMonth, kind.months - 1);
    if (applied.fromMonth <= month && month <= untilMonth && (strongest === null || kind.reductionBp > strongest.reductionBp)) {
      strongest = { code: kind.code, label: kind.label, reductionBp: kind.reductionBp, fromMonth: applied.fromMonth, untilMonth, reference: applied.reference };
    }
  }
  return { strongest } as const;
}

export function computeStatement(rule: TppRule, inputs: StatementInputs): StatementResult {
  const data = rule.data;
  const base = inputs.baseAmount ?? baseAmountFor(data, inputs.position);
  if (base === null) {
    return { ok: false, reason: 'no_base_for_kelas', message: `Aturan TPP ${rule.legalBasis} tidak memuat besaran dasar untuk kelas jabatan ${inputs.position.kelasJabatan}` };
  }
  if (!Number.isSafeInteger(base) || base < 0) return { ok: false, reason: 'negative_amount', message: 'Besaran dasar TPP harus bilangan bulat rupiah yang tidak negatif' };
  const counts = inputs.attendance?.counts ?? {};
  for (const [code, count] of Object.entries(counts)) {
    if (!Number.isSafeInteger(count) || count < 0 || count > 31) return { ok: false, reason: 'invalid_count', message: `Jumlah kejadian ${code} harus bilangan bulat 0–31` };
  }
  const daysOf = (code: string) => (inputs.attendance?.days ?? []).filter((d) => d.code === code).map((d) => d.date).sort();
  const recapSource = inputs.attendance?.version != null ? `rekap kehadiran ${inputs.month} versi ${inputs.attendance.version}` : 'masukan simulasi';

  const lines: PendingLine[] = [];
  const baseExact = fromRupiah(base);
  lines.push(line('BASE', `Besaran dasar TPP kelas jabatan ${inputs.position.kelasJabatan}`, baseExact, inputs.baseAmount != null ? 'besaran dasar dimasukkan' : `aturan TPP ${rule.legalBasis}`));

  // Performance share × predikat factor (no national rule converts predikat to a factor: rule data).
  const performanceShare = timesBp(baseExact, data.shares.performanceBp);
  const sharePct = formatBp(data.shares.performanceBp);
  let performance: Exact;
  if (inputs.predikat) {
    const factorBp = data.predikatFactorsBp[inputs.predikat.predikat];
    performance = timesBp(performanceShare, factorBp);
    lines.push(
      line('PERFORMANCE', `Porsi kinerja ${sharePct} × faktor ${formatBp(factorBp)} (predikat ${predikatLabels[inputs.predikat.predikat]})`, performance,
        `predikat ${inputs.predikat.year} ${inputs.predikat.period} (${inputs.predikat.periodStart} s.d. ${inputs.predikat.periodEnd}) versi ${inputs.predikat.version}`,
        { code: inputs.predikat.predikat, rateBp: factorBp }),
    );
  } else if (data.noRating.appliesTo === 'PERFORMANCE_SHARE') {
    performance = timesBp(performanceShare, data.noRating.factorBp);
    lines.push(line('PERFORMANCE', `Porsi kinerja ${sharePct} × faktor ${formatBp(data.noRating.factorBp)} (tanpa predikat kinerja)`, performance, 'tidak ada predikat untuk bulan ini', { code: 'NO_RATING', rateBp: data.noRating.factorBp }));
  } else {
    performance = performanceShare;
    lines.push(line('PERFORMANCE', `Porsi kinerja ${sharePct} (tanpa predikat kinerja: pengurangan berlaku atas seluruh TPP)`, performance, 'tidak ada predikat untuk bulan ini', { code: 'NO_RATING' }));
  }

  const discipline = timesBp(baseExact, data.shares.disciplineBp);
  lines.push(line('DISCIPLINE', `Porsi disiplin ${formatBp(data.shares.disciplineBp)}`, discipline, `aturan TPP ${rule.legalBasis}`));

  // Each deduction: % of the month's discipline share per occurrence.
  let deducted = ZERO;
  for (const code of deductionOrder(data)) {
    const count = counts[code] ?? 0;
    if (count === 0) continue;
    const rateBp = data.deductionRatesBp[code]!;
    const amount = timesCount(timesBp(discipline, rateBp), count);
    deducted += amount;
    lines.push(line('DEDUCTION', `Potongan ${code}: ${count} × ${formatBp(rateBp)} porsi disiplin`, -amount, recapSource, { code, count, rateBp, days: daysOf(code) }));
  }
  const cap = timesBp(discipline, data.deductionCapBp);
  if (deducted > cap) {
    lines.push(line('DEDUCTION_CAP', `Potongan dibatasi ${formatBp(data.deductionCapBp)} porsi disiplin`, deducted - cap, `aturan TPP ${rule.legalBasis}`, { code: 'CAP', rateBp: data.deductionCapBp }));
  }
  let running = performance + discipline - minExact(deducted, cap);

  if (inputs.plt) {
    const pltBase = inputs.plt.baseAmount ?? baseAmountFor(data, inputs.plt);
    if (pltBase === null) return { ok: false, reason: 'no_base_for_kelas', message: `Aturan TPP ${rule.legalBasis} tidak memuat besaran dasar untuk kelas jabatan Plt ${inputs.plt.kelasJabatan}` };
    if (!Number.isSafeInteger(pltBase) || pltBase < 0) return { ok: false, reason: 'negative_amount', message: 'Besaran dasar jabatan Plt harus bilangan bulat rupiah yang tidak negatif' };
    const supplement = timesBp(fromRupiah(pltBase), data.exceptions.pltSupplementBp);
    running += supplement;
    const pltSource = inputs.plt.reference ? `penugasan Plt${inputs.plt.title ? ` ${inputs.plt.title}` : ''} (${inputs.plt.reference})` : 'penugasan Plt';
    lines.push(line('PLT_SUPPLEMENT', `Tambahan Plt ${formatBp(data.exceptions.pltSupplementBp)} × ${formatRupiah(pltBase)} (kelas jabatan ${inputs.plt.kelasJabatan})`, supplement, pltSource, { code: 'PLT', rateBp: data.exceptions.pltSupplementBp }));
  }

  // Exceptions reduce what is left, one after the other, each line saying by how much.
  const reduce = (code: string, label: string, reductionBp: number, source: string, extra: Partial<PendingLine> = {}) => {
    const cut = timesBp(running, reductionBp);
    running -= cut;
    lines.push(line('EXCEPTION', label, -cut, source, { code, rateBp: reductionBp, ...extra }));
  };
  const noTppCodes = data.exceptions.noTppLeaveCodes.filter((code) => (counts[code] ?? 0) > 0);
  if (noTppCodes.length > 0) {
    const days = noTppCodes.flatMap(daysOf).sort();
    reduce(noTppCodes[0]!, `Tidak menerima TPP: ${noTppCodes.join(', ')} dalam bulan ini`, 10_000, recapSource, { count: noTppCodes.reduce((n, c) => n + (counts[c] ?? 0), 0), days });
  }
  const tugasBelajar = data.exceptions.tugasBelajar;
  if (tugasBelajar && (counts[tugasBelajar.code] ?? 0) > 0) {
    reduce(tugasBelajar.code, `Tugas belajar: dibayar ${formatBp(tugasBelajar.paidBp)} TPP`, 10_000 - tugasBelajar.paidBp, recapSource, { count: counts[tugasBelajar.code]!, days: daysOf(tugasBelajar.code) });
  }
  const sick = data.exceptions.sickLeave;
  if (sick && (counts[sick.code] ?? 0) > sick.afterDays) {
    reduce(sick.code, `Sakit ${counts[sick.code]} hari (lebih dari ${sick.afterDays} hari): TPP dikurangi ${formatBp(sick.reductionBp)}`, sick.reductionBp, recapSource, { count: counts[sick.code]!, days: daysOf(sick.code) });
  }
  const sanction = sanctionInForce(data, inputs.month, inputs.sanctions ?? []);
  if ('unknown' in sanction) return { ok: false, reason: 'unknown_sanction', message: `Kode sanksi ${sanction.unknown} tidak ada dalam aturan TPP ${rule.legalBasis}` };
  if (sanction.strongest) {
    const s = sanction.strongest;
    reduce(s.code, `${s.label}: TPP dikurangi ${formatBp(s.reductionBp)}`, s.reductionBp, `sanksi ${s.reference ? `${s.reference} ` : ''}${s.fromMonth} s.d. ${s.untilMonth}`);
  }
  if (!inputs.predikat && data.noRating.appliesTo === 'WHOLE_TPP') {
    reduce('NO_RATING', `Tanpa predikat kinerja: dibayar ${formatBp(data.noRating.factorBp)} TPP`, 10_000 - data.noRating.factorBp, 'tidak ada predikat untuk bulan ini');
  }

  // Round at the end (DOMAIN.md: whole rupiah, half up); the ROUNDING line reconciles the shown lines.
  const gross = roundHalfUp(running);
  const shown: TppLine[] = lines.map(({ exact, ...rest }) => ({ ...rest, amount: roundHalfUp(exact) }));
  const shownSum = shown.filter((l) => l.inGross).reduce((sum, l) => sum + l.amount, 0);
  if (shownSum !== gross) {
    const { exact: _none, ...rounding } = line('ROUNDING', 'Pembulatan ke rupiah penuh', ZERO, 'pembulatan setengah ke atas');
    shown.push({ ...rounding, amount: gross - shownSum });
  }

  let taxRateBp = 0;
  let tax = 0;
  if (inputs.golongan !== null) {
    const rate = taxRateFor(data, inputs.golongan);
    if (!rate.ok) return { ok: false, reason: 'unknown_golongan', message: `Golongan ${inputs.golongan} tidak dikenal` };
    taxRateBp = rate.rateBp;
    tax = roundHalfUp(timesBp(fromRupiah(gross), rate.rateBp));
    shown.push({ kind: 'TAX', label: `PPh 21 ${formatBp(rate.rateBp)} (${rate.group})`, amount: -tax, inGross: false, code: 'PPH21', count: null, rateBp: rate.rateBp, days: [], source: `aturan TPP ${rule.legalBasis}` });
  }

  const cuts: Record<string, number> = {};
  for (const l of shown) {
    if (l.kind === 'DEDUCTION' || l.kind === 'DEDUCTION_CAP' || l.kind === 'EXCEPTION') cuts[l.code!] = (cuts[l.code!] ?? 0) - l.amount;
  }
  const deductions = Object.values(cuts).reduce((sum, v) => sum + v, 0);
  return {
    ok: true,
    statement: {
      month: inputs.month,
      ruleVersion: rule.id,
      base,
      predikat: inputs.predikat,
      attendanceVersion: inputs.attendance?.version ?? null,
      lines: shown,
      gross,
      deductions,
      taxRateBp,
      tax,
      net: gross - tax,
      cuts,
    },
  };
}
