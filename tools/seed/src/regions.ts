import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { RegionLevel } from '@kinerja/kit/vocabulary';

export type { RegionLevel };

export interface Region {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
}

export const NATIONAL_CODE = 'ID';

// The personnel service ships the Kemendagri list (Kepmendagri 300.2.2-2138/2025, as amended by
// 300.2.2-2430/2025; extracted from cahyadsn/wilayah, MIT) as its own data; the seed reads that copy.
// The shared folder is only a fallback for a checkout where personnel has not copied it yet.
const candidateFiles = [
  new URL('../../../services/personnel/data/regions-kemendagri-2025.tsv', import.meta.url),
  new URL('../../../../shared/data/regions-kemendagri-2025.tsv', import.meta.url),
];

export function regionsFile(): string {
  for (const url of candidateFiles) {
    const path = fileURLToPath(url);
    if (existsSync(path)) return path;
  }
  throw new Error(`daftar wilayah tidak ditemukan: ${candidateFiles.map((u) => fileURLToPath(u)).join(', ')}`);
}

export function parseRegions(tsv: string): Region[] {
  const regions: Region[] = [{ code: NATIONAL_CODE, name: 'Indonesia', level: 'NATIONAL', parentCode: null }];
  for (const line of tsv.split('\n').slice(1)) {
    const [code, name] = line.split('\t').map((cell) => cell.trim());
    if (!code || !name) continue;
    if (/^\d{2}$/.test(code)) {
      regions.push({ code, name, level: 'PROVINCE', parentCode: NATIONAL_CODE });
    } else if (/^\d{2}\.\d{2}$/.test(code)) {
      regions.push({ code, name, level: 'REGENCY', parentCode: code.slice(0, 2) });
    } else {
      throw new Error(`kode wilayah tidak dikenal: ${code}`);
    }
  }
  return regions;
}

export function loadRegions(file = regionsFile()): Region[] {
  return parseRegions(readFileSync(file, 'utf8'));
}
