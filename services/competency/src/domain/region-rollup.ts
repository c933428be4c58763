// Region codes are Kemendagri prefixes (DOMAIN.md "People and organisation": province `32`, regency
// `32.15`; scoping is a prefix match). Summaries are stored at every ancestor level so that reading one
// region costs one row per competency.

/** The key under which national totals are stored; tokens say `ID` (or empty) for national. */
export const NATIONAL_REGION_CODE = 'ID';

export function normaliseRegionCode(code: string | null | undefined): string {
  const trimmed = (code ?? '').trim();
  return trimmed === '' ? NATIONAL_REGION_CODE : trimmed;
}

/** `32.15` → [`ID`, `32`, `32.15`]; `ID` → [`ID`]. */
export function regionAncestors(regionCode: string): string[] {
  const code = normaliseRegionCode(regionCode);
  if (code === NATIONAL_REGION_CODE) return [NATIONAL_REGION_CODE];
  const segments = code.split('.');
  return [NATIONAL_REGION_CODE, ...segments.map((_, index) => segments.slice(0, index + 1).join('.'))];
}
