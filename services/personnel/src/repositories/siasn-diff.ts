// What disagrees between our records and the latest SIASN file (issue 15, item 2), per instansi:
// supervisor, unit, position, golongan and status of each person, and people only one side has. The
// admin fixes the source (SIASN or here), not the symptom (a blocked SKP, a wrong TPP).
import type { EntityManager } from '@kinerja/kit/db';
import { findInstansiBySiasnId, siasnComparisonRows, type SiasnComparisonRow } from './siasn-rows.ts';
import { employmentTypeOf, isActiveKedudukan, jenisJabatanOf } from '../domain/siasn-fields.ts';
import { UnorTree } from '../domain/unor-tree.ts';
import type { SiasnTables } from '../commands/siasn-files.ts';

export type DifferenceField = 'instansi' | 'person' | 'supervisor' | 'unit' | 'position' | 'golongan' | 'status';

export interface Difference {
  instansiSiasnId: string;
  instansiName: string;
  nip: string;
  siasnId: string;
  name: string;
  field: DifferenceField;
  ours: string;
  siasn: string;
}

const positionText = (title: string, jenis: string, kelas: string | number) => `${title} (${jenis}, kelas ${kelas})`;

export async function diffSiasn(orm: { em: EntityManager }, tables: SiasnTables, options: { instansi?: string | null } = {}): Promise<Difference[]> {
  const tree = new UnorTree(
    tables.units.map(({ values }) => ({ id: values['Id'] ?? '', parentId: values['DiatasanId'] || null, name: values['NamaUnor'] ?? '', leaderPnsId: values['PemimpinPnsId'] || null })),
  );
  const byInstansi = new Map<string, (typeof tables.employees)[number]['values'][]>();
  for (const { values } of tables.employees) {
    const id = values['instansiIndukId'] ?? '';
    if (options.instansi && id !== options.instansi) continue;
    byInstansi.set(id, [...(byInstansi.get(id) ?? []), values]);
  }
  const differences: Difference[] = [];
  const em = orm.em.fork();
  for (const [instansiSiasnId, people] of [...byInstansi].sort(([a], [b]) => a.localeCompare(b))) {
    const instansi = await findInstansiBySiasnId(em, instansiSiasnId);
    const instansiName = instansi?.name ?? people[0]?.['instansiIndukNama'] ?? '';
    const add = (row: Omit<Difference, 'instansiSiasnId' | 'instansiName'>) => differences.push({ instansiSiasnId, instansiName, ...row });
    if (!instansi) {
      add({ nip: '', siasnId: '', name: '', field: 'instansi', ours: '', siasn: `${people.length} pegawai; instansi belum pernah diimpor` });
      continue;
    }
    const ours = await siasnComparisonRows(em, instansi.id);
    const bySiasnId = new Map(ours.filter((row) => row.siasnId).map((row) => [row.siasnId as string, row]));
    const byNip = new Map(ours.map((row) => [row.nip, row]));
    const matched = new Set<SiasnComparisonRow>();
    for (const values of people) {
      const get = (name: string) => values[name]?.trim() ?? '';
      const siasnId = get('id');
      const nip = get('nipBaru');
      const row = bySiasnId.get(siasnId) ?? byNip.get(nip);
      const person = { nip, siasnId, name: get('nama') };
      if (!row) {
        add({ ...person, field: 'person', ours: '(tidak tercatat)', siasn: isActiveKedudukan(get('kedudukanPnsNama')) ? 'aktif' : get('kedudukanPnsNama') });
        continue;
      }
      matched.add(row);
      const supervisorId = tree.supervisorOf(siasnId, get('unorId'));
      if ((row.supervisorSiasnId ?? '') !== (supervisorId ?? '')) add({ ...person, field: 'supervisor', ours: row.supervisorNip ?? '(tanpa atasan)', siasn: supervisorId ?? '(tanpa atasan)' });
      if ((row.unitSiasnId ?? '') !== get('unorId')) add({ ...person, field: 'unit', ours: row.unitName, siasn: get('unorNama') || get('unorId') });
      const jenis = jenisJabatanOf(get('jenisJabatanId'), get('eselonId'), get('jabatanNama'));
      const siasnPosition = positionText(get('jabatanNama'), jenis.ok ? jenis.value : `?${get('jenisJabatanId')}`, get('kelas_jabatan'));
      const ourPosition = positionText(row.positionTitle, row.jenisJabatan, row.kelasJabatan);
      if (ourPosition !== siasnPosition) add({ ...person, field: 'position', ours: ourPosition, siasn: siasnPosition });
      const type = employmentTypeOf(get('golRuangAkhir'));
      if (row.golongan !== get('golRuangAkhir') || (type.ok && type.value !== row.employmentType)) add({ ...person, field: 'golongan', ours: row.golongan, siasn: get('golRuangAkhir') });
      const siasnStatus = isActiveKedudukan(get('kedudukanPnsNama')) ? 'ACTIVE' : 'RETIRED';
      if (row.status !== siasnStatus) add({ ...person, field: 'status', ours: row.status, siasn: get('kedudukanPnsNama') || 'Aktif' });
    }
    for (const row of ours) {
      if (matched.has(row) || row.status !== 'ACTIVE') continue;
      add({ nip: row.nip, siasnId: row.siasnId ?? '', name: row.name, field: 'person', ours: 'aktif', siasn: '(tidak ada di berkas SIASN)' });
    }
  }
  return differences;
}
