import { inject } from 'vitest';
import { describe, expect, it } from 'vitest';

// Users and claims from docs/conventions.md ("Keycloak realm asn").
const infra = inject('kinerjaInfra');
const tokenUrl = `${infra.keycloakUrl}/realms/${infra.keycloakRealm}/protocol/openid-connect/token`;

async function passwordGrant(clientId: string, username: string, password = 'kinerja-demo'): Promise<Response> {
  return fetch(tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', client_id: clientId, username, password, scope: 'openid' }),
  });
}

function claimsOf(jwt: string): Record<string, unknown> {
  const payload = jwt.split('.')[1];
  if (payload === undefined) throw new Error('not a JWT');
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
}

async function accessTokenClaims(username: string): Promise<Record<string, unknown>> {
  const response = await passwordGrant('kinerja-cli', username);
  expect(response.status).toBe(200);
  const body = (await response.json()) as { access_token: string };
  return claimsOf(body.access_token);
}

describe('realm asn on the real Keycloak', () => {
  it.each([
    { username: 'karawang.pegawai', roles: ['pegawai'], region: '32.15', nip: '199001152015032001' },
    { username: 'karawang.atasan', roles: ['atasan', 'pegawai'], region: '32.15', nip: '197805122003121003' },
    { username: 'jabar.admin', roles: ['admin-kepegawaian'], region: '32', nip: undefined },
    { username: 'nasional.pimpinan', roles: ['pimpinan'], region: 'ID', nip: undefined },
    { username: 'banten.analis', roles: ['analis'], region: '36', nip: undefined },
    { username: 'karawang.asesor', roles: ['asesor'], region: '32.15', nip: undefined },
  ])('a password grant for $username carries roles, region_code, nip and the API audience', async ({ username, roles, region, nip }) => {
    const claims = await accessTokenClaims(username);
    expect(claims['iss']).toBe(`${infra.keycloakUrl}/realms/asn`);
    expect(claims['preferred_username']).toBe(username);
    const audience = claims['aud'];
    expect(Array.isArray(audience) ? audience : [audience]).toContain('kinerja-api');
    const realmRoles = (claims['realm_access'] as { roles: string[] }).roles;
    expect(realmRoles).toEqual(expect.arrayContaining(roles));
    const kinerjaRoles = ['pegawai', 'atasan', 'admin-kepegawaian', 'analis', 'perencana-diklat', 'pimpinan', 'auditor', 'asesor'];
    expect(realmRoles.filter((role) => kinerjaRoles.includes(role)).sort()).toEqual([...roles].sort());
    expect(claims['region_code']).toBe(region);
    expect(typeof claims['region_code']).toBe('string');
    expect(claims['nip']).toBe(nip);
  });

  it('rejects a wrong password', async () => {
    const response = await passwordGrant('kinerja-cli', 'karawang.pegawai', 'not-the-password');
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: string }).error).toBe('invalid_grant');
  });

  it('does not allow password grants through the web client (PKCE only)', async () => {
    const response = await passwordGrant('kinerja-web', 'karawang.pegawai');
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toBe('unauthorized_client');
  });

  it('publishes the signing keys services verify tokens with', async () => {
    const discovery = (await (await fetch(`${infra.keycloakUrl}/realms/asn/.well-known/openid-configuration`)).json()) as { jwks_uri: string; issuer: string };
    expect(discovery.issuer).toBe(`${infra.keycloakUrl}/realms/asn`);
    const jwks = (await (await fetch(discovery.jwks_uri)).json()) as { keys: { alg?: string; use?: string }[] };
    expect(jwks.keys.some((key) => key.alg === 'RS256' && key.use === 'sig')).toBe(true);
  });
});
