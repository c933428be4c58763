// What an SKP must hold (PermenPANRB 6/2022 Lampiran, SKP form; DOMAIN.md "Performance"): RHK utama and
// tambahan, each measured by indicators (IKI) on one aspect (kuantitas, kualitas, waktu, biaya) with a
// target and unit, optionally per quarter; a submitted SKP has at least one RHK utama and every RHK has
// an indicator. The cascade (intervensi): a staff member's RHK supports an RHK of the direct
// supervisor's APPROVED SKP of the same year; a head (no supervisor) supports an organisation goal.

export const rhkKinds = ['UTAMA', 'TAMBAHAN'] as const;
export type RhkKind = (typeof rhkKinds)[number];

export const indicatorAspects = ['KUANTITAS', 'KUALITAS', 'WAKTU', 'BIAYA'] as const;
export type IndicatorAspect = (typeof indicatorAspects)[number];

/** The seven BerAKHLAK core values (SE MenPANRB 20/2021), on which the supervisor sets expectations. */
export const berakhlakBehaviours = ['BERORIENTASI_PELAYANAN', 'AKUNTABEL', 'KOMPETEN', 'HARMONIS', 'LOYAL', 'ADAPTIF', 'KOLABORATIF'] as const;
export type BerakhlakBehaviour = (typeof berakhlakBehaviours)[number];

export const MAX_RHK_TEXT = 1000;
export const MAX_INDICATOR_TEXT = 500;
export const MAX_UNIT_TEXT = 50;
export const MAX_INDICATORS_PER_RHK = 10;
/** A plan, not a task list: e-Kinerja SKPs hold a handful of RHK; the cap bounds every list read. */
export const MAX_RHK_PER_SKP = 20;
export const MAX_EXPECTATION_TEXT = 1000;

export interface Problem {
  reason: string;
  message: string;
}

export interface IndicatorInput {
  text: string;
  aspect: string;
  target: number;
  unit: string;
  quarterlyTargets?: readonly number[] | null;
}

export function validateRhkText(text: string): Problem | null {
  const trimmed = text.trim();
  if (trimmed.length < 3) return { reason: 'rhk_text_too_short', message: 'Rumusan RHK paling sedikit 3 karakter' };
  if (trimmed.length > MAX_RHK_TEXT) return { reason: 'rhk_text_too_long', message: `Rumusan RHK paling banyak ${MAX_RHK_TEXT} karakter` };
  return null;
}

export function validateIndicators(indicators: readonly IndicatorInput[]): Problem[] {
  const problems: Problem[] = [];
  if (indicators.length > MAX_INDICATORS_PER_RHK) problems.push({ reason: 'too_many_indicators', message: `Satu RHK paling banyak ${MAX_INDICATORS_PER_RHK} indikator` });
  indicators.forEach((indicator, index) => {
    const n = index + 1;
    const text = indicator.text.trim();
    if (text.length < 3 || text.length > MAX_INDICATOR_TEXT) problems.push({ reason: 'invalid_indicator_text', message: `Indikator ${n}: rumusan harus 3–${MAX_INDICATOR_TEXT} karakter` });
    if (!(indicatorAspects as readonly string[]).includes(indicator.aspect)) problems.push({ reason: 'invalid_indicator_aspect', message: `Indikator ${n}: aspek harus kuantitas, kualitas, waktu atau biaya` });
    if (!Number.isFinite(indicator.target) || indicator.target <= 0) problems.push({ reason: 'invalid_indicator_target', message: `Indikator ${n}: target harus lebih dari 0` });
    const unit = indicator.unit.trim();
    if (unit.length < 1 || unit.length > MAX_UNIT_TEXT) problems.push({ reason: 'invalid_indicator_unit', message: `Indikator ${n}: satuan harus 1–${MAX_UNIT_TEXT} karakter` });
    const quarters = indicator.quarterlyTargets;
    if (quarters !== null && quarters !== undefined) {
      if (quarters.length !== 4 || quarters.some((q) => !Number.isFinite(q) || q < 0)) {
        problems.push({ reason: 'invalid_quarterly_targets', message: `Indikator ${n}: target triwulan harus empat angka tidak negatif` });
      }
    }
  });
  return problems;
}

