// A personnel subgraph on a fresh database per suite, verified against the real Keycloak realm `asn`.
import { startTestSubgraph, type TestSubgraph } from '@kinerja/kit/testing';
import { startPersonnelSubgraph } from '../../src/app.ts';
import { entities } from '../../src/entities/index.ts';
import { migrations } from '../../src/migrations/index.ts';

export type Harness = TestSubgraph;

export function startHarness(prefix: string): Promise<Harness> {
  return startTestSubgraph({
    serviceName: 'personnel',
    prefix,
    entities,
    migrations,
    start: async ({ config, orm, logger }) => ({
      server: await startPersonnelSubgraph({ config, orm, logger, handleSignals: false }),
      extra: {},
    }),
  });
}
