// Issue 15 "Export" end to end: a SIASN file of three people imported through personnel's commands (the
// real personnel and performance subgraph processes, the real personnel.employee.v1, Keycloak tokens),
// the pegawai rated and finalised through the gateway, then `npm run siasn -- export --send` as a child
// process: it reads the results through the gateway with the tool's Keycloak service account
// (client credentials) and sends them to the local SIASN contract server; a second run sends nothing.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Orm } from '@kinerja/kit/db';
import { passwordToken } from '@kinerja/kit/testing';
import { ensureServiceAccountClient, siasnSyncClient } from '@kinerja/kit/testing-keycloak';
import { openPersonnelOrm } from '@kinerja/personnel/bulk';
import { startPersonnelProcess, type PersonnelProcess } from '@kinerja/personnel/testing';
import { startPerformanceProcess, type PerformanceProcess } from '@kinerja/performance/testing';
import pg from 'pg';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadGatewayConfig } from '../../../../gateway/src/config.ts';
import { createLogger } from '../../../../gateway/src/observability/logger.ts';
import { startGateway, type RunningGateway } from '../../../../gateway/src/server/gateway-server.ts';
import { composeSupergraph, readSubgraphSources } from '../../../../gateway/src/supergraph/composition.ts';
import { importSiasn } from '@kinerja/personnel/commands/siasn-import';
import { CONTRACT_CLIENT, CONTRACT_SSO, startContractServer, type ContractServer } from '../support/siasn-contract-server.ts';

const run = promisify(execFile);
const servicesDir = fileURLToPath(new URL('../../../../services', import.meta.url));
const cli = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));
const YEAR = Number(new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 4));

const unor = { root: 'A1B2C3D4E5F60718293A4B5C6D7E8F90', bidang: 'B1B2C3D4E5F60718293A4B5C6D7E8F90' };
const pns = { kepala: 'C0000000000000000000000000000001', atasan: 'C0000000000000000000000000000002', pegawai: 'C0000000000000000000000000000003' };
const person = (id: string, nip: string, nama: string, gol: string, jenis: string, eselon: string, jabatan: string, kelas: string, unit: string) => ({
  row: 0,
  values: {
    id,
    nipBaru: nip,
    nipLama: '',
    nama,
    golRuangAkhir: gol,
    jenisJabatanId: jenis,
    eselonId: eselon,
    jabatanNama: jabatan,
    kelas_jabatan: kelas,
    unorId: unit,
    instansiIndukId: unor.root,
    kedudukanPnsNama: 'Aktif',
  },
});
const tables = {
  units: [
    { row: 2, values: { Id: unor.root, DiatasanId: '', NamaUnor: 'Pemerintah Kabupaten Karawang', PemimpinPnsId: pns.kepala, InstansiId: unor.root } },
    { row: 3, values: { Id: unor.bidang, DiatasanId: unor.root, NamaUnor: 'Bidang Penilaian Kinerja', PemimpinPnsId: pns.atasan, InstansiId: unor.root } },
  ],
  employees: [
    person(pns.kepala, '197001012000031001', 'Hendra Saputra', 'IV/c', '1', '21', 'Sekretaris Daerah Kabupaten Karawang', '14', unor.root),
    person(pns.atasan, '197805122003121003', 'Rudi Hartono', 'IV/a', '1', '31', 'Kepala Bidang Penilaian Kinerja', '11', unor.bidang),
    person(pns.pegawai, '199001152015032001', 'Sari Wulandari', 'III/b', '2', '', 'Analis SDM Aparatur Ahli Pertama', '8', unor.bidang),
  ].map((row, index) => ({ ...row, row: index + 2 })),
};

let personnel: PersonnelProcess | undefined;
let performance: PerformanceProcess | undefined;
let gateway: RunningGateway | undefined;
let siasn: ContractServer;
let personnelOrm: Orm | undefined;
let performanceDb: pg.Client | undefined;
let folder: string;
const ids = { instansi: '', bidang: '', pegawai: '' };
const rated: string[] = [];
const logs = () => `--- personnel ---\n${personnel?.output() ?? ''}\n--- performance ---\n${performance?.output() ?? ''}`;

async function gql<T>(username: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(gateway!.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await passwordToken(username)}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.errors || !body.data) throw new Error(`${username}: ${JSON.stringify(body.errors)}\n${logs()}`);
  return body.data;
}

