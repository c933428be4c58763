// Exact rupiah arithmetic. TPP multiplies a base in whole rupiah by several percentages (shares,
// predikat factor, deduction rates, exception reductions) and DOMAIN.md "TPP" rounds only at the end,
// so intermediate amounts are kept exact: bigint rupiah scaled by 10^32, percentages in basis points
// (1% = 100 bp). Each basis-point product consumes at most four of the 32 decimals and a statement
// applies at most eight in a chain, so every division below is exact (timesBp checks it).

const SCALE = 10n ** 32n;
const HALF = SCALE / 2n;
const BP_PER_WHOLE = 10_000n;

/** An exact amount: rupiah × 10^32. */
export type Exact = bigint;

export const ZERO: Exact = 0n;

export const fromRupiah = (rupiah: number): Exact => BigInt(rupiah) * SCALE;

/** amount × bp / 10 000, exact. */
export function timesBp(amount: Exact, bp: number): Exact {
  const product = amount * BigInt(bp);
  if (product % BP_PER_WHOLE !== 0n) throw new Error('TPP arithmetic lost precision (too many percentages in one chain)');
  return product / BP_PER_WHOLE;
}

export const timesCount = (amount: Exact, count: number): Exact => amount * BigInt(count);

export const minExact = (a: Exact, b: Exact): Exact => (a < b ? a : b);

/**
 * Whole rupiah, rounded half up (half away from zero for a negative line, so a cut of Rp 12,5 shows
 * as −13 and its mirror +13).
 */
export function roundHalfUp(amount: Exact): number {
  if (amount < 0n) return -roundHalfUp(-amount);
  return Number((amount + HALF) / SCALE);
}

// A rule has a few dozen rates, each formatted on thousands of statements' labels.
const bpLabels = new Map<number, string>();

/** Basis points as a percentage string for labels: 50 → "0,5%", 12500 → "125%". */
export function formatBp(bp: number): string {
  let label = bpLabels.get(bp);
  if (label === undefined) {
    const whole = Math.floor(bp / 100);
    const fraction = String(bp % 100).padStart(2, '0').replace(/0+$/, '');
    label = fraction === '' ? `${whole}%` : `${whole},${fraction}%`;
    if (bpLabels.size >= 10_000) bpLabels.clear();
    bpLabels.set(bp, label);
  }
  return label;
}

/** Rupiah for labels in Indonesian style: 1234567 → "Rp1.234.567". */
export const formatRupiah = (rupiah: number): string =>
  `${rupiah < 0 ? '−' : ''}Rp${Math.abs(rupiah).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.')}`;
