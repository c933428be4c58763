// Periods, realisations with evidence, feedback and ratings with real Keycloak tokens (karawang.atasan
// rates karawang.pegawai), the read model fed from a real Kafka topic and a fresh database. The current
// year's annual evaluation is open until 31 January of the next year; the previous year's Q1 is always
// past its deadline, so the suite holds whatever the date.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayWib } from '../../src/domain/periods.ts';
import { startHarness, type GraphQLResult, type Harness } from '../support/harness.ts';
import { atasan, bekasi, kepala, pegawai, rekan } from '../support/people.ts';
import { approvedSkpFixture, call, errorOf } from '../support/skp-fixtures.ts';

const YEAR = Number(todayWib().slice(0, 4));
let h: Harness;
let current: { skpId: string; indicatorId: string };
let previous: { skpId: string; indicatorId: string };
let rekanSkp: { skpId: string; indicatorId: string };

async function digest(): Promise<string> {
  const [row] = await h.sql<{ d: string }>(`select concat_ws(' | ',
    (select string_agg(id || ':' || period || ':' || value || ':' || coalesce(evidence_url, '-'), ',' order by id) from realisation),
    (select string_agg(skp_id || ':' || period || ':' || predikat || ':' || status, ',' order by skp_id, period) from evaluation),
    (select string_agg(scope || ':' || scope_key || ':' || period || ':' || predikat || ':' || employees, ',' order by scope, scope_key, period, predikat) from predikat_summary),
    (select count(*)::text from feedback), (select count(*)::text from period_unlock)) as d`);
  return row?.d ?? '';
}

async function refusedWithoutWrite(result: Promise<GraphQLResult>, code: string, reason: string): Promise<void> {
  const before = await digest();
  expect(errorOf(await result)).toEqual({ code, reason });
  expect(await digest()).toBe(before);
}

const realise = async (user: string, indicatorId: string, period: string, value: number, evidenceUrl: string | null, note: string | null = null) =>
  call(
    h,
    user,
    'mutation ($i: ID!, $p: String!, $v: Float!, $u: String, $n: String) { recordRealisation(indicatorId: $i, period: $p, value: $v, evidenceUrl: $u, note: $n) { id realisations { period value evidenceUrl note recordedBy } } }',
    { i: indicatorId, p: period, v: value, u: evidenceUrl, n: note },
  );
const rate = async (user: string, skpId: string, period: string, hasilKerja: string, perilakuKerja: string) =>
  call(
    h,
    user,
    'mutation ($s: ID!, $p: String!, $h: RatingLevel!, $b: RatingLevel!) { rateEvaluation(skpId: $s, period: $p, hasilKerja: $h, perilakuKerja: $b, note: "Penilaian uji") { year period hasilKerja perilakuKerja predikat status rater { id } skp { id } } }',
    { s: skpId, p: period, h: hasilKerja, b: perilakuKerja },
  );
const unlock = async (user: string, period: string, until: string) =>
  call(h, user, 'mutation ($y: Int!, $p: String!, $u: String!) { unlockPeriod(instansiId: "inst-krw", year: $y, period: $p, until: $u, reason: "Keterlambatan input karena gangguan jaringan") { code state unlockedUntil } }', {
    y: YEAR - 1,
    p: period,
    u: until,
  });

beforeAll(async () => {
  h = await startHarness('evaluation');
  const events: string[] = [];
  for (const employee of [kepala, atasan, pegawai, rekan, bekasi]) events.push(await h.publishEmployee(employee));
  for (const id of events) await h.processed(id);
  current = await approvedSkpFixture(h, pegawai.employeeId, YEAR, pegawai.positionId);
  previous = await approvedSkpFixture(h, pegawai.employeeId, YEAR - 1, pegawai.positionId);
  rekanSkp = await approvedSkpFixture(h, rekan.employeeId, YEAR, rekan.positionId);
  await h.sql(`update skp set status = 'SUBMITTED' where id = ?`, [rekanSkp.skpId]);
}, 120_000);

afterAll(async () => {
  await h?.stop();
});

describe('periods', () => {
  it('are four quarters and the annual evaluation by default, the annual one open this year and last year\'s Q1 locked', async () => {
    const now = await call(h, 'karawang.pegawai', '{ evaluationPeriods(year: ' + YEAR + ', instansiId: "inst-krw") { code start end deadline state } }');
    const periods = now.data?.['evaluationPeriods'] as { code: string; end: string; deadline: string; state: string }[];
    expect(periods.map((p) => p.code)).toEqual(['Q1', 'Q2', 'Q3', 'Q4', 'ANNUAL']);
    expect(periods[4]).toMatchObject({ end: `${YEAR}-12-31`, deadline: `${YEAR + 1}-01-31`, state: 'OPEN' });
    const last = await call(h, 'karawang.pegawai', '{ evaluationPeriods(year: ' + (YEAR - 1) + ') { code state } }');
    expect((last.data?.['evaluationPeriods'] as { state: string }[])[0]).toEqual({ code: 'Q1', state: 'LOCKED' });
  });
});

