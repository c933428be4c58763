// Our gateway in this process over the subgraphs a scenario started, composed from their schemas as the
// build does (the bench's live run and the gateway's own tests start it the same way).
import { fileURLToPath } from 'node:url';
import { loadGatewayConfig } from '../../../gateway/src/config.ts';
import { createLogger } from '../../../gateway/src/observability/logger.ts';
import { startGateway, type RunningGateway } from '../../../gateway/src/server/gateway-server.ts';
import { composeSupergraph, readSubgraphSources } from '../../../gateway/src/supergraph/composition.ts';

const servicesDir = fileURLToPath(new URL('../../../services', import.meta.url));

export async function gatewayOver(subgraphs: Record<string, string>, env: Record<string, string | undefined> = {}): Promise<RunningGateway> {
  const outcome = composeSupergraph(readSubgraphSources(servicesDir).filter((source) => source.name in subgraphs));
  if (!outcome.ok) throw new Error(outcome.errors.join('\n'));
  const urls = Object.fromEntries(Object.entries(subgraphs).map(([name, url]) => [`SUBGRAPH_${name.toUpperCase()}_URL`, url]));
  const config = loadGatewayConfig({
    PORT: '0',
    OPS_PORT: '0',
    KEYCLOAK_URL: process.env['KEYCLOAK_URL'],
    KEYCLOAK_REALM: process.env['KEYCLOAK_REALM'],
    ...urls,
    ...env,
  });
  return startGateway(config, { supergraphSdl: outcome.supergraphSdl, logger: createLogger('silent') });
}