export interface PlannedRhk {
  kind: RhkKind;
  indicatorCount: number;
  supportsRhkId: string | null;
  goalId: string | null;
}

/**
 * Problems that stop a submit. `hasSupervisor`: the employee has a direct supervisor, so each RHK utama
 * must cascade from the supervisor's; `orgGoalsRecorded`: for a head, the unit recorded goals for the year,
 * so each RHK utama must support one (without goals the cascade starts at the head).
 */
export function submitProblems(rhk: readonly PlannedRhk[], context: { hasSupervisor: boolean; orgGoalsRecorded: boolean }): Problem[] {
  const problems: Problem[] = [];
  const utama = rhk.filter((r) => r.kind === 'UTAMA');
  if (utama.length === 0) problems.push({ reason: 'no_rhk_utama', message: 'SKP belum memiliki RHK utama' });
  const withoutIndicator = rhk.filter((r) => r.indicatorCount === 0).length;
  if (withoutIndicator > 0) problems.push({ reason: 'rhk_without_indicator', message: `${withoutIndicator} RHK belum memiliki indikator kinerja` });
  if (context.hasSupervisor) {
    const loose = utama.filter((r) => r.supportsRhkId === null).length;
    if (loose > 0) problems.push({ reason: 'rhk_not_cascaded', message: `${loose} RHK utama belum dikaitkan dengan RHK atasan (intervensi)` });
  } else if (context.orgGoalsRecorded) {
    const loose = utama.filter((r) => r.goalId === null).length;
    if (loose > 0) problems.push({ reason: 'rhk_not_cascaded', message: `${loose} RHK utama belum dikaitkan dengan sasaran organisasi` });
  }
  return problems;
}

export interface SupportTarget {
  /** Employee whose SKP holds the supported RHK. */
  employeeId: string;
  year: number;
  status: string;
}

/** Whether an RHK of `owner`'s SKP for `year` may support `target` (the RHK it names as intervensi). */
export function cascadeProblem(owner: { supervisorId: string | null; year: number }, target: SupportTarget): Problem | null {
  if (owner.supervisorId === null || target.employeeId !== owner.supervisorId) {
    return { reason: 'supported_rhk_not_supervisors', message: 'RHK yang diintervensi harus RHK atasan langsung' };
  }
  if (target.year !== owner.year) {
    return { reason: 'supported_rhk_other_year', message: `RHK yang diintervensi harus dari SKP atasan tahun ${owner.year}` };
  }
  if (target.status !== 'APPROVED') {
    return { reason: 'supported_skp_not_approved', message: 'SKP atasan belum disetujui; RHK hanya dapat mengintervensi SKP atasan yang sudah disetujui' };
  }
  return null;
}

export const MIN_SKP_YEAR = 2022;

export function yearProblem(year: number, currentYear: number): Problem | null {
  if (!Number.isInteger(year) || year < MIN_SKP_YEAR || year > currentYear + 1) {
    return { reason: 'invalid_year', message: `Tahun SKP harus ${MIN_SKP_YEAR}–${currentYear + 1}` };
  }
  return null;
}

/** On approval the supervisor sets an expectation for each of the seven BerAKHLAK behaviours, once each. */
export function expectationProblems(expectations: readonly { behaviour: string; expectation: string }[]): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const entry of expectations) {
    if (!(berakhlakBehaviours as readonly string[]).includes(entry.behaviour)) problems.push({ reason: 'unknown_behaviour', message: `Perilaku ${entry.behaviour} bukan nilai BerAKHLAK` });
    else if (seen.has(entry.behaviour)) problems.push({ reason: 'duplicate_behaviour', message: `Ekspektasi perilaku ${entry.behaviour} diisi lebih dari sekali` });
    seen.add(entry.behaviour);
    const text = entry.expectation.trim();
    if (text.length < 3 || text.length > MAX_EXPECTATION_TEXT) problems.push({ reason: 'invalid_expectation', message: `Ekspektasi perilaku ${entry.behaviour} harus 3–${MAX_EXPECTATION_TEXT} karakter` });
  }
  const missing = berakhlakBehaviours.filter((b) => !seen.has(b));
  if (missing.length > 0) problems.push({ reason: 'missing_behaviour_expectation', message: `Ekspektasi pimpinan belum diisi untuk: ${missing.join(', ')}` });
  return problems;
}
