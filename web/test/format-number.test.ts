import { describe, expect, it } from 'vitest';
import { formatDecimal, formatGap, formatInteger, formatPercent, formatShare } from '../src/format/number.ts';

describe('Indonesian number formatting', () => {
  it.each([
    [0, '0'],
    [1234, '1.234'],
    [4_730_000, '4.730.000'],
    [1234.6, '1.235'],
    [null, '–'],
    [undefined, '–'],
    [Number.NaN, '–'],
  ])('formatInteger(%s) = %s', (value, expected) => {
    expect(formatInteger(value)).toBe(expected);
  });

  it.each([
    [3, '3,00'],
    [2.962, '2,96'],
    [1234.5, '1.234,50'],
    [null, '–'],
  ])('formatDecimal(%s) = %s', (value, expected) => {
    expect(formatDecimal(value)).toBe(expected);
  });

  it.each([
    [-0.5, '-0,50'],
    [0.25, '+0,25'],
    [0, '0,00'],
    [null, '–'],
  ])('formatGap(%s) keeps the sign: %s', (value, expected) => {
    expect(formatGap(value)).toBe(expected);
  });

  // DOMAIN.md "Competency": JPM 26.66 / 27 × 100 is reported as 98.74 with two decimals.
  it.each([
    [(26.66 / 27) * 100, '98,74%'],
    [100, '100,00%'],
    [78, '78,00%'],
    [undefined, '–'],
  ])('formatPercent(%s) = %s', (value, expected) => {
    expect(formatPercent(value)).toBe(expected);
  });

  it.each([
    [1, 4, '25,00%'],
    [2, 3, '66,67%'],
    [0, 0, '–'],
    [3, null, '–'],
  ])('formatShare(%s, %s) = %s', (part, whole, expected) => {
    expect(formatShare(part, whole)).toBe(expected);
  });
});
