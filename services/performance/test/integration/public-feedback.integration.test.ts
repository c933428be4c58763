// Public satisfaction feedback: karawang.admin and the unit head create codes (real Keycloak tokens); a
// citizen WITHOUT a token reads the form, obtains one-time tokens and submits ratings (the subgraph's own
// allow-list; the gateway's is tested in the gateway); floods are refused per client address and per code
// under limits set as data; reused and expired tokens are refused; the month's average becomes an
// indicator's realisation. Every refused call writes nothing.
import { createHash, createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_IP_HEADER } from '@kinerja/kit/anonymous';
import { todayWib } from '../../src/domain/periods.ts';
import { monthWib } from '../../src/domain/public-feedback.ts';
import { startHarness, type GraphQLResult, type Harness } from '../support/harness.ts';
import { BEKASI_ADMIN_USER, ensureBekasiAdminUser } from '../support/keycloak-users.ts';
import { atasan, bekasi, kepala, pegawai } from '../support/people.ts';
import { approvedSkpFixture, call, errorOf } from '../support/skp-fixtures.ts';

const YEAR = Number(todayWib().slice(0, 4));
const MONTH = monthWib(new Date());
let h: Harness;
let code = '';
let indicatorId = '';

/** A citizen's request: no Authorization header, the client address as the gateway would forward it. */
async function anonymous(query: string, variables: Record<string, unknown> = {}, clientIp = '198.51.100.1'): Promise<GraphQLResult> {
  const response = await fetch(h.server.url, { method: 'POST', headers: { 'content-type': 'application/json', [CLIENT_IP_HEADER]: clientIp }, body: JSON.stringify({ query, variables }) });
  return { status: response.status, ...((await response.json()) as Omit<GraphQLResult, 'status'>) };
}

const digest = async () =>
  (
    await h.sql<{ d: string }>(`select concat_ws(' | ',
      (select string_agg(code || ':' || unit_id || ':' || service_name, ',' order by code) from public_feedback_code),
      (select string_agg(token_hash || ':' || coalesce(used_at::text, '-'), ',' order by token_hash) from public_feedback_token),
      (select string_agg(rating || ':' || coalesce(comment, '-'), ',' order by id) from public_feedback_response),
      (select string_agg(value || ':' || coalesce(note, '-'), ',' order by id) from realisation)) as d`)
  )[0]?.d ?? '';

async function refusedWithoutWrite(result: Promise<GraphQLResult>, code: string, reason: string): Promise<GraphQLResult> {
  const before = await digest();
  const answer = await result;
  expect(errorOf(answer)).toEqual({ code, reason });
  expect(await digest()).toBe(before);
  return answer;
}

const createCode = (user: string, unitId: string, serviceName: string) =>
  call(h, user, 'mutation ($u: ID!, $s: String!) { createPublicFeedbackCode(unitId: $u, serviceName: $s) { code serviceName url active unit { id } createdBy } }', { u: unitId, s: serviceName });
const start = (c: string, clientIp?: string) => anonymous('mutation ($c: String!) { startPublicFeedback(code: $c) { token expiresAt } }', { c }, clientIp);
const submit = (token: string, rating: number, comment: string | null = null) =>
  anonymous('mutation ($t: String!, $r: Int!, $c: String) { submitPublicFeedback(token: $t, rating: $r, comment: $c) { serviceName message } }', { t: token, r: rating, c: comment });
const tokenOf = async (c: string, clientIp?: string) => ((await start(c, clientIp)).data?.['startPublicFeedback'] as { token: string }).token;
const useAverage = (user: string, args: Record<string, unknown>) =>
  call(h, user, 'mutation ($i: ID!, $p: String!, $u: ID!, $m: String!) { useSatisfactionAsRealisation(indicatorId: $i, period: $p, unitId: $u, month: $m) { id realisations { value note } } }', {
    i: indicatorId,
    p: 'ANNUAL',
    u: pegawai.unitId,
    m: MONTH,
    ...args,
  });

beforeAll(async () => {
  h = await startHarness('publicfeedback');
  await ensureBekasiAdminUser();
  const events: string[] = [];
  for (const employee of [kepala, atasan, pegawai, bekasi]) events.push(await h.publishEmployee(employee));
  for (const id of events) await h.processed(id);
  indicatorId = (await approvedSkpFixture(h, pegawai.employeeId, YEAR, pegawai.positionId)).indicatorId;
  // Karawang's own limits, set by its admin: 3 tokens per client and 5 per code an hour, from today.
  const limits = await call(h, 'karawang.admin', `mutation ($f: String!) { setPublicFeedbackRule(instansiId: "inst-krw", effectiveFrom: $f, tokenTtlMinutes: 30, perClientPerHour: 3, perCodePerHour: 5) { publicFeedback { perClientPerHour } } }`, { f: todayWib() });
  expect(limits.data?.['setPublicFeedbackRule']).toEqual({ publicFeedback: { perClientPerHour: 3 } });
}, 120_000);

