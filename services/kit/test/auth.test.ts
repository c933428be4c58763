import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { SignJWT, generateKeyPair } from 'jose';
import {
  assertRole,
  createTokenVerifier,
  hasRole,
  viewerFromClaims,
  type TokenVerifier,
  type Viewer,
} from '../src/auth.ts';
import { startTestIssuer, type TestIssuer } from '../src/testing.ts';

let issuer: TestIssuer;
let verify: TokenVerifier;

beforeAll(async () => {
  issuer = await startTestIssuer();
  verify = createTokenVerifier({ issuer: issuer.issuer, jwksUrl: issuer.jwksUrl, audience: issuer.audience });
});
afterAll(() => issuer.stop());

async function reasonOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return (error as { extensions?: Record<string, unknown> }).extensions;
  }
  throw new Error('expected a rejection');
}

describe('remembering verified tokens until they expire', () => {
  afterEach(() => vi.useRealTimers());

  it('answers a repeated token from memory only while it is valid: after its exp it is refused as expired', async () => {
    const now = Date.now();
    vi.useFakeTimers({ now, toFake: ['Date'] });
    const token = await issuer.sign({ preferred_username: 'cached.user', region_code: 'ID', realm_access: { roles: ['analis'] } }, { expiresIn: Math.floor(now / 1000) + 60 });
    expect(await verify(`Bearer ${token}`)).toMatchObject({ username: 'cached.user' });
    expect(await verify(`Bearer ${token}`)).toMatchObject({ username: 'cached.user' });
    vi.setSystemTime(now + 61_000);
    expect(await reasonOf(verify(`Bearer ${token}`))).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'token_expired' });
  });

  it('never answers a changed token from a cached one (one character of the signature differs)', async () => {
    const token = await issuer.sign({ region_code: 'ID' });
    await verify(`Bearer ${token}`);
    const tampered = `${token.slice(0, -2)}${token.at(-2) === 'A' ? 'B' : 'A'}${token.at(-1)}`;
    expect(await reasonOf(verify(`Bearer ${tampered}`))).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'invalid_token' });
  });

});

describe('createTokenVerifier', () => {
  it('turns a valid token into a Viewer (roles, nip, region, username)', async () => {
    const token = await issuer.sign({
      sub: 'user-1',
      preferred_username: 'karawang.atasan',
      nip: '197805122003121003',
      region_code: '32.15',
      realm_access: { roles: ['atasan', 'pegawai', 'offline_access', 'default-roles-asn'] },
    });
    const viewer = await verify(`Bearer ${token}`);
    expect(viewer).toMatchObject({ subject: 'user-1', username: 'karawang.atasan', nip: '197805122003121003', regionCode: '32.15' });
    expect([...viewer.roles].sort()).toEqual(['atasan', 'pegawai']);
  });

  it('keeps region_code ID as the national code', async () => {
    const viewer = await verify(`Bearer ${await issuer.sign({ region_code: 'ID' })}`);
    expect(viewer.regionCode).toBe('ID');
    expect(viewer.nip).toBeNull();
  });

  // An account imported without the attribute must not be read as national (issue 9).
  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['a number', 32],
    ['an array', ['32']],
    ['not a Kemendagri code', '32.1'],
    ['padded', ' 32 '],
    ['a LIKE wildcard', '3%'],
    ['lower-case national', 'id'],
  ])('refuses a region-wide role whose region_code is %s', async (_label, region) => {
    for (const role of ['analis', 'pimpinan', 'perencana-diklat', 'auditor', 'admin-kepegawaian', 'asesor']) {
      const token = await issuer.sign({ region_code: region, realm_access: { roles: [role, 'pegawai'] } });
      expect(await reasonOf(verify(`Bearer ${token}`))).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'invalid_region_code' });
    }
  });

  it('accepts a pegawai or atasan without region_code (they see by NIP), with no region', async () => {
    const token = await issuer.sign({ region_code: undefined, nip: '199001152015032001', realm_access: { roles: ['pegawai', 'atasan'] } });
    expect(await verify(`Bearer ${token}`)).toMatchObject({ regionCode: null, nip: '199001152015032001' });
  });

  it.each([
    ['no header', undefined, 'missing_token'],
    ['empty bearer', 'Bearer ', 'missing_token'],
    ['basic auth', 'Basic dXNlcjpwYXNz', 'missing_token'],
    ['garbage', 'Bearer not.a.jwt', 'invalid_token'],
  ])('refuses %s', async (_label, header, reason) => {
    expect(await reasonOf(verify(header))).toMatchObject({ code: 'UNAUTHENTICATED', reason });
  });

  it('refuses an expired token', async () => {
    const token = await issuer.sign({}, { expiresIn: Math.floor(Date.now() / 1000) - 60 });
    expect(await reasonOf(verify(`Bearer ${token}`))).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'token_expired' });
  });

  it('refuses a token for another audience', async () => {
    const token = await issuer.sign({}, { audience: 'other-api' });
    expect(await reasonOf(verify(`Bearer ${token}`))).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'invalid_aud' });
  });

  it('refuses a token from another issuer', async () => {
    const token = await issuer.sign({}, { issuer: 'http://evil.example/realms/asn' });
    expect(await reasonOf(verify(`Bearer ${token}`))).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'invalid_iss' });
  });

  it('refuses a token signed by another key with the same kid-less header', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const token = await new SignJWT({ region_code: 'ID' })
      .setProtectedHeader({ alg: 'RS256' })
      .setSubject('x')
      .setIssuer(issuer.issuer)
      .setAudience(issuer.audience)
      .setExpirationTime('5m')
      .sign(privateKey);
    expect(await reasonOf(verify(`Bearer ${token}`))).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'invalid_token' });
  });

  it('refuses a symmetric (HS256) token even with the right claims', async () => {
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('x')
      .setIssuer(issuer.issuer)
      .setAudience(issuer.audience)
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode('a-shared-secret-that-is-long-enough'));
    expect(await reasonOf(verify(`Bearer ${token}`))).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'invalid_token' });
  });
});

const viewer = (regionCode: string | null, ...roles: Viewer['roles'] extends ReadonlySet<infer R> ? R[] : never): Viewer => ({
  subject: 's',
  username: 'u',
  nip: null,
  roles: new Set(roles),
  regionCode,
});

describe('roles', () => {
  it('hasRole / assertRole', () => {
    const analis = viewer('32', 'analis');
    expect(hasRole(analis, 'pimpinan', 'analis')).toBe(true);
    expect(hasRole(analis, 'admin-kepegawaian')).toBe(false);
    expect(() => assertRole(analis, 'admin-kepegawaian')).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN', reason: 'missing_role' }) }));
  });

  it('ignores unknown realm roles and tolerates missing claims', () => {
    const v = viewerFromClaims({ sub: 'x', realm_access: { roles: ['uma_authorization', 'pegawai'] } });
    expect([...v.roles]).toEqual(['pegawai']);
    expect(v.regionCode).toBeNull();
    expect(v.username).toBe('x');
    expect([...viewerFromClaims({ sub: 'x', region_code: 'ID', realm_access: { roles: ['uma_authorization', 'auditor'] } }).roles]).toEqual(['auditor']);
  });
});
