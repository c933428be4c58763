// Every mutation of schema.graphql leaves an audit entry (issue 14 item 5): the table below has one
// successful call per Mutation field, in order; a mutation added without a row here fails the suite.
import { readFileSync } from 'node:fs';
import { describeAuditCoverage } from '@kinerja/kit/audit-coverage';
import { ensureRealmUser, nationalAdmin } from '@kinerja/kit/testing-keycloak';
import { expect, vi } from 'vitest';
import { hireInput, ids, loadFixtures } from '../support/fixtures.ts';
import { startHarness, type Harness } from '../support/harness.ts';

const sdl = readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8');
let hiredId = '';
// A small SIASN export (one instansi with its head) in the CSV form siasn-import.integration.test.ts uploads.
const SIASN_INSTANSI = 'AB000000000000000000000000000001';
const siasnCsv = (name: string, lines: string[]) => ({ name, contentBase64: Buffer.from(lines.join('\n'), 'utf8').toString('base64') });
const siasnFiles = [
  siasnCsv('purwakarta-unor.csv', ['Id,DiatasanId,NamaUnor,NamaJabatan,PemimpinPnsId,InstansiId', `${SIASN_INSTANSI},,Pemerintah Kabupaten Purwakarta,Bupati,Q1,${SIASN_INSTANSI}`]),
  siasnCsv('purwakarta-pegawai.csv', [
    'id,nipBaru,nama,golRuangAkhir,jenisJabatanId,eselonId,jabatanNama,kelas_jabatan,unorId,instansiIndukId,kedudukanPnsNama',
    `Q1,197502152000031002,Asep Gunawan,IV/c,1,21,Sekretaris Daerah,14,${SIASN_INSTANSI},${SIASN_INSTANSI},Aktif`,
  ]),
];

describeAuditCoverage({
  service: 'personnel',
  sdl,
  start: () => startHarness('personnel_audit'),
  prepare: async (h) => {
    await loadFixtures(h as Harness);
    await ensureRealmUser(nationalAdmin);
  },
  refused: (h) => async () =>
    h.gql(await h.token('karawang.admin'), `mutation($input: HireEmployeeInput!) { hireEmployee(input: $input) { id } }`, {
      input: { ...hireInput, nip: '19950817202012200', supervisorId: ids.atasan },
    }),
  calls: (h) => ({
    hireEmployee: async () => {
      const result = await h.gql(await h.token('karawang.admin'), `mutation($input: HireEmployeeInput!) { hireEmployee(input: $input) { id } }`, {
        input: { ...hireInput, supervisorId: ids.atasan, effectiveDate: '2025-01-02' },
      });
      hiredId = (result.data?.['hireEmployee'] as { id: string } | undefined)?.id ?? '';
      return result;
    },
    transferEmployee: async () =>
      h.gql(await h.token('jabar.admin'), `mutation($e: ID!, $u: ID!) { transferEmployee(employeeId: $e, unitId: $u, effectiveDate: "2025-02-01") { id } }`, { e: hiredId, u: ids.unitJabar }),
    changePosition: async () =>
      h.gql(await h.token('jabar.admin'), `mutation($e: ID!, $p: ID!) { changePosition(employeeId: $e, positionId: $p, golongan: "IV/a") { id } }`, { e: hiredId, p: ids.positionKepala }),
    setSupervisor: async () =>
      h.gql(await h.token('jabar.admin'), `mutation($e: ID!, $s: ID) { setSupervisor(employeeId: $e, supervisorId: $s) { id } }`, { e: hiredId, s: ids.jabar }),
    retireEmployee: async () =>
      h.gql(await h.token('jabar.admin'), `mutation($e: ID!) { retireEmployee(employeeId: $e, effectiveDate: "2025-03-31") { employee { id } } }`, { e: hiredId }),
    createOrgUnit: async () =>
      h.gql(await h.token('karawang.admin'), `mutation { createOrgUnit(input: { name: "Sekretariat DPRD", regionCode: "32.15" }) { id } }`),
    createPosition: async () =>
      h.gql(await h.token('nasional.admin'), `mutation { createPosition(input: { title: "Pranata Komputer Ahli Muda", jenisJabatan: AHLI_MUDA, kelasJabatan: 9 }) { id } }`),
    // The mutation records the job (audited with it); the job's per-record commands run after it answers, in
    // the mutation's audit scope: wait for the job so their entries are counted and nothing writes after the suite.
    importSiasn: async () => {
      const token = await h.token('nasional.admin');
      const started = await h.gql(token, `mutation($i: ImportSiasnInput!) { importSiasn(input: $i) { id } }`, { i: { files: siasnFiles, regionCode: '32.14' } });
      const id = (started.data?.['importSiasn'] as { id: string } | undefined)?.id ?? '';
      await vi.waitUntil(
        async () => {
          const polled = await h.gql(token, `query($id: ID!) { siasnImport(id: $id) { status } }`, { id });
          return ['DONE', 'FAILED'].includes((polled.data?.['siasnImport'] as { status: string } | null)?.status ?? '');
        },
        { timeout: 60_000, interval: 100 },
      );
      const entries = await h.sql<{ entity_type: string; action: string }>(`select entity_type, action from audit_entry where operation = 'importSiasn' order by seq`);
      // The job row itself, then the instansi and its head the job created through personnel's commands.
      expect(entries[0]).toEqual({ entity_type: 'siasn_import_job', action: 'insert' });
      expect(entries.map((entry) => entry.entity_type)).toEqual(expect.arrayContaining(['org_unit', 'employee']));
      return started;
    },
  }),
});
