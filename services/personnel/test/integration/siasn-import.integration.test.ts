// importSiasn as a job (issue 15) with real Keycloak tokens: karawang.admin uploads SIASN's CSV exports,
// polls siasnImport for progress and the per-row report (a bad row refused with its reason, the good ones
// imported), a second upload is all unchanged, siasnDifferences compares with the latest file, and every
// bad upload is refused with nothing written.
import { ensureRealmUser, nationalAdmin } from '@kinerja/kit/testing-keycloak';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.ts';

let h: Harness;

const ROOT = 'AA000000000000000000000000000001';
const BIDANG = 'AA000000000000000000000000000002';
const unorCsv = ['Id,DiatasanId,NamaUnor,NamaJabatan,PemimpinPnsId,InstansiId', `${ROOT},,Pemerintah Kabupaten Karawang,Bupati,P1,${ROOT}`, `${BIDANG},${ROOT},Bidang Penilaian Kinerja,Kepala Bidang,P2,${ROOT}`].join('\n');
const pegawaiHeader = 'id,nipBaru,nama,golRuangAkhir,jenisJabatanId,eselonId,jabatanNama,kelas_jabatan,unorId,instansiIndukId,kedudukanPnsNama';
const pegawaiCsv = [
  pegawaiHeader,
  `P1,197001012000031001,Hendra Saputra,IV/c,1,21,Sekretaris Daerah,14,${ROOT},${ROOT},Aktif`,
  `P2,197805122003121003,Rudi Hartono,IV/a,1,31,Kepala Bidang Penilaian Kinerja,11,${BIDANG},${ROOT},Aktif`,
  `P3,199001152015032001,Sari Wulandari,III/b,2,,Analis SDM Aparatur Ahli Pertama,8,${BIDANG},${ROOT},Aktif`,
  `P4,12345,Nip Salah,III/a,4,,Pengadministrasi Perkantoran,5,${BIDANG},${ROOT},Aktif`,
].join('\n');
const file = (name: string, text: string) => ({ name, contentBase64: Buffer.from(text, 'utf8').toString('base64') });
const files = [file('karawang-unor.csv', unorCsv), file('karawang-pegawai.csv', pegawaiCsv)];

const START = 'mutation ($i: ImportSiasnInput!) { importSiasn(input: $i) { id status total fileNames } }';
const JOB = `query ($id: ID!) { siasnImport(id: $id) { status total processed created updated unchanged refused error
  rows(outcome: REFUSED) { table row siasnId nip outcome reason message } instansi { id name } } }`;

interface Job {
  status: string;
  total: number;
  processed: number;
  created: number;
  updated: number;
  unchanged: number;
  refused: number;
  error: string | null;
  rows: { table: string; row: number; siasnId: string; nip: string; outcome: string; reason: string; message: string }[];
  instansi: { id: string; name: string }[];
}

async function call(username: string, query: string, variables: Record<string, unknown>) {
  return h.gql(await h.token(username), query, variables);
}

