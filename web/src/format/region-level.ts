import { messages } from '../i18n/index.ts';

export type RegionLevel = 'NATIONAL' | 'PROVINCE' | 'REGENCY';

const levels: readonly RegionLevel[] = ['NATIONAL', 'PROVINCE', 'REGENCY'];

export function isRegionLevel(value: string): value is RegionLevel {
  return (levels as readonly string[]).includes(value);
}

export function regionLevelLabel(level: string | null | undefined): string {
  return level && isRegionLevel(level) ? messages.regionLevel[level] : messages.notAvailable;
}

/** The token's `region_code` is `ID` or empty for national, `32` for a province, `32.15` for a regency. */
export function levelOfRegionCode(code: string | null | undefined): RegionLevel {
  const trimmed = (code ?? '').trim();
  if (trimmed === '' || trimmed.toUpperCase() === 'ID') return 'NATIONAL';
  return trimmed.includes('.') ? 'REGENCY' : 'PROVINCE';
}

export function isNationalCode(code: string | null | undefined): boolean {
  return levelOfRegionCode(code) === 'NATIONAL';
}

/** Human label of a region the viewer is scoped to, before its name is loaded. */
export function regionCodeLabel(code: string | null | undefined): string {
  const level = levelOfRegionCode(code);
  return level === 'NATIONAL' ? messages.regionLevel.NATIONAL : `${messages.regionLevel[level]} ${code}`;
}
