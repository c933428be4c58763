// DOMAIN.md "Angka kredit" (PermenPANRB 1/2023 jabatan fungsional, predikat of PermenPANRB 6/2022):
// predikat % (SB 150, B 100, BP 75, K 50, SK 25) × coefficient (Ahli Pertama 12.5, Muda 25, Madya 37.5,
// Utama 50; Pemula 3.75, Terampil 5, Mahir 12.5, Penyelia 25) × months/12.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { angkaKredit, defaultAngkaKreditTable, functionalJenjang } from '../../src/domain/angka-kredit.ts';
import { predikatValues, type Predikat } from '../../src/domain/rating.ts';

describe('angka kredit (predikat % × coefficient × months/12)', () => {
  const cases: { predikat: Predikat; jenjang: string; months: number; expected: number }[] = [
    { predikat: 'BAIK', jenjang: 'AHLI_PERTAMA', months: 12, expected: 12.5 },
    { predikat: 'SANGAT_BAIK', jenjang: 'AHLI_PERTAMA', months: 12, expected: 18.75 },
    { predikat: 'BAIK', jenjang: 'AHLI_MUDA', months: 12, expected: 25 },
    { predikat: 'SANGAT_BAIK', jenjang: 'AHLI_MADYA', months: 6, expected: 28.125 },
    { predikat: 'BUTUH_PERBAIKAN', jenjang: 'AHLI_UTAMA', months: 12, expected: 37.5 },
    { predikat: 'KURANG', jenjang: 'PENYELIA', months: 12, expected: 12.5 },
    { predikat: 'SANGAT_KURANG', jenjang: 'PEMULA', months: 12, expected: 0.938 },
    { predikat: 'BAIK', jenjang: 'TERAMPIL', months: 3, expected: 1.25 },
    { predikat: 'BAIK', jenjang: 'MAHIR', months: 12, expected: 12.5 },
  ];
  it.each(cases)('$predikat, $jenjang, $months months → $expected', ({ predikat, jenjang, months, expected }) => {
    expect(angkaKredit(defaultAngkaKreditTable, predikat, jenjang, months)).toMatchObject({ ok: true, angkaKredit: expected });
  });

  it('refuses a structural position and months outside 1–12', () => {
    expect(angkaKredit(defaultAngkaKreditTable, 'BAIK', 'ADMINISTRATOR', 12)).toMatchObject({ ok: false, reason: 'not_functional_position' });
    expect(angkaKredit(defaultAngkaKreditTable, 'BAIK', null, 12)).toMatchObject({ ok: false, reason: 'not_functional_position' });
    expect(angkaKredit(defaultAngkaKreditTable, 'BAIK', 'AHLI_MUDA', 0)).toMatchObject({ ok: false, reason: 'invalid_months' });
    expect(angkaKredit(defaultAngkaKreditTable, 'BAIK', 'AHLI_MUDA', 13)).toMatchObject({ ok: false, reason: 'invalid_months' });
  });

  it('uses the configured table, not constants', () => {
    const regional = { ...defaultAngkaKreditTable, predikatPercent: { ...defaultAngkaKreditTable.predikatPercent, SANGAT_BAIK: 125 } };
    expect(angkaKredit(regional, 'SANGAT_BAIK', 'AHLI_MUDA', 12)).toMatchObject({ ok: true, angkaKredit: 31.25 });
  });

  it('splits a year into parts that add up to the whole year (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...predikatValues), fc.constantFrom(...functionalJenjang), fc.integer({ min: 1, max: 11 }), (predikat, jenjang, months) => {
        const part = (m: number) => {
          const r = angkaKredit(defaultAngkaKreditTable, predikat, jenjang, m);
          if (!r.ok) throw new Error(r.message);
          return r.angkaKredit;
        };
        expect(part(months) + part(12 - months)).toBeCloseTo(part(12), 2);
      }),
    );
  });
});
