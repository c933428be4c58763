// Months (YYYY-MM) and exact rupiah arithmetic behind DOMAIN.md "TPP": whole rupiah, rounded half up at the end.
import { describe, expect, it } from 'vitest';
import { formatBp, formatRupiah, fromRupiah, roundHalfUp, timesBp } from '../../src/domain/money.ts';
import { addMonths, isFutureMonth, isMonth, monthEnd } from '../../src/domain/month.ts';

describe('months', () => {
  it.each([['2026-01', true], ['2026-12', true], ['2026-13', false], ['2026-1', false], ['26-01', false], ['1999-12', false]])('isMonth(%s) = %s', (m, ok) => {
    expect(isMonth(m)).toBe(ok);
  });
  it.each([['2026-01', -1, '2025-12'], ['2026-11', 3, '2027-02'], ['2026-05', 0, '2026-05'], ['2026-01', -13, '2024-12']])('addMonths(%s, %i) = %s', (m, n, out) => {
    expect(addMonths(m, n)).toBe(out);
  });
  it.each([['2024-02', '2024-02-29'], ['2026-02', '2026-02-28'], ['2026-04', '2026-04-30'], ['2026-12', '2026-12-31']])('monthEnd(%s) = %s', (m, d) => {
    expect(monthEnd(m)).toBe(d);
  });
  it('a month is in the future only when it starts after today', () => {
    expect([isFutureMonth('2026-11', '2026-11-29'), isFutureMonth('2026-12', '2026-11-29')]).toEqual([false, true]);
  });
});

describe('exact rupiah', () => {
  it.each([
    [fromRupiah(5), 5_000, 3],
    [fromRupiah(25), 5_000, 13],
    [fromRupiah(-25), 5_000, -13],
    [fromRupiah(24), 5_000, 12],
    [fromRupiah(17_019_369), 6_000, 10_211_621],
  ])('round(%s × %i bp) = %i', (amount, bp, rupiah) => {
    expect(roundHalfUp(timesBp(amount, bp))).toBe(rupiah);
  });
  it('0.1 + 0.2 stays exact: three times 10% of Rp 1 is Rp 0.3 → 0, ten times is Rp 1', () => {
    const tenth = timesBp(fromRupiah(1), 1_000);
    expect([roundHalfUp(tenth * 3n), roundHalfUp(tenth * 10n)]).toEqual([0, 1]);
  });
  it('formats for Indonesian labels', () => {
    expect([formatBp(50), formatBp(125), formatBp(10_000), formatRupiah(17_019_369), formatRupiah(-5)]).toEqual(['0,5%', '1,25%', '100%', 'Rp17.019.369', '−Rp5']);
  });
});
