// Finalised evaluations → SIASN's `/skp22/save` and `/kinerjaperiodik/save` bodies (DOMAIN.md "Systems
// around it" for the field names; "Performance (SKP)" for the three ratings, the predikat matrix of
// PermenPANRB 6/2022 and the periods: four quarters, monthly or a single final period, and the annual
// evaluation).
import { describe, expect, it } from 'vitest';
import { idempotencyKeyOf, monthsCovered, periodNumberOf, toSiasnSubmission, type FinalisedResultInput, type Predikat, type RatingLevel } from '../../src/domain/skp-export.ts';

const rater = { id: 'e-atasan', nip: '197805122003121003', name: 'Rudi Hartono', siasnId: 'A5EB03E2-1111', golongan: 'IV/a', positionTitle: 'Kepala Bidang Penilaian Kinerja', unitName: 'Bidang Penilaian Kinerja' };
const annual: FinalisedResultInput = {
  employee: { id: 'e-pegawai', nip: '199001152015032001', name: 'Sari Wulandari', siasnId: 'A5EB03E2-2222' },
  rater,
  year: 2026,
  period: 'ANNUAL',
  periodStart: '2026-01-01',
  periodEnd: '2026-12-31',
  hasilKerja: 'SESUAI_EKSPEKTASI',
  perilakuKerja: 'DI_ATAS_EKSPEKTASI',
  predikat: 'BAIK',
};

describe('the annual result → /skp22/save', () => {
  it('names the person, the year, the three values and the rater as SIASN does', () => {
    expect(toSiasnSubmission(annual)).toEqual({
      ok: true,
      submission: {
        endpoint: '/skp22/save',
        idempotencyKey: 'kinerja-asn:A5EB03E2-2222:2026:ANNUAL',
        employeeNip: '199001152015032001',
        year: 2026,
        period: 'ANNUAL',
        body: {
          pnsDinilaiId: 'A5EB03E2-2222',
          tahun: 2026,
          hasilKinerjaNilai: 2,
          perilakuKerjaNilai: 1,
          kuadranKinerjaNilai: 2,
          penilaiPnsId: 'A5EB03E2-1111',
          penilaiNipNrp: '197805122003121003',
          penilaiNama: 'Rudi Hartono',
          penilaiGolongan: 'IV/a',
          penilaiJabatan: 'Kepala Bidang Penilaian Kinerja',
          penilaiUnorNama: 'Bidang Penilaian Kinerja',
          statusPenilai: 'ASN',
        },
      },
    });
  });

  // Every cell of the predikat matrix (DOMAIN.md): hasil kerja, perilaku kerja, predikat → the three codes.
  it.each<[RatingLevel, RatingLevel, Predikat, number, number, number]>([
    ['DI_ATAS_EKSPEKTASI', 'DI_ATAS_EKSPEKTASI', 'SANGAT_BAIK', 1, 1, 1],
    ['DI_ATAS_EKSPEKTASI', 'SESUAI_EKSPEKTASI', 'BAIK', 1, 2, 2],
    ['DI_ATAS_EKSPEKTASI', 'DI_BAWAH_EKSPEKTASI', 'KURANG', 1, 3, 4],
    ['SESUAI_EKSPEKTASI', 'DI_ATAS_EKSPEKTASI', 'BAIK', 2, 1, 2],
    ['SESUAI_EKSPEKTASI', 'SESUAI_EKSPEKTASI', 'BAIK', 2, 2, 2],
    ['SESUAI_EKSPEKTASI', 'DI_BAWAH_EKSPEKTASI', 'KURANG', 2, 3, 4],
    ['DI_BAWAH_EKSPEKTASI', 'DI_ATAS_EKSPEKTASI', 'BUTUH_PERBAIKAN', 3, 1, 3],
    ['DI_BAWAH_EKSPEKTASI', 'SESUAI_EKSPEKTASI', 'BUTUH_PERBAIKAN', 3, 2, 3],
    ['DI_BAWAH_EKSPEKTASI', 'DI_BAWAH_EKSPEKTASI', 'SANGAT_KURANG', 3, 3, 5],
  ])('hasil %s, perilaku %s (%s) → hasilKinerjaNilai %i, perilakuKerjaNilai %i, kuadranKinerjaNilai %i', (hasilKerja, perilakuKerja, predikat, hasil, perilaku, kuadran) => {
    const mapped = toSiasnSubmission({ ...annual, hasilKerja, perilakuKerja, predikat });
    expect(mapped.ok && mapped.submission.body).toMatchObject({ hasilKinerjaNilai: hasil, perilakuKerjaNilai: perilaku, kuadranKinerjaNilai: kuadran });
  });
});

