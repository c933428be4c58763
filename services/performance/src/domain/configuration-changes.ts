// Changing a configurable rule (DOMAIN.md "Performance": every table marked configurable is data per
// instansi with an effective date): a new version is appended after the scope's latest one (versions never
// overlap or share a date, so the version in force on any day stays unambiguous and history is never
// rewritten), and it may not reach back over results already finalised under the rule it would replace.
import type { ConfigurationKind } from './configuration-kinds.ts';

export interface ChangeProblem {
  code: 'BAD_USER_INPUT' | 'CONFLICT';
  reason: string;
  message: string;
}

/** How far back a change reaches: the first date (or, for a period scheme, the first year) it governs. */
export interface FinalisedReach {
  /** The latest period end of a FINAL evaluation in the scope (YYYY-MM-DD), or null. */
  latestFinalisedPeriodEnd: string | null;
  /** The latest day (WIB, YYYY-MM-DD) a calibration of the scope was finalised, or null. */
  latestFinalisationDay: string | null;
}

/**
 * Whether a version of `kind` effective from `effectiveFrom` may be appended to a scope whose versions are
 * effective from `existing`. A period scheme governs whole years (the scheme of a year is the one in force
 * on 1 January), so it starts on a 1 January.
 */
export function configurationChangeProblem(kind: ConfigurationKind, effectiveFrom: string, existing: readonly string[], reach: FinalisedReach): ChangeProblem | null {
  if (kind === 'PERIOD_SCHEME' && !effectiveFrom.endsWith('-01-01')) {
    return { code: 'BAD_USER_INPUT', reason: 'effective_from_not_year_start', message: 'Skema periode berlaku per tahun: tanggal berlaku harus 1 Januari' };
  }
  if (existing.includes(effectiveFrom)) {
    return { code: 'CONFLICT', reason: 'effective_date_duplicate', message: `Sudah ada versi yang berlaku mulai ${effectiveFrom}; versi tidak dapat ditimpa` };
  }
  const latest = existing.reduce<string | null>((max, d) => (max === null || d > max ? d : max), null);
  if (latest !== null && effectiveFrom < latest) {
    return { code: 'CONFLICT', reason: 'effective_date_overlaps', message: `Tanggal berlaku harus setelah versi terakhir (${latest}); riwayat aturan tidak dapat disisipi` };
  }
  const finalised =
    kind === 'PREDIKAT_MATRIX' || kind === 'PERIOD_SCHEME'
      ? reach.latestFinalisedPeriodEnd !== null && effectiveFrom <= reach.latestFinalisedPeriodEnd
      : kind === 'DISTRIBUTION_LIMITS'
        ? reach.latestFinalisationDay !== null && effectiveFrom <= reach.latestFinalisationDay
        : false;
  if (finalised) {
    return {
      code: 'CONFLICT',
      reason: 'finalised_results_affected',
      message: 'Tanggal berlaku mencakup hasil penilaian yang sudah difinalkan; aturan baru tidak boleh mengubah hasil final',
    };
  }
  return null;
}
