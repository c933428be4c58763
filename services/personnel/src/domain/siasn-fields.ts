// How SIASN's export columns map onto personnel's vocabulary (DOMAIN.md "Systems around it"; no official
// spec is public, the names follow public client code). Pure functions, no I/O.
//
// jenisJabatanId: 1 struktural, 2 fungsional tertentu, 4 fungsional umum (pelaksana).
// eselonId: 11/12 eselon I.a/I.b (JPT madya), 21/22 II.a/II.b (JPT pratama), 31/32 III (administrator),
// 41/42 IV (pengawas) — PermenPANRB 6/2022 and UU 5/2014 art. 131 equate the old eselon with the JPT and
// administration ranks.
// golRuangAkhirId: PNS 11 … 45 (the digit of the ruang after the golongan number, I/a = 11, IV/e = 45);
// PPPK golongan I … XVII are written here as 51 … 67 (our convention: SIASN's PPPK ids are not public).
import { pnsGolongan, pppkGolongan, type EmploymentType, type JenisJabatan } from '@kinerja/kit/vocabulary';

export const JENIS_JABATAN_STRUKTURAL = '1';
export const JENIS_JABATAN_FUNGSIONAL = '2';
export const JENIS_JABATAN_PELAKSANA = '4';

const eselonByJenis: Partial<Record<JenisJabatan, string>> = { JPT_MADYA: '12', JPT_PRATAMA: '21', ADMINISTRATOR: '31', PENGAWAS: '41' };
const jenisByEselonGroup: Readonly<Record<string, JenisJabatan>> = { '1': 'JPT_MADYA', '2': 'JPT_PRATAMA', '3': 'ADMINISTRATOR', '4': 'PENGAWAS' };

/** Fungsional levels as they end a SIASN jabatanNama ("Analis Kebijakan Ahli Muda"). */
const functionalLevels: readonly [string, JenisJabatan][] = [
  ['Ahli Utama', 'AHLI_UTAMA'],
  ['Ahli Madya', 'AHLI_MADYA'],
  ['Ahli Muda', 'AHLI_MUDA'],
  ['Ahli Pertama', 'AHLI_PERTAMA'],
  ['Penyelia', 'PENYELIA'],
  ['Mahir', 'MAHIR'],
  ['Terampil', 'TERAMPIL'],
  ['Pemula', 'PEMULA'],
];

export type FieldResult<T> = { ok: true; value: T } | { ok: false; reason: string; message: string };

/** Our jenis jabatan from SIASN's jenisJabatanId, eselonId and the level in jabatanNama. */
export function jenisJabatanOf(jenisJabatanId: string, eselonId: string, jabatanNama: string): FieldResult<JenisJabatan> {
  if (jenisJabatanId === JENIS_JABATAN_PELAKSANA) return { ok: true, value: 'PELAKSANA' };
  if (jenisJabatanId === JENIS_JABATAN_STRUKTURAL) {
    const jenis = /^[1-4][1-2]$/.test(eselonId) ? jenisByEselonGroup[eselonId[0] as string] : undefined;
    if (jenis) return { ok: true, value: jenis };
    return { ok: false, reason: 'unknown_eselon', message: `Eselon ${eselonId || '(kosong)'} tidak dikenal untuk jabatan struktural` };
  }
  if (jenisJabatanId === JENIS_JABATAN_FUNGSIONAL) {
    const level = functionalLevels.find(([suffix]) => jabatanNama.trim().endsWith(suffix));
    if (level) return { ok: true, value: level[1] };
    return { ok: false, reason: 'unknown_functional_level', message: `Jenjang jabatan fungsional tidak terbaca dari "${jabatanNama}"` };
  }
  return { ok: false, reason: 'unknown_jenis_jabatan', message: `jenisJabatanId ${jenisJabatanId || '(kosong)'} tidak dikenal` };
}

/** SIASN's jenisJabatanId and eselonId for our jenis jabatan (the generator's direction). */
export function siasnJabatanOf(jenis: JenisJabatan): { jenisJabatanId: string; eselonId: string } {
  if (jenis === 'PELAKSANA') return { jenisJabatanId: JENIS_JABATAN_PELAKSANA, eselonId: '' };
  const eselonId = eselonByJenis[jenis];
  if (eselonId) return { jenisJabatanId: JENIS_JABATAN_STRUKTURAL, eselonId };
  return { jenisJabatanId: JENIS_JABATAN_FUNGSIONAL, eselonId: '' };
}

/** PNS golongan carry the ruang (`III/c`), PPPK golongan are roman numerals alone (`IX`). */
export function employmentTypeOf(golongan: string): FieldResult<EmploymentType> {
  if ((pnsGolongan as readonly string[]).includes(golongan)) return { ok: true, value: 'PNS' };
  if ((pppkGolongan as readonly string[]).includes(golongan)) return { ok: true, value: 'PPPK' };
  return { ok: false, reason: 'invalid_golongan', message: `Golongan ${golongan || '(kosong)'} tidak ada dalam daftar golongan PNS maupun PPPK` };
}

export function golonganIdOf(golongan: string): string {
  const pns = (pnsGolongan as readonly string[]).indexOf(golongan);
  if (pns >= 0) {
    const [group, ruang] = golongan.split('/') as [string, string];
    return `${['I', 'II', 'III', 'IV'].indexOf(group) + 1}${'abcde'.indexOf(ruang) + 1}`;
  }
  const pppk = (pppkGolongan as readonly string[]).indexOf(golongan);
  return pppk >= 0 ? String(51 + pppk) : '';
}

/** kedudukanPnsNama: only `Aktif` counts as active (others: Pensiun, Berhenti, Meninggal, CLTN, …). */
export function isActiveKedudukan(kedudukan: string): boolean {
  return kedudukan.trim() === '' || kedudukan.trim().toLowerCase() === 'aktif';
}

export function kelasJabatanOf(raw: string): FieldResult<number> {
  const kelas = Number(raw);
  if (raw.trim() !== '' && Number.isInteger(kelas) && kelas >= 1 && kelas <= 17) return { ok: true, value: kelas };
  return { ok: false, reason: 'invalid_kelas_jabatan', message: `Kelas jabatan ${raw || '(kosong)'} bukan bilangan bulat 1–17` };
}
