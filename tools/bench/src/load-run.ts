// One autocannon run of one GraphQL request, with latencies recorded per response so p95 can be
// reported (autocannon's own summary has p90 and p97.5 but no p95).
import autocannon from 'autocannon';
import { summariseLatencies } from './latency.ts';
import type { LoadRun } from './report.ts';

export interface LoadRunOptions {
  target: string;
  url: string;
  token: string;
  query: string;
  variables?: Record<string, unknown>;
  connections: number;
  durationSeconds: number;
}

/** An answer with GraphQL `errors` is an error even with HTTP 200. */
export function graphqlAnswerOk(body: string): boolean {
  try {
    const parsed = JSON.parse(body) as { errors?: unknown[]; data?: unknown };
    return !parsed.errors?.length && parsed.data !== undefined && parsed.data !== null;
  } catch {
    return false;
  }
}

/** One run's counts with every latency kept, so runs can be merged before percentiles are taken. */
export interface RawLoad {
  target: string;
  url: string;
  requests: number;
  seconds: number;
  latencies: number[];
  errors: number;
  bytes: number;
}

export function summariseLoad(raw: RawLoad): LoadRun {
  return {
    target: raw.target,
    url: raw.url,
    requests: raw.requests,
    seconds: raw.seconds,
    throughput: Math.round((raw.requests / Math.max(raw.seconds, 0.001)) * 10) / 10,
    latency: summariseLatencies(raw.latencies),
    errors: raw.errors,
    responseBytes: raw.latencies.length ? raw.bytes / raw.latencies.length : 0,
  };
}

/** Several runs against one target as one: requests and seconds add up, percentiles over all responses. */
export function mergeLoads(runs: readonly RawLoad[]): LoadRun {
  const first = runs[0];
  if (!first) throw new Error('mergeLoads needs at least one run');
  return summariseLoad({
    target: first.target,
    url: first.url,
    requests: runs.reduce((sum, run) => sum + run.requests, 0),
    seconds: runs.reduce((sum, run) => sum + run.seconds, 0),
    latencies: runs.flatMap((run) => run.latencies),
    errors: runs.reduce((sum, run) => sum + run.errors, 0),
    bytes: runs.reduce((sum, run) => sum + run.bytes, 0),
  });
}

export async function runLoad(options: LoadRunOptions): Promise<LoadRun> {
  return summariseLoad(await runLoadRaw(options));
}

export async function runLoadRaw(options: LoadRunOptions): Promise<RawLoad> {
  const timed = await autocannonRun(options, { duration: options.durationSeconds });
  if (timed.requests > 0) return timed;
  // On a loaded machine a short window can close before the first answer arrives (the live test's 1 s
  // windows at load 14 did): such a run has no throughput at all. Measure it by count instead, one
  // request per connection, so every run reports what it served and how long that took.
  return autocannonRun(options, { amount: options.connections });
}

async function autocannonRun(
  options: LoadRunOptions,
  length: { duration: number } | { amount: number },
): Promise<RawLoad> {
  const latencies: number[] = [];
  let bytes = 0;
  const instance = autocannon({
    url: options.url,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${options.token}` },
    body: JSON.stringify({ query: options.query, variables: options.variables }),
    connections: options.connections,
    ...length,
    timeout: 30,
    verifyBody: graphqlAnswerOk,
  });
  instance.on('response', (_client, statusCode, resBytes, responseTime) => {
    if (statusCode >= 200 && statusCode < 300) {
      latencies.push(responseTime);
      bytes += resBytes;
    }
  });
  const result = await instance;
  return {
    target: options.target,
    url: options.url,
    requests: result.requests.total,
    seconds: result.duration,
    latencies,
    errors: result.errors + result.timeouts + result.non2xx + result.mismatches,
    bytes,
  };
}
