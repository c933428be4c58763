// Issue 12 "Done means" end to end through the gateway: the real personnel and remuneration subgraph
// processes (each on a fresh database), real Keycloak tokens and the real topics. Personnel runs for real
// (karawang.admin hires through the gateway; remuneration learns the employee from personnel.employee.v1).
// Performance and attendance are NOT started: this suite publishes their protobuf events onto the real
// performance.rating.v1 and attendance.recap.v1 topics itself (PredikatFinalised, AttendanceRecapClosed with
// the kit's headers), as those services' producers do. Then karawang.admin sets the instansi's rule and
// runs computeTpp through the gateway; the slip's lines name the late check-in, the approved sick leave and
// the predikat; a corrected recap makes version 2 with the reason; after the lock nothing changes.
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { keycloakAvailable, keycloakRealmUrl } from '@kinerja/kit/testing';
import { ensureRealmUser, nationalAdmin } from '@kinerja/kit/testing-keycloak';
import { DEFAULT_TPP_RULE, publishPredikat, publishRecap, ruleInput, startRemunerationProcess, type RemunerationProcess } from '@kinerja/remuneration/testing';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadGatewayConfig } from '../src/config.ts';
import { createLogger } from '../src/observability/logger.ts';
import { startGateway, type RunningGateway } from '../src/server/gateway-server.ts';
import { composeSupergraph, readSubgraphSources } from '../src/supergraph/composition.ts';
import { gatewayCalls, until } from './support/gateway-calls.ts';
import { startPersonnel, type PersonnelProcess } from './support/personnel-process.ts';

const servicesDir = fileURLToPath(new URL('../../services', import.meta.url));
const keycloakUp = await keycloakAvailable();
if (!keycloakUp && process.env['CI']) throw new Error(`Keycloak is not answering at ${keycloakRealmUrl()}; run \`npm run infra -- up\``);

// The previous calendar month: computable, never in the future.
const MONTH = (() => {
  const now = new Date();
  const previous = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return previous.toISOString().slice(0, 7);
})();
const day = (d: number) => `${MONTH}-${String(d).padStart(2, '0')}`;
const lastDay = new Date(Date.UTC(Number(MONTH.slice(0, 4)), Number(MONTH.slice(5)), 0)).getUTCDate();
// The karawang.pegawai demo user's NIP, so her own token reads her slip.
const PEGAWAI = { nip: '199001152015032001', name: 'Sari Wulandari', gender: 'FEMALE', birthDate: '1990-01-15', golongan: 'IV/a' };
// An instansi rule: DOMAIN.md's default plus "reduced TPP after a number of sick days" (10% after 1 day).
const RULE = { ...DEFAULT_TPP_RULE, exceptions: { ...DEFAULT_TPP_RULE.exceptions, sickLeave: { code: 'SAKIT', afterDays: 1, reductionBp: 1_000 } } };

interface Slip {
  gross: number;
  deductions: number;
  tax: number;
  net: number;
  version: number;
  locked: boolean;
  stale: boolean;
  reason: string;
  computedBy: string;
  lines: { kind: string; code: string | null; count: number | null; amount: number; days: string[]; source: string; label: string }[];
  history: { version: number; reason: string; gross: number }[];
}

