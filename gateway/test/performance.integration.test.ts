// Issue 10 "Done means" end to end: through the gateway, with the real personnel and performance
// subgraph processes (each on a fresh database), the real personnel.employee.v1 and performance.rating.v1
// topics and real Keycloak tokens. nasional.admin adds the positions (a national catalogue), karawang.admin hires a kepala, karawang.atasan and karawang.pegawai;
// performance learns the chain from personnel's events; the pegawai's SKP is drafted, cascaded from the
// atasan's, approved, realised, rated, calibrated and finalised, and PredikatFinalised is on the topic once.
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { keycloakAvailable, keycloakRealmUrl, passwordToken } from '@kinerja/kit/testing';
import { ensureRealmUser, nationalAdmin } from '@kinerja/kit/testing-keycloak';
import { PredikatFinalisedSchema, fromBinary } from '@kinerja/proto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadGatewayConfig } from '../src/config.ts';
import { createLogger } from '../src/observability/logger.ts';
import { startGateway, type RunningGateway } from '../src/server/gateway-server.ts';
import { composeSupergraph, readSubgraphSources } from '../src/supergraph/composition.ts';
import { Kafka, logLevel } from 'kafkajs';
import { ensureKepalaUser, KEPALA_USER, startPerformance, type PerformanceProcess } from './support/performance-process.ts';
import { until } from './support/gateway-calls.ts';
import { startPersonnel, type PersonnelProcess } from './support/personnel-process.ts';

const servicesDir = fileURLToPath(new URL('../../services', import.meta.url));
const keycloakUp = await keycloakAvailable();
if (!keycloakUp && process.env['CI']) throw new Error(`Keycloak is not answering at ${keycloakRealmUrl()}; run \`npm run infra -- up\``);

const YEAR = Number(new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 4));
const people = {
  kepala: { nip: '197001012000031001', name: 'Hendra Saputra', gender: 'MALE', birthDate: '1970-01-01', golongan: 'IV/c', position: 'kaban' },
  atasan: { nip: '197805122003121003', name: 'Rudi Hartono', gender: 'MALE', birthDate: '1978-05-12', golongan: 'IV/a', position: 'kabid' },
  pegawai: { nip: '199001152015032001', name: 'Sari Wulandari', gender: 'FEMALE', birthDate: '1990-01-15', golongan: 'III/b', position: 'analis' },
} as const;
const positions = {
  kaban: { title: 'Kepala Badan Kepegawaian dan Pengembangan SDM', jenisJabatan: 'JPT_PRATAMA', kelasJabatan: 14 },
  kabid: { title: 'Kepala Bidang Penilaian Kinerja', jenisJabatan: 'ADMINISTRATOR', kelasJabatan: 11 },
  analis: { title: 'Analis SDM Aparatur Ahli Pertama', jenisJabatan: 'AHLI_PERTAMA', kelasJabatan: 8 },
} as const;
const berakhlak = ['BERORIENTASI_PELAYANAN', 'AKUNTABEL', 'KOMPETEN', 'HARMONIS', 'LOYAL', 'ADAPTIF', 'KOLABORATIF'].map((behaviour) => ({
  behaviour,
  expectation: `Menunjukkan perilaku ${behaviour.toLowerCase().replace('_', ' ')} dalam layanan kepegawaian`,
}));
const indicator = { text: 'Jumlah rekomendasi penilaian kinerja yang diselesaikan', aspect: 'KUANTITAS', target: 24, unit: 'dokumen', quarterlyTargets: [6, 6, 6, 6] };

