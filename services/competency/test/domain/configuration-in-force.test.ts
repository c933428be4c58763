// DOMAIN.md "Competency": standards are configurable per instansi with an effective date, and a position
// may override its type's standard. When standards come into force, the employees to re-derive are the
// holders of an overridden position, the instansi's employees of the jenis jabatan, or, for a national
// default, everyone of that jenis jabatan.
import { describe, expect, it } from 'vitest';
import { employeeTargets, hasTargets, type StandardScope } from '../../src/domain/configuration-in-force.ts';

const position = (positionId: string): StandardScope => ({ instansiId: null, jenisJabatan: null, positionId });
const instansi = (instansiId: string, jenisJabatan: string): StandardScope => ({ instansiId, jenisJabatan, positionId: null });
const national = (jenisJabatan: string): StandardScope => ({ instansiId: null, jenisJabatan, positionId: null });

describe('employeeTargets', () => {
  const cases: [string, StandardScope[], ReturnType<typeof employeeTargets>][] = [
    ['nothing due', [], { positionIds: [], nationalJenisJabatan: [], instansiJenisJabatan: [] }],
    ['a position override targets its holders only', [position('pos-1')], { positionIds: ['pos-1'], nationalJenisJabatan: [], instansiJenisJabatan: [] }],
    [
      'an instansi standard targets that instansi and jenis jabatan',
      [instansi('inst-krw', 'ADMINISTRATOR')],
      { positionIds: [], nationalJenisJabatan: [], instansiJenisJabatan: [{ instansiId: 'inst-krw', jenisJabatan: 'ADMINISTRATOR' }] },
    ],
    [
      'a national default covers every instansi of its jenis jabatan, so theirs are not listed again',
      [instansi('inst-krw', 'ADMINISTRATOR'), national('ADMINISTRATOR'), instansi('inst-krw', 'PENGAWAS')],
      { positionIds: [], nationalJenisJabatan: ['ADMINISTRATOR'], instansiJenisJabatan: [{ instansiId: 'inst-krw', jenisJabatan: 'PENGAWAS' }] },
    ],
    [
      'duplicates (two effective dates of one target) collapse',
      [position('pos-2'), position('pos-1'), position('pos-2'), instansi('inst-b', 'PELAKSANA'), instansi('inst-a', 'PELAKSANA'), instansi('inst-b', 'PELAKSANA')],
      {
        positionIds: ['pos-1', 'pos-2'],
        nationalJenisJabatan: [],
        instansiJenisJabatan: [
          { instansiId: 'inst-a', jenisJabatan: 'PELAKSANA' },
          { instansiId: 'inst-b', jenisJabatan: 'PELAKSANA' },
        ],
      },
    ],
  ];
  it.each(cases)('%s', (_, standards, expected) => {
    expect(employeeTargets(standards)).toEqual(expected);
    expect(hasTargets(employeeTargets(standards))).toBe(standards.length > 0);
  });
});