describe('a periodic result → /kinerjaperiodik/save', () => {
  // The schemes of DOMAIN.md "Periods": quarters (default), months, a single final period.
  it.each([
    ['Q1', '2026-01-01', '2026-03-31', 1, 1, 3, 3],
    ['Q2', '2026-04-01', '2026-06-30', 2, 4, 6, 3],
    ['Q4', '2026-10-01', '2026-12-31', 4, 10, 12, 3],
    ['M01', '2026-01-01', '2026-01-31', 1, 1, 1, 1],
    ['M07', '2026-07-01', '2026-07-31', 7, 7, 7, 1],
    ['M12', '2026-12-01', '2026-12-31', 12, 12, 12, 1],
    ['FINAL', '2026-01-01', '2026-12-31', 1, 1, 12, 12],
  ])('%s (%s – %s) → periodikId %i, months %i–%i, koefisienId %i', (period, periodStart, periodEnd, periodikId, from, to, koefisienId) => {
    const mapped = toSiasnSubmission({ ...annual, period, periodStart, periodEnd });
    expect(mapped).toMatchObject({
      ok: true,
      submission: {
        endpoint: '/kinerjaperiodik/save',
        idempotencyKey: `kinerja-asn:A5EB03E2-2222:2026:${period}`,
        body: { pnsDinilaiId: 'A5EB03E2-2222', tahun: 2026, periodikId, bulanMulaiPenilaian: from, bulanSelesaiPenilaian: to, koefisienId, hasilKinerjaNilai: 2, kuadranKinerjaNilai: 2 },
      },
    });
  });

  it('numbers periods within their scheme and refuses a code it does not know', () => {
    expect(['Q1', 'Q4', 'M03', 'M10', 'FINAL', 'Q5', 'M13', 'M00', 'TW1', ''].map(periodNumberOf)).toEqual([1, 4, 3, 10, 1, null, null, null, null, null]);
    expect(toSiasnSubmission({ ...annual, period: 'S1' })).toEqual({ ok: false, reason: 'unknown_period', message: 'Periode S1 tidak dikenal untuk SIASN' });
  });

  it('counts the months a period covers, across a year end too', () => {
    expect([monthsCovered('2026-01-01', '2026-03-31'), monthsCovered('2026-05-01', '2026-05-31'), monthsCovered('2026-11-01', '2027-02-28')]).toEqual([3, 1, 4]);
  });
});

describe('what cannot be sent', () => {
  it('refuses an employee without a SIASN person id and a result without a rater, naming the NIP', () => {
    expect(toSiasnSubmission({ ...annual, employee: { ...annual.employee, siasnId: null } })).toEqual({
      ok: false,
      reason: 'not_in_siasn',
      message: 'Pegawai 199001152015032001 belum memiliki id PNS SIASN (belum diimpor dari SIASN)',
    });
    expect(toSiasnSubmission({ ...annual, rater: null })).toEqual({ ok: false, reason: 'rater_missing', message: 'Penilai pegawai 199001152015032001 tidak diketahui' });
  });

  it('keys a submission by person, year and period only (a changed rating keeps its key)', () => {
    const first = toSiasnSubmission(annual);
    const rerated = toSiasnSubmission({ ...annual, hasilKerja: 'DI_ATAS_EKSPEKTASI', predikat: 'SANGAT_BAIK' });
    expect(first.ok && rerated.ok && first.submission.idempotencyKey === rerated.submission.idempotencyKey).toBe(true);
    expect(idempotencyKeyOf('X', 2026, 'Q1')).not.toBe(idempotencyKeyOf('X', 2026, 'Q2'));
  });
});
