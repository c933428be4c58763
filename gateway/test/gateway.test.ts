// The gateway over a tiny in-test subgraph, with tokens from a local issuer: auth before planning,
// forwarding, limits, masking, health and metrics. tests/keycloak.integration.test.ts repeats the auth
// paths with real Keycloak tokens.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadGatewayConfig } from '../src/config.ts';
import { createLogger } from '../src/observability/logger.ts';
import { startGateway, type RunningGateway } from '../src/server/gateway-server.ts';
import { composeSupergraph } from '../src/supergraph/composition.ts';
import { echoAnonymousFields, echoSubgraphSdl, startEchoSubgraph, type EchoSubgraph } from './support/echo-subgraph.ts';
import { startLocalIssuer, type LocalIssuer } from './support/local-issuer.ts';
import { aliasedQuery, nestedNodeQuery } from './support/queries.ts';

let issuer: LocalIssuer;
let subgraph: EchoSubgraph;
let gateway: RunningGateway;
let token: string;

interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

async function post(query: string, authorization?: string, headers: Record<string, string> = {}) {
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}), ...headers },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as GraphQLBody };
}

beforeAll(async () => {
  issuer = await startLocalIssuer();
  subgraph = await startEchoSubgraph(issuer);
  const outcome = composeSupergraph([
    { name: 'echo', sdl: echoSubgraphSdl, url: 'http://composed.invalid/graphql', origin: 'echo' },
  ]);
  if (!outcome.ok) throw new Error(outcome.errors.join('\n'));
  const config = loadGatewayConfig({
    PORT: '0',
    SUBGRAPH_ECHO_URL: subgraph.url,
    KEYCLOAK_URL: 'http://127.0.0.1:1',
    METRICS_MAX_OPERATIONS: '3',
  });
  gateway = await startGateway(
    { ...config, authIssuer: issuer.issuer, jwksUrl: issuer.jwksUrl, authAudience: issuer.audience },
    { supergraphSdl: outcome.supergraphSdl, logger: createLogger('silent'), anonymousRootFields: echoAnonymousFields },
  );
  token = `Bearer ${await issuer.sign()}`;
});

afterAll(async () => {
  await gateway?.stop();
  await subgraph?.close();
  await issuer?.close();
});

describe('anonymous operations (the allow-list)', () => {
  it('runs an operation made only of allow-listed root fields without a token, forwarding the caller address set by the gateway', async () => {
    const answer = await post('{ publicEcho { username clientIp } }', undefined, { 'x-kinerja-client-ip': '6.6.6.6' });
    expect(answer.status).toBe(200);
    const echoed = answer.body.data?.['publicEcho'] as { username: string; clientIp: string };
    expect(echoed.username).toBe('anonymous');
    // The gateway's own view of the caller (loopback here), never what the caller claimed.
    expect(echoed.clientIp).toMatch(/127\.0\.0\.1|::1/);
  });

  it.each([
    ['another root field', '{ whoami { username } }'],
    ['an allowed field beside another', '{ publicEcho { username } whoami { username } }'],
    ['a fragment at the root', '{ ...F } fragment F on Query { publicEcho { username } }'],
    ['two operations', 'query A { publicEcho { username } } query B { whoami { username } }'],
    ['introspection', '{ __schema { queryType { name } } }'],
  ])('refuses %s without a token with 401', async (_, query) => {
    const answer = await post(query);
    expect(answer.status).toBe(401);
    expect(answer.body.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'missing_token' });
  });

  it('still verifies a token sent with an allow-listed operation', async () => {
    expect((await post('{ publicEcho { username } }', 'Bearer not-a-jwt')).status).toBe(401);
    const signed = await post('{ publicEcho { username } }', token);
    expect((signed.body.data?.['publicEcho'] as { username: string }).username).not.toBe('anonymous');
  });
});

