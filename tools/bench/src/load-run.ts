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

export async function runLoad(options: LoadRunOptions): Promise<LoadRun> {
  const latencies: number[] = [];
  let bytes = 0;
  const instance = autocannon({
    url: options.url,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${options.token}` },
    body: JSON.stringify({ query: options.query, variables: options.variables }),
    connections: options.connections,
    duration: options.durationSeconds,
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
    throughput: Math.round((result.requests.total / Math.max(result.duration, 0.001)) * 10) / 10,
    latency: summariseLatencies(latencies),
    errors: result.errors + result.timeouts + result.non2xx + result.mismatches,
    responseBytes: latencies.length ? bytes / latencies.length : 0,
  };
}
