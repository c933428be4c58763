// Prometheus metrics for /metrics. A registry per gateway instance (not prom-client's global one) so
// tests can run several gateways in one process.
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

export interface GatewayMetrics {
  registry: Registry;
  requests: Counter<'operation' | 'outcome'>;
  requestDuration: Histogram<'operation'>;
  subgraphFetchDuration: Histogram<'subgraph' | 'outcome'>;
}

export function createGatewayMetrics(): GatewayMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    requests: new Counter({
      name: 'gateway_graphql_requests_total',
      help: 'GraphQL operations by operation name and outcome (ok, error)',
      labelNames: ['operation', 'outcome'],
      registers: [registry],
    }),
    requestDuration: new Histogram({
      name: 'gateway_graphql_request_duration_seconds',
      help: 'Time from receiving a GraphQL operation to sending its response',
      labelNames: ['operation'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    subgraphFetchDuration: new Histogram({
      name: 'gateway_subgraph_fetch_duration_seconds',
      help: 'Time of one HTTP fetch from the gateway to a subgraph',
      labelNames: ['subgraph', 'outcome'],
      buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
  };
}

/**
 * Operation names are chosen by clients; keep only plausible identifiers of bounded length so a caller
 * cannot blow up the number of time series.
 */
export function operationLabel(operationName: string | null | undefined): string {
  if (!operationName) return 'anonymous';
  return /^[_A-Za-z][_0-9A-Za-z]{0,63}$/.test(operationName) ? operationName : 'invalid';
}