const exportRun = async (out: string) =>
  run(process.execPath, [cli, 'export', '--instansi', ids.instansi, '--year', String(YEAR), '--out', out, '--send', '--graphql-url', gateway!.url], {
    env: {
      ...process.env,
      SIASN_SYNC_CLIENT_ID: siasnSyncClient.clientId,
      SIASN_SYNC_CLIENT_SECRET: siasnSyncClient.secret,
      SIASN_BASE_URL: siasn.baseUrl,
      SIASN_TOKEN_URL: siasn.tokenUrl,
      SIASN_CLIENT_ID: CONTRACT_CLIENT.id,
      SIASN_CLIENT_SECRET: CONTRACT_CLIENT.secret,
      SIASN_SSO_URL: siasn.ssoUrl,
      SIASN_SSO_CLIENT_ID: CONTRACT_SSO.clientId,
      SIASN_SSO_USERNAME: CONTRACT_SSO.username,
      SIASN_SSO_PASSWORD: CONTRACT_SSO.password,
    },
  });

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'siasn-export-e2e-'));
  await ensureServiceAccountClient(siasnSyncClient);
  siasn = await startContractServer();
  const started = await Promise.allSettled([startPersonnelProcess(), startPerformanceProcess()]);
  if (started[0].status === 'fulfilled') personnel = started[0].value;
  if (started[1].status === 'fulfilled') performance = started[1].value;
  const failure = started.find((outcome) => outcome.status === 'rejected');
  if (failure) throw failure.reason;
  const outcome = composeSupergraph(readSubgraphSources(servicesDir).filter((source) => ['personnel', 'performance'].includes(source.name)));
  if (!outcome.ok) throw new Error(outcome.errors.join('\n'));
  const config = loadGatewayConfig({
    PORT: '0',
    KEYCLOAK_URL: process.env['KEYCLOAK_URL'],
    KEYCLOAK_REALM: process.env['KEYCLOAK_REALM'],
    SUBGRAPH_PERSONNEL_URL: personnel!.url,
    SUBGRAPH_PERFORMANCE_URL: performance!.url,
  });
  gateway = await startGateway(config, { supergraphSdl: outcome.supergraphSdl, logger: createLogger('silent') });
  performanceDb = new pg.Client({ connectionString: performance!.database.url });
  await performanceDb.connect();

  // SIASN's people, through personnel's commands (their events reach performance over Kafka).
  personnelOrm = await openPersonnelOrm(personnel!.database.url, pino({ level: 'warn' }));
  const imported = await importSiasn({ orm: personnelOrm, tables, regionCode: '32.15' });
  expect(imported.counts).toEqual({ created: 5, updated: 0, unchanged: 0, refused: 0 });
  const units = await personnelOrm.em.fork().execute<{ id: string; siasnId: string }[]>('select id, siasn_id as "siasnId" from org_unit where siasn_id is not null');
  ids.instansi = units.find((u) => u.siasnId === unor.root)!.id;
  ids.bidang = units.find((u) => u.siasnId === unor.bidang)!.id;
  const [pegawai] = await personnelOrm.em.fork().execute<{ id: string }[]>('select id from employee where siasn_id = ?', [pns.pegawai]);
  ids.pegawai = pegawai!.id;
  const deadline = Date.now() + 60_000;
  for (;;) {
    const { rows } = await performanceDb.query<{ n: number }>('select count(*)::int as n from employee where instansi_id = $1 and supervisor_id is not null', [ids.instansi]);
    if (rows[0]!.n === 2) break;
    if (Date.now() > deadline) throw new Error(`performance did not learn the imported chain\n${logs()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }

  // The pegawai's approved SKP (the planning path has its own suites), rated in every period open today
  // and finalised through the gateway.
  const skpId = randomUUID();
  await performanceDb.query(
    `insert into skp (id, employee_id, year, region_code, unit_id, instansi_id, position_id, rater_employee_id, status)
     select $1, employee_id, $2, region_code, unit_id, instansi_id, position_id, supervisor_id, 'APPROVED' from employee where employee_id = $3`,
    [skpId, YEAR, ids.pegawai],
  );
  await performanceDb.query(`insert into rhk (id, skp_id, kind, text, sort_order) values ($1, $2, 'UTAMA', 'Terlaksananya penilaian kinerja pegawai', 1)`, [randomUUID(), skpId]);
  const { evaluationPeriods } = await gql<{ evaluationPeriods: { code: string; state: string }[] }>('karawang.admin', 'query ($y: Int!, $i: ID) { evaluationPeriods(year: $y, instansiId: $i) { code state } }', {
    y: YEAR,
    i: ids.instansi,
  });
  for (const period of evaluationPeriods.filter((p) => p.state === 'OPEN').map((p) => p.code)) {
    await gql('karawang.atasan', 'mutation ($s: ID!, $p: String!) { rateEvaluation(skpId: $s, period: $p, hasilKerja: SESUAI_EKSPEKTASI, perilakuKerja: DI_ATAS_EKSPEKTASI) { predikat } }', { s: skpId, p: period });
    await gql('karawang.admin', 'mutation ($u: ID!, $y: Int!, $p: String!) { finaliseEvaluations(unitId: $u, year: $y, period: $p, override: true, reason: "Uji ekspor SIASN") { finalised } }', {
      u: ids.bidang,
      y: YEAR,
      p: period,
    });
    rated.push(period);
  }
}, 240_000);

afterAll(async () => {
  const steps = [() => performanceDb?.end(), () => personnelOrm?.close(true), () => gateway?.stop(), () => personnel?.stop(), () => performance?.stop(), () => siasn?.stop()];
  const failures: unknown[] = [];
  for (const step of steps) await Promise.resolve(step()).catch((error: unknown) => failures.push(error));
  rmSync(folder, { recursive: true, force: true });
  if (failures.length > 0) throw new AggregateError(failures, 'cleanup failed');
}, 60_000);

describe('npm run siasn -- export --send', () => {
  it('sends the finalised annual result (and the open periodic one) read through the gateway, once', async () => {
    expect(rated).toContain('ANNUAL');
    const out = join(folder, 'skp.json');
    const first = await exportRun(out);
    expect(JSON.parse(first.stdout)).toMatchObject({ sent: rated.length, results: rated.length });
    const file = JSON.parse(readFileSync(out, 'utf8')) as { skp22: { idempotencyKey: string; body: Record<string, unknown> }[]; kinerjaPeriodik: { body: Record<string, unknown> }[] };
    expect(file.skp22).toEqual([
      {
        idempotencyKey: `kinerja-asn:${pns.pegawai}:${YEAR}:ANNUAL`,
        body: {
          pnsDinilaiId: pns.pegawai,
          tahun: YEAR,
          hasilKinerjaNilai: 2,
          perilakuKerjaNilai: 1,
          kuadranKinerjaNilai: 2,
          penilaiPnsId: pns.atasan,
          penilaiNipNrp: '197805122003121003',
          penilaiNama: 'Rudi Hartono',
          penilaiGolongan: 'IV/a',
          penilaiJabatan: 'Kepala Bidang Penilaian Kinerja',
          penilaiUnorNama: 'Bidang Penilaian Kinerja',
          statusPenilai: 'ASN',
        },
      },
    ]);
    expect(file.kinerjaPeriodik).toHaveLength(rated.length - 1);
    const stored = [...siasn.records.values()].map((r) => `${r.endpoint} ${String(r.body['pnsDinilaiId'])} ${r.writes}`);
    expect(stored.sort()).toEqual(rated.map((period) => `${period === 'ANNUAL' ? '/skp22/save' : '/kinerjaperiodik/save'} ${pns.pegawai} 1`).sort());
    const report = readFileSync(`${out}.report.csv`, 'utf8');
    expect(report).toContain('199001152015032001');

    const again = await exportRun(out);
    expect(JSON.parse(again.stdout)).toMatchObject({ already_sent: rated.length, results: rated.length });
    expect(siasn.saves).toHaveLength(rated.length);
  });

  it('refuses a run without the service account secret, naming it, and sends nothing', async () => {
    const before = siasn.saves.length;
    const refused = await run(process.execPath, [cli, 'export', '--instansi', ids.instansi, '--year', String(YEAR), '--out', join(folder, 'x.json'), '--graphql-url', gateway!.url], {
      env: { ...process.env, SIASN_SYNC_CLIENT_SECRET: '' },
    }).catch((error: { code: number; stderr: string }) => error);
    expect(refused).toMatchObject({ code: 1 });
    expect((refused as { stderr: string }).stderr).toContain('SIASN_SYNC_CLIENT_SECRET kosong');
    expect(siasn.saves).toHaveLength(before);
  });
});
