// Where the gateway reaches each subgraph. The supergraph carries each subgraph's local default URL
// (http://localhost:<port>/graphql, the port its package.json declares: composition.ts); a deployment
// overrides one with SUBGRAPH_<NAME>_URL without recomposing the supergraph.

/** `personnel` -> `PERSONNEL`: the <NAME> in the gateway's per-subgraph variables. */
export const subgraphEnvKey = (subgraphName: string): string =>
  subgraphName.toUpperCase().replace(/[^A-Z0-9]/g, '_');

export const routingUrlEnvName = (subgraphName: string): string =>
  `SUBGRAPH_${subgraphEnvKey(subgraphName)}_URL`;

/** The local default a subgraph is composed with: `http://localhost:<port>/graphql`. */
export const localRoutingUrl = (port: number): string => `http://localhost:${port}/graphql`;

/** The URL the gateway calls for `subgraphName`: the env override, else the URL composed into the supergraph. */
export function resolveRoutingUrl(
  subgraphName: string,
  composedUrl: string | undefined,
  env: Record<string, string | undefined> = process.env,
): string {
  const override = env[routingUrlEnvName(subgraphName)]?.trim();
  const url = override || composedUrl;
  if (!url)
    throw new Error(`subgraph ${subgraphName} has no routing URL; set ${routingUrlEnvName(subgraphName)}`);
  return url;
}