describe.skipIf(!keycloakUp)('TPP from attendance, performance and personnel events through the gateway (Kafka, Keycloak)', () => {
  let personnel: PersonnelProcess | undefined;
  let remuneration: RemunerationProcess | undefined;
  let gateway: RunningGateway | undefined;
  let remunerationDb: pg.Client | undefined;
  let producer: Producer | undefined;
  let instansiId = '';
  let employeeId = '';
  const logs = () => `--- personnel ---\n${personnel?.output() ?? ''}\n--- remuneration ---\n${remuneration?.output() ?? ''}`;

  const { call, ok } = gatewayCalls(() => gateway!.url, logs);

  const slipQuery = `query ($nip: String!, $m: String!) { employee(nip: $nip) { nip name tpp(month: $m) {
    gross deductions tax net version locked stale reason computedBy
    lines { kind code count amount days source label } history { version reason gross } } } }`;
  const slip = async (username = 'karawang.admin') => (await ok<{ employee: { tpp: Slip | null } }>(username, slipQuery, { nip: PEGAWAI.nip, m: MONTH })).employee.tpp;

  async function computeAndWait(reason?: string) {
    const started = await ok<{ computeTpp: { id: string } }>('karawang.admin', 'mutation ($i: ID!, $m: String!, $r: String) { computeTpp(instansiId: $i, month: $m, reason: $r) { id } }', { i: instansiId, m: MONTH, r: reason ?? null });
    return until(
      'the run to finish',
      async () => {
        const { tppRun } = await ok<{ tppRun: { status: string; processed: number; total: number; changed: number; error: string | null } }>('karawang.admin', 'query ($id: ID!) { tppRun(id: $id) { status processed total changed error } }', { id: started.computeTpp.id });
        return tppRun.status === 'RUNNING' ? undefined : tppRun;
      },
      logs,
    );
  }

  /** Resolves once remuneration's read model holds the row `sql` finds (the event was consumed). */
  const consumed = (what: string, sql: string, params: unknown[]) =>
    until(what, async () => ((await remunerationDb!.query(sql, params)).rowCount ? true : undefined), logs);

  beforeAll(async () => {
    await ensureRealmUser(nationalAdmin);
    const started = await Promise.allSettled([startPersonnel(), startRemunerationProcess()]);
    if (started[0].status === 'fulfilled') personnel = started[0].value;
    if (started[1].status === 'fulfilled') remuneration = started[1].value;
    const failure = started.find((outcome) => outcome.status === 'rejected');
    if (failure) throw failure.reason;
    const outcome = composeSupergraph(readSubgraphSources(servicesDir).filter((source) => ['personnel', 'remuneration'].includes(source.name)));
    if (!outcome.ok) throw new Error(outcome.errors.join('\n'));
    const config = loadGatewayConfig({
      PORT: '0',
      KEYCLOAK_URL: process.env['KEYCLOAK_URL'],
      KEYCLOAK_REALM: process.env['KEYCLOAK_REALM'],
      SUBGRAPH_PERSONNEL_URL: personnel!.url,
      SUBGRAPH_REMUNERATION_URL: remuneration!.url,
    });
    gateway = await startGateway(config, { supergraphSdl: outcome.supergraphSdl, logger: createLogger('silent') });
    remunerationDb = new pg.Client({ connectionString: remuneration!.database.url });
    await remunerationDb.connect();
    const kafka = new Kafka({ clientId: 'gateway-remuneration-test', brokers: (process.env['KAFKA_BROKERS'] ?? 'localhost:9092').split(','), logLevel: logLevel.NOTHING });
    producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
  }, 120_000);

  afterAll(async () => {
    const steps = [() => producer?.disconnect(), () => remunerationDb?.end(), () => gateway?.stop(), () => personnel?.stop(), () => remuneration?.stop()];
    const failures: unknown[] = [];
    for (const step of steps) await Promise.resolve(step()).catch((error: unknown) => failures.push(error));
    if (failures.length > 0) throw new AggregateError(failures, 'cleanup failed');
  }, 60_000);

  it('karawang.admin hires the pegawai through the gateway; remuneration learns her from personnel.employee.v1', async () => {
    const instansi = await ok<{ createOrgUnit: { id: string } }>('karawang.admin', 'mutation ($i: CreateOrgUnitInput!) { createOrgUnit(input: $i) { id } }', {
      i: { name: 'Pemerintah Kabupaten Karawang', regionCode: '32.15' },
    });
    instansiId = instansi.createOrgUnit.id;
    const unit = await ok<{ createOrgUnit: { id: string } }>('karawang.admin', 'mutation ($i: CreateOrgUnitInput!) { createOrgUnit(input: $i) { id } }', {
      i: { name: 'Bidang Anggaran', regionCode: '32.15', parentId: instansiId },
    });
    // Kelas 15: DOMAIN.md's Seruyan 2023 base (Rp 17,019,369) in the default rule.
    const position = await ok<{ createPosition: { id: string } }>('nasional.admin', 'mutation ($i: CreatePositionInput!) { createPosition(input: $i) { id } }', {
      i: { title: `Kepala Bidang Anggaran ${randomUUID().slice(0, 4)}`, jenisJabatan: 'ADMINISTRATOR', kelasJabatan: 15 },
    });
    const hired = await ok<{ hireEmployee: { id: string } }>('karawang.admin', 'mutation ($i: HireEmployeeInput!) { hireEmployee(input: $i) { id } }', {
      i: { ...PEGAWAI, employmentType: 'PNS', positionId: position.createPosition.id, unitId: unit.createOrgUnit.id, effectiveDate: '2025-01-02' },
    });
    employeeId = hired.hireEmployee.id;
    await consumed('the employee in remuneration', `select 1 from "employee" where "employee_id" = $1 and "kelas_jabatan" = 15 and "instansi_id" = $2`, [employeeId, instansiId]);
    const rule = await ok<{ setTppRule: { version: number } }>('karawang.admin', 'mutation ($input: SetTppRuleInput!) { setTppRule(input: $input) { version } }', {
      input: { instansiId, effectiveFrom: '2025-01', legalBasis: 'Perbup Karawang (uji)', rule: ruleInput(RULE) },
    });
    expect(rule.setTppRule.version).toBe(1);
  });

  it('a late check-in and an approved sick leave from attendance and a predikat from performance: computeTpp through the gateway names them line by line', async () => {
    await publishPredikat(producer!, { employeeId, year: Number(MONTH.slice(0, 4)), period: `M${MONTH.slice(5)}`, periodStart: day(1), periodEnd: day(lastDay), predikat: 'BAIK' });
    await publishRecap(producer!, {
      employeeId, month: MONTH,
      counts: [{ code: 'HADIR', count: 18 }, { code: 'TL1', count: 1 }, { code: 'SAKIT', count: 2 }],
      days: [{ date: day(6), code: 'TL1', lateMinutes: 12 }, { date: day(13), code: 'SAKIT' }, { date: day(14), code: 'SAKIT' }],
    });
    await consumed('the predikat', `select 1 from "predikat_rating" where "employee_id" = $1`, [employeeId]);
    await consumed('the recap', `select 1 from "attendance_recap" where "employee_id" = $1 and "version" = 1`, [employeeId]);

    expect(await computeAndWait()).toMatchObject({ status: 'DONE', processed: 1, total: 1, changed: 1, error: null });
    const own = (await slip('karawang.pegawai'))!;
    // Base 17,019,369: performance 60% × 1.00 (Baik) = 10,211,621.4; discipline 40% = 6,807,747.6; TL1 once
    // 0.5% of it = 34,038.738; sick 2 days > 1: −10% of 16,985,330.262 = 1,698,533.026 → gross 15,286,797.
    expect(own).toMatchObject({ version: 1, gross: 15_286_797, locked: false, stale: false, reason: 'Perhitungan pertama', computedBy: 'karawang.admin' });
    expect(own.lines.find((l) => l.kind === 'PERFORMANCE')).toMatchObject({ code: 'BAIK', amount: 10_211_621 });
    expect(own.lines.find((l) => l.kind === 'PERFORMANCE')!.source).toContain(`predikat ${MONTH.slice(0, 4)} M${MONTH.slice(5)}`);
    expect(own.lines.find((l) => l.kind === 'DEDUCTION')).toMatchObject({ code: 'TL1', count: 1, amount: -34_039, days: [day(6)], source: `rekap kehadiran ${MONTH} versi 1` });
    expect(own.lines.find((l) => l.kind === 'EXCEPTION')).toMatchObject({ code: 'SAKIT', count: 2, amount: -1_698_533, days: [day(13), day(14)] });
    // PPh 21 golongan IV: 15%.
    expect(own.tax).toBe(2_293_020);
    expect(own.net).toBe(own.gross - own.tax);
  });

  it('a corrected recap marks the slip stale; the recomputation is version 2 with who and why; the history stays readable', async () => {
    await publishRecap(producer!, {
      employeeId, month: MONTH, version: 2, reason: 'moderasi: terlambat karena tugas kedinasan',
      counts: [{ code: 'HADIR', count: 19 }, { code: 'SAKIT', count: 2 }],
      days: [{ date: day(13), code: 'SAKIT' }, { date: day(14), code: 'SAKIT' }],
    });
    await consumed('the corrected recap', `select 1 from "attendance_recap" where "employee_id" = $1 and "version" = 2`, [employeeId]);
    expect(await slip()).toMatchObject({ version: 1, stale: true });
    expect(await computeAndWait('koreksi rekap kehadiran')).toMatchObject({ status: 'DONE', changed: 1 });
    const corrected = (await slip())!;
    // Without the TL1: 17,019,369 × 90% = 15,317,432.1 → 15,317,432.
    expect(corrected).toMatchObject({ version: 2, stale: false, gross: 15_317_432, computedBy: 'karawang.admin', reason: 'Dihitung ulang: rekap kehadiran baru (recap-v2); koreksi rekap kehadiran' });
    expect(corrected.lines.some((l) => l.code === 'TL1')).toBe(false);
    expect(corrected.history.map((h) => [h.version, h.gross])).toEqual([[2, 15_317_432], [1, 15_286_797]]);
  });

  it('after the lock nothing changes: late data only marks the slip stale and computeTpp is refused', async () => {
    const lock = await ok<{ lockTppMonth: { locked: boolean } }>('karawang.admin', 'mutation ($i: ID!, $m: String!) { lockTppMonth(instansiId: $i, month: $m) { locked } }', { i: instansiId, m: MONTH });
    expect(lock.lockTppMonth.locked).toBe(true);
    await publishRecap(producer!, { employeeId, month: MONTH, version: 3, counts: [{ code: 'HADIR', count: 18 }, { code: 'TK', count: 3 }] });
    await consumed('the late recap', `select 1 from "attendance_recap" where "employee_id" = $1 and "version" = 3`, [employeeId]);
    const refused = await call('karawang.admin', 'mutation ($i: ID!, $m: String!) { computeTpp(instansiId: $i, month: $m) { id } }', { i: instansiId, m: MONTH });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'month_locked' });
    const after = (await slip())!;
    expect(after).toMatchObject({ version: 2, locked: true, stale: true, gross: 15_317_432 });
    expect(after.history).toHaveLength(2);
    const { rows } = await remunerationDb!.query(`select count(*)::int as n from "tpp_statement" where "employee_id" = $1`, [employeeId]);
    expect(rows[0].n).toBe(2);
  });
});
