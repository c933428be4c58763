// Kemendagri region codes (DOMAIN.md "Region codes"): `ID` national, `PP` province (38), `PP.KK`
// regency/city (kabupaten 01–69, kota 71–99). Scoping is a prefix match on whole segments.
// The national code and the region rule itself (`regionCovers`) are the kit's: @kinerja/kit/scoping.
import { NATIONAL_REGION_CODE } from '@kinerja/kit/scoping';
import type { RegionLevel } from './vocabulary.ts';

export function regionLevelOf(code: string): RegionLevel | null {
  if (code === NATIONAL_REGION_CODE) return 'NATIONAL';
  if (/^\d{2}$/.test(code)) return 'PROVINCE';
  if (/^\d{2}\.\d{2}$/.test(code)) return 'REGENCY';
  return null;
}

export function parentRegionCode(code: string): string | null {
  const level = regionLevelOf(code);
  if (level === 'PROVINCE') return NATIONAL_REGION_CODE;
  if (level === 'REGENCY') return code.slice(0, 2);
  return null;
}

export interface RegionRow {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
}

/** Parses the reference TSV (`code<TAB>name`, header first) and checks every code's shape. */
export function parseRegionsTsv(text: string): RegionRow[] {
  const rows: RegionRow[] = [];
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  for (const [index, line] of lines.slice(1).entries()) {
    const [code, name] = line.split('\t');
    const level = code ? regionLevelOf(code) : null;
    if (!code || !name || !level || level === 'NATIONAL') throw new Error(`regions TSV line ${index + 2}: bad row ${JSON.stringify(line)}`);
    rows.push({ code, name: name.trim(), level, parentCode: parentRegionCode(code) });
  }
  return rows;
}