afterAll(async () => {
  await h?.stop();
});

describe('creating a code', () => {
  it('refuses a pegawai, an admin of another region, an unknown unit and a bad name, writing nothing', async () => {
    await refusedWithoutWrite(createCode('karawang.pegawai', pegawai.unitId, 'Layanan kenaikan pangkat'), 'FORBIDDEN', 'not_unit_head_or_admin');
    await refusedWithoutWrite(createCode(BEKASI_ADMIN_USER, pegawai.unitId, 'Layanan kenaikan pangkat'), 'FORBIDDEN', 'not_unit_head_or_admin');
    await refusedWithoutWrite(createCode('karawang.admin', 'unit-tidak-ada', 'Layanan kenaikan pangkat'), 'BAD_USER_INPUT', 'unit_not_found');
    await refusedWithoutWrite(createCode('karawang.admin', pegawai.unitId, 'ab'), 'BAD_USER_INPUT', 'invalid_service_name');
  });

  it('karawang.admin and the unit head create codes whose URL is the public page', async () => {
    const byAdmin = await createCode('karawang.admin', pegawai.unitId, 'Layanan kenaikan pangkat');
    const created = byAdmin.data?.['createPublicFeedbackCode'] as { code: string; url: string };
    code = created.code;
    expect(created).toEqual({ code, serviceName: 'Layanan kenaikan pangkat', url: `http://localhost:5173/#/umpan-balik/${code}`, active: true, unit: { id: pegawai.unitId }, createdBy: 'karawang.admin' });
    const byHead = await createCode('karawang.atasan', pegawai.unitId, 'Layanan mutasi pegawai');
    expect(byHead.data?.['createPublicFeedbackCode']).toMatchObject({ serviceName: 'Layanan mutasi pegawai', createdBy: 'karawang.atasan' });
    const listed = await call(h, 'karawang.admin', `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on OrgUnit { publicFeedbackCodes { serviceName } } } }`, { reps: [{ __typename: 'OrgUnit', id: pegawai.unitId }] });
    expect((listed.data?.['_entities'] as { publicFeedbackCodes: unknown[] }[])[0]!.publicFeedbackCodes).toEqual([{ serviceName: 'Layanan kenaikan pangkat' }, { serviceName: 'Layanan mutasi pegawai' }]);
  });
});

describe('a citizen without a token', () => {
  it('reads the form of a code (null for an unknown one) and nothing else', async () => {
    expect((await anonymous('query ($c: String!) { publicFeedbackForm(code: $c) { code serviceName } }', { c: code.toLowerCase() })).data?.['publicFeedbackForm']).toEqual({ code, serviceName: 'Layanan kenaikan pangkat' });
    expect((await anonymous('{ publicFeedbackForm(code: "ZZZZZZZZZZ") { code } }')).data?.['publicFeedbackForm']).toBeNull();
    const other = await anonymous('{ predikatMatrix { predikat } }');
    expect(other.status).toBe(401);
    expect(errorOf(other)).toEqual({ code: 'UNAUTHENTICATED', reason: 'missing_token' });
    expect((await anonymous('{ publicFeedbackForm(code: "ZZZZZZZZZZ") { code } predikatMatrix { predikat } }')).status).toBe(401);
  });

  it('submits a rating once with a token; a bad rating, a reused, unknown or expired token are refused, writing nothing', async () => {
    const token = await tokenOf(code);
    await refusedWithoutWrite(submit(token, 6), 'BAD_USER_INPUT', 'invalid_rating');
    await refusedWithoutWrite(submit(token, 4, 'x'.repeat(1001)), 'BAD_USER_INPUT', 'comment_too_long');
    const receipt = await submit(token, 5, 'Petugas ramah dan cepat');
    expect(receipt.data?.['submitPublicFeedback']).toEqual({ serviceName: 'Layanan kenaikan pangkat', message: 'Terima kasih atas penilaian Anda untuk layanan Layanan kenaikan pangkat.' });
    await refusedWithoutWrite(submit(token, 1), 'CONFLICT', 'feedback_token_used');
    await refusedWithoutWrite(submit('token-karangan', 3), 'NOT_FOUND', 'feedback_token_invalid');
    const late = await tokenOf(code, '198.51.100.2');
    await h.sql(`update public_feedback_token set expires_at = now() - interval '1 second' where used_at is null`);
    await refusedWithoutWrite(submit(late, 3), 'CONFLICT', 'feedback_token_expired');
    await refusedWithoutWrite(start('ZZZZZZZZZZ'), 'NOT_FOUND', 'code_not_found');
  });

  it('is refused past the limits per client address and per code, with nothing written', async () => {
    // Client .1 already has one token this hour, .2 one: the code has handed out 2 of 5.
    await tokenOf(code);
    await tokenOf(code);
    const flooded = await refusedWithoutWrite(start(code), 'TOO_MANY_REQUESTS', 'rate_limited_client');
    expect(flooded.errors?.[0]?.message).toContain('Terlalu banyak permintaan');
    expect(flooded.errors?.[0]?.extensions?.['retryAfterSeconds']).toBe(3600);
    await tokenOf(code, '198.51.100.3');
    await refusedWithoutWrite(start(code, '198.51.100.4'), 'TOO_MANY_REQUESTS', 'rate_limited_code');
  });

  it('stores no reversible trace of a client address: its key is an HMAC under the database secret, not its SHA-256', async () => {
    const rows = await h.sql<{ client_key: string; secret: string }>(
      'select distinct t.client_key, s.secret from public_feedback_token t, public_feedback_secret s where t.code = ?',
      [code],
    );
    const keys = rows.map((row) => row.client_key);
    const secret = rows[0]!.secret;
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    // Three addresses asked (.1, .2, .3): three keys, none of them a bare hash of an address.
    expect(keys).toHaveLength(3);
    for (const address of ['198.51.100.1', '198.51.100.2', '198.51.100.3']) {
      expect(keys).not.toContain(createHash('sha256').update(address).digest('hex'));
      expect(keys).not.toContain(createHash('sha256').update(`client:${address}`).digest('hex'));
      expect(keys).toContain(createHmac('sha256', secret).update(address).digest('hex'));
    }
  });
});

