// Bounded waits and the circuit breaker (issue 14): a subgraph that never answers costs the caller at
// most its deadline, the answer keeps the other subgraph's data with an error naming the missing part,
// and after enough failures the gateway stops calling it until one probe shows it answers again.
// frozen-subgraph.integration.test.ts repeats the first part with a real subgraph process frozen by SIGSTOP.
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadGatewayConfig } from '../src/config.ts';
import { createLogger } from '../src/observability/logger.ts';
import { createGatewayMetrics } from '../src/observability/metrics.ts';
import { startGateway, type RunningGateway } from '../src/server/gateway-server.ts';
import { createSubgraphAgents } from '../src/subgraphs/data-source.ts';
import { createResilientSubgraph, readTimeoutFor } from '../src/subgraphs/resilience.ts';
import { composeSupergraph } from '../src/supergraph/composition.ts';
import { echoSubgraphSdl, startEchoSubgraph, type EchoSubgraph } from './support/echo-subgraph.ts';
import { startLocalIssuer, type LocalIssuer } from './support/local-issuer.ts';
import {
  startStallingSubgraph,
  stallingSubgraphSdl,
  type StallingSubgraph,
} from './support/stalling-subgraph.ts';

interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; path?: unknown[]; extensions?: Record<string, unknown> }[];
}

/** Slack for a loaded 2-core machine on top of a deadline; the only time the tests look at. */
const MARGIN_MS = 5000;

let issuer: LocalIssuer;
let echo: EchoSubgraph;
let token: string;
const stopAfterAll: (() => Promise<void>)[] = [];

beforeAll(async () => {
  issuer = await startLocalIssuer();
  echo = await startEchoSubgraph(issuer);
  token = `Bearer ${await issuer.sign()}`;
});

afterAll(async () => {
  for (const stop of stopAfterAll.reverse()) await stop();
  await echo?.close();
  await issuer?.close();
});

async function startWith(
  env: Record<string, string>,
): Promise<{ gateway: RunningGateway; frozen: StallingSubgraph }> {
  const frozen = await startStallingSubgraph();
  const outcome = composeSupergraph([
    { name: 'echo', sdl: echoSubgraphSdl, url: 'http://composed.invalid/graphql', origin: 'echo' },
    { name: 'frozen', sdl: stallingSubgraphSdl, url: 'http://composed.invalid/graphql', origin: 'frozen' },
  ]);
  if (!outcome.ok) throw new Error(outcome.errors.join('\n'));
  const config = loadGatewayConfig({
    PORT: '0',
    SUBGRAPH_ECHO_URL: echo.url,
    SUBGRAPH_FROZEN_URL: frozen.url,
    ...env,
  });
  const gateway = await startGateway(
    { ...config, authIssuer: issuer.issuer, jwksUrl: issuer.jwksUrl, authAudience: issuer.audience },
    { supergraphSdl: outcome.supergraphSdl, logger: createLogger('silent') },
  );
  stopAfterAll.push(
    () => gateway.stop(),
    () => frozen.close(),
  );
  return { gateway, frozen };
}

async function post(gateway: RunningGateway, query: string) {
  const started = performance.now();
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: token, 'x-request-id': 'uji-beku' },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as GraphQLBody;
  return { status: response.status, body, elapsedMs: performance.now() - started };
}

