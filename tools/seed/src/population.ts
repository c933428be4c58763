// Province population in thousands, mid-2024, rounded (BPS "Jumlah Penduduk Pertengahan Tahun"
// projections; the six Papua provinces from their 2024 BPS releases). Only the proportions matter:
// the seed spreads employees across provinces in proportion to these numbers, as regional ASN
// numbers roughly follow population.
export const provincePopulationThousands: Readonly<Record<string, number>> = {
  '11': 5555, '12': 15589, '13': 5837, '14': 6729, '15': 3724, '16': 8837, '17': 2112, '18': 9419,
  '19': 1531, '21': 2183, '31': 10684, '32': 50345, '33': 37893, '34': 3759, '35': 41644, '36': 12431,
  '51': 4433, '52': 5646, '53': 5657, '61': 5623, '62': 2774, '63': 4222, '64': 4045, '65': 734,
  '71': 2701, '72': 3122, '73': 9463, '74': 2794, '75': 1214, '76': 1480, '81': 1946, '82': 1355,
  '91': 1061, '92': 569, '93': 545, '94': 1473, '95': 1474, '96': 627,
};

/**
 * Splits `total` into integer parts proportional to `weights` (largest remainder method), so the
 * parts always add up to the total.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (weights.length === 0) return [];
  if (sum <= 0) throw new Error('weights must add up to more than zero');
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map((x) => Math.floor(x));
  let left = total - parts.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left <= 0) break;
    parts[i] = (parts[i] as number) + 1;
    left--;
  }
  return parts;
}