describe('realisation with evidence (karawang.pegawai)', () => {
  it('refuses a missing evidence, a bad link, someone else, an unknown or locked period, writing nothing', async () => {
    await refusedWithoutWrite(realise('karawang.pegawai', current.indicatorId, 'ANNUAL', 10, null), 'BAD_USER_INPUT', 'evidence_required');
    await refusedWithoutWrite(realise('karawang.pegawai', current.indicatorId, 'ANNUAL', 10, 'ftp://berkas'), 'BAD_USER_INPUT', 'invalid_evidence_url');
    await refusedWithoutWrite(realise('karawang.pegawai', current.indicatorId, 'ANNUAL', -5, 'https://drive.example.go.id/a'), 'BAD_USER_INPUT', 'invalid_realisation_value');
    await refusedWithoutWrite(realise('karawang.atasan', current.indicatorId, 'ANNUAL', 10, 'https://drive.example.go.id/a'), 'FORBIDDEN', 'not_skp_owner');
    await refusedWithoutWrite(realise('karawang.pegawai', current.indicatorId, 'Q9', 10, 'https://drive.example.go.id/a'), 'BAD_USER_INPUT', 'unknown_period');
    await refusedWithoutWrite(realise('karawang.pegawai', previous.indicatorId, 'Q1', 10, 'https://drive.example.go.id/a'), 'CONFLICT', 'period_locked');
  });

  it('records progress with a link or a note, oldest first', async () => {
    await realise('karawang.pegawai', current.indicatorId, 'ANNUAL', 40, 'https://drive.example.go.id/laporan-1');
    const second = await realise('karawang.pegawai', current.indicatorId, 'annual', 55, null, 'Rekap layanan Oktober terlampir');
    expect(second.errors).toBeUndefined();
    expect((second.data?.['recordRealisation'] as { realisations: unknown[] }).realisations).toEqual([
      { period: 'ANNUAL', value: 40, evidenceUrl: 'https://drive.example.go.id/laporan-1', note: null, recordedBy: 'karawang.pegawai' },
      { period: 'ANNUAL', value: 55, evidenceUrl: null, note: 'Rekap layanan Oktober terlampir', recordedBy: 'karawang.pegawai' },
    ]);
  });

  it('reads one indicator with its realisations for the owner and the supervisor, and nothing for anyone else', async () => {
    const query = 'query ($i: ID!) { indicator(id: $i) { id realisations(period: "ANNUAL") { value } } }';
    const read = async (user: string, id: string) => (await call(h, user, query, { i: id })).data?.['indicator'];
    const expected = { id: current.indicatorId, realisations: [{ value: 40 }, { value: 55 }] };
    expect(await read('karawang.pegawai', current.indicatorId)).toEqual(expected);
    expect(await read('karawang.atasan', current.indicatorId)).toEqual(expected);
    expect(await read('karawang.pegawai', rekanSkp.indicatorId)).toBeNull();
    expect(await read('karawang.pegawai', 'bukan-uuid')).toBeNull();
  });
});

