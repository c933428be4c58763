// DOMAIN.md "Region codes": province 2 digits, regency/city PP.KK. The prefix match itself is the kit's
// (services/kit/test/scoping.test.ts).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parentRegionCode, parseRegionsTsv, regionLevelOf } from '../../src/domain/region.ts';

describe('region codes', () => {
  it.each([
    ['ID', 'NATIONAL', null],
    ['32', 'PROVINCE', 'ID'],
    ['32.15', 'REGENCY', '32'],
    ['32.7', null, null],
    ['3215', null, null],
    ['', null, null],
  ] as const)('%j is %s with parent %s', (code, level, parent) => {
    expect(regionLevelOf(code)).toBe(level);
    expect(parentRegionCode(code)).toBe(parent);
  });

});

describe('the Kemendagri 2025 reference file', () => {
  const rows = parseRegionsTsv(readFileSync(new URL('../../data/regions-kemendagri-2025.tsv', import.meta.url), 'utf8'));

  it('has 38 provinces and 514 regencies/cities (416 kabupaten + 98 kota)', () => {
    expect(rows.filter((r) => r.level === 'PROVINCE')).toHaveLength(38);
    const regencies = rows.filter((r) => r.level === 'REGENCY');
    expect(regencies).toHaveLength(514);
    expect(regencies.filter((r) => Number(r.code.slice(3)) <= 69)).toHaveLength(416);
    expect(regencies.filter((r) => Number(r.code.slice(3)) >= 71)).toHaveLength(98);
  });

  it('names Jawa Barat and Karawang and links every regency to an existing province', () => {
    const byCode = new Map(rows.map((r) => [r.code, r]));
    expect(byCode.get('32')?.name).toBe('Jawa Barat');
    expect(byCode.get('32.15')?.name).toMatch(/Karawang/);
    expect(rows.every((r) => r.parentCode === 'ID' || byCode.has(r.parentCode ?? ''))).toBe(true);
  });

  it('rejects a malformed row', () => {
    expect(() => parseRegionsTsv('code\tname\n3x\tNowhere\n')).toThrow(/line 2/);
  });
});
