// Validation of a JPM rule and mapping scheme sent to setMappingRule (DOMAIN.md "Competency": whether a
// surplus counts toward JPM and the category bands are configurable per instansi with an effective date;
// defaults: capped, JPM ≥ 90 Optimal, 78–90 Cukup Optimal, < 78 Kurang Optimal). A scheme must put every
// JPM 0–100 in exactly one band, and each band names a category code, a label and its talent potential.
import { validateMappingScheme, type MappingScheme, type TalentPotential } from './category.ts';

export const MAX_BANDS = 10;
const CODE_PATTERN = /^[A-Z][A-Z0-9_]{1,39}$/;
const POTENTIALS: readonly TalentPotential[] = ['LOW', 'MEDIUM', 'HIGH'];

export interface MappingRuleProblem {
  readonly reason: string;
  readonly message: string;
}

const structuralMessages: Record<string, string> = {
  no_bands: 'Skema pemetaan harus memiliki minimal satu kategori',
  lowest_band_must_start_at_0: 'Kategori terendah harus dimulai dari JPM 0, agar setiap nilai JPM masuk satu kategori',
  duplicate_band_bound: 'Dua kategori tidak boleh memiliki batas bawah JPM yang sama',
};

export function validateMappingSchemeInput(scheme: MappingScheme): MappingRuleProblem[] {
  const problems: MappingRuleProblem[] = [];
  if (!CODE_PATTERN.test(scheme.code)) {
    problems.push({ reason: 'invalid_scheme_code', message: 'Kode skema: huruf kapital, angka atau garis bawah, 2–40 karakter (contoh: OPTIMALITY)' });
  }
  if (scheme.name.length < 3 || scheme.name.length > 200) problems.push({ reason: 'invalid_scheme_name', message: 'Nama skema harus 3–200 karakter' });
  if (scheme.bands.length > MAX_BANDS) problems.push({ reason: 'too_many_bands', message: `Skema pemetaan paling banyak ${MAX_BANDS} kategori` });
  const categories = new Set<string>();
  for (const band of scheme.bands) {
    if (!CODE_PATTERN.test(band.category)) {
      problems.push({ reason: 'invalid_category', message: `Kode kategori ${band.category}: huruf kapital, angka atau garis bawah, 2–40 karakter (contoh: CUKUP_OPTIMAL)` });
    } else if (categories.has(band.category)) {
      problems.push({ reason: 'duplicate_category', message: `Kategori ${band.category} disebut lebih dari sekali` });
    }
    categories.add(band.category);
    if (band.label.length < 2 || band.label.length > 100) problems.push({ reason: 'invalid_band_label', message: `Label kategori ${band.category} harus 2–100 karakter` });
    if (!Number.isFinite(band.minJpm) || band.minJpm < 0 || band.minJpm > 100 || Math.round(band.minJpm * 100) !== band.minJpm * 100) {
      problems.push({ reason: 'min_jpm_out_of_range', message: `Batas bawah JPM kategori ${band.category} harus 0–100 dengan paling banyak dua desimal` });
    }
    if (!POTENTIALS.includes(band.potential)) problems.push({ reason: 'invalid_talent_potential', message: `Potensi kategori ${band.category} harus LOW, MEDIUM atau HIGH` });
  }
  for (const reason of validateMappingScheme(scheme)) problems.push({ reason, message: structuralMessages[reason] ?? reason });
  return problems;
}