describe('rating (karawang.atasan rates the direct subordinate)', () => {
  it('refuses the employee, a user who is no employee, an unapproved SKP and a locked period, writing nothing', async () => {
    await refusedWithoutWrite(rate('karawang.pegawai', current.skpId, 'ANNUAL', 'DI_ATAS_EKSPEKTASI', 'DI_ATAS_EKSPEKTASI'), 'FORBIDDEN', 'not_direct_supervisor');
    await refusedWithoutWrite(rate('karawang.admin', current.skpId, 'ANNUAL', 'DI_ATAS_EKSPEKTASI', 'DI_ATAS_EKSPEKTASI'), 'FORBIDDEN', 'viewer_not_employee');
    await refusedWithoutWrite(rate('karawang.atasan', rekanSkp.skpId, 'ANNUAL', 'SESUAI_EKSPEKTASI', 'SESUAI_EKSPEKTASI'), 'CONFLICT', 'skp_not_approved');
    await refusedWithoutWrite(rate('karawang.atasan', previous.skpId, 'Q1', 'SESUAI_EKSPEKTASI', 'SESUAI_EKSPEKTASI'), 'CONFLICT', 'period_locked');
  });

  it('gives the predikat of the matrix and re-rates before finalisation, moving the maintained counts', async () => {
    const first = await rate('karawang.atasan', current.skpId, 'ANNUAL', 'DI_ATAS_EKSPEKTASI', 'SESUAI_EKSPEKTASI');
    expect(first.errors).toBeUndefined();
    expect(first.data?.['rateEvaluation']).toMatchObject({ year: YEAR, period: 'ANNUAL', predikat: 'BAIK', status: 'DRAFT', rater: { id: atasan.employeeId } });
    const second = await rate('karawang.atasan', current.skpId, 'ANNUAL', 'DI_ATAS_EKSPEKTASI', 'DI_ATAS_EKSPEKTASI');
    expect(second.errors).toBeUndefined();
    expect(second.data?.['rateEvaluation']).toMatchObject({ predikat: 'SANGAT_BAIK' });
    const counts = await h.sql<{ k: string }>(`select scope || ':' || scope_key || ':' || predikat || ':' || employees as k from predikat_summary where year = ? and period = 'ANNUAL' order by 1`, [YEAR]);
    expect(counts.map((c) => c.k)).toEqual([
      'REGION:32.15:BAIK:0',
      'REGION:32.15:SANGAT_BAIK:1',
      'REGION:32:BAIK:0',
      'REGION:32:SANGAT_BAIK:1',
      'REGION:ID:BAIK:0',
      'REGION:ID:SANGAT_BAIK:1',
      'UNIT:inst-krw:BAIK:0',
      'UNIT:inst-krw:SANGAT_BAIK:1',
      'UNIT:unit-krw-bidang:BAIK:0',
      'UNIT:unit-krw-bidang:SANGAT_BAIK:1',
      'UNIT:unit-krw-bkpsdm:BAIK:0',
      'UNIT:unit-krw-bkpsdm:SANGAT_BAIK:1',
    ]);
  });

  it('shows Employee.predikat and the angka kredit of a functional position (150% × 12.5 × 12/12)', async () => {
    const result = await call(
      h,
      'karawang.pegawai',
      `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Employee { predikat(year: ${YEAR}) { predikat hasilKerja perilakuKerja status rater { id } } quarter: predikat(year: ${YEAR}, period: "Q1") { predikat } angkaKredit(year: ${YEAR}) { predikat percent coefficient months angkaKredit status } } } }`,
      { reps: [{ __typename: 'Employee', id: pegawai.employeeId }] },
    );
    expect(result.errors).toBeUndefined();
    expect((result.data?.['_entities'] as unknown[])[0]).toEqual({
      predikat: { predikat: 'SANGAT_BAIK', hasilKerja: 'DI_ATAS_EKSPEKTASI', perilakuKerja: 'DI_ATAS_EKSPEKTASI', status: 'DRAFT', rater: { id: atasan.employeeId } },
      quarter: null,
      angkaKredit: { predikat: 'SANGAT_BAIK', percent: 150, coefficient: 12.5, months: 12, angkaKredit: 18.75, status: 'DRAFT' },
    });
  });
});

describe('feedback and unlocking a period', () => {
  it('lets the supervisor give feedback, shown on the SKP\'s periods', async () => {
    await refusedWithoutWrite(call(h, 'karawang.pegawai', `mutation { giveFeedback(skpId: "${current.skpId}", period: "ANNUAL", text: "Bagus") { id } }`), 'FORBIDDEN', 'not_direct_supervisor');
    const given = await call(h, 'karawang.atasan', `mutation { giveFeedback(skpId: "${current.skpId}", period: "ANNUAL", text: "Pertahankan ketepatan waktu layanan") { periods { period { code state } result { predikat } feedback { text givenBy giver { id } } } } }`);
    expect(given.errors).toBeUndefined();
    const annual = (given.data?.['giveFeedback'] as { periods: { period: { code: string } }[] }).periods.find((p) => p.period.code === 'ANNUAL');
    expect(annual).toEqual({ period: { code: 'ANNUAL', state: 'OPEN' }, result: { predikat: 'SANGAT_BAIK' }, feedback: [{ text: 'Pertahankan ketepatan waktu layanan', givenBy: 'karawang.atasan', giver: { id: atasan.employeeId } }] });
  });

  it('lets an admin of the region reopen a locked period, with a reason and a near date, and then the rating goes through', async () => {
    const until = todayWib();
    await refusedWithoutWrite(unlock('karawang.pegawai', 'Q1', until), 'FORBIDDEN', 'missing_role');
    await refusedWithoutWrite(unlock('karawang.admin', 'Q1', '2000-01-01'), 'BAD_USER_INPUT', 'invalid_unlock_until');
    await refusedWithoutWrite(unlock('karawang.admin', 'Q5', until), 'BAD_USER_INPUT', 'unknown_period');
    const opened = await unlock('karawang.admin', 'Q1', until);
    expect(opened.data?.['unlockPeriod']).toEqual({ code: 'Q1', state: 'OPEN', unlockedUntil: until });
    const rated = await rate('karawang.atasan', previous.skpId, 'Q1', 'SESUAI_EKSPEKTASI', 'SESUAI_EKSPEKTASI');
    expect(rated.data?.['rateEvaluation']).toMatchObject({ period: 'Q1', predikat: 'BAIK' });
  });
});
