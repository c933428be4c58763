// Calibration and finalisation with real Keycloak tokens: the unit head (karawang.atasan, rated by a test
// user above them) and karawang.admin; the events land on the real performance.rating.v1 exactly once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PredikatFinalisedSchema, fromBinary } from '@kinerja/proto';
import { todayWib } from '../../src/domain/periods.ts';
import { RATING_TOPIC } from '../../src/events/predikat-finalised-event.ts';
import { startHarness, until, type GraphQLResult, type Harness } from '../support/harness.ts';
import { ensureKepalaUser, KEPALA_USER } from '../support/keycloak-users.ts';
import { atasan, bekasi, kepala, pegawai, rekan } from '../support/people.ts';
import { approvedSkpFixture, call, errorOf } from '../support/skp-fixtures.ts';

const YEAR = Number(todayWib().slice(0, 4));
const UNIT = 'unit-krw-bidang';
let h: Harness;
const skps: Record<string, string> = {};

const DISTRIBUTION = `year period total counts { predikat employees share } unitPredikat
  limits { predikat bound value description actualCount violated violation } violations
  finalisations { evaluations unitPredikat override reason violations finalisedBy }`;

async function digest(): Promise<string> {
  const [row] = await h.sql<{ d: string }>(`select concat_ws(' | ',
    (select string_agg(id || ':' || status || ':' || version, ',' order by id) from evaluation),
    (select count(*)::text from outbox_event), (select count(*)::text from calibration_finalisation)) as d`);
  return row?.d ?? '';
}

async function refusedWithoutWrite(result: Promise<GraphQLResult>, code: string, reason: string): Promise<void> {
  const before = await digest();
  expect(errorOf(await result)).toEqual({ code, reason });
  expect(await digest()).toBe(before);
}

const rate = async (user: string, skpId: string, hasilKerja: string, perilakuKerja: string) =>
  call(h, user, 'mutation ($s: ID!, $h: RatingLevel!, $b: RatingLevel!) { rateEvaluation(skpId: $s, period: "ANNUAL", hasilKerja: $h, perilakuKerja: $b) { predikat } }', {
    s: skpId,
    h: hasilKerja,
    b: perilakuKerja,
  });
const distribution = async (user: string) =>
  call(h, user, `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on OrgUnit { predikatDistribution(year: ${YEAR}) { ${DISTRIBUTION} } } } }`, {
    reps: [{ __typename: 'OrgUnit', id: UNIT }],
  });
const finalise = async (user: string, override = false, reason: string | null = null) =>
  call(h, user, `mutation ($o: Boolean, $r: String) { finaliseEvaluations(unitId: "${UNIT}", year: ${YEAR}, period: "ANNUAL", override: $o, reason: $r) { finalised distribution { ${DISTRIBUTION} } } }`, {
    o: override,
    r: reason,
  });

beforeAll(async () => {
  await ensureKepalaUser(kepala.nip);
  h = await startHarness('calibration');
  const events: string[] = [];
  for (const employee of [kepala, atasan, pegawai, rekan, bekasi]) events.push(await h.publishEmployee(employee));
  for (const id of events) await h.processed(id);
  for (const employee of [atasan, pegawai, rekan]) skps[employee.employeeId] = (await approvedSkpFixture(h, employee.employeeId, YEAR, employee.positionId)).skpId;
}, 120_000);

afterAll(async () => {
  await h?.stop();
});

