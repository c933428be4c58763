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

/**
 * The longest region both codes lie in, on whole segments: (`32.15`, `32.16`) → `32`; (`32.15`, `36`) → `ID`.
 * An org unit's scope is the common region of everyone in it, so a viewer sees its summary only when the
 * whole unit lies in the viewer's region.
 */
export function commonRegionPrefix(a: string, b: string): string {
  const left = normaliseRegionCode(a);
  const right = normaliseRegionCode(b);
  if (left === NATIONAL_REGION_CODE || right === NATIONAL_REGION_CODE) return NATIONAL_REGION_CODE;
  const leftSegments = left.split('.');
  const rightSegments = right.split('.');
  const shared: string[] = [];
  for (let i = 0; i < Math.min(leftSegments.length, rightSegments.length) && leftSegments[i] === rightSegments[i]; i += 1) {
    shared.push(leftSegments[i] as string);
  }
  return shared.length === 0 ? NATIONAL_REGION_CODE : shared.join('.');
}