describe('authentication before planning', () => {
  it.each([
    ['no Authorization header', async () => undefined, 'missing_token'],
    ['a non-bearer header', async () => 'Basic dXNlcjpwYXNz', 'missing_token'],
    ['garbage', async () => 'Bearer not-a-jwt', 'invalid_token'],
    [
      'another key',
      async () => `Bearer ${await issuer.sign({}, { key: issuer.foreignKey })}`,
      'invalid_token',
    ],
    [
      'an expired token',
      async () => `Bearer ${await issuer.sign({}, { expiresIn: Math.floor(Date.now() / 1000) - 60 })}`,
      'token_expired',
    ],
    [
      'another audience',
      async () => `Bearer ${await issuer.sign({}, { audience: 'account' })}`,
      'invalid_aud',
    ],
    [
      'another issuer',
      async () => `Bearer ${await issuer.sign({}, { issuer: 'http://evil.example/realms/asn' })}`,
      'invalid_iss',
    ],
  ])('refuses %s with HTTP 401 and UNAUTHENTICATED', async (_name, header, reason) => {
    const { status, headers, body } = await post('{ whoami { username } }', await header());
    expect(status).toBe(401);
    expect(headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(body.data).toBeUndefined();
    expect(body.errors).toEqual([
      { message: expect.stringMatching(/Token akses/), extensions: { code: 'UNAUTHENTICATED', reason } },
    ]);
  });

  it('refuses before parsing: an anonymous malformed query still gets 401, not a syntax error', async () => {
    const { status, body } = await post('{ this is not graphql');
    expect(status).toBe(401);
    expect(body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });

  it('allows introspection only with a token', async () => {
    expect((await post('{ __schema { queryType { name } } }')).status).toBe(401);
    const { status, body } = await post('{ __schema { queryType { name } } }', token);
    expect(status).toBe(200);
    expect(body.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });
});

describe('forwarding to subgraphs', () => {
  it('forwards the token and the request id, and echoes the id back', async () => {
    const { status, headers, body } = await post(
      '{ whoami { username regionCode roles forwardedRequestId } }',
      token,
      {
        'x-request-id': 'uji-123',
      },
    );
    expect(status).toBe(200);
    expect(headers.get('x-request-id')).toBe('uji-123');
    expect(body.data).toEqual({
      whoami: { username: 'uji.analis', regionCode: '32', roles: ['analis'], forwardedRequestId: 'uji-123' },
    });
  });

  it('reuses kept-alive connections to the subgraph', async () => {
    await post('{ whoami { username } }', token);
    const before = subgraph.connections;
    for (let i = 0; i < 5; i++) expect((await post('{ whoami { username } }', token)).status).toBe(200);
    expect(subgraph.connections).toBe(before);
  });

  it('uses the SUBGRAPH_ECHO_URL override instead of the composed URL', () => {
    expect(gateway.subgraphs.get('echo')).toBe(subgraph.url);
  });
});

describe('query limits', () => {
  it('accepts a query at the depth limit', async () => {
    const { status, body } = await post(nestedNodeQuery(12), token);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
  });

  it.each([
    ['too deep', nestedNodeQuery(13), 'query_too_deep'],
    ['too many aliases', aliasedQuery(16), 'too_many_aliases'],
    ['too many tokens', `{ node { ${'id '.repeat(2100)}} }`, 'query_too_many_tokens'],
  ])('rejects a query %s with HTTP 400 and BAD_USER_INPUT', async (_name, query, reason) => {
    const { status, body } = await post(query, token);
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason });
    expect(body.errors?.[0]?.message).toMatch(/^Kueri /);
  });

  it('hides field suggestions', async () => {
    const { body } = await post('{ whoam { username } }', token);
    expect(body.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(body.errors?.[0]?.message).not.toMatch(/Did you mean/);
  });
});

describe('error masking', () => {
  it('hides a subgraph crash (SQL included) behind INTERNAL_SERVER_ERROR with the request id', async () => {
    const { body } = await post('{ failsWithSql }', token, { 'x-request-id': 'uji-sql' });
    expect(body.data).toEqual({ failsWithSql: null });
    expect(JSON.stringify(body)).not.toMatch(/SELECT|employee|stack/i);
    expect(body.errors).toEqual([
      {
        message: expect.stringMatching(/kesalahan internal/),
        path: ['failsWithSql'],
        extensions: { code: 'INTERNAL_SERVER_ERROR', reason: 'internal_error', requestId: 'uji-sql' },
      },
    ]);
  });

  it('keeps a subgraph FORBIDDEN with its message and reason', async () => {
    const { body } = await post('{ failsForbidden }', token);
    expect(body.errors?.[0]).toMatchObject({
      message: 'Wilayah 36 di luar cakupan Anda',
      extensions: { code: 'FORBIDDEN', reason: 'region_out_of_scope' },
    });
    expect(body.errors?.[0]?.extensions).not.toHaveProperty('serviceName');
  });
});

describe('health and metrics', () => {
  it('answers /healthz', async () => {
    const response = await fetch(new URL('/healthz', gateway.url));
    expect(response.status).toBe(200);
  });

  it('is ready only while every subgraph /healthz answers, and tells the public nothing more', async () => {
    expect((await fetch(new URL('/readyz', gateway.url))).status).toBe(200);
    subgraph.healthy = false;
    try {
      const response = await fetch(new URL('/readyz', gateway.url));
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: 'not_ready' });
      const detailed = await fetch(`${gateway.opsUrl}/readyz`);
      expect(detailed.status).toBe(503);
      expect(await detailed.json()).toMatchObject({
        status: 'not_ready',
        checks: { subgraphs: [{ name: 'echo', ok: false }] },
      });
    } finally {
      subgraph.healthy = true;
    }
  });

  it('counts operations by name and times subgraph fetches, on the ops port only', async () => {
    await post('query SiapaSaya { whoami { username } }', token);
    expect((await fetch(new URL('/metrics', gateway.url))).status).not.toBe(200);
    const text = await (await fetch(`${gateway.opsUrl}/metrics`)).text();
    expect(text).toMatch(/gateway_graphql_requests_total\{operation="SiapaSaya",outcome="ok"\} 1/);
    expect(text).toMatch(/gateway_graphql_request_duration_seconds_count\{operation="SiapaSaya"\} 1/);
    expect(text).toMatch(
      /gateway_subgraph_fetch_duration_seconds_count\{subgraph="echo",outcome="ok"\} [1-9]/,
    );
  });

  it('keeps operation labels bounded: past METRICS_MAX_OPERATIONS names every new one is "other"', async () => {
    for (let i = 0; i < 4; i++) await post(`query Acak${i} { whoami { username } }`, token);
    const text = await (await fetch(`${gateway.opsUrl}/metrics`)).text();
    // The suite's gateway admits 3 names: SiapaSaya (above), Acak0, Acak1.
    expect(text).toContain('operation="Acak1"');
    expect(text).not.toContain('Acak2');
    expect(text).toMatch(/gateway_graphql_requests_total\{operation="other",outcome="ok"\} 2/);
  });
});

