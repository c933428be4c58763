// Every configurable table of DOMAIN.md (predikat matrix, distribution limits, angka-kredit coefficients,
// period schemes) is data per instansi with an effective date. This picks the version in force: the
// instansi's own latest version effective on the date, else the national default (instansiId null).

export interface Versioned {
  /** null = the national default every instansi falls back to. */
  readonly instansiId: string | null;
  /** YYYY-MM-DD, inclusive. */
  readonly effectiveFrom: string;
}

export function versionInForce<T extends Versioned>(versions: readonly T[], instansiId: string | null, onDate: string): T | null {
  const latest = (candidates: readonly T[]): T | null =>
    candidates.filter((v) => v.effectiveFrom <= onDate).reduce<T | null>((best, v) => (best === null || v.effectiveFrom > best.effectiveFrom ? v : best), null);
  const own = instansiId === null ? null : latest(versions.filter((v) => v.instansiId === instansiId));
  return own ?? latest(versions.filter((v) => v.instansiId === null));
}
