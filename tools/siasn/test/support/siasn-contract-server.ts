// SIASN is not reachable from here: this plain node:http server implements the contract the export is
// written against (DOMAIN.md "Systems around it"; public client code): an API-gateway token endpoint
// (client credentials, HTTP Basic), an SSO token endpoint (password grant), and the two save endpoints
// that need both tokens (`Authorization: Bearer …`, `Auth: bearer …`), validate the body (400 with a
// SIASN-style `{ success: false, message }`), answer 401 to an expired token, 429 with Retry-After over
// the rate limit, and fail with 5xx when a test scripts it, including "stored, then the answer was lost".
// One record per person, year and period; a repeated Idempotency-Key gets the first answer back.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const CONTRACT_CLIENT = { id: 'kinerja-asn-karawang', secret: 'rahasia-uji' };
export const CONTRACT_SSO = { clientId: 'kinerja-asn', username: 'operator.karawang', password: 'sandi-uji' };

/** What the next save requests meet, in order (then normal service). */
export type Fault = 'rate-limited' | 'unavailable' | 'stored-then-bad-gateway' | 'drop-connection';

export interface StoredRecord {
  id: string;
  endpoint: string;
  body: Record<string, unknown>;
  writes: number;
}

export interface ContractServer {
  baseUrl: string;
  tokenUrl: string;
  ssoUrl: string;
  records: Map<string, StoredRecord>;
  /** Every save request as it arrived, with the status it got (0: connection dropped). */
  saves: { endpoint: string; idempotencyKey: string; status: number }[];
  tokensIssued: { api: number; sso: number };
  faults: Fault[];
  /** Every issued token expires now (the next save answers 401). */
  expireTokens(): void;
  retryAfterSeconds: number;
  stop(): Promise<void>;
}

