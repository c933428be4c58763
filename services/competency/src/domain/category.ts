// Mapping categories from JPM, configurable bands (DOMAIN.md "Competency", "Mapping categories"), and the
// potential axis they give the talent 9-box (PermenPANRB 3/2020).

export type TalentPotential = 'LOW' | 'MEDIUM' | 'HIGH';

export interface CategoryBand {
  readonly category: string;
  readonly label: string;
  /** Inclusive lower bound in percent; the band holds JPM values from here up to the next band's bound. */
  readonly minJpm: number;
  readonly potential: TalentPotential;
}

export interface MappingScheme {
  readonly code: string;
  readonly name: string;
  /** Any order; categorise() sorts by minJpm. */
  readonly bands: readonly CategoryBand[];
}

/** Default: JPM ≥ 90 Optimal; 78 ≤ JPM < 90 Cukup Optimal; < 78 Kurang Optimal. */
export const optimalityScheme: MappingScheme = {
  code: 'OPTIMALITY',
  name: 'Pemetaan kompetensi (Optimal / Cukup Optimal / Kurang Optimal)',
  bands: [
    { category: 'OPTIMAL', label: 'Optimal', minJpm: 90, potential: 'HIGH' },
    { category: 'CUKUP_OPTIMAL', label: 'Cukup Optimal', minJpm: 78, potential: 'MEDIUM' },
    { category: 'KURANG_OPTIMAL', label: 'Kurang Optimal', minJpm: 0, potential: 'LOW' },
  ],
};

/** The alternative one agency uses for filling a position: ≥ 80, 68–80, < 68. */
export const eligibilityScheme: MappingScheme = {
  code: 'ELIGIBILITY',
  name: 'Pengisian jabatan (Memenuhi Syarat / Masih Memenuhi Syarat / Kurang Memenuhi Syarat)',
  bands: [
    { category: 'MEMENUHI_SYARAT', label: 'Memenuhi Syarat', minJpm: 80, potential: 'HIGH' },
    { category: 'MASIH_MEMENUHI_SYARAT', label: 'Masih Memenuhi Syarat', minJpm: 68, potential: 'MEDIUM' },
    { category: 'KURANG_MEMENUHI_SYARAT', label: 'Kurang Memenuhi Syarat', minJpm: 0, potential: 'LOW' },
  ],
};

export const mappingSchemes: readonly MappingScheme[] = [optimalityScheme, eligibilityScheme];

export function categorise(jpm: number, scheme: MappingScheme = optimalityScheme): CategoryBand {
  const bands = [...scheme.bands].sort((a, b) => b.minJpm - a.minJpm);
  const band = bands.find((candidate) => jpm >= candidate.minJpm) ?? bands[bands.length - 1];
  if (band === undefined) throw new Error(`mapping scheme ${scheme.code} has no bands`);
  return band;
}

/** A scheme from configuration must cover 0 and have distinct bounds, or some JPM would fall nowhere. */
export function validateMappingScheme(scheme: MappingScheme): string[] {
  const problems: string[] = [];
  if (scheme.bands.length === 0) problems.push('no_bands');
  if (!scheme.bands.some((band) => band.minJpm <= 0)) problems.push('lowest_band_must_start_at_0');
  const bounds = scheme.bands.map((band) => band.minJpm);
  if (new Set(bounds).size !== bounds.length) problems.push('duplicate_band_bound');
  return problems;
}
