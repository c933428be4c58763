// Employees in three regions written straight into personnel's fresh database, so the scoping tests do
// not depend on the mutations (tested by personnel) and can include Banten, which no demo admin may write.
import { randomUUID } from 'node:crypto';
import pg from 'pg';

export const fixtureNips = {
  atasan: '197805122003121003',
  pegawai: '199001152015032001',
  karawangColleague: '198803202010011002',
  bandung: '198506102009022001',
  jabarProvince: '198001012005011001',
  tangerang1: '198702022011011003',
  tangerang2: '199203032016022002',
} as const;

export interface PersonnelFixture {
  ids: Record<keyof typeof fixtureNips, string>;
  karawangUnitId: string;
  positionId: string;
}

export async function writePersonnelFixture(databaseUrl: string): Promise<PersonnelFixture> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('begin');
    const units = {
      karawang: randomUUID(),
      bandung: randomUUID(),
      jabar: randomUUID(),
      tangerang: randomUUID(),
    };
    const unitRows: [string, string, string][] = [
      [units.karawang, 'Pemerintah Kabupaten Karawang', '32.15'],
      [units.bandung, 'Pemerintah Kota Bandung', '32.73'],
      [units.jabar, 'Pemerintah Provinsi Jawa Barat', '32'],
      [units.tangerang, 'Pemerintah Kabupaten Tangerang', '36.03'],
    ];
    for (const [id, name, region] of unitRows) {
      await client.query(
        'insert into org_unit (id, name, region_code, parent_id, instansi_id) values ($1, $2, $3, null, $1)',
        [id, name, region],
      );
    }
    const positionId = randomUUID();
    await client.query(
      "insert into position (id, title, jenis_jabatan, kelas_jabatan) values ($1, 'Analis Sumber Daya Manusia Aparatur', 'AHLI_PERTAMA', 8)",
      [positionId],
    );
    const ids = Object.fromEntries(
      Object.keys(fixtureNips).map((key) => [key, randomUUID()]),
    ) as PersonnelFixture['ids'];
    const people: [
      keyof typeof fixtureNips,
      string,
      'MALE' | 'FEMALE',
      string,
      string,
      string,
      string,
      keyof typeof fixtureNips | null,
    ][] = [
      ['atasan', 'Budi Santoso', 'MALE', '1978-05-12', '2003-12-01', units.karawang, '32.15', null],
      ['pegawai', 'Siti Rahmawati', 'FEMALE', '1990-01-15', '2015-03-01', units.karawang, '32.15', 'atasan'],
      [
        'karawangColleague',
        'Agus Pratama',
        'MALE',
        '1988-03-20',
        '2010-01-01',
        units.karawang,
        '32.15',
        'atasan',
      ],
      ['bandung', 'Dewi Lestari', 'FEMALE', '1985-06-10', '2009-02-01', units.bandung, '32.73', null],
      ['jabarProvince', 'Hendra Wijaya', 'MALE', '1980-01-01', '2005-01-01', units.jabar, '32', null],
      ['tangerang1', 'Rudi Hartono', 'MALE', '1987-02-02', '2011-01-01', units.tangerang, '36.03', null],
      ['tangerang2', 'Ani Suryani', 'FEMALE', '1992-03-03', '2016-02-01', units.tangerang, '36.03', null],
    ];
    for (const [key, name, gender, birthDate, tmtCpns, unitId, region, supervisor] of people) {
      await client.query(
        `insert into employee (id, nip, name, gender, birth_date, tmt_cpns, employment_type, golongan, position_id, unit_id, region_code, supervisor_id)
         values ($1, $2, $3, $4, $5, $6, 'PNS', 'III/a', $7, $8, $9, $10)`,
        [
          ids[key],
          fixtureNips[key],
          name,
          gender,
          birthDate,
          tmtCpns,
          positionId,
          unitId,
          region,
          supervisor ? ids[supervisor] : null,
        ],
      );
    }
    await client.query('commit');
    return { ids, karawangUnitId: units.karawang, positionId };
  } finally {
    await client.end();
  }
}