describe('a subgraph that refuses the forwarded token', () => {
  it("passes on the subgraph's UNAUTHENTICATED without its URL or HTTP details", async () => {
    // A gateway whose own check lets anything through, so only the subgraph's check refuses.
    const outcome = composeSupergraph([
      { name: 'echo', sdl: echoSubgraphSdl, url: subgraph.url, origin: 'echo' },
    ]);
    if (!outcome.ok) throw new Error(outcome.errors.join('\n'));
    const lenient = await startGateway(loadGatewayConfig({ PORT: '0' }), {
      supergraphSdl: outcome.supergraphSdl,
      logger: createLogger('silent'),
      verifyToken: async () => ({ subject: 's', username: 'u', nip: null, roles: new Set(), regionCode: '' }),
    });
    try {
      const response = await fetch(lenient.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer not-a-jwt' },
        body: JSON.stringify({ query: '{ whoami { username } }' }),
      });
      const body = (await response.json()) as GraphQLBody;
      expect(body.errors?.[0]).toMatchObject({
        message: 'Token akses tidak sah',
        extensions: { code: 'UNAUTHENTICATED', reason: 'invalid_token' },
      });
      expect(JSON.stringify(body)).not.toContain('127.0.0.1');
    } finally {
      await lenient.stop();
    }
  });
});

describe('a browser opening the endpoint', () => {
  const browserAccept = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

  it('is sent to the web workbench (no Apollo landing page, nothing loaded from the internet)', async () => {
    const response = await fetch(gateway.url, { headers: { accept: browserAccept }, redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('http://localhost:5173/workbench');
  });

  it('keeps a query string for the workbench', async () => {
    const response = await fetch(`${gateway.url}?query=%7B__typename%7D`, { headers: { accept: browserAccept }, redirect: 'manual' });
    expect(response.headers.get('location')).toBe('http://localhost:5173/workbench?query=%7B__typename%7D');
  });

  it.each([
    ['curl (*/*)', '*/*'],
    ['a GraphQL client', 'application/graphql-response+json, application/json;q=0.9'],
  ])('leaves %s to the API: 401 without a token', async (_name, accept) => {
    const response = await fetch(`${gateway.url}?query=%7B__typename%7D`, { headers: { accept }, redirect: 'manual' });
    expect(response.status).toBe(401);
  });

  it('keeps CSRF prevention: a GET query with a token but without a preflight header is refused', async () => {
    const response = await fetch(`${gateway.url}?query=%7B__typename%7D`, { headers: { authorization: token } });
    expect(response.status).toBe(400);
    const body = (await response.json()) as GraphQLBody;
    expect(body.errors?.[0]?.extensions?.['code']).toBe('BAD_REQUEST');
    expect(body.errors?.[0]?.message).toContain('CSRF');
  });

  it('answers the same GET query with the preflight header apollo-require-preflight', async () => {
    const response = await fetch(`${gateway.url}?query=%7B__typename%7D`, { headers: { authorization: token, 'apollo-require-preflight': 'true' } });
    expect(response.status).toBe(200);
    expect(((await response.json()) as GraphQLBody).data).toEqual({ __typename: 'Query' });
  });
});

describe('workbench address', () => {
  it('defaults to the local web app and follows WORKBENCH_URL', () => {
    expect(loadGatewayConfig({}).workbenchUrl).toBe('http://localhost:5173/workbench');
    expect(loadGatewayConfig({ WORKBENCH_URL: 'https://kinerja.example.go.id/workbench' }).workbenchUrl).toBe('https://kinerja.example.go.id/workbench');
    expect(() => loadGatewayConfig({ WORKBENCH_URL: 'not a url' })).toThrow('WORKBENCH_URL');
  });
});

describe('configuration of the ops port', () => {
  it('puts it 1000 above PORT unless OPS_PORT says otherwise, and never on PORT', () => {
    expect(loadGatewayConfig({}).opsPort).toBe(5000);
    expect(loadGatewayConfig({ PORT: '0' }).opsPort).toBe(0);
    expect(loadGatewayConfig({ OPS_PORT: '9464' }).opsPort).toBe(9464);
    expect(() => loadGatewayConfig({ PORT: '4000', OPS_PORT: '4000' })).toThrow(
      /^gateway: invalid configuration: OPS_PORT: must differ from PORT/,
    );
  });
});