const readBody = async (request: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

const send = (response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
};

const integerIn = (value: unknown, min: number, max: number) => Number.isInteger(value) && (value as number) >= min && (value as number) <= max;

/** SIASN's answer to a body it refuses, or null when the body is valid for the endpoint. */
function validationMessage(endpoint: string, body: Record<string, unknown>): string | null {
  const missing = ['pnsDinilaiId', 'penilaiNipNrp', 'penilaiNama', 'penilaiJabatan', 'penilaiUnorNama', 'statusPenilai'].find((field) => typeof body[field] !== 'string' || body[field] === '');
  if (missing) return `${missing} wajib diisi`;
  if (!integerIn(body['tahun'], 2022, 2100)) return 'tahun tidak valid';
  for (const field of ['hasilKinerjaNilai', 'perilakuKerjaNilai']) if (!integerIn(body[field], 1, 3)) return `${field} harus 1, 2 atau 3`;
  if (!integerIn(body['kuadranKinerjaNilai'], 1, 5)) return 'kuadranKinerjaNilai harus 1 sampai 5';
  if (!/^\d{18}$/.test(String(body['penilaiNipNrp']))) return 'penilaiNipNrp harus 18 digit';
  if (!['ASN', 'NON ASN'].includes(String(body['statusPenilai']))) return 'statusPenilai harus ASN atau NON ASN';
  if (endpoint === '/kinerjaperiodik/save') {
    for (const field of ['periodikId', 'bulanMulaiPenilaian', 'bulanSelesaiPenilaian']) if (!integerIn(body[field], 1, 12)) return `${field} tidak valid`;
    if ((body['bulanMulaiPenilaian'] as number) > (body['bulanSelesaiPenilaian'] as number)) return 'bulanMulaiPenilaian melewati bulanSelesaiPenilaian';
    if (!integerIn(body['koefisienId'], 1, 12)) return 'koefisienId tidak valid';
  }
  return null;
}

export async function startContractServer(): Promise<ContractServer> {
  const apiTokens = new Map<string, number>();
  const ssoTokens = new Map<string, number>();
  const byKey = new Map<string, { status: number; answer: unknown }>();
  const byPersonPeriod = new Map<string, string>();
  const state = {
    records: new Map<string, StoredRecord>(),
    saves: [] as ContractServer['saves'],
    tokensIssued: { api: 0, sso: 0 },
    faults: [] as Fault[],
    retryAfterSeconds: 2,
  };

  const issue = (tokens: Map<string, number>) => {
    const token = randomUUID();
    tokens.set(token, Date.now() + 3600_000);
    return { access_token: token, token_type: 'Bearer', expires_in: 3600 };
  };
  const valid = (tokens: Map<string, number>, header: string | undefined, scheme: RegExp) => {
    const token = header?.replace(scheme, '').trim() ?? '';
    const expiresAt = tokens.get(token);
    return expiresAt !== undefined && expiresAt > Date.now();
  };

  const server = createServer((request, response) => {
    void (async () => {
      const raw = await readBody(request);
      const path = new URL(request.url ?? '/', 'http://siasn').pathname;
      if (request.method === 'POST' && path === '/oauth2/token') {
        const basic = Buffer.from((request.headers.authorization ?? '').replace(/^Basic\s+/i, ''), 'base64').toString('utf8');
        const form = new URLSearchParams(raw);
        if (form.get('grant_type') !== 'client_credentials' || basic !== `${CONTRACT_CLIENT.id}:${CONTRACT_CLIENT.secret}`) return send(response, 401, { error: 'invalid_client', error_description: 'Client Authentication failed.' });
        state.tokensIssued.api += 1;
        return send(response, 200, issue(apiTokens));
      }
      if (request.method === 'POST' && path === '/sso/token') {
        const form = new URLSearchParams(raw);
        const ok = form.get('grant_type') === 'password' && form.get('client_id') === CONTRACT_SSO.clientId && form.get('username') === CONTRACT_SSO.username && form.get('password') === CONTRACT_SSO.password;
        if (!ok) return send(response, 401, { error: 'invalid_grant', error_description: 'Invalid user credentials' });
        state.tokensIssued.sso += 1;
        return send(response, 200, issue(ssoTokens));
      }
      const endpoint = path.replace(/^\/api/, '');
      if (request.method !== 'POST' || !['/skp22/save', '/kinerjaperiodik/save'].includes(endpoint)) return send(response, 404, { success: false, message: 'Not Found' });
      const idempotencyKey = String(request.headers['idempotency-key'] ?? '');
      const record = (status: number) => state.saves.push({ endpoint, idempotencyKey, status });
      if (!valid(apiTokens, request.headers.authorization, /^Bearer\s+/i) || !valid(ssoTokens, request.headers['auth'] as string | undefined, /^bearer\s+/i)) {
        record(401);
        return send(response, 401, { code: 401, success: false, message: 'Invalid Credentials. Make sure you have provided the correct security credentials' });
      }
      const fault = state.faults.shift();
      if (fault === 'rate-limited') {
        record(429);
        return send(response, 429, { success: false, message: 'Too Many Requests' }, { 'retry-after': String(state.retryAfterSeconds) });
      }
      if (fault === 'unavailable') {
        record(503);
        return send(response, 503, { success: false, message: 'Service Unavailable' });
      }
      if (fault === 'drop-connection') {
        record(0);
        request.socket.destroy();
        return;
      }
      const replay = idempotencyKey ? byKey.get(idempotencyKey) : undefined;
      if (replay) {
        record(replay.status);
        return send(response, replay.status, replay.answer);
      }
      const body = JSON.parse(raw || '{}') as Record<string, unknown>;
      const problem = validationMessage(endpoint, body);
      if (problem) {
        record(400);
        return send(response, 400, { success: false, message: `data tidak valid: ${problem}`, mapData: null });
      }
      const personPeriod = `${endpoint}|${String(body['pnsDinilaiId'])}|${String(body['tahun'])}|${String(body['periodikId'] ?? '')}`;
      const existingId = byPersonPeriod.get(personPeriod);
      const { id: givenId, ...fields } = body;
      if (existingId && givenId !== existingId) {
        record(409);
        return send(response, 409, { success: false, message: 'data penilaian periode ini sudah ada', mapData: null });
      }
      const id = existingId ?? randomUUID();
      const stored = state.records.get(id);
      state.records.set(id, { id, endpoint, body: fields, writes: (stored?.writes ?? 0) + 1 });
      byPersonPeriod.set(personPeriod, id);
      const answer = { success: true, message: 'success', mapData: { id } };
      if (idempotencyKey) byKey.set(idempotencyKey, { status: 200, answer });
      if (fault === 'stored-then-bad-gateway') {
        record(502);
        return send(response, 502, { success: false, message: 'Bad Gateway' });
      }
      record(200);
      return send(response, 200, answer);
    })().catch((error: unknown) => send(response, 500, { success: false, message: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return Object.assign(state, {
    baseUrl: `${origin}/api`,
    tokenUrl: `${origin}/oauth2/token`,
    ssoUrl: `${origin}/sso/token`,
    expireTokens: () => {
      for (const tokens of [apiTokens, ssoTokens]) for (const token of tokens.keys()) tokens.set(token, 0);
    },
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  });
}
