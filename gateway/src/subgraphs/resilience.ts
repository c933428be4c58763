// Bounded waits to subgraphs (issue 14): every fetch has a deadline, so a frozen or slow subgraph costs
// the caller at most that long and the answer carries the other subgraphs' data plus an error naming the
// missing part; and a circuit breaker per subgraph (opossum), so a subgraph that keeps failing is not
// called at all until, after a pause, one probe shows it answers again.
//
// The deadline covers the whole exchange (connect, send, response body): the fetch is aborted with an
// AbortSignal, which also frees the socket, instead of racing a timer while the request lingers.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Fetcher, FetcherRequestInit, FetcherResponse } from '@apollo/utils.fetcher';
import { GraphQLError } from 'graphql';
import nodeFetch, { Response } from 'node-fetch';
import CircuitBreaker from 'opossum';
import type { Logger } from 'pino';
import type { GatewayMetrics } from '../observability/metrics.ts';
import { subgraphEnvKey } from '../supergraph/routing.ts';
import type { SubgraphAgents } from './data-source.ts';

export interface SubgraphResilienceSettings {
  /** Deadline of a fetch for a query, unless SUBGRAPH_<NAME>_TIMEOUT_MS sets one for that subgraph. */
  readTimeoutMs: number;
  /** Deadline of a fetch for a mutation: longer, since giving up does not undo a write in progress. */
  writeTimeoutMs: number;
  /** After opening, how long the breaker waits before letting one probe through (half-open). */
  breakerResetMs: number;
  /** Fetches within the rolling window (10 s) before the error rate may open the breaker. */
  breakerVolumeThreshold: number;
  /** Percentage of failed fetches in the window that opens the breaker. */
  breakerErrorPercent: number;
}

/** Codes a client sees when a subgraph's part is missing; the masking lets them through with `subgraph`. */
export const subgraphFailureCodes: ReadonlySet<string> = new Set([
  'SUBGRAPH_TIMEOUT',
  'SUBGRAPH_UNAVAILABLE',
]);

/** How the people reading the error name each domain. */
const subgraphLabels: Readonly<Record<string, string>> = {
  personnel: 'kepegawaian',
  competency: 'kompetensi',
  performance: 'kinerja',
  attendance: 'kehadiran',
  remuneration: 'remunerasi (TPP)',
};
const labelOf = (subgraph: string): string => subgraphLabels[subgraph] ?? subgraph;

export type OperationKind = 'read' | 'write';

/** Set by the data source around each subgraph call, so the fetcher picks the read or the write deadline. */
export const operationKinds = new AsyncLocalStorage<OperationKind>();

const timeoutEnvName = (subgraph: string): string => `SUBGRAPH_${subgraphEnvKey(subgraph)}_TIMEOUT_MS`;

/** The read deadline of one subgraph: its SUBGRAPH_<NAME>_TIMEOUT_MS, else the gateway-wide one. */
export function readTimeoutFor(
  subgraph: string,
  settings: SubgraphResilienceSettings,
  env: Record<string, string | undefined>,
): number {
  const name = timeoutEnvName(subgraph);
  const raw = env[name]?.trim();
  if (!raw) return settings.readTimeoutMs;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 600_000)
    throw new Error(
      `gateway: invalid configuration: ${name}: expected whole milliseconds 1..600000, got "${raw}"`,
    );
  return value;
}

function subgraphTimeout(subgraph: string, timeoutMs: number, kind: OperationKind): GraphQLError {
  const consequence =
    kind === 'write'
      ? 'perubahan mungkin sudah atau belum tersimpan; periksa datanya sebelum mengulang'
      : 'data dari layanan itu tidak ada dalam jawaban ini';
  return new GraphQLError(
    `Layanan ${labelOf(subgraph)} tidak menjawab dalam ${timeoutMs} ms; ${consequence}`,
    {
      extensions: { code: 'SUBGRAPH_TIMEOUT', reason: 'subgraph_timeout', subgraph },
    },
  );
}

function subgraphUnavailable(
  subgraph: string,
  reason: 'subgraph_circuit_open' | 'subgraph_unreachable',
): GraphQLError {
  return new GraphQLError(
    `Layanan ${labelOf(subgraph)} sedang tidak dapat dihubungi; data dari layanan itu tidak ada dalam jawaban ini, coba lagi beberapa saat lagi`,
    { extensions: { code: 'SUBGRAPH_UNAVAILABLE', reason, subgraph } },
  );
}

