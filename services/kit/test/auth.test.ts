import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignJWT, generateKeyPair } from 'jose';
import {
  assertRegion,
  assertRole,
  createTokenVerifier,
  hasRole,
  isInRegion,
  regionSqlFilter,
  regionSqlPattern,
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

  it('maps region_code ID to national', async () => {
    const viewer = await verify(`Bearer ${await issuer.sign({ region_code: 'ID' })}`);
    expect(viewer.regionCode).toBe('');
    expect(viewer.nip).toBeNull();
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

const viewer = (regionCode: string, ...roles: Viewer['roles'] extends ReadonlySet<infer R> ? R[] : never): Viewer => ({
  subject: 's',
  username: 'u',
  nip: null,
  roles: new Set(roles),
  regionCode,
});

describe('region scoping (DESIGN.md: a prefix match on the region code)', () => {
  it.each([
    ['', '32', true],
    ['', '', true],
    ['ID', '36.01', true],
    ['32', '32', true],
    ['32', '32.15', true],
    ['32', '320', false],
    ['32', '36.01', false],
    ['32', '', false],
    ['32.15', '32.15', true],
    ['32.15', '32', false],
    ['32.15', '32.16', false],
    ['32.1', '32.15', false],
  ])('viewer %j sees %j: %s', (scope, code, expected) => {
    expect(isInRegion(scope, code)).toBe(expected);
  });

  it('assertRegion throws FORBIDDEN outside scope', () => {
    expect(() => assertRegion(viewer('36', 'analis'), '32')).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN', reason: 'region_out_of_scope' }) }));
    expect(() => assertRegion(viewer('32', 'analis'), '32.15')).not.toThrow();
  });

  it('gives SQL patterns for a province and none for national', () => {
    expect(regionSqlPattern(viewer('32'))).toEqual({ exact: '32', like: '32.%' });
    expect(regionSqlPattern(viewer(''))).toBeNull();
    expect(regionSqlFilter(viewer('32.15'), 'e.region_code')).toEqual({
      sql: '(e.region_code = ? or e.region_code like ?)',
      params: ['32.15', '32.15.%'],
    });
    expect(regionSqlFilter(viewer(''))).toEqual({ sql: 'true', params: [] });
  });
});

describe('roles', () => {
  it('hasRole / assertRole', () => {
    const analis = viewer('32', 'analis');
    expect(hasRole(analis, 'pimpinan', 'analis')).toBe(true);
    expect(hasRole(analis, 'admin-kepegawaian')).toBe(false);
    expect(() => assertRole(analis, 'admin-kepegawaian')).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN', reason: 'missing_role' }) }));
  });

  it('ignores unknown realm roles and tolerates missing claims', () => {
    const v = viewerFromClaims({ sub: 'x', realm_access: { roles: ['uma_authorization', 'auditor'] } });
    expect([...v.roles]).toEqual(['auditor']);
    expect(v.regionCode).toBe('');
    expect(v.username).toBe('x');
  });
});
