// DOMAIN.md "Competency": mapping categories are configurable (JPM ≥ 90 Optimal; 78 ≤ JPM < 90 Cukup
// Optimal; < 78 Kurang Optimal; one agency: ≥ 80 Memenuhi Syarat, 68–80 Masih Memenuhi Syarat, < 68 Kurang
// Memenuhi Syarat). A configured scheme must place every JPM in one band.
import { describe, expect, it } from 'vitest';
import { eligibilityScheme, optimalityScheme, type CategoryBand, type MappingScheme } from '../../src/domain/category.ts';
import { validateMappingSchemeInput } from '../../src/domain/mapping-rule.ts';

const band = (category: string, minJpm: number, potential: CategoryBand['potential'] = 'LOW', label = category): CategoryBand => ({ category, label, minJpm, potential });
const scheme = (bands: CategoryBand[], code = 'CUSTOM', name = 'Skema uji'): MappingScheme => ({ code, name, bands });

describe('validateMappingSchemeInput', () => {
  const cases: [string, MappingScheme, string[]][] = [
    ['the default optimality scheme (DOMAIN.md)', optimalityScheme, []],
    ['the eligibility scheme one agency uses (DOMAIN.md)', eligibilityScheme, []],
    ['two bands with decimal bounds', scheme([band('TINGGI', 85.5, 'HIGH'), band('RENDAH', 0)]), []],
    ['a lower-case scheme code', scheme([band('A1', 0)], 'custom'), ['invalid_scheme_code']],
    ['a too-short scheme name', scheme([band('A1', 0)], 'CUSTOM', 'x'), ['invalid_scheme_name']],
    ['no bands', scheme([]), ['no_bands', 'lowest_band_must_start_at_0']],
    ['no band from 0: a JPM of 10 falls nowhere', scheme([band('TINGGI', 50)]), ['lowest_band_must_start_at_0']],
    ['two bands with one bound', scheme([band('TINGGI', 50, 'HIGH'), band('SEDANG', 50, 'MEDIUM'), band('RENDAH', 0)]), ['duplicate_band_bound']],
    ['a bound above 100', scheme([band('TINGGI', 120, 'HIGH'), band('RENDAH', 0)]), ['min_jpm_out_of_range']],
    ['a bound with three decimals', scheme([band('TINGGI', 80.125, 'HIGH'), band('RENDAH', 0)]), ['min_jpm_out_of_range']],
    ['a category with spaces', scheme([band('Sangat baik', 80, 'HIGH'), band('RENDAH', 0)]), ['invalid_category']],
    ['a category twice', scheme([band('RENDAH', 80, 'HIGH'), band('RENDAH', 0)]), ['duplicate_category']],
    ['an empty label', scheme([band('TINGGI', 80, 'HIGH', ''), band('RENDAH', 0)]), ['invalid_band_label']],
    ['an unknown potential', scheme([band('TINGGI', 80, 'VERY_HIGH' as CategoryBand['potential']), band('RENDAH', 0)]), ['invalid_talent_potential']],
    ['eleven bands', scheme(Array.from({ length: 11 }, (_, i) => band(`B${i}`, i * 9))), ['too_many_bands']],
  ];
  it.each(cases)('%s', (_, input, reasons) => {
    const problems = validateMappingSchemeInput(input);
    expect(problems.map((p) => p.reason)).toEqual(reasons);
    for (const problem of problems) expect(problem.message).toMatch(/^[A-Z]/);
  });
});
