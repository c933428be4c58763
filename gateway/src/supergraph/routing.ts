// Where the gateway reaches each subgraph. The table holds the local defaults from docs/conventions.md
// ("Ports"); a deployment overrides one with SUBGRAPH_<NAME>_URL without recomposing the supergraph.

export const defaultRoutingUrls: Readonly<Record<string, string>> = {
  personnel: 'http://localhost:4001/graphql',
  competency: 'http://localhost:4002/graphql',
  performance: 'http://localhost:4003/graphql',
  attendance: 'http://localhost:4004/graphql',
  remuneration: 'http://localhost:4005/graphql',
};

export const routingUrlEnvName = (subgraphName: string): string =>
  `SUBGRAPH_${subgraphName.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_URL`;

/** The URL the gateway calls for `subgraphName`: the env override, else the URL composed into the supergraph. */
export function resolveRoutingUrl(
  subgraphName: string,
  composedUrl: string | undefined,
  env: Record<string, string | undefined> = process.env,
): string {
  const override = env[routingUrlEnvName(subgraphName)]?.trim();
  const url = override || composedUrl || defaultRoutingUrls[subgraphName];
  if (!url)
    throw new Error(`subgraph ${subgraphName} has no routing URL; set ${routingUrlEnvName(subgraphName)}`);
  return url;
}
