// Calibration before finalising (DOMAIN.md "Distribution (calibration) limits", MenPANRB guidance on
// PermenPANRB 6/2022): the unit's own predikat bounds the distribution of its employees' predikat.
// The limits are configurable per instansi with an effective date, so they are data, not branches.
import type { Versioned } from './configuration-in-force.ts';
import { predikatLabels, predikatValues, type Predikat } from './rating.ts';

export const unitPredikatValues = ['ISTIMEWA', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'] as const;
export type UnitPredikat = (typeof unitPredikatValues)[number];

export const unitPredikatLabels: Readonly<Record<UnitPredikat, string>> = {
  ISTIMEWA: 'Istimewa',
  BAIK: 'Baik',
  BUTUH_PERBAIKAN: 'Butuh Perbaikan',
  KURANG: 'Kurang',
  SANGAT_KURANG: 'Sangat Kurang',
};

/**
 * A limit on the employees whose predikat is one of `predikat`: `AT_MOST` / `AT_LEAST` a share (0–1) of the
 * unit's rated employees, or `AT_LEAST_COUNT` employees ("some Butuh Perbaikan and/or Kurang").
 */
export interface DistributionLimit {
  readonly predikat: readonly Predikat[];
  readonly bound: 'AT_MOST' | 'AT_LEAST' | 'AT_LEAST_COUNT';
  readonly value: number;
}

export interface DistributionLimitTable extends Versioned {
  readonly limits: Readonly<Record<UnitPredikat, readonly DistributionLimit[]>>;
}

/** DOMAIN.md table, row by row. */
export const defaultDistributionLimits: DistributionLimitTable = {
  instansiId: null,
  effectiveFrom: '2022-01-01',
  limits: {
    ISTIMEWA: [{ predikat: ['SANGAT_BAIK'], bound: 'AT_MOST', value: 0.7 }],
    BAIK: [
      { predikat: ['BAIK'], bound: 'AT_MOST', value: 0.7 },
      { predikat: ['BUTUH_PERBAIKAN', 'KURANG'], bound: 'AT_LEAST_COUNT', value: 1 },
    ],
    BUTUH_PERBAIKAN: [
      { predikat: ['BUTUH_PERBAIKAN'], bound: 'AT_LEAST', value: 0.6 },
      { predikat: ['SANGAT_BAIK'], bound: 'AT_MOST', value: 0.1 },
    ],
    KURANG: [
      { predikat: ['KURANG'], bound: 'AT_LEAST', value: 0.6 },
      { predikat: ['BUTUH_PERBAIKAN'], bound: 'AT_LEAST', value: 0.1 },
      { predikat: ['SANGAT_BAIK'], bound: 'AT_MOST', value: 0.1 },
    ],
    SANGAT_KURANG: [
      { predikat: ['SANGAT_KURANG'], bound: 'AT_LEAST', value: 0.6 },
      { predikat: ['KURANG', 'BUTUH_PERBAIKAN'], bound: 'AT_LEAST', value: 0.1 },
      { predikat: ['SANGAT_BAIK'], bound: 'AT_MOST', value: 0 },
    ],
  },
};

/**
 * A unit head's hasil-kerja rating is the unit's result (PermenPANRB 6/2022): absent an explicit
 * organisational evaluation, the unit's predikat follows its head's predikat on the same scale.
 */
export function unitPredikatFromHead(headPredikat: Predikat): UnitPredikat {
  return headPredikat === 'SANGAT_BAIK' ? 'ISTIMEWA' : headPredikat;
}

export type PredikatCounts = Readonly<Record<Predikat, number>>;

export function emptyCounts(): Record<Predikat, number> {
  return { SANGAT_BAIK: 0, BAIK: 0, BUTUH_PERBAIKAN: 0, KURANG: 0, SANGAT_KURANG: 0 };
}

export function totalOf(counts: PredikatCounts): number {
  return predikatValues.reduce((sum, p) => sum + counts[p], 0);
}

export interface LimitCheck {
  readonly limit: DistributionLimit;
  /** The limit in words, e.g. "paling banyak 70% Baik". */
  readonly description: string;
  readonly actualCount: number;
  readonly actualShare: number;
  readonly violated: boolean;
  /** Why it is violated, in words; null when it holds. */
  readonly violation: string | null;
}

const percent = (share: number): string => `${Number((share * 100).toFixed(1)).toLocaleString('id-ID')}%`;

function namesOf(predikat: readonly Predikat[]): string {
  return predikat.map((p) => predikatLabels[p].replace('/Misconduct', '')).join(' atau ');
}

export function describeLimit(limit: DistributionLimit): string {
  const names = namesOf(limit.predikat);
  if (limit.bound === 'AT_LEAST_COUNT') return `sekurang-kurangnya ${limit.value} pegawai ${names}`;
  if (limit.bound === 'AT_MOST' && limit.value === 0) return `tidak ada pegawai ${names}`;
  return `${limit.bound === 'AT_MOST' ? 'paling banyak' : 'sekurang-kurangnya'} ${percent(limit.value)} ${names}`;
}

/**
 * Checks each limit of the unit's predikat against the counts. A unit with nobody rated violates nothing:
 * there is nothing to finalise yet.
 */
export function checkDistribution(table: DistributionLimitTable, unitPredikat: UnitPredikat, counts: PredikatCounts): LimitCheck[] {
  const total = totalOf(counts);
  return table.limits[unitPredikat].map((limit) => {
    const actualCount = limit.predikat.reduce((sum, p) => sum + counts[p], 0);
    const actualShare = total === 0 ? 0 : actualCount / total;
    const description = describeLimit(limit);
    let violated = false;
    if (total > 0) {
      if (limit.bound === 'AT_MOST') violated = actualShare > limit.value;
      else if (limit.bound === 'AT_LEAST') violated = actualShare < limit.value;
      else violated = actualCount < limit.value;
    }
    const names = namesOf(limit.predikat);
    const violation = !violated
      ? null
      : limit.bound === 'AT_LEAST_COUNT'
        ? `Unit berpredikat ${unitPredikatLabels[unitPredikat]} harus memiliki ${description}; saat ini ${actualCount} pegawai`
        : `Unit berpredikat ${unitPredikatLabels[unitPredikat]} harus memiliki ${description}; saat ini ${actualCount} dari ${total} pegawai (${percent(actualShare)}) ${names}`;
    return { limit, description, actualCount, actualShare, violated, violation };
  });
}

export interface LimitProblem {
  reason: 'limit_invalid';
  message: string;
}

/** A configured table: every unit predikat has a list; shares in 0–1; counts whole and positive. */
export function validateLimitTable(limits: Record<string, readonly { predikat: readonly string[]; bound: string; value: number }[]>): LimitProblem[] {
  const problems: LimitProblem[] = [];
  for (const unit of unitPredikatValues) {
    if (!Array.isArray(limits[unit])) problems.push({ reason: 'limit_invalid', message: `Batas untuk unit berpredikat ${unitPredikatLabels[unit]} belum diisi` });
  }
  for (const [unit, list] of Object.entries(limits)) {
    if (!(unitPredikatValues as readonly string[]).includes(unit)) problems.push({ reason: 'limit_invalid', message: `Predikat unit ${unit} tidak dikenal` });
    for (const limit of list ?? []) {
      const known = limit.predikat.length > 0 && limit.predikat.every((p) => (predikatValues as readonly string[]).includes(p));
      const shareOk = (limit.bound === 'AT_MOST' || limit.bound === 'AT_LEAST') && limit.value >= 0 && limit.value <= 1;
      const countOk = limit.bound === 'AT_LEAST_COUNT' && Number.isInteger(limit.value) && limit.value >= 1;
      if (!known || !(shareOk || countOk)) problems.push({ reason: 'limit_invalid', message: `Batas ${limit.bound} ${limit.value} untuk ${limit.predikat.join('/')} pada unit ${unit} tidak sah` });
    }
  }
  return problems;
}

export interface DistributionView {
  total: number;
  counts: { predikat: Predikat; employees: number; share: number }[];
  unitPredikat: UnitPredikat | null;
  checks: LimitCheck[];
}

/**
 * A unit's distribution for calibration: its employees' counts without the head (whose rating is the unit's
 * result, calibrated one level up), the unit predikat from the head, and the limits that follow from it.
 */
export function unitDistribution(table: DistributionLimitTable, subtreeCounts: PredikatCounts, headPredikat: Predikat | null): DistributionView {
  const counts = { ...subtreeCounts };
  if (headPredikat !== null && counts[headPredikat] > 0) counts[headPredikat] -= 1;
  const unitPredikat = headPredikat === null ? null : unitPredikatFromHead(headPredikat);
  return { ...countsView(counts), unitPredikat, checks: unitPredikat === null ? [] : checkDistribution(table, unitPredikat, counts) };
}

export function countsView(counts: PredikatCounts): Pick<DistributionView, 'total' | 'counts'> {
  const total = totalOf(counts);
  return { total, counts: predikatValues.map((predikat) => ({ predikat, employees: counts[predikat], share: total === 0 ? 0 : counts[predikat] / total })) };
}
