// The configurable rules as versioned data per instansi, set through the admin mutations with real Keycloak
// tokens: who may set them (regional admin for its instansi, national admin for the default), every bad input
// refused with nothing written, dates that would overlap the history or reach over finalised results refused,
// and a version in force changing what the rating form and the periods show.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultPredikatCells } from '../../src/domain/predikat-matrix.ts';
import { defaultDistributionLimits, unitPredikatValues } from '../../src/domain/distribution-limits.ts';
import { todayWib } from '../../src/domain/periods.ts';
import { startHarness, type Harness } from '../support/harness.ts';
import { BEKASI_ADMIN_USER, ensureBekasiAdminUser } from '../support/keycloak-users.ts';
import { atasan, bekasi, kepala, pegawai } from '../support/people.ts';
import { approvedSkpFixture, call, errorOf } from '../support/skp-fixtures.ts';

const YEAR = Number(todayWib().slice(0, 4));
const NEXT = `${YEAR + 1}-01-01`;
let h: Harness;

const digest = async () =>
  (await h.sql<{ d: string | null }>(`select string_agg(kind || ':' || coalesce(instansi_id, '-') || ':' || effective_from || ':' || value::text, ',' order by kind, instansi_id, effective_from) as d from configuration_version`))[0]?.d ?? '';

async function refusedWithoutWrite(result: ReturnType<typeof call>, code: string, reason: string): Promise<void> {
  const before = await digest();
  expect(errorOf(await result)).toEqual({ code, reason });
  expect(await digest()).toBe(before);
}

const VERSION = 'id kind instansiId effectiveFrom createdBy predikatCells { hasilKerja perilakuKerja predikat } distributionLimits { unitPredikat predikat bound value description } periodScheme { kind deadlineDays annualDeadlineDays }';
const setMatrix = (user: string, instansiId: string | null, effectiveFrom: string, cells: readonly unknown[]) =>
  call(h, user, `mutation ($i: ID, $f: String!, $c: [PredikatCellInput!]!) { setPredikatMatrix(instansiId: $i, effectiveFrom: $f, cells: $c) { ${VERSION} } }`, { i: instansiId, f: effectiveFrom, c: cells });
const setLimits = (user: string, instansiId: string | null, effectiveFrom: string, limits: readonly unknown[]) =>
  call(h, user, `mutation ($i: ID, $f: String!, $l: [DistributionLimitInput!]!) { setDistributionLimits(instansiId: $i, effectiveFrom: $f, limits: $l) { ${VERSION} } }`, { i: instansiId, f: effectiveFrom, l: limits });
const setScheme = (user: string, instansiId: string | null, effectiveFrom: string, scheme: Record<string, unknown>) =>
  call(h, user, `mutation ($i: ID, $f: String!, $s: PeriodSchemeInput!) { setPeriodScheme(instansiId: $i, effectiveFrom: $f, scheme: $s) { ${VERSION} } }`, { i: instansiId, f: effectiveFrom, s: scheme });

// Sesuai × Di Atas becomes Sangat Baik: a regional variant of the matrix.
const generous = defaultPredikatCells.map((c) => (c.hasilKerja === 'SESUAI_EKSPEKTASI' && c.perilakuKerja === 'DI_ATAS_EKSPEKTASI' ? { ...c, predikat: 'SANGAT_BAIK' } : c));
const flatLimits = unitPredikatValues.flatMap((unitPredikat) => defaultDistributionLimits.limits[unitPredikat].map((l) => ({ unitPredikat, predikat: [...l.predikat], bound: l.bound, value: l.value })));

beforeAll(async () => {
  h = await startHarness('configuration');
  await ensureBekasiAdminUser();
  const events: string[] = [];
  for (const employee of [kepala, atasan, pegawai, bekasi]) events.push(await h.publishEmployee(employee));
  for (const id of events) await h.processed(id);
}, 120_000);

afterAll(async () => {
  await h?.stop();
});