describe('monthly satisfaction and the realisation of an indicator', () => {
  it('gives the count and average of the month to those who see the unit', async () => {
    // A new hour for the limits: the earlier tokens are forgotten.
    await h.sql(`update public_feedback_token set issued_at = issued_at - interval '2 hours'`);
    await submit(await tokenOf(code, '203.0.113.1'), 3);
    await submit(await tokenOf(code, '203.0.113.2'), 4);
    const month = await call(h, 'karawang.admin', `query ($reps: [_Any!]!, $m: String!) { _entities(representations: $reps) { ... on OrgUnit { publicSatisfaction(month: $m) { month responses average } } } }`, { reps: [{ __typename: 'OrgUnit', id: pegawai.unitId }], m: MONTH });
    expect((month.data?.['_entities'] as { publicSatisfaction: unknown }[])[0]!.publicSatisfaction).toEqual({ month: MONTH, responses: 3, average: 4 });
    const bad = await call(h, 'karawang.admin', `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on OrgUnit { publicSatisfaction(month: "bulan ini") { responses } } } }`, { reps: [{ __typename: 'OrgUnit', id: pegawai.unitId }] });
    expect(errorOf(bad)).toEqual({ code: 'BAD_USER_INPUT', reason: 'invalid_month' });
  });

  it('refuses another unit, a bad month, a month outside the period or without responses, and someone else; the owner records the average', async () => {
    await refusedWithoutWrite(useAverage('karawang.pegawai', { u: bekasi.unitId }), 'FORBIDDEN', 'unit_not_related');
    await refusedWithoutWrite(useAverage('karawang.pegawai', { m: 'November' }), 'BAD_USER_INPUT', 'invalid_month');
    await refusedWithoutWrite(useAverage('karawang.pegawai', { p: 'Q1', m: `${YEAR}-06` }), 'BAD_USER_INPUT', 'month_outside_period');
    await refusedWithoutWrite(useAverage('karawang.pegawai', { m: `${YEAR - 1}-12` }), 'BAD_USER_INPUT', 'month_outside_period');
    const empty = MONTH === `${YEAR}-01` ? `${YEAR}-02` : `${YEAR}-01`;
    await refusedWithoutWrite(useAverage('karawang.pegawai', { m: empty }), 'CONFLICT', 'no_satisfaction_responses');
    await refusedWithoutWrite(useAverage('karawang.atasan', {}), 'FORBIDDEN', 'not_skp_owner');
    const used = await useAverage('karawang.pegawai', {});
    expect(used.errors).toBeUndefined();
    const [entry] = (used.data?.['useSatisfactionAsRealisation'] as { realisations: { value: number; note: string }[] }).realisations;
    expect(entry).toEqual({ value: 4, note: `Rata-rata survei kepuasan masyarakat ${MONTH}: 4 dari 3 tanggapan (skala 1–5)` });
  });
});
