// The gateway's token check against the real Keycloak realm `asn` (docs/conventions.md): real tokens for
// the demo users pass and reach the subgraph; tokens Keycloak did not issue for kinerja-api are refused
// before planning. The subgraph here is the in-test echo subgraph, which verifies against Keycloak too.
import { decodeJwt, generateKeyPair, SignJWT } from 'jose';
import { keycloakAvailable, keycloakRealmUrl, passwordToken } from '@kinerja/kit/testing';
import { malformedRegionClaims, malformedRegionKinds, malformedRegionToken } from '@kinerja/kit/testing-keycloak';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadGatewayConfig } from '../src/config.ts';
import { createLogger } from '../src/observability/logger.ts';
import { startGateway, type RunningGateway } from '../src/server/gateway-server.ts';
import { composeSupergraph } from '../src/supergraph/composition.ts';
import { echoSubgraphSdl, startEchoSubgraph, type EchoSubgraph } from './support/echo-subgraph.ts';

const keycloakUp = await keycloakAvailable();
if (!keycloakUp && process.env['CI'])
  throw new Error(`Keycloak is not answering at ${keycloakRealmUrl()}; run \`npm run infra -- up\``);

interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

describe.skipIf(!keycloakUp)('gateway with real Keycloak tokens', () => {
  let subgraph: EchoSubgraph;
  let gateway: RunningGateway;

  async function post(query: string, authorization?: string) {
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify({ query }),
    });
    return { status: response.status, body: (await response.json()) as GraphQLBody };
  }

  /** The id token Keycloak issues with an access token: same realm key and issuer, audience kinerja-cli. */
  async function idToken(username: string): Promise<string> {
    const response = await fetch(`${keycloakRealmUrl()}/protocol/openid-connect/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'password',
        client_id: 'kinerja-cli',
        username,
        password: 'kinerja-demo',
        scope: 'openid',
      }),
    });
    const body = (await response.json()) as { id_token?: string };
    if (!body.id_token) throw new Error(`no id_token for ${username}`);
    return body.id_token;
  }

  beforeAll(async () => {
    const config = loadGatewayConfig({
      PORT: '0',
      KEYCLOAK_URL: process.env['KEYCLOAK_URL'],
      KEYCLOAK_REALM: process.env['KEYCLOAK_REALM'],
    });
    subgraph = await startEchoSubgraph({
      issuer: config.authIssuer,
      jwksUrl: config.jwksUrl,
      audience: config.authAudience,
    });
    const outcome = composeSupergraph([
      { name: 'echo', sdl: echoSubgraphSdl, url: subgraph.url, origin: 'echo' },
    ]);
    if (!outcome.ok) throw new Error(outcome.errors.join('\n'));
    gateway = await startGateway(config, {
      supergraphSdl: outcome.supergraphSdl,
      logger: createLogger('silent'),
    });
  });

  afterAll(async () => {
    vi.useRealTimers();
    await gateway?.stop();
    await subgraph?.close();
  });

  it.each([
    ['jabar.analis', '32', ['analis']],
    ['karawang.pegawai', '32.15', ['pegawai']],
    ['nasional.pimpinan', 'ID', ['pimpinan']],
  ])('passes %s through to the subgraph with the token forwarded', async (username, regionCode, roles) => {
    const { status, body } = await post(
      '{ whoami { username regionCode roles } }',
      `Bearer ${await passwordToken(username)}`,
    );
    expect(status).toBe(200);
    expect(body).toEqual({ data: { whoami: { username, regionCode, roles } } });
  });

  // Issue 9: an account without a valid region_code was read as national; the gateway refuses it first.
  it.each(malformedRegionKinds)('refuses region-wide roles whose Keycloak token has a region_code that is %s', async (kind) => {
    for (const username of ['jabar.analis', 'nasional.pimpinan', 'karawang.admin', 'karawang.asesor']) {
      const token = await malformedRegionToken(username, kind);
      expect(decodeJwt(token)['region_code']).toEqual(malformedRegionClaims[kind]);
      const { status, body } = await post('{ whoami { username } }', `Bearer ${token}`);
      expect(status).toBe(401);
      expect(body.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED', reason: 'invalid_region_code' });
      expect(body.errors?.[0]?.message).toContain('region_code');
    }
  });

  it('passes a pegawai whose token has no region_code (they see by NIP)', async () => {
    const { status, body } = await post('{ whoami { username } }', `Bearer ${await malformedRegionToken('karawang.pegawai', 'missing')}`);
    expect(status).toBe(200);
    expect(body).toEqual({ data: { whoami: { username: 'karawang.pegawai' } } });
  });

  it('refuses a request without a token with 401', async () => {
    const { status, body } = await post('{ whoami { username } }');
    expect(status).toBe(401);
    expect(body.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED', reason: 'missing_token' });
  });

  it("refuses a token signed by another key under Keycloak's key id, issuer and audience", async () => {
    const real = await passwordToken('jabar.analis');
    const claims = decodeJwt(real);
    const { kid } = JSON.parse(Buffer.from(real.split('.')[0] ?? '', 'base64url').toString()) as {
      kid: string;
    };
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT({ ...claims, region_code: 'ID' })
      .setProtectedHeader({ alg: 'RS256', kid })
      .sign(privateKey);
    const { status, body } = await post('{ whoami { username } }', `Bearer ${forged}`);
    expect(status).toBe(401);
    expect(body.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED', reason: 'invalid_token' });
  });

  it('refuses a Keycloak token issued for another audience (the id token, aud kinerja-cli)', async () => {
    const token = await idToken('jabar.analis');
    expect(decodeJwt(token).aud).toBe('kinerja-cli');
    const { status, body } = await post('{ whoami { username } }', `Bearer ${token}`);
    expect(status).toBe(401);
    expect(body.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED', reason: 'invalid_aud' });
  });

  it('refuses a Keycloak token once it has expired', async () => {
    const token = await passwordToken('jabar.analis');
    const { exp } = decodeJwt(token);
    // Accepted first (which also loads the gateway's JWKS), so only the token's age changes below.
    expect((await post('{ whoami { username } }', `Bearer ${token}`)).status).toBe(200);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(((exp ?? 0) + 120) * 1000);
    try {
      const { status, body } = await post('{ whoami { username } }', `Bearer ${token}`);
      expect(status).toBe(401);
      expect(body.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED', reason: 'token_expired' });
    } finally {
      vi.useRealTimers();
    }
  });
});