describe('setPredikatMatrix', () => {
  it('refuses the wrong people, bad dates and bad matrices, writing nothing', async () => {
    await refusedWithoutWrite(setMatrix('karawang.pegawai', 'inst-krw', NEXT, generous), 'FORBIDDEN', 'missing_role');
    await refusedWithoutWrite(setMatrix('karawang.admin', null, NEXT, generous), 'FORBIDDEN', 'national_admin_required');
    await refusedWithoutWrite(setMatrix(BEKASI_ADMIN_USER, 'inst-krw', NEXT, generous), 'FORBIDDEN', 'region_out_of_scope');
    await refusedWithoutWrite(setMatrix('karawang.admin', 'inst-tidak-ada', NEXT, generous), 'NOT_FOUND', 'instansi_not_found');
    await refusedWithoutWrite(setMatrix('karawang.admin', 'inst-krw', '1 Januari', generous), 'BAD_USER_INPUT', 'invalid_date');
    await refusedWithoutWrite(setMatrix('karawang.admin', 'inst-krw', '2021-12-31', generous), 'BAD_USER_INPUT', 'invalid_date');
    await refusedWithoutWrite(setMatrix('karawang.admin', 'inst-krw', NEXT, generous.slice(1)), 'BAD_USER_INPUT', 'matrix_cell_missing');
    await refusedWithoutWrite(setMatrix('karawang.admin', 'inst-krw', NEXT, [...generous.slice(1), generous[1]]), 'BAD_USER_INPUT', 'matrix_cell_duplicate');
  });

  it('karawang.admin appends the instansi\'s own version; the history lists the default and it; a duplicate or earlier date is refused', async () => {
    const set = await setMatrix('karawang.admin', 'inst-krw', NEXT, generous);
    expect(set.errors).toBeUndefined();
    expect(set.data?.['setPredikatMatrix']).toMatchObject({ kind: 'PREDIKAT_MATRIX', instansiId: 'inst-krw', effectiveFrom: NEXT, createdBy: 'karawang.admin', distributionLimits: null, periodScheme: null });
    const history = await call(h, 'karawang.pegawai', '{ configurationVersions(kind: PREDIKAT_MATRIX, instansiId: "inst-krw") { instansiId effectiveFrom createdBy } }');
    expect(history.data?.['configurationVersions']).toEqual([
      { instansiId: null, effectiveFrom: '2022-01-01', createdBy: 'migration' },
      { instansiId: 'inst-krw', effectiveFrom: NEXT, createdBy: 'karawang.admin' },
    ]);
    // Not yet in force: today's rating form still shows the default.
    const preview = await call(h, 'karawang.atasan', '{ predikatPreview(hasilKerja: SESUAI_EKSPEKTASI, perilakuKerja: DI_ATAS_EKSPEKTASI, instansiId: "inst-krw") }');
    expect(preview.data?.['predikatPreview']).toBe('BAIK');
    await refusedWithoutWrite(setMatrix('karawang.admin', 'inst-krw', NEXT, defaultPredikatCells), 'CONFLICT', 'effective_date_duplicate');
    await refusedWithoutWrite(setMatrix('jabar.admin', 'inst-krw', `${YEAR}-06-01`, defaultPredikatCells), 'CONFLICT', 'effective_date_overlaps');
  });

  it('a version in force today changes the predikat preview of that instansi only', async () => {
    const set = await setMatrix(BEKASI_ADMIN_USER, 'inst-bks', todayWib(), generous);
    expect(set.errors).toBeUndefined();
    const preview = async (instansiId: string) =>
      (await call(h, 'karawang.atasan', `{ predikatPreview(hasilKerja: SESUAI_EKSPEKTASI, perilakuKerja: DI_ATAS_EKSPEKTASI, instansiId: "${instansiId}") }`)).data?.['predikatPreview'];
    expect(await preview('inst-bks')).toBe('SANGAT_BAIK');
    expect(await preview('inst-krw')).toBe('BAIK');
  });

  it('never reaches over finalised results: the national default cannot change before the last finalised period', async () => {
    const { skpId } = await approvedSkpFixture(h, pegawai.employeeId, YEAR - 1, pegawai.positionId);
    await h.sql(
      `insert into evaluation (id, skp_id, employee_id, year, period, period_start, period_end, hasil_kerja, perilaku_kerja, predikat, rater_employee_id, region_code, instansi_id, status, rated_at, finalised_at)
       values (gen_random_uuid(), ?, ?, ?, 'Q1', ?, ?, 'SESUAI_EKSPEKTASI', 'SESUAI_EKSPEKTASI', 'BAIK', ?, '32.15', 'inst-krw', 'FINAL', now(), ?)`,
      [skpId, pegawai.employeeId, YEAR - 1, `${YEAR - 1}-01-01`, `${YEAR - 1}-03-31`, atasan.employeeId, `${YEAR - 1}-04-10T03:00:00Z`],
    );
    await refusedWithoutWrite(setMatrix('nasional.admin', null, `${YEAR - 1}-03-31`, generous), 'CONFLICT', 'finalised_results_affected');
    await refusedWithoutWrite(setLimits('nasional.admin', null, `${YEAR - 1}-04-10`, flatLimits), 'CONFLICT', 'finalised_results_affected');
    await refusedWithoutWrite(setScheme('nasional.admin', null, `${YEAR - 1}-01-01`, { kind: 'MONTHLY', deadlineDays: 10, annualDeadlineDays: 31 }), 'CONFLICT', 'finalised_results_affected');
    const after = await setMatrix('nasional.admin', null, `${YEAR - 1}-04-01`, defaultPredikatCells);
    expect(after.data?.['setPredikatMatrix']).toMatchObject({ instansiId: null, effectiveFrom: `${YEAR - 1}-04-01`, createdBy: 'nasional.admin' });
  });
});

