// DOMAIN.md "Competency": required level per position type (configurable): JPT Utama 5, JPT Madya 5,
// JPT Pratama 4, Administrator 3, Pengawas 2, Pelaksana 1, JF Ahli Utama 4 / Madya 3 / Muda 2 / Pertama 1.
import { describe, expect, it } from 'vitest';
import {
  defaultRequiredLevelByJenisJabatan,
  JENIS_JABATAN,
  selectStandard,
  uniformLevels,
  validateRequiredLevels,
} from '../../src/domain/standards.ts';
import type { JenisJabatan, StandardCandidate } from '../../src/domain/standards.ts';
import { competencyCodes } from '../../src/domain/dictionary.ts';

describe('default standards (DOMAIN.md "Competency", Required level per position type)', () => {
  const cases: [JenisJabatan, number][] = [
    ['JPT_UTAMA', 5],
    ['JPT_MADYA', 5],
    ['JPT_PRATAMA', 4],
    ['ADMINISTRATOR', 3],
    ['PENGAWAS', 2],
    ['PELAKSANA', 1],
    ['AHLI_UTAMA', 4],
    ['AHLI_MADYA', 3],
    ['AHLI_MUDA', 2],
    ['AHLI_PERTAMA', 1],
    // Our documented reading for Keterampilan (configurable, see standards.ts).
    ['PENYELIA', 2],
    ['MAHIR', 2],
    ['TERAMPIL', 1],
    ['PEMULA', 1],
  ];
  it.each(cases)('%s requires level %i', (jenis, level) => {
    expect(defaultRequiredLevelByJenisJabatan[jenis]).toBe(level);
  });
  it('covers every jenis jabatan of the shared vocabulary', () => {
    expect(Object.keys(defaultRequiredLevelByJenisJabatan).sort()).toEqual([...JENIS_JABATAN].sort());
  });
});

describe('selectStandard (configurable per instansi with an effective date; a position may override)', () => {
  const national2017: StandardCandidate = { id: 'nat-2017', instansiId: null, jenisJabatan: 'ADMINISTRATOR', positionId: null, effectiveFrom: '2017-01-01', levels: uniformLevels(3) };
  const national2026: StandardCandidate = { ...national2017, id: 'nat-2026', effectiveFrom: '2026-01-01', levels: uniformLevels(4) };
  const karawang2024: StandardCandidate = { id: 'krw-2024', instansiId: 'krw', jenisJabatan: 'ADMINISTRATOR', positionId: null, effectiveFrom: '2024-07-01', levels: uniformLevels(2) };
  const position: StandardCandidate = { id: 'pos-9', instansiId: 'krw', jenisJabatan: null, positionId: 'pos-9', effectiveFrom: '2025-01-01', levels: uniformLevels(5) };
  const pengawas: StandardCandidate = { id: 'nat-pengawas', instansiId: null, jenisJabatan: 'PENGAWAS', positionId: null, effectiveFrom: '2017-01-01', levels: uniformLevels(2) };
  const all = [national2017, national2026, karawang2024, position, pengawas];

  const cases: { name: string; instansiId: string | null; jenisJabatan: JenisJabatan; positionId: string | null; on: string; expected: string | null; source?: string }[] = [
    { name: 'national default', instansiId: 'bdg', jenisJabatan: 'ADMINISTRATOR', positionId: 'p1', on: '2025-06-01', expected: 'nat-2017', source: 'NATIONAL' },
    { name: 'newer national default once effective', instansiId: 'bdg', jenisJabatan: 'ADMINISTRATOR', positionId: 'p1', on: '2026-01-01', expected: 'nat-2026', source: 'NATIONAL' },
    { name: 'instansi standard beats national', instansiId: 'krw', jenisJabatan: 'ADMINISTRATOR', positionId: 'p1', on: '2026-02-01', expected: 'krw-2024', source: 'INSTANSI' },
    { name: 'instansi standard not yet effective', instansiId: 'krw', jenisJabatan: 'ADMINISTRATOR', positionId: 'p1', on: '2024-06-30', expected: 'nat-2017', source: 'NATIONAL' },
    { name: 'position override beats everything', instansiId: 'krw', jenisJabatan: 'ADMINISTRATOR', positionId: 'pos-9', on: '2025-01-01', expected: 'pos-9', source: 'POSITION' },
    { name: 'other jenis jabatan', instansiId: 'krw', jenisJabatan: 'PENGAWAS', positionId: 'p1', on: '2025-01-01', expected: 'nat-pengawas', source: 'NATIONAL' },
    { name: 'no standard before any is effective', instansiId: 'krw', jenisJabatan: 'PENGAWAS', positionId: 'p1', on: '2016-12-31', expected: null },
    { name: 'no standard for a type without one', instansiId: 'krw', jenisJabatan: 'PEMULA', positionId: 'p1', on: '2025-01-01', expected: null },
  ];
  it.each(cases)('$name', ({ instansiId, jenisJabatan, positionId, on, expected, source }) => {
    const selected = selectStandard(all, { instansiId, jenisJabatan, positionId }, on);
    expect(selected?.standard.id ?? null).toBe(expected);
    if (source !== undefined) expect(selected?.source).toBe(source);
  });
});

describe('validateRequiredLevels', () => {
  const complete = competencyCodes.map((competencyCode) => ({ competencyCode, level: 3 }));
  const cases: { name: string; levels: { competencyCode: string; level: number }[]; reasons: string[] }[] = [
    { name: 'complete and valid', levels: complete, reasons: [] },
    { name: 'level 0', levels: complete.map((l) => (l.competencyCode === 'M.2' ? { ...l, level: 0 } : l)), reasons: ['level_out_of_range'] },
    { name: 'level 6', levels: complete.map((l) => (l.competencyCode === 'M.2' ? { ...l, level: 6 } : l)), reasons: ['level_out_of_range'] },
    { name: 'fractional level', levels: complete.map((l) => (l.competencyCode === 'M.2' ? { ...l, level: 2.5 } : l)), reasons: ['level_out_of_range'] },
    { name: 'unknown code', levels: [...complete, { competencyCode: 'M.9', level: 3 }], reasons: ['unknown_competency'] },
    { name: 'duplicate', levels: [...complete, { competencyCode: 'M.1', level: 4 }], reasons: ['duplicate_competency'] },
    { name: 'missing one', levels: complete.slice(1), reasons: ['incomplete_standard'] },
  ];
  it.each(cases)('$name', ({ levels, reasons }) => {
    expect(validateRequiredLevels(levels).map((problem) => problem.reason)).toEqual(reasons);
  });
});
