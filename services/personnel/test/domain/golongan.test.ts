// DOMAIN.md "Golongan/pangkat": PNS I/a–IV/e (17 values), PPPK I–XVII; kelas jabatan 1–17.
import { describe, expect, it } from 'vitest';
import { isGolonganValidFor, isValidKelasJabatan, pnsGolongan, pnsPangkat, pppkGolongan } from '../../src/domain/golongan.ts';

describe('golongan per employment type', () => {
  it('has 17 PNS and 17 PPPK values', () => {
    expect(pnsGolongan).toHaveLength(17);
    expect(pppkGolongan).toHaveLength(17);
    expect(pnsPangkat['III/a']).toBe('Penata Muda');
    expect(pnsPangkat['IV/e']).toBe('Pembina Utama');
  });

  it.each([
    ['PNS', 'I/a', true],
    ['PNS', 'IV/e', true],
    ['PNS', 'III/d', true],
    ['PNS', 'II/e', false],
    ['PNS', 'IV/f', false],
    ['PNS', 'IX', false],
    ['PNS', 'iii/a', false],
    ['PPPK', 'I', true],
    ['PPPK', 'IX', true],
    ['PPPK', 'XVII', true],
    ['PPPK', 'XVIII', false],
    ['PPPK', 'III/a', false],
    ['PPPK', '', false],
  ] as const)('%s %s → %s', (type, golongan, valid) => {
    expect(isGolonganValidFor(type, golongan)).toBe(valid);
  });

  it.each([
    [1, true],
    [17, true],
    [9, true],
    [0, false],
    [18, false],
    [2.5, false],
  ])('kelas jabatan %d → %s', (kelas, valid) => {
    expect(isValidKelasJabatan(kelas)).toBe(valid);
  });
});
