// SIASN's codes onto personnel's vocabulary (DOMAIN.md "People and organisation": jenis jabatan, golongan
// PNS I/a–IV/e and PPPK I–XVII, kelas jabatan 1–17; "Systems around it": SIASN field names).
import { jenisJabatanValues, pnsGolongan, pppkGolongan } from '@kinerja/kit/vocabulary';
import { describe, expect, it } from 'vitest';
import { employmentTypeOf, golonganIdOf, isActiveKedudukan, jenisJabatanOf, kelasJabatanOf, siasnJabatanOf } from '../../src/domain/siasn-fields.ts';

describe('jenisJabatanOf (jenisJabatanId, eselonId, jabatanNama)', () => {
  it.each([
    ['1', '12', 'Sekretaris Daerah', 'JPT_MADYA'],
    ['1', '21', 'Kepala Dinas Kesehatan', 'JPT_PRATAMA'],
    ['1', '32', 'Kepala Bidang Anggaran', 'ADMINISTRATOR'],
    ['1', '41', 'Kepala Seksi Data', 'PENGAWAS'],
    ['2', '', 'Analis Kebijakan Ahli Muda', 'AHLI_MUDA'],
    ['2', '', 'Perawat Ahli Pertama', 'AHLI_PERTAMA'],
    ['2', '', 'Pranata Komputer Terampil', 'TERAMPIL'],
    ['2', '', 'Perawat Penyelia', 'PENYELIA'],
    ['4', '', 'Pengadministrasi Perkantoran', 'PELAKSANA'],
  ])('%s / eselon %s / %s → %s', (jenisId, eselonId, nama, expected) => {
    expect(jenisJabatanOf(jenisId, eselonId, nama)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['1', '', 'Kepala Dinas', 'unknown_eselon'],
    ['1', '51', 'Kepala UPT', 'unknown_eselon'],
    ['2', '', 'Guru', 'unknown_functional_level'],
    ['3', '', 'Apa saja', 'unknown_jenis_jabatan'],
    ['', '', '', 'unknown_jenis_jabatan'],
  ])('%s / eselon %s / %s is refused as %s', (jenisId, eselonId, nama, reason) => {
    expect(jenisJabatanOf(jenisId, eselonId, nama)).toMatchObject({ ok: false, reason });
  });

  it('every jenis jabatan except JPT utama (no eselon of its own) survives the round trip through SIASN codes', () => {
    const levelName: Record<string, string> = { AHLI_UTAMA: 'Ahli Utama', AHLI_MADYA: 'Ahli Madya', AHLI_MUDA: 'Ahli Muda', AHLI_PERTAMA: 'Ahli Pertama', PENYELIA: 'Penyelia', MAHIR: 'Mahir', TERAMPIL: 'Terampil', PEMULA: 'Pemula' };
    for (const jenis of jenisJabatanValues.filter((value) => value !== 'JPT_UTAMA')) {
      const codes = siasnJabatanOf(jenis);
      expect(jenisJabatanOf(codes.jenisJabatanId, codes.eselonId, `Jabatan ${levelName[jenis] ?? ''}`)).toEqual({ ok: true, value: jenis });
    }
  });
});

describe('golongan', () => {
  it.each([
    ['III/c', 'PNS', '33'],
    ['I/a', 'PNS', '11'],
    ['IV/e', 'PNS', '45'],
    ['IX', 'PPPK', '59'],
    ['XVII', 'PPPK', '67'],
  ])('%s is %s with golRuangAkhirId %s', (golongan, type, id) => {
    expect(employmentTypeOf(golongan)).toEqual({ ok: true, value: type });
    expect(golonganIdOf(golongan)).toBe(id);
  });

  it.each(['V/a', 'IV/f', 'iii/c', 'XVIII', '', 'III/ c'])('%s is not in the vocabulary', (golongan) => {
    expect(employmentTypeOf(golongan)).toMatchObject({ ok: false, reason: 'invalid_golongan' });
  });

  it('every golongan id is distinct', () => {
    const ids = [...pnsGolongan, ...pppkGolongan].map(golonganIdOf);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('kelas jabatan and kedudukan', () => {
  it.each([['1', true], ['17', true], ['0', false], ['18', false], ['8.5', false], ['', false], ['x', false]])('kelas %s valid: %s', (raw, ok) => {
    expect(kelasJabatanOf(raw).ok).toBe(ok);
  });
  it.each([['Aktif', true], ['aktif ', true], ['', true], ['Pensiun', false], ['Berhenti', false], ['Meninggal', false]])('kedudukan %s active: %s', (raw, active) => {
    expect(isActiveKedudukan(raw)).toBe(active);
  });
});