describe('a subgraph that never answers', () => {
  let gateway: RunningGateway;
  let frozen: StallingSubgraph;

  beforeAll(async () => {
    // A long gateway-wide read deadline and a short one for `frozen` alone: the answer can only come
    // in time if the per-subgraph override is applied. The breaker stays shut here (high volume threshold).
    ({ gateway, frozen } = await startWith({
      GATEWAY_SUBGRAPH_TIMEOUT_MS: '120000',
      SUBGRAPH_FROZEN_TIMEOUT_MS: '400',
      GATEWAY_SUBGRAPH_WRITE_TIMEOUT_MS: '700',
      GATEWAY_BREAKER_VOLUME: '1000',
    }));
  });

  it("answers within its read deadline with the other subgraph's data and an error naming the missing part", async () => {
    const { status, body, elapsedMs } = await post(
      gateway,
      'query Dasbor { whoami { username regionCode } stalled }',
    );
    expect(elapsedMs).toBeLessThan(400 + MARGIN_MS);
    expect(status).toBe(200);
    expect(body.data).toEqual({ whoami: { username: 'uji.analis', regionCode: '32' }, stalled: null });
    expect(body.errors).toEqual([
      {
        message:
          'Layanan frozen tidak menjawab dalam 400 ms; data dari layanan itu tidak ada dalam jawaban ini',
        extensions: {
          code: 'SUBGRAPH_TIMEOUT',
          reason: 'subgraph_timeout',
          subgraph: 'frozen',
          requestId: 'uji-beku',
        },
      },
    ]);
    expect(JSON.stringify(body)).not.toContain('127.0.0.1');
  });

  it('gives a mutation the longer write deadline and says the change may or may not have been made', async () => {
    const { body, elapsedMs } = await post(gateway, 'mutation Simpan { stall }');
    expect(elapsedMs).toBeLessThan(700 + MARGIN_MS);
    expect(body.errors?.[0]?.message).toBe(
      'Layanan frozen tidak menjawab dalam 700 ms; perubahan mungkin sudah atau belum tersimpan; periksa datanya sebelum mengulang',
    );
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'SUBGRAPH_TIMEOUT', subgraph: 'frozen' });
  });

  it('answers normally once the subgraph answers again, and counts timeouts in /metrics', async () => {
    frozen.answering = true;
    try {
      const { body } = await post(gateway, '{ whoami { username } stalled }');
      expect(body).toEqual({ data: { whoami: { username: 'uji.analis' }, stalled: 'jawaban' } });
    } finally {
      frozen.answering = false;
    }
    const metrics = await (await fetch(`${gateway.opsUrl}/metrics`)).text();
    expect(metrics).toMatch(
      /gateway_subgraph_fetch_duration_seconds_count\{subgraph="frozen",outcome="timeout"\} 2/,
    );
    expect(metrics).toMatch(/gateway_subgraph_circuit_state\{subgraph="frozen"\} 0/);
  });
});

