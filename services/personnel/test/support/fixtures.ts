// Demo-shaped data written with plain SQL (fast, and independent of the mutations under test):
// Karawang (32.15) with the two demo users of docs/conventions.md, Kabupaten Bandung (32.04),
// the Jawa Barat province (32) and Banten (36).
import type { Harness } from './harness.ts';

export const ids = {
  unitKarawang: '00000000-0000-4000-8000-000000003215',
  unitKarawangDinas: '00000000-0000-4000-8000-000000321501',
  unitJabar: '00000000-0000-4000-8000-000000000032',
  unitBandung: '00000000-0000-4000-8000-000000003204',
  unitBanten: '00000000-0000-4000-8000-000000000036',
  positionKepala: '00000000-0000-4000-8000-0000000000a1',
  positionAnalis: '00000000-0000-4000-8000-0000000000a2',
  positionPelaksana: '00000000-0000-4000-8000-0000000000a3',
  head: '00000000-0000-4000-8000-00000000e000',
  atasan: '00000000-0000-4000-8000-00000000e001',
  pegawai: '00000000-0000-4000-8000-00000000e002',
  colleague: '00000000-0000-4000-8000-00000000e003',
  indirect: '00000000-0000-4000-8000-00000000e004',
  bandung: '00000000-0000-4000-8000-00000000e005',
  jabar: '00000000-0000-4000-8000-00000000e006',
  banten: '00000000-0000-4000-8000-00000000e007',
  pppk: '00000000-0000-4000-8000-00000000e008',
} as const;

export const nips = {
  head: '197001011995031001',
  atasan: '197805122003121003',
  pegawai: '199001152015032001',
  colleague: '198502022010011002',
  indirect: '199503032020122001',
  bandung: '198804042012031001',
  jabar: '197512122000031001',
  banten: '198206062008012002',
  pppk: '199207072022211001',
} as const;

export async function loadFixtures(h: Harness): Promise<void> {
  await h.sql(`insert into org_unit (id, name, region_code, parent_id, instansi_id) values
    ('${ids.unitKarawang}', 'Pemerintah Kabupaten Karawang', '32.15', null, '${ids.unitKarawang}'),
    ('${ids.unitKarawangDinas}', 'Badan Kepegawaian dan Pengembangan SDM', '32.15', '${ids.unitKarawang}', '${ids.unitKarawang}'),
    ('${ids.unitJabar}', 'Pemerintah Provinsi Jawa Barat', '32', null, '${ids.unitJabar}'),
    ('${ids.unitBandung}', 'Pemerintah Kabupaten Bandung', '32.04', null, '${ids.unitBandung}'),
    ('${ids.unitBanten}', 'Pemerintah Provinsi Banten', '36', null, '${ids.unitBanten}')`);
  await h.sql(`insert into position (id, title, jenis_jabatan, kelas_jabatan) values
    ('${ids.positionKepala}', 'Kepala Badan', 'JPT_PRATAMA', 14),
    ('${ids.positionAnalis}', 'Analis SDM Aparatur Ahli Pertama', 'AHLI_PERTAMA', 8),
    ('${ids.positionPelaksana}', 'Pengadministrasi Umum', 'PELAKSANA', 5)`);
  const employee = (id: string, nip: string, name: string, gender: string, unit: string, region: string, position: string, supervisor: string | null, type = 'PNS', golongan = 'III/a') =>
    `('${id}', '${nip}', '${name}', '${gender}', to_date('${nip.slice(0, 8)}', 'YYYYMMDD'), ${type === 'PPPK' ? 'null' : `to_date('${nip.slice(8, 14)}01', 'YYYYMMDD')`},
      '${type}', '${golongan}', '${position}', '${unit}', '${region}', ${supervisor ? `'${supervisor}'` : 'null'})`;
  // Parents before children: the supervisor foreign key is checked row by row.
  await h.sql(`insert into employee (id, nip, name, gender, birth_date, tmt_cpns, employment_type, golongan, position_id, unit_id, region_code, supervisor_id) values
    ${employee(ids.head, nips.head, 'Hendra Kusuma', 'MALE', ids.unitKarawang, '32.15', ids.positionKepala, null, 'PNS', 'IV/c')},
    ${employee(ids.atasan, nips.atasan, 'Agus Santoso', 'MALE', ids.unitKarawangDinas, '32.15', ids.positionAnalis, ids.head, 'PNS', 'III/d')},
    ${employee(ids.pegawai, nips.pegawai, 'Siti Rahmawati', 'FEMALE', ids.unitKarawangDinas, '32.15', ids.positionPelaksana, ids.atasan)},
    ${employee(ids.colleague, nips.colleague, 'Budi Hartono', 'MALE', ids.unitKarawangDinas, '32.15', ids.positionAnalis, ids.atasan)},
    ${employee(ids.indirect, nips.indirect, 'Dewi Lestari', 'FEMALE', ids.unitKarawangDinas, '32.15', ids.positionPelaksana, ids.colleague)},
    ${employee(ids.bandung, nips.bandung, 'Cecep Supriatna', 'MALE', ids.unitBandung, '32.04', ids.positionPelaksana, null)},
    ${employee(ids.jabar, nips.jabar, 'Wawan Setiawan', 'MALE', ids.unitJabar, '32', ids.positionKepala, null, 'PNS', 'IV/b')},
    ${employee(ids.banten, nips.banten, 'Rina Marlina', 'FEMALE', ids.unitBanten, '36', ids.positionAnalis, null)},
    ${employee(ids.pppk, nips.pppk, 'Joko Prasetyo', 'MALE', ids.unitKarawangDinas, '32.15', ids.positionPelaksana, ids.atasan, 'PPPK', 'VII')}`);
}

/** A valid hireEmployee input into Karawang's dinas (NIP, birth date and gender agree, Perka BKN 22/2007); tests add a supervisor or effective date. */
export const hireInput = {
  nip: '199508172020122002',
  name: 'Putri Ayu',
  gender: 'FEMALE',
  birthDate: '1995-08-17',
  employmentType: 'PNS',
  golongan: 'III/a',
  positionId: ids.positionAnalis,
  unitId: ids.unitKarawangDinas,
};
