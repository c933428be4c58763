// The SIASN client against a local server implementing SIASN's documented contract (support/
// siasn-contract-server.ts): two tokens, validation refusals, an expired token, rate limits and flaky
// 5xx, and never a result twice: the Idempotency-Key covers a lost answer, the ledger a re-run.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { toSiasnSubmission, type FinalisedResultInput, type SiasnSubmission } from '../../src/domain/skp-export.ts';
import { Ledger } from '../../src/export/ledger.ts';
import { TokenError } from '../../src/export/oauth-token.ts';
import { retryAfterMs, SiasnClient } from '../../src/export/siasn-client.ts';
import { loadSiasnConfig, type SiasnConfig } from '../../src/export/siasn-config.ts';
import { sendToSiasn } from '../../src/export/send-results.ts';
import { CONTRACT_CLIENT, CONTRACT_SSO, startContractServer, type ContractServer } from '../support/siasn-contract-server.ts';

let server: ContractServer;
let folder: string;
let config: SiasnConfig;
let waits: number[];

const rater = { id: 'e-atasan', nip: '197805122003121003', name: 'Rudi Hartono', siasnId: 'P-ATASAN', golongan: 'IV/a', positionTitle: 'Kepala Bidang Penilaian Kinerja', unitName: 'Bidang Penilaian Kinerja' };
const resultOf = (n: number, period = 'ANNUAL', start = '2026-01-01', end = '2026-12-31'): FinalisedResultInput => ({
  employee: { id: `e-${n}`, nip: `19900115201503${String(2000 + n)}`, name: `Pegawai ${n}`, siasnId: `P-${n}` },
  rater,
  year: 2026,
  period,
  periodStart: start,
  periodEnd: end,
  hasilKerja: 'SESUAI_EKSPEKTASI',
  perilakuKerja: 'SESUAI_EKSPEKTASI',
  predikat: 'BAIK',
});
const submissionOf = (result: FinalisedResultInput): SiasnSubmission => {
  const mapped = toSiasnSubmission(result);
  if (!mapped.ok) throw new Error(mapped.message);
  return mapped.submission;
};
const clientOf = (overrides: Partial<SiasnConfig> = {}) => new SiasnClient({ ...config, ...overrides }, { sleep: async (ms) => void waits.push(ms), random: () => 1 });

beforeAll(async () => {
  server = await startContractServer();
  folder = mkdtempSync(join(tmpdir(), 'siasn-export-'));
  config = loadSiasnConfig({
    SIASN_BASE_URL: server.baseUrl,
    SIASN_TOKEN_URL: server.tokenUrl,
    SIASN_CLIENT_ID: CONTRACT_CLIENT.id,
    SIASN_CLIENT_SECRET: CONTRACT_CLIENT.secret,
    SIASN_SSO_URL: server.ssoUrl,
    SIASN_SSO_CLIENT_ID: CONTRACT_SSO.clientId,
    SIASN_SSO_USERNAME: CONTRACT_SSO.username,
    SIASN_SSO_PASSWORD: CONTRACT_SSO.password,
    SIASN_MAX_ATTEMPTS: '4',
    SIASN_RETRY_BASE_MS: '100',
  });
});

afterAll(async () => {
  await server?.stop();
  rmSync(folder, { recursive: true, force: true });
});

beforeEach(() => {
  waits = [];
  server.faults.length = 0;
  server.saves.length = 0;
  server.records.clear();
});

afterEach(() => {
  expect(server.faults).toEqual([]);
});

describe('sending results', () => {
  it('sends annual and periodic results with both tokens, once each, and a re-run sends nothing', async () => {
    const ledgerPath = join(folder, 'first.ledger.jsonl');
    const submissions = [submissionOf(resultOf(1)), submissionOf(resultOf(2)), submissionOf(resultOf(1, 'Q2', '2026-04-01', '2026-06-30'))];
    const client = clientOf();
    const first = await sendToSiasn(client, new Ledger(ledgerPath), submissions);
    expect(first.counts).toEqual({ sent: 3, updated: 0, already_sent: 0, refused: 0, failed: 0 });
    expect(client.tokenRequests).toBe(2);
    expect([...server.records.values()].map((r) => [r.endpoint, r.body['pnsDinilaiId'], r.body['periodikId'] ?? null, r.writes])).toEqual([
      ['/skp22/save', 'P-1', null, 1],
      ['/skp22/save', 'P-2', null, 1],
      ['/kinerjaperiodik/save', 'P-1', 2, 1],
    ]);
    expect(first.reports.map((r) => r.siasnRecordId)).toEqual([...server.records.keys()]);
    expect(readFileSync(ledgerPath, 'utf8').trim().split('\n')).toHaveLength(3);

    const rerun = await sendToSiasn(clientOf(), new Ledger(ledgerPath), submissions);
    expect(rerun.counts).toEqual({ sent: 0, updated: 0, already_sent: 3, refused: 0, failed: 0 });
    expect(server.saves).toHaveLength(3);
  });

  it('sends a result changed after it was sent as an update of SIASN\'s record, not a second one', async () => {
    const ledger = new Ledger(null);
    await sendToSiasn(clientOf(), ledger, [submissionOf(resultOf(3))]);
    const rerated = submissionOf({ ...resultOf(3), hasilKerja: 'DI_ATAS_EKSPEKTASI', perilakuKerja: 'DI_ATAS_EKSPEKTASI', predikat: 'SANGAT_BAIK' });
    const second = await sendToSiasn(clientOf(), ledger, [rerated]);
    expect(second.counts.updated).toBe(1);
    expect([...server.records.values()].map((r) => [r.body['kuadranKinerjaNilai'], r.writes])).toEqual([[1, 2]]);
  });

  it('lists a result SIASN refuses with its message, does not retry it, and sends the others', async () => {
    const bad = submissionOf(resultOf(4));
    const refused = { ...bad, body: { ...bad.body, penilaiNipNrp: '1978' } };
    const summary = await sendToSiasn(clientOf(), new Ledger(null), [refused, submissionOf(resultOf(5))]);
    expect(summary.counts).toMatchObject({ sent: 1, refused: 1 });
    expect(summary.reports[0]).toMatchObject({ outcome: 'refused', attempts: 1, message: 'data tidak valid: penilaiNipNrp harus 18 digit' });
    expect([...server.records.values()].map((r) => r.body['pnsDinilaiId'])).toEqual(['P-5']);
  });
});