describe('setDistributionLimits', () => {
  it('refuses bad limits and the wrong admin, writing nothing', async () => {
    await refusedWithoutWrite(setLimits('karawang.admin', 'inst-krw', NEXT, flatLimits.filter((l) => l.unitPredikat !== 'ISTIMEWA')), 'BAD_USER_INPUT', 'limit_invalid');
    await refusedWithoutWrite(setLimits('karawang.admin', 'inst-krw', NEXT, [...flatLimits, { unitPredikat: 'BAIK', predikat: ['BAIK'], bound: 'AT_MOST', value: 1.5 }]), 'BAD_USER_INPUT', 'limit_invalid');
    await refusedWithoutWrite(setLimits('karawang.admin', 'inst-krw', NEXT, [...flatLimits, { unitPredikat: 'BAIK', predikat: ['KURANG'], bound: 'AT_LEAST_COUNT', value: 0.5 }]), 'BAD_USER_INPUT', 'limit_invalid');
    await refusedWithoutWrite(setLimits('karawang.admin', 'inst-krw', NEXT, [...flatLimits, { unitPredikat: 'BAIK', predikat: [], bound: 'AT_MOST', value: 0.5 }]), 'BAD_USER_INPUT', 'limit_invalid');
    await refusedWithoutWrite(setLimits(BEKASI_ADMIN_USER, 'inst-krw', NEXT, flatLimits), 'FORBIDDEN', 'region_out_of_scope');
    await refusedWithoutWrite(setLimits('karawang.admin', 'inst-krw', 'besok', flatLimits), 'BAD_USER_INPUT', 'invalid_date');
  });

  it('karawang.admin sets a stricter Baik limit, returned with its words', async () => {
    const stricter = flatLimits.map((l) => (l.unitPredikat === 'BAIK' && l.bound === 'AT_MOST' ? { ...l, value: 0.6 } : l));
    const set = await setLimits('karawang.admin', 'inst-krw', NEXT, stricter);
    expect(set.errors).toBeUndefined();
    const rules = (set.data?.['setDistributionLimits'] as { distributionLimits: { unitPredikat: string; bound: string; value: number; description: string }[] }).distributionLimits;
    expect(rules.find((r) => r.unitPredikat === 'BAIK' && r.bound === 'AT_MOST')).toMatchObject({ value: 0.6, description: 'paling banyak 60% Baik' });
    expect(rules).toHaveLength(flatLimits.length);
  });
});