describe('the circuit breaker', () => {
  it('stops calling a subgraph that keeps timing out and fails fast with SUBGRAPH_UNAVAILABLE', async () => {
    const { gateway, frozen } = await startWith({
      GATEWAY_SUBGRAPH_TIMEOUT_MS: '300',
      GATEWAY_BREAKER_VOLUME: '2',
      GATEWAY_BREAKER_RESET_MS: '600000',
    });
    for (let i = 0; i < 2; i++) {
      const { body } = await post(gateway, '{ stalled }');
      expect(body.errors?.[0]?.extensions?.['code']).toBe('SUBGRAPH_TIMEOUT');
    }
    expect(frozen.requests).toBe(2);

    const { body } = await post(gateway, 'query Dasbor { whoami { username } stalled }');
    expect(body.data).toEqual({ whoami: { username: 'uji.analis' }, stalled: null });
    expect(body.errors).toEqual([
      {
        message: expect.stringMatching(/^Layanan frozen sedang tidak dapat dihubungi/),
        extensions: {
          code: 'SUBGRAPH_UNAVAILABLE',
          reason: 'subgraph_circuit_open',
          subgraph: 'frozen',
          requestId: 'uji-beku',
        },
      },
    ]);
    // The open breaker answered for it: the subgraph got no third request.
    expect(frozen.requests).toBe(2);
    const metrics = await (await fetch(`${gateway.opsUrl}/metrics`)).text();
    expect(metrics).toMatch(/gateway_subgraph_circuit_state\{subgraph="frozen"\} 2/);
    expect(metrics).toMatch(/gateway_subgraph_circuit_state\{subgraph="echo"\} 0/);
  });

  it('after its pause lets exactly one probe through: a failed probe opens it again, an answered one closes it', async () => {
    const frozen = await startStallingSubgraph();
    const agents = createSubgraphAgents();
    const { fetcher, breaker } = createResilientSubgraph({
      subgraph: 'frozen',
      agents,
      metrics: createGatewayMetrics(),
      settings: {
        readTimeoutMs: 300,
        writeTimeoutMs: 300,
        breakerResetMs: 200,
        breakerVolumeThreshold: 1,
        breakerErrorPercent: 50,
      },
      env: {},
      logger: createLogger('silent'),
    });
    const call = () =>
      fetcher(frozen.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"query":"{stalled}"}',
      });
    try {
      await expect(call()).rejects.toMatchObject({ extensions: { code: 'SUBGRAPH_TIMEOUT' } });
      expect(breaker.opened).toBe(true);

      await once(breaker, 'halfOpen');
      // Half-open: the probe goes out, a second call meanwhile is refused without reaching the subgraph.
      const probe = call();
      await expect(call()).rejects.toMatchObject({ extensions: { reason: 'subgraph_circuit_open' } });
      await expect(probe).rejects.toMatchObject({ extensions: { code: 'SUBGRAPH_TIMEOUT' } });
      expect(frozen.requests).toBe(2);
      expect(breaker.opened).toBe(true);

      await once(breaker, 'halfOpen');
      frozen.answering = true;
      const response = await call();
      expect(await response.json()).toEqual({ data: { stalled: 'jawaban', stall: 'jawaban' } });
      expect(breaker.closed).toBe(true);
      expect(frozen.requests).toBe(3);
    } finally {
      breaker.shutdown();
      agents.destroy();
      await frozen.close();
    }
  });

  it('reports a subgraph nobody listens on as unreachable, without its URL', async () => {
    const { gateway, frozen } = await startWith({ GATEWAY_BREAKER_VOLUME: '1000' });
    await frozen.close();
    const { body } = await post(gateway, '{ whoami { username } stalled }');
    expect(body.data).toEqual({ whoami: { username: 'uji.analis' }, stalled: null });
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: 'SUBGRAPH_UNAVAILABLE',
      reason: 'subgraph_unreachable',
      subgraph: 'frozen',
    });
    expect(JSON.stringify(body)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED/);
  });
});

describe('per-subgraph deadlines from the environment', () => {
  const settings = {
    readTimeoutMs: 5000,
    writeTimeoutMs: 30000,
    breakerResetMs: 10000,
    breakerVolumeThreshold: 10,
    breakerErrorPercent: 50,
  };

  it.each([
    [{}, 5000],
    [{ SUBGRAPH_COMPETENCY_TIMEOUT_MS: '1500' }, 1500],
    [{ SUBGRAPH_PERSONNEL_TIMEOUT_MS: '1500' }, 5000],
  ])('reads %j as %i ms for competency', (env, expected) => {
    expect(readTimeoutFor('competency', settings, env)).toBe(expected);
  });

  it.each(['0', '-5', '1.5', 'dua detik', '600001'])(
    'refuses SUBGRAPH_COMPETENCY_TIMEOUT_MS=%s at start',
    (value) => {
      expect(() => readTimeoutFor('competency', settings, { SUBGRAPH_COMPETENCY_TIMEOUT_MS: value })).toThrow(
        /SUBGRAPH_COMPETENCY_TIMEOUT_MS: expected whole milliseconds/,
      );
    },
  );

  it('refuses a gateway-wide deadline that is not whole milliseconds', () => {
    expect(() => loadGatewayConfig({ GATEWAY_SUBGRAPH_TIMEOUT_MS: 'lama' })).toThrow(
      /GATEWAY_SUBGRAPH_TIMEOUT_MS/,
    );
  });
});
