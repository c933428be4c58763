// The kit's vocabulary must say what docs/conventions.md "Shared vocabulary" says, name for name.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { employmentTypes, genders, isJenisJabatan, jenisJabatanValues, pnsGolongan, pppkGolongan, regionLevels } from '../src/vocabulary.ts';
import { sharedEnumDrift, sharedEnumsIn } from '../src/vocabulary-drift.ts';

const conventions = readFileSync(new URL('../../../docs/conventions.md', import.meta.url), 'utf8');
const section = conventions.slice(conventions.indexOf('## Shared vocabulary'), conventions.indexOf('\n## ', conventions.indexOf('## Shared vocabulary') + 1));

/** The backticked names of the section's line that starts with `label`, up to the next line starting with "- ". */
function documented(label: string): string[] {
  const start = section.indexOf(`- ${label}`);
  const end = section.indexOf('\n- ', start + 1);
  const item = section.slice(start, end === -1 ? undefined : end);
  return [...item.matchAll(/`([A-Z_]+)`/g)].map((match) => match[1] as string).filter((name) => name !== 'JenisJabatan');
}

describe('shared vocabulary (docs/conventions.md)', () => {
  it.each([
    ['Jenis jabatan', jenisJabatanValues],
    ['Region level', regionLevels],
  ])('%s lists the documented names in the documented order', (label, values) => {
    expect([...values]).toEqual(documented(label));
  });

  it('employment types and genders are the documented ones', () => {
    expect([...employmentTypes]).toEqual(['PNS', 'PPPK']);
    expect([...genders]).toEqual(['MALE', 'FEMALE']);
    expect(section).toContain('Employment type: `PNS`, `PPPK`. Gender: `MALE`, `FEMALE`');
  });

  it.each([
    ['PNS', pnsGolongan, 'I/a', 'IV/e'],
    ['PPPK', pppkGolongan, 'I', 'XVII'],
  ])('%s golongan runs from %s… in 17 distinct values', (_type, ladder, lowest, highest) => {
    expect(ladder).toHaveLength(17);
    expect(new Set(ladder).size).toBe(17);
    expect(ladder[0]).toBe(lowest);
    expect(ladder[16]).toBe(highest);
  });

  it.each([
    ['AHLI_PERTAMA', true],
    ['PEMULA', true],
    ['ahli_pertama', false],
    ['STAF', false],
    ['', false],
  ])('isJenisJabatan(%j) is %s', (value, expected) => {
    expect(isJenisJabatan(value)).toBe(expected);
  });
});

describe('sharedEnumDrift', () => {
  it('finds an enum that lost, gained or reordered a value, and passes one that matches', () => {
    const sdl = `enum JenisJabatan { ${jenisJabatanValues.join(' ')} } enum Gender { FEMALE MALE } enum Other { A }`;
    expect(sharedEnumDrift(sdl)).toEqual([{ enumName: 'Gender', inSchema: ['FEMALE', 'MALE'], inKit: genders }]);
    expect(sharedEnumDrift(`enum EmploymentType { PNS PPPK HONORER }`)).toHaveLength(1);
    expect([...sharedEnumsIn(sdl).keys()]).toEqual(['JenisJabatan', 'Gender']);
  });
});