describe('the unit\'s distribution against its limits', () => {
  it('has no unit predikat and says so while the head is not rated', async () => {
    await rate('karawang.atasan', skps[pegawai.employeeId]!, 'DI_ATAS_EKSPEKTASI', 'DI_ATAS_EKSPEKTASI');
    await rate('karawang.atasan', skps[rekan.employeeId]!, 'SESUAI_EKSPEKTASI', 'SESUAI_EKSPEKTASI');
    const result = await distribution('karawang.admin');
    expect(result.errors).toBeUndefined();
    const view = (result.data?.['_entities'] as { predikatDistribution: Record<string, unknown> }[])[0]?.predikatDistribution;
    expect(view).toMatchObject({ total: 2, unitPredikat: null, limits: [], violations: ['Predikat unit belum diketahui: kepala unit belum dinilai pada periode ini'] });
  });

  it('takes the unit predikat from the head\'s rating and names each violated limit, the head left out of the counts', async () => {
    expect((await rate(KEPALA_USER, skps[atasan.employeeId]!, 'SESUAI_EKSPEKTASI', 'SESUAI_EKSPEKTASI')).data?.['rateEvaluation']).toEqual({ predikat: 'BAIK' });
    const result = await distribution('karawang.atasan');
    expect(result.errors).toBeUndefined();
    const view = (result.data?.['_entities'] as { predikatDistribution: { counts: { predikat: string; employees: number }[] } & Record<string, unknown> }[])[0]!.predikatDistribution;
    expect(view.counts.filter((c) => c.employees > 0)).toEqual([
      { predikat: 'SANGAT_BAIK', employees: 1, share: 0.5 },
      { predikat: 'BAIK', employees: 1, share: 0.5 },
    ]);
    expect(view).toMatchObject({ total: 2, unitPredikat: 'BAIK' });
    expect(view['violations']).toEqual(['Unit berpredikat Baik harus memiliki sekurang-kurangnya 1 pegawai Butuh Perbaikan atau Kurang; saat ini 0 pegawai']);
  });

  it('is refused to a pegawai and to a region reader of another province', async () => {
    expect(errorOf(await distribution('karawang.pegawai'))).toEqual({ code: 'FORBIDDEN', reason: 'unit_out_of_scope' });
    expect(errorOf(await distribution('banten.analis'))).toEqual({ code: 'FORBIDDEN', reason: 'unit_out_of_scope' });
  });
});

