// finalisedResults: the page of an instansi's finalised evaluations the SIASN export reads (issue 15),
// with real Keycloak tokens; drafts are not reported, pages continue from their cursor, and only an
// admin-kepegawaian of the instansi's region reads them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayWib } from '../../src/domain/periods.ts';
import { startHarness, type Harness } from '../support/harness.ts';
import { atasan, bekasi, kepala, pegawai, rekan } from '../support/people.ts';
import { approvedSkpFixture, call, errorOf } from '../support/skp-fixtures.ts';

const YEAR = Number(todayWib().slice(0, 4));
let h: Harness;

interface Page {
  nodes: { period: string; predikat: string; hasilKerja: string; perilakuKerja: string; status: string; skp: { employee: { id: string } }; rater: { id: string } | null }[];
  endCursor: string | null;
  hasNextPage: boolean;
}

const QUERY = `query ($i: ID!, $y: Int!, $p: String, $f: Int, $a: String) { finalisedResults(instansiId: $i, year: $y, period: $p, first: $f, after: $a) {
  nodes { period predikat hasilKerja perilakuKerja status skp { employee { id } } rater { id } } endCursor hasNextPage } }`;

const page = async (user: string, variables: Record<string, unknown>) => call(h, user, QUERY, { i: pegawai.instansiId, y: YEAR, ...variables });
const pageOf = async (user: string, variables: Record<string, unknown> = {}): Promise<Page> => {
  const result = await page(user, variables);
  expect(result.errors).toBeUndefined();
  return result.data?.['finalisedResults'] as Page;
};

beforeAll(async () => {
  h = await startHarness('finalised');
  const events: string[] = [];
  for (const employee of [kepala, atasan, pegawai, rekan, bekasi]) events.push(await h.publishEmployee(employee));
  for (const id of events) await h.processed(id);
  for (const [employee, hasilKerja] of [[pegawai, 'DI_ATAS_EKSPEKTASI'], [rekan, 'SESUAI_EKSPEKTASI']] as const) {
    const { skpId } = await approvedSkpFixture(h, employee.employeeId, YEAR, employee.positionId);
    const rated = await call(h, 'karawang.atasan', 'mutation ($s: ID!, $h: RatingLevel!) { rateEvaluation(skpId: $s, period: "ANNUAL", hasilKerja: $h, perilakuKerja: SESUAI_EKSPEKTASI) { predikat } }', {
      s: skpId,
      h: hasilKerja,
    });
    expect(rated.errors).toBeUndefined();
  }
}, 120_000);

afterAll(async () => {
  await h?.stop();
});

describe('finalisedResults', () => {
  it('reports no draft: nothing before the unit is finalised, both ratings after, by employee id', async () => {
    expect(await pageOf('karawang.admin')).toEqual({ nodes: [], endCursor: null, hasNextPage: false });
    const finalised = await call(h, 'karawang.admin', `mutation { finaliseEvaluations(unitId: "${pegawai.unitId}", year: ${YEAR}, period: "ANNUAL", override: true, reason: "Kepala unit belum dinilai; ekspor SIASN") { finalised } }`);
    expect(finalised.errors).toBeUndefined();
    const all = await pageOf('karawang.admin');
    expect(all.hasNextPage).toBe(false);
    expect(all.nodes).toEqual([
      { period: 'ANNUAL', predikat: 'BAIK', hasilKerja: 'DI_ATAS_EKSPEKTASI', perilakuKerja: 'SESUAI_EKSPEKTASI', status: 'FINAL', skp: { employee: { id: pegawai.employeeId } }, rater: { id: atasan.employeeId } },
      { period: 'ANNUAL', predikat: 'BAIK', hasilKerja: 'SESUAI_EKSPEKTASI', perilakuKerja: 'SESUAI_EKSPEKTASI', status: 'FINAL', skp: { employee: { id: rekan.employeeId } }, rater: { id: atasan.employeeId } },
    ]);
  });

  it('pages from the cursor without repeating a row, and filters by period', async () => {
    const first = await pageOf('karawang.admin', { f: 1 });
    expect(first.nodes.map((n) => n.skp.employee.id)).toEqual([pegawai.employeeId]);
    expect(first.hasNextPage).toBe(true);
    const second = await pageOf('karawang.admin', { f: 1, a: first.endCursor });
    expect(second.nodes.map((n) => n.skp.employee.id)).toEqual([rekan.employeeId]);
    expect(second.hasNextPage).toBe(false);
    expect((await pageOf('jabar.admin', { p: 'q1' })).nodes).toEqual([]);
    expect((await pageOf('jabar.admin', { p: 'annual' })).nodes).toHaveLength(2);
  });

  it('refuses other roles, other regions, a bad page size and a cursor it did not issue', async () => {
    expect(errorOf(await page('karawang.atasan', {}))).toEqual({ code: 'FORBIDDEN', reason: 'missing_role' });
    expect(errorOf(await page('jabar.analis', {}))).toEqual({ code: 'FORBIDDEN', reason: 'missing_role' });
    expect(errorOf(await page('karawang.admin', { i: bekasi.instansiId }))).toEqual({ code: 'FORBIDDEN', reason: 'region_out_of_scope' });
    expect(errorOf(await page('karawang.admin', { f: 0 }))).toEqual({ code: 'BAD_USER_INPUT', reason: 'invalid_page_size' });
    expect(errorOf(await page('karawang.admin', { f: 501 }))).toEqual({ code: 'BAD_USER_INPUT', reason: 'invalid_page_size' });
    expect(errorOf(await page('karawang.admin', { a: 'bukan-kursor' }))).toEqual({ code: 'BAD_USER_INPUT', reason: 'invalid_cursor' });
  });
});
