// Prometheus metrics for /metrics. A registry per gateway instance (not prom-client's global one) so
// tests can run several gateways in one process.
// Operation labels are bounded by the kit's createOperationLabeler (METRICS_OPERATIONS, METRICS_MAX_OPERATIONS).
import { createOperationLabeler } from '@kinerja/kit/ops';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export interface GatewayMetrics {
  registry: Registry;
  /** Operation name -> label: known names, or the first N distinct, else "other". */
  operationLabel: (operationName: string | null | undefined) => string;
  requests: Counter<'operation' | 'outcome'>;
  requestDuration: Histogram<'operation'>;
  subgraphFetchDuration: Histogram<'subgraph' | 'outcome'>;
  subgraphCircuitState: Gauge<'subgraph'>;
}

export function createGatewayMetrics(
  labels: { known?: readonly string[]; maxDistinct?: number } = {},
): GatewayMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    operationLabel: createOperationLabeler(labels),
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
    subgraphCircuitState: new Gauge({
      name: 'gateway_subgraph_circuit_state',
      help: 'Circuit breaker per subgraph: 0 closed (calls pass), 1 half-open (one probe), 2 open (failing fast)',
      labelNames: ['subgraph'],
      registers: [registry],
    }),
  };
}