describe('finalising', () => {
  it('is refused while a limit is violated, to a non-admin override, without a reason, and to others, writing nothing', async () => {
    await refusedWithoutWrite(finalise('karawang.atasan'), 'CONFLICT', 'distribution_limit_violated');
    await refusedWithoutWrite(finalise('karawang.atasan', true, 'Hasil rapat kalibrasi unit'), 'FORBIDDEN', 'override_requires_admin');
    await refusedWithoutWrite(finalise('karawang.admin', true, ' '), 'BAD_USER_INPUT', 'override_reason_required');
    await refusedWithoutWrite(finalise('karawang.pegawai'), 'FORBIDDEN', 'not_unit_head_or_admin');
    await refusedWithoutWrite(finalise('banten.analis', true, 'Hasil rapat kalibrasi unit'), 'FORBIDDEN', 'not_unit_head_or_admin');
  });

  it('goes through with an admin\'s override and reason, recorded with the violations, and publishes each PredikatFinalised exactly once', async () => {
    const result = await finalise('karawang.admin', true, 'Hasil rapat kalibrasi tim penilai kinerja unit');
    expect(result.errors).toBeUndefined();
    const payload = result.data?.['finaliseEvaluations'] as { finalised: number; distribution: { finalisations: unknown[] } };
    expect(payload.finalised).toBe(2);
    expect(payload.distribution.finalisations).toEqual([
      {
        evaluations: 2,
        unitPredikat: 'BAIK',
        override: true,
        reason: 'Hasil rapat kalibrasi tim penilai kinerja unit',
        violations: ['Unit berpredikat Baik harus memiliki sekurang-kurangnya 1 pegawai Butuh Perbaikan atau Kurang; saat ini 0 pegawai'],
        finalisedBy: 'karawang.admin',
      },
    ]);
    const statuses = await h.sql<{ employee_id: string; status: string; version: number }>('select employee_id, status, version from evaluation order by employee_id');
    expect(statuses).toEqual([
      { employee_id: atasan.employeeId, status: 'DRAFT', version: 0 },
      { employee_id: pegawai.employeeId, status: 'FINAL', version: 1 },
      { employee_id: rekan.employeeId, status: 'FINAL', version: 1 },
    ]);

    const outbox = await h.sql<{ id: string; key: string }>(`select id::text as id, key from outbox_event where topic = ? order by key`, [RATING_TOPIC]);
    expect(outbox.map((row) => row.key)).toEqual([pegawai.employeeId, rekan.employeeId]);
    const ids = new Set(outbox.map((row) => row.id));
    const seen = new Map<string, { count: number; predikat: string; version: number; override: boolean; nip: string }>();
    const groupId = `performance-test-rating-${outbox[0]!.id.slice(0, 8)}`;
    const consumer = h.kafka.consumer({ groupId });
    await consumer.connect();
    await consumer.subscribe({ topic: RATING_TOPIC, fromBeginning: true });
    const reached = new Map<number, string>();
    await consumer.run({
      eachMessage: async ({ partition, message }) => {
        reached.set(partition, message.offset);
        const id = message.headers?.['event-id']?.toString();
        if (id === undefined || !ids.has(id)) return;
        const event = fromBinary(PredikatFinalisedSchema, message.value!);
        const entry = seen.get(id) ?? { count: 0, predikat: event.predikat, version: event.version, override: event.calibrationOverride, nip: event.nip };
        entry.count += 1;
        seen.set(id, entry);
      },
    });
    try {
      await until('both events on the topic', async () => (seen.size === ids.size ? true : undefined), 60_000);
      // Read on to the end of the log as it stands now, so a duplicate published after the first copy would be counted.
      const admin = h.kafka.admin();
      await admin.connect();
      const ends = await admin.fetchTopicOffsets(RATING_TOPIC);
      await admin.disconnect();
      await until('the end of the topic', async () =>
        ends.every(({ partition, high }) => high === '0' || BigInt(reached.get(partition) ?? '-1') >= BigInt(high) - 1n) ? true : undefined,
      );
    } finally {
      await consumer.disconnect();
      // Leave no per-run groups on the shared broker.
      const admin = h.kafka.admin();
      await admin.connect();
      await admin.deleteGroups([groupId]).catch(() => undefined);
      await admin.disconnect();
    }
    expect([...seen.values()].map((e) => `${e.nip}:${e.predikat}:${e.version}:${e.override}:${e.count}`).sort()).toEqual([
      `${pegawai.nip}:SANGAT_BAIK:1:true:1`,
      `${rekan.nip}:BAIK:1:true:1`,
    ]);
  });

  it('has nothing more to finalise, and a finalised evaluation can no longer be re-rated', async () => {
    await refusedWithoutWrite(finalise('karawang.admin', true, 'Hasil rapat kalibrasi tim penilai kinerja unit'), 'CONFLICT', 'nothing_to_finalise');
    await refusedWithoutWrite(rate('karawang.atasan', skps[pegawai.employeeId]!, 'SESUAI_EKSPEKTASI', 'SESUAI_EKSPEKTASI'), 'CONFLICT', 'evaluation_finalised');
  });
});

describe('region distribution (maintained counts)', () => {
  it('counts everyone rated in the province with one read of predikat_summary and no scan of evaluations', async () => {
    h.statements.length = 0;
    const result = await call(h, 'jabar.analis', `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Region { predikatDistribution(year: ${YEAR}) { total counts { predikat employees } } } } }`, {
      reps: [{ __typename: 'Region', code: '32' }],
    });
    expect(result.errors).toBeUndefined();
    const view = (result.data?.['_entities'] as { predikatDistribution: { total: number; counts: { predikat: string; employees: number }[] } }[])[0]!.predikatDistribution;
    expect(view.total).toBe(3);
    expect(view.counts.filter((c) => c.employees > 0)).toEqual([
      { predikat: 'SANGAT_BAIK', employees: 1 },
      { predikat: 'BAIK', employees: 2 },
    ]);
    expect(h.statements.filter((sql) => /\bevaluation\b/.test(sql))).toEqual([]);
    expect(h.statements.filter((sql) => /predikat_summary/.test(sql))).toHaveLength(1);
    expect(errorOf(await call(h, 'banten.analis', `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Region { predikatDistribution(year: ${YEAR}) { total } } } }`, { reps: [{ __typename: 'Region', code: '32' }] }))).toEqual({
      code: 'FORBIDDEN',
      reason: 'region_out_of_scope',
    });
  });
});