describe('setPeriodScheme', () => {
  it('refuses a date that is not 1 January, days out of range and the wrong admin, writing nothing', async () => {
    await refusedWithoutWrite(setScheme('karawang.admin', 'inst-krw', `${YEAR + 1}-07-01`, { kind: 'MONTHLY', deadlineDays: 10, annualDeadlineDays: 31 }), 'BAD_USER_INPUT', 'effective_from_not_year_start');
    await refusedWithoutWrite(setScheme('karawang.admin', 'inst-krw', NEXT, { kind: 'MONTHLY', deadlineDays: 91, annualDeadlineDays: 31 }), 'BAD_USER_INPUT', 'invalid_period_scheme');
    await refusedWithoutWrite(setScheme('karawang.admin', 'inst-krw', NEXT, { kind: 'MONTHLY', deadlineDays: 10, annualDeadlineDays: -1 }), 'BAD_USER_INPUT', 'invalid_period_scheme');
    await refusedWithoutWrite(setScheme('karawang.pegawai', 'inst-krw', NEXT, { kind: 'MONTHLY', deadlineDays: 10, annualDeadlineDays: 31 }), 'FORBIDDEN', 'missing_role');
  });

  it('a monthly scheme for Bekasi from this year gives twelve months and the annual evaluation', async () => {
    const set = await setScheme(BEKASI_ADMIN_USER, 'inst-bks', `${YEAR}-01-01`, { kind: 'MONTHLY', deadlineDays: 10, annualDeadlineDays: 31 });
    expect(set.data?.['setPeriodScheme']).toMatchObject({ periodScheme: { kind: 'MONTHLY', deadlineDays: 10, annualDeadlineDays: 31 }, predikatCells: null });
    const periods = await call(h, 'karawang.pegawai', `{ evaluationPeriods(year: ${YEAR}, instansiId: "inst-bks") { code deadline } }`);
    const codes = (periods.data?.['evaluationPeriods'] as { code: string; deadline: string }[]).map((p) => p.code);
    expect(codes).toEqual(['M01', 'M02', 'M03', 'M04', 'M05', 'M06', 'M07', 'M08', 'M09', 'M10', 'M11', 'M12', 'ANNUAL']);
  });
});

describe('setMultiRaterRule and setPublicFeedbackRule', () => {
  const threshold = (user: string, n: number, instansiId: string | null = 'inst-krw') =>
    call(h, user, 'mutation ($i: ID, $f: String!, $n: Int!) { setMultiRaterRule(instansiId: $i, effectiveFrom: $f, minResponses: $n) { kind minResponses createdBy } }', { i: instansiId, f: NEXT, n });
  const limits = (user: string, ttl: number, perClient: number, perCode: number) =>
    call(h, user, 'mutation ($f: String!, $t: Int!, $c: Int!, $k: Int!) { setPublicFeedbackRule(instansiId: "inst-krw", effectiveFrom: $f, tokenTtlMinutes: $t, perClientPerHour: $c, perCodePerHour: $k) { publicFeedback { tokenTtlMinutes perClientPerHour perCodePerHour } } }', { f: NEXT, t: ttl, c: perClient, k: perCode });

  it('refuses a threshold below 3 or above 20, bad limits and the wrong people, writing nothing', async () => {
    await refusedWithoutWrite(threshold('karawang.admin', 2), 'BAD_USER_INPUT', 'invalid_min_responses');
    await refusedWithoutWrite(threshold('karawang.admin', 21), 'BAD_USER_INPUT', 'invalid_min_responses');
    await refusedWithoutWrite(threshold('karawang.atasan', 5), 'FORBIDDEN', 'missing_role');
    await refusedWithoutWrite(threshold('karawang.admin', 5, null), 'FORBIDDEN', 'national_admin_required');
    await refusedWithoutWrite(limits('karawang.admin', 1, 10, 100), 'BAD_USER_INPUT', 'invalid_token_ttl');
    await refusedWithoutWrite(limits('karawang.admin', 30, 0, 100), 'BAD_USER_INPUT', 'invalid_rate_limit');
    await refusedWithoutWrite(limits(BEKASI_ADMIN_USER, 30, 10, 100), 'FORBIDDEN', 'region_out_of_scope');
  });

  it('karawang.admin raises the threshold to 5 and sets its limits; a second threshold on the same date is refused', async () => {
    expect((await threshold('karawang.admin', 5)).data?.['setMultiRaterRule']).toEqual({ kind: 'MULTI_RATER', minResponses: 5, createdBy: 'karawang.admin' });
    expect((await limits('karawang.admin', 15, 10, 200)).data?.['setPublicFeedbackRule']).toEqual({ publicFeedback: { tokenTtlMinutes: 15, perClientPerHour: 10, perCodePerHour: 200 } });
    await refusedWithoutWrite(threshold('karawang.admin', 4), 'CONFLICT', 'effective_date_duplicate');
  });
});