describe('errors SIASN answers', () => {
  it('renews both tokens once when SIASN says they expired', async () => {
    const client = clientOf();
    await sendToSiasn(client, new Ledger(null), [submissionOf(resultOf(6))]);
    server.expireTokens();
    const before = { ...server.tokensIssued };
    const summary = await sendToSiasn(client, new Ledger(null), [submissionOf(resultOf(7))]);
    expect(summary.reports[0]).toMatchObject({ outcome: 'sent', attempts: 2 });
    expect(server.tokensIssued).toEqual({ api: before.api + 1, sso: before.sso + 1 });
    expect(server.saves.map((s) => s.status)).toEqual([200, 401, 200]);
  });

  it('waits what Retry-After says on 429, then sends', async () => {
    server.retryAfterSeconds = 7;
    server.faults.push('rate-limited', 'rate-limited');
    const summary = await sendToSiasn(clientOf(), new Ledger(null), [submissionOf(resultOf(8))]);
    expect(summary.reports[0]).toMatchObject({ outcome: 'sent', attempts: 3 });
    expect(waits).toEqual([7000, 7000]);
    expect(server.records.size).toBe(1);
  });

  it('backs off exponentially on 5xx and a dropped connection', async () => {
    server.faults.push('unavailable', 'drop-connection', 'unavailable');
    const summary = await sendToSiasn(clientOf(), new Ledger(null), [submissionOf(resultOf(9))]);
    expect(summary.reports[0]).toMatchObject({ outcome: 'sent', attempts: 4 });
    expect(waits).toEqual([100, 200, 400]);
  });

  it('does not record a result twice when SIASN stored it but the answer was lost', async () => {
    server.faults.push('stored-then-bad-gateway');
    const ledger = new Ledger(null);
    const summary = await sendToSiasn(clientOf(), ledger, [submissionOf(resultOf(10))]);
    expect(summary.reports[0]).toMatchObject({ outcome: 'sent', attempts: 2 });
    expect(server.saves.map((s) => s.status)).toEqual([502, 200]);
    expect(new Set(server.saves.map((s) => s.idempotencyKey)).size).toBe(1);
    expect([...server.records.values()].map((r) => r.writes)).toEqual([1]);
    expect(ledger.get('kinerja-asn:P-10:2026:ANNUAL')?.siasnRecordId).toBe([...server.records.keys()][0]);
  });

  it('gives up after SIASN_MAX_ATTEMPTS, keeps it out of the ledger, and a later run sends it', async () => {
    server.faults.push('unavailable', 'unavailable', 'unavailable', 'unavailable');
    const ledger = new Ledger(null);
    const failed = await sendToSiasn(clientOf(), ledger, [submissionOf(resultOf(11))]);
    expect(failed.reports[0]).toMatchObject({ outcome: 'failed', attempts: 4, message: 'SIASN 503: Service Unavailable (setelah 4 percobaan)' });
    expect(ledger.size).toBe(0);
    expect((await sendToSiasn(clientOf(), ledger, [submissionOf(resultOf(11))])).counts.sent).toBe(1);
  });

  it('stops the run when SIASN refuses the credentials, before sending anything', async () => {
    await expect(sendToSiasn(clientOf({ clientSecret: 'salah' }), new Ledger(null), [submissionOf(resultOf(12))])).rejects.toBeInstanceOf(TokenError);
    expect(server.saves).toEqual([]);
  });
});

describe('configuration and Retry-After', () => {
  it('names the missing or bad variable', () => {
    expect(() => loadSiasnConfig({})).toThrow(/^SIASN configuration: SIASN_BASE_URL /);
    expect(() => loadSiasnConfig({ ...Object.fromEntries(Object.entries(config).map(([k]) => [k, 'x'])), SIASN_BASE_URL: 'bukan-url' })).toThrow(/SIASN_BASE_URL/);
  });

  it('reads seconds and HTTP dates', () => {
    expect(retryAfterMs('3')).toBe(3000);
    expect(retryAfterMs('Sun, 29 Nov 2026 10:00:05 GMT', Date.parse('2026-11-29T10:00:00Z'))).toBe(5000);
    expect([retryAfterMs(null), retryAfterMs(''), retryAfterMs('nanti')]).toEqual([null, null, null]);
  });
});