class SubgraphTimedOut extends Error {
  override name = 'SubgraphTimedOut';
}
/** A 5xx counts against the breaker, but Apollo still gets the response to read its error body. */
class SubgraphServerError extends Error {
  override name = 'SubgraphServerError';
  readonly response: Response;
  constructor(response: Response) {
    super(`subgraph answered HTTP ${response.status}`);
    this.response = response;
  }
}

const breakerStates = { closed: 0, halfOpen: 1, open: 2 } as const;

export interface ResilientSubgraph {
  fetcher: Fetcher;
  breaker: CircuitBreaker<[string, FetcherRequestInit | undefined, number], Response>;
}

export function createResilientSubgraph(options: {
  subgraph: string;
  agents: SubgraphAgents;
  metrics: GatewayMetrics;
  settings: SubgraphResilienceSettings;
  env: Record<string, string | undefined>;
  logger: Logger;
}): ResilientSubgraph {
  const { subgraph, agents, metrics, settings, logger } = options;
  const readTimeoutMs = readTimeoutFor(subgraph, settings, options.env);

  const exchange = async (
    url: string,
    init: FetcherRequestInit | undefined,
    timeoutMs: number,
  ): Promise<Response> => {
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      const response = await nodeFetch(url, {
        ...(init as Parameters<typeof nodeFetch>[1]),
        signal,
        agent: (parsed: URL) => (parsed.protocol === 'https:' ? agents.https : agents.http),
      });
      // Read the body inside the deadline: a subgraph can freeze after sending its headers.
      const body = await response.buffer();
      const complete = new Response(body, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
        url: response.url,
      });
      if (response.status >= 500) throw new SubgraphServerError(complete);
      return complete;
    } catch (error) {
      if (signal.aborted) throw new SubgraphTimedOut(`no answer within ${timeoutMs} ms`, { cause: error });
      throw error;
    }
  };

  const breaker = new CircuitBreaker(exchange, {
    name: subgraph,
    // The deadline is the fetch's own (it aborts the request); opossum only counts and decides.
    timeout: false,
    resetTimeout: settings.breakerResetMs,
    volumeThreshold: settings.breakerVolumeThreshold,
    errorThresholdPercentage: settings.breakerErrorPercent,
    rollingCountTimeout: 10_000,
    rollingCountBuckets: 10,
  });
  const state = metrics.subgraphCircuitState.labels({ subgraph });
  state.set(breakerStates.closed);
  breaker.on('open', () => {
    state.set(breakerStates.open);
    logger.warn({ subgraph, resetMs: settings.breakerResetMs }, 'subgraph circuit opened: failing fast');
  });
  breaker.on('halfOpen', () => {
    state.set(breakerStates.halfOpen);
    logger.info({ subgraph }, 'subgraph circuit half-open: the next call probes');
  });
  breaker.on('close', () => {
    state.set(breakerStates.closed);
    logger.info({ subgraph }, 'subgraph circuit closed');
  });

  const fetcher: Fetcher = async (url, init) => {
    const kind = operationKinds.getStore() ?? 'read';
    const timeoutMs = kind === 'write' ? settings.writeTimeoutMs : readTimeoutMs;
    const stopTimer = metrics.subgraphFetchDuration.startTimer({ subgraph });
    try {
      const response = await breaker.fire(url, init, timeoutMs);
      stopTimer({ outcome: response.ok ? 'ok' : `http_${response.status}` });
      return response as unknown as FetcherResponse;
    } catch (error) {
      if (error instanceof SubgraphServerError) {
        stopTimer({ outcome: `http_${error.response.status}` });
        return error.response as unknown as FetcherResponse;
      }
      if (error instanceof SubgraphTimedOut) {
        stopTimer({ outcome: 'timeout' });
        throw subgraphTimeout(subgraph, timeoutMs, kind);
      }
      if ((error as { code?: unknown }).code === 'EOPENBREAKER') {
        stopTimer({ outcome: 'circuit_open' });
        throw subgraphUnavailable(subgraph, 'subgraph_circuit_open');
      }
      stopTimer({ outcome: 'network_error' });
      logger.warn({ subgraph, err: error }, 'subgraph unreachable');
      throw subgraphUnavailable(subgraph, 'subgraph_unreachable');
    }
  };
  return { fetcher, breaker };
}