interface Body<T> {
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

describe.skipIf(!keycloakUp)('an SKP from draft to PredikatFinalised through the gateway (Kafka, Keycloak)', () => {
  let personnel: PersonnelProcess | undefined;
  let performance: PerformanceProcess | undefined;
  let gateway: RunningGateway | undefined;
  let performanceDb: pg.Client | undefined;
  const tokens = new Map<string, Promise<string>>();
  const ids = {} as Record<keyof typeof people, string>;
  let unitId = '';
  const logs = () => `--- personnel ---\n${personnel?.output() ?? ''}\n--- performance ---\n${performance?.output() ?? ''}`;

  async function ok<T>(username: string, query: string, variables?: Record<string, unknown>): Promise<T> {
    let token = tokens.get(username);
    if (!token) tokens.set(username, (token = passwordToken(username)));
    const response = await fetch(gateway!.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as Body<T>;
    if (body.errors || !body.data) throw new Error(`${username}: ${JSON.stringify(body.errors)}\n${logs()}`);
    return body.data;
  }

  beforeAll(async () => {
    await ensureRealmUser(nationalAdmin);
    await ensureKepalaUser(people.kepala.nip);
    const started = await Promise.allSettled([startPersonnel(), startPerformance()]);
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
  }, 120_000);

  afterAll(async () => {
    const steps = [() => performanceDb?.end(), () => gateway?.stop(), () => personnel?.stop(), () => performance?.stop()];
    const failures: unknown[] = [];
    for (const step of steps) await Promise.resolve(step()).catch((error: unknown) => failures.push(error));
    if (failures.length > 0) throw new AggregateError(failures, 'cleanup failed');
  }, 60_000);

  it('karawang.admin hires the chain; performance learns it from personnel.employee.v1', async () => {
    const instansi = await ok<{ createOrgUnit: { id: string } }>('karawang.admin', 'mutation ($i: CreateOrgUnitInput!) { createOrgUnit(input: $i) { id } }', {
      i: { name: 'Pemerintah Kabupaten Karawang', regionCode: '32.15' },
    });
    const unit = await ok<{ createOrgUnit: { id: string } }>('karawang.admin', 'mutation ($i: CreateOrgUnitInput!) { createOrgUnit(input: $i) { id } }', {
      i: { name: 'Bidang Penilaian Kinerja', regionCode: '32.15', parentId: instansi.createOrgUnit.id },
    });
    unitId = unit.createOrgUnit.id;
    const positionIds = {} as Record<keyof typeof positions, string>;
    for (const key of Object.keys(positions) as (keyof typeof positions)[]) {
      positionIds[key] = (await ok<{ createPosition: { id: string } }>('nasional.admin', 'mutation ($i: CreatePositionInput!) { createPosition(input: $i) { id } }', { i: positions[key] })).createPosition.id;
    }
    for (const key of ['kepala', 'atasan', 'pegawai'] as const) {
      const { position, ...person } = people[key];
      const supervisorId = key === 'atasan' ? ids.kepala : key === 'pegawai' ? ids.atasan : undefined;
      const hired = await ok<{ hireEmployee: { id: string } }>('karawang.admin', 'mutation ($i: HireEmployeeInput!) { hireEmployee(input: $i) { id } }', {
        i: { ...person, employmentType: 'PNS', positionId: positionIds[position], unitId: key === 'kepala' ? instansi.createOrgUnit.id : unitId, supervisorId },
      });
      ids[key] = hired.hireEmployee.id;
    }
    const learned = await until(
      'performance’s read model holding the chain',
      async () => {
        const { rows } = await performanceDb!.query<{ nip: string; supervisor_id: string | null }>('select nip, supervisor_id from employee where employee_id = any($1) order by nip', [Object.values(ids)]);
        return rows.length === 3 ? rows : undefined;
      },
      logs,
    );
    expect(learned).toEqual([
      { nip: people.kepala.nip, supervisor_id: null },
      { nip: people.atasan.nip, supervisor_id: ids.kepala },
      { nip: people.pegawai.nip, supervisor_id: ids.atasan },
    ]);
  });

  async function plan(username: string, supportsRhkId: string | null): Promise<{ skpId: string; rhkId: string }> {
    const skp = (await ok<{ createSkp: { id: string } }>(username, `mutation { createSkp(year: ${YEAR}) { id } }`)).createSkp;
    const rhk = (await ok<{ addRhk: { id: string } }>(username, 'mutation ($s: ID!, $i: RhkInput!) { addRhk(skpId: $s, input: $i) { id } }', {
      s: skp.id,
      i: { kind: 'UTAMA', text: `Terlaksananya penilaian kinerja pegawai tahun ${YEAR}`, supportsRhkId },
    })).addRhk;
    await ok(username, 'mutation ($r: ID!, $i: [IndicatorInput!]!) { setIndicators(rhkId: $r, indicators: $i) { id } }', { r: rhk.id, i: [indicator] });
    await ok(username, 'mutation ($s: ID!) { submitSkp(skpId: $s) { status } }', { s: skp.id });
    return { skpId: skp.id, rhkId: rhk.id };
  }

  it('drafts, cascades, approves, realises, rates, calibrates and finalises; PredikatFinalised is on the topic exactly once', async () => {
    // The head of the instansi planned earlier (the top of the chain has no atasan in the system).
    const top = { skp: randomUUID(), rhk: randomUUID() };
    await performanceDb!.query(`insert into skp (id, employee_id, year, region_code, unit_id, instansi_id, position_id, status) select $1, employee_id, $2, region_code, unit_id, instansi_id, position_id, 'APPROVED' from employee where employee_id = $3`, [top.skp, YEAR, ids.kepala]);
    await performanceDb!.query(`insert into rhk (id, skp_id, kind, text, sort_order) values ($1, $2, 'UTAMA', 'Meningkatnya kualitas manajemen ASN berbasis kinerja', 1)`, [top.rhk, top.skp]);

    const atasanSkp = await plan('karawang.atasan', top.rhk);
    await ok(KEPALA_USER, 'mutation ($s: ID!, $e: [BehaviourExpectationInput!]!) { approveSkp(skpId: $s, expectations: $e) { status } }', { s: atasanSkp.skpId, e: berakhlak });
    const offered = await ok<{ supervisorRhk: { id: string }[] }>('karawang.pegawai', `{ supervisorRhk(year: ${YEAR}) { id } }`);
    expect(offered.supervisorRhk.map((r) => r.id)).toEqual([atasanSkp.rhkId]);
    const pegawaiSkp = await plan('karawang.pegawai', atasanSkp.rhkId);
    const approved = await ok<{ approveSkp: { status: string; rater: { nip: string; name: string } } }>(
      'karawang.atasan',
      'mutation ($s: ID!, $e: [BehaviourExpectationInput!]!) { approveSkp(skpId: $s, expectations: $e) { status rater { nip name } } }',
      { s: pegawaiSkp.skpId, e: berakhlak },
    );
    expect(approved.approveSkp).toEqual({ status: 'APPROVED', rater: { nip: people.atasan.nip, name: people.atasan.name } });

    const indicatorId = (await performanceDb!.query<{ id: string }>('select id from indicator where rhk_id = $1', [pegawaiSkp.rhkId])).rows[0]!.id;
    await ok('karawang.pegawai', 'mutation ($i: ID!) { recordRealisation(indicatorId: $i, period: "ANNUAL", value: 20, evidenceUrl: "https://drive.karawangkab.go.id/kinerja/rekap") { id } }', { i: indicatorId });
    const preview = await ok<{ predikatPreview: string }>('karawang.atasan', '{ predikatPreview(hasilKerja: SESUAI_EKSPEKTASI, perilakuKerja: DI_ATAS_EKSPEKTASI) }');
    expect(preview.predikatPreview).toBe('BAIK');
    await ok('karawang.atasan', 'mutation ($s: ID!) { rateEvaluation(skpId: $s, period: "ANNUAL", hasilKerja: SESUAI_EKSPEKTASI, perilakuKerja: DI_ATAS_EKSPEKTASI) { predikat } }', { s: pegawaiSkp.skpId });
    // The head's rating is the unit's result: Sangat Baik makes the unit Istimewa (at most 70% Sangat Baik).
    await ok(KEPALA_USER, 'mutation ($s: ID!) { rateEvaluation(skpId: $s, period: "ANNUAL", hasilKerja: DI_ATAS_EKSPEKTASI, perilakuKerja: DI_ATAS_EKSPEKTASI) { predikat } }', { s: atasanSkp.skpId });

    const calibration = await ok<{ orgUnit: { name: string; predikatDistribution: { unitPredikat: string; total: number; violations: string[] } } }>(
      'karawang.atasan',
      `query ($id: ID!) { orgUnit(id: $id) { name predikatDistribution(year: ${YEAR}) { unitPredikat total violations } } }`,
      { id: unitId },
    );
    expect(calibration.orgUnit).toEqual({ name: 'Bidang Penilaian Kinerja', predikatDistribution: { unitPredikat: 'ISTIMEWA', total: 1, violations: [] } });
    const finalised = await ok<{ finaliseEvaluations: { finalised: number } }>('karawang.atasan', `mutation ($u: ID!) { finaliseEvaluations(unitId: $u, year: ${YEAR}, period: "ANNUAL") { finalised } }`, { u: unitId });
    expect(finalised.finaliseEvaluations.finalised).toBe(1);

    const view = await ok<{ employee: Record<string, unknown> }>(
      'karawang.pegawai',
      `query ($id: ID!) { employee(id: $id) { nip name skp(year: ${YEAR}) { status rater { name } rhk { supports { text } } } predikat(year: ${YEAR}) { predikat status rater { name } } angkaKredit(year: ${YEAR}) { angkaKredit status } } }`,
      { id: ids.pegawai },
    );
    expect(view.employee).toEqual({
      nip: people.pegawai.nip,
      name: people.pegawai.name,
      skp: { status: 'APPROVED', rater: { name: people.atasan.name }, rhk: [{ supports: { text: `Terlaksananya penilaian kinerja pegawai tahun ${YEAR}` } }] },
      predikat: { predikat: 'BAIK', status: 'FINAL', rater: { name: people.atasan.name } },
      angkaKredit: { angkaKredit: 12.5, status: 'FINAL' },
    });

    const { rows: outbox } = await performanceDb!.query<{ id: string }>("select id::text as id from outbox_event where topic = 'performance.rating.v1'");
    expect(outbox).toHaveLength(1);
    const eventId = outbox[0]!.id;
    const groupId = `gateway-test-rating-${eventId.slice(0, 8)}`;
    const kafka = new Kafka({ clientId: 'gateway-test-rating', brokers: (process.env['KAFKA_BROKERS'] ?? 'localhost:9092').split(','), logLevel: logLevel.NOTHING });
    const consumer = kafka.consumer({ groupId });
    const copies: { nip: string; predikat: string; period: string; version: number }[] = [];
    const reached = new Map<number, string>();
    await consumer.connect();
    await consumer.subscribe({ topic: 'performance.rating.v1', fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ partition, message }) => {
        reached.set(partition, message.offset);
        if (message.headers?.['event-id']?.toString() !== eventId) return;
        const event = fromBinary(PredikatFinalisedSchema, message.value!);
        copies.push({ nip: event.nip, predikat: event.predikat, period: event.period, version: event.version });
      },
    });
    try {
      await until('PredikatFinalised on performance.rating.v1', async () => (copies.length > 0 ? true : undefined), logs, 60_000);
      const admin = kafka.admin();
      await admin.connect();
      const ends = await admin.fetchTopicOffsets('performance.rating.v1');
      await admin.disconnect();
      await until('the end of performance.rating.v1', async () => (ends.every(({ partition, high }) => high === '0' || BigInt(reached.get(partition) ?? '-1') >= BigInt(high) - 1n) ? true : undefined), logs);
    } finally {
      await consumer.disconnect();
      const admin = kafka.admin();
      await admin.connect();
      await admin.deleteGroups([groupId]).catch(() => undefined);
      await admin.disconnect();
    }
    expect(copies).toEqual([{ nip: people.pegawai.nip, predikat: 'BAIK', period: 'ANNUAL', version: 1 }]);
  });
});