// The first import adds positions to the national catalogue: only a national admin may (personnel's rule).
async function importAndWait(username = 'nasional.admin'): Promise<Job> {
  const started = await call(username, START, { i: { files, regionCode: '32.15' } });
  expect(started.errors).toBeUndefined();
  const job = (started.data?.['importSiasn'] as { id: string; status: string; fileNames: string }) ?? { id: '' };
  expect(job.fileNames).toBe('karawang-unor.csv, karawang-pegawai.csv');
  const deadline = Date.now() + 60_000;
  for (;;) {
    const polled = await call(username, JOB, { id: job.id });
    expect(polled.errors).toBeUndefined();
    const state = polled.data?.['siasnImport'] as Job;
    if (state.status === 'DONE' || state.status === 'FAILED') return state;
    if (Date.now() > deadline) throw new Error(`job ${job.id} still ${state.status}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function written(): Promise<string> {
  const [row] = await h.sql<{ d: string }>(`select concat_ws('|', (select count(*) from siasn_import_job), (select count(*) from employee), (select count(*) from org_unit),
    (select count(*) from position), (select count(*) from outbox_event)) as d`);
  return row?.d ?? '';
}

beforeAll(async () => {
  h = await startHarness('personnel_siasn_import');
  await ensureRealmUser(nationalAdmin);
}, 60_000);
afterAll(() => h?.stop());

describe('importSiasn', () => {
  it('imports the good rows through the job, refuses the bad one with its reason, and names the instansi', async () => {
    const job = await importAndWait();
    expect(job).toMatchObject({ status: 'DONE', total: 6, processed: 6, created: 5, updated: 0, unchanged: 0, refused: 1, error: null });
    expect(job.rows).toEqual([
      { table: 'pegawai', row: 5, siasnId: 'P4', nip: '12345', outcome: 'REFUSED', reason: 'invalid_nip', message: expect.stringContaining('NIP') as unknown as string },
    ]);
    expect(job.instansi.map((u) => u.name)).toEqual(['Pemerintah Kabupaten Karawang']);
    const employee = await call('karawang.admin', 'query { employee(nip: "199001152015032001") { name siasnId supervisor { nip } unit { name } } }', {});
    expect(employee.data?.['employee']).toEqual({ name: 'Sari Wulandari', siasnId: 'P3', supervisor: { nip: '197805122003121003' }, unit: { name: 'Bidang Penilaian Kinerja' } });
    const [outbox] = await h.sql<{ n: number }>('select count(*)::int as n from outbox_event');
    expect(outbox?.n).toBe(3);
  });

  it('reports every row unchanged on a second upload of the same files, and writes no event', async () => {
    const before = await h.sql<{ n: number }>('select count(*)::int as n from outbox_event');
    const job = await importAndWait();
    expect(job).toMatchObject({ status: 'DONE', created: 0, updated: 0, unchanged: 5, refused: 1 });
    expect(await h.sql<{ n: number }>('select count(*)::int as n from outbox_event')).toEqual(before);
  });

  it('lists what disagrees with the latest file of the instansi: the person SIASN has and we refused', async () => {
    const job = await importAndWait();
    const instansiId = job.instansi[0]?.id;
    const result = await call('karawang.admin', 'query ($i: ID!) { siasnDifferences(instansiId: $i) { instansiSiasnId instansiName nip siasnId field ours siasn } }', { i: instansiId });
    expect(result.errors).toBeUndefined();
    expect(result.data?.['siasnDifferences']).toEqual([
      { instansiSiasnId: ROOT, instansiName: 'Pemerintah Kabupaten Karawang', nip: '12345', siasnId: 'P4', field: 'person', ours: '(tidak tercatat)', siasn: 'aktif' },
    ]);
  });
});

describe('what importSiasn refuses, writing nothing', () => {
  it.each([
    ['a pegawai', 'karawang.pegawai', { files }, 'FORBIDDEN', 'missing_role'],
    ['an analis', 'jabar.analis', { files }, 'FORBIDDEN', 'missing_role'],
    ['no file', 'karawang.admin', { files: [] }, 'BAD_USER_INPUT', 'invalid_file_count'],
    ['a .txt file', 'karawang.admin', { files: [file('pegawai.txt', pegawaiCsv)] }, 'BAD_USER_INPUT', 'invalid_file_type'],
    ['content that is not base64', 'karawang.admin', { files: [{ name: 'pegawai.csv', contentBase64: 'bukan base64!' }] }, 'BAD_USER_INPUT', 'invalid_file_content'],
    ['a CSV without SIASN columns', 'karawang.admin', { files: [file('kosong.csv', 'a,b,c\n1,2,3')] }, 'BAD_USER_INPUT', 'empty_file'],
    ['an .xlsx that is not a workbook', 'karawang.admin', { files: [file('rusak.xlsx', 'bukan xlsx')] }, 'BAD_USER_INPUT', 'unreadable_file'],
    ['a region outside the admin\'s', 'karawang.admin', { files, regionCode: '36.01' }, 'FORBIDDEN', 'region_out_of_scope'],
    ['an invalid region code', 'karawang.admin', { files, regionCode: '32.1' }, 'BAD_USER_INPUT', 'invalid_region_code'],
  ])('%s (%s) is refused: %s %s', async (_case, username, input, code, reason) => {
    const before = await written();
    const result = await call(username, START, { i: input });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code, reason });
    expect(result.data).toBeNull();
    expect(await written()).toBe(before);
  });

  it('lets a regency admin import once the positions are in the catalogue, shows the job only to admins of its region', async () => {
    const job = await importAndWait('karawang.admin');
    expect(job).toMatchObject({ status: 'DONE', unchanged: 5, refused: 1 });
    const instansiId = job.instansi[0]?.id;
    const [row] = await h.sql<{ id: string }>('select id from siasn_import_job order by created_at desc limit 1');
    expect((await call('jabar.admin', JOB, { id: row?.id })).data?.['siasnImport']).toMatchObject({ status: 'DONE' });
    const [national] = await h.sql<{ id: string }>("select id from siasn_import_job where requester_region = 'ID' limit 1");
    expect((await call('jabar.admin', JOB, { id: national?.id })).data).toEqual({ siasnImport: null });
    expect((await call('karawang.pegawai', JOB, { id: row?.id })).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'missing_role' });
    expect((await call('karawang.admin', 'query ($id: ID!) { siasnImport(id: $id) { rows(first: 0) { nip } } }', { id: row?.id })).errors?.[0]?.extensions).toMatchObject({ reason: 'invalid_page_size' });
    expect((await call('karawang.admin', 'query { siasnImport(id: "bukan-id") { status } }', {})).data).toEqual({ siasnImport: null });
    const notInstansi = await call('karawang.admin', 'query ($i: ID!) { siasnDifferences(instansiId: $i) { nip } }', { i: '00000000-0000-4000-8000-000000000000' });
    expect(notInstansi.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'instansi_not_found' });
    expect((await call('karawang.atasan', 'query ($i: ID!) { siasnDifferences(instansiId: $i) { nip } }', { i: instansiId })).errors?.[0]?.extensions).toMatchObject({ reason: 'missing_role' });
  });
});
