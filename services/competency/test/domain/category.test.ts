// DOMAIN.md "Competency", Mapping categories (configurable): JPM ≥ 90 Optimal; 78 ≤ JPM < 90 Cukup Optimal;
// < 78 Kurang Optimal. Filling a position: ≥ 80 Memenuhi Syarat, 68–80 Masih Memenuhi Syarat, < 68 Kurang.
import { describe, expect, it } from 'vitest';
import { categorise, eligibilityScheme, optimalityScheme, validateMappingScheme } from '../../src/domain/category.ts';
import type { MappingScheme } from '../../src/domain/category.ts';

describe('categorise (DOMAIN.md "Competency", Mapping categories)', () => {
  const cases: { scheme: MappingScheme; jpm: number; category: string; potential: string }[] = [
    { scheme: optimalityScheme, jpm: 100, category: 'OPTIMAL', potential: 'HIGH' },
    { scheme: optimalityScheme, jpm: 98.74, category: 'OPTIMAL', potential: 'HIGH' },
    { scheme: optimalityScheme, jpm: 90, category: 'OPTIMAL', potential: 'HIGH' },
    { scheme: optimalityScheme, jpm: 89.99, category: 'CUKUP_OPTIMAL', potential: 'MEDIUM' },
    { scheme: optimalityScheme, jpm: 78, category: 'CUKUP_OPTIMAL', potential: 'MEDIUM' },
    { scheme: optimalityScheme, jpm: 77.99, category: 'KURANG_OPTIMAL', potential: 'LOW' },
    { scheme: optimalityScheme, jpm: 0, category: 'KURANG_OPTIMAL', potential: 'LOW' },
    { scheme: eligibilityScheme, jpm: 80, category: 'MEMENUHI_SYARAT', potential: 'HIGH' },
    { scheme: eligibilityScheme, jpm: 79.99, category: 'MASIH_MEMENUHI_SYARAT', potential: 'MEDIUM' },
    { scheme: eligibilityScheme, jpm: 68, category: 'MASIH_MEMENUHI_SYARAT', potential: 'MEDIUM' },
    { scheme: eligibilityScheme, jpm: 67.99, category: 'KURANG_MEMENUHI_SYARAT', potential: 'LOW' },
  ];
  it.each(cases)('$scheme.code $jpm → $category', ({ scheme, jpm, category, potential }) => {
    const band = categorise(jpm, scheme);
    expect(band.category).toBe(category);
    expect(band.potential).toBe(potential);
  });

  it('follows configured thresholds, not constants', () => {
    const stricter: MappingScheme = {
      code: 'CUSTOM',
      name: 'custom',
      bands: [
        { category: 'OPTIMAL', label: 'Optimal', minJpm: 95, potential: 'HIGH' },
        { category: 'KURANG_OPTIMAL', label: 'Kurang Optimal', minJpm: 0, potential: 'LOW' },
      ],
    };
    expect(categorise(94.99, stricter).category).toBe('KURANG_OPTIMAL');
    expect(categorise(95, stricter).category).toBe('OPTIMAL');
  });

  it('rejects a configuration where some JPM falls in no band', () => {
    expect(validateMappingScheme(optimalityScheme)).toEqual([]);
    expect(
      validateMappingScheme({ code: 'X', name: 'x', bands: [{ category: 'A', label: 'A', minJpm: 50, potential: 'LOW' }] }),
    ).toEqual(['lowest_band_must_start_at_0']);
  });
});
