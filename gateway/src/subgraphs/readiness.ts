// The gateway is ready when it has loaded the supergraph and every subgraph's /healthz answers: a
// load balancer should not send traffic that can only fail.

export interface SubgraphHealth {
  name: string;
  url: string;
  ok: boolean;
  detail?: string;
}

/** `http://host:4001/graphql` -> `http://host:4001/healthz` */
export function healthUrlFor(routingUrl: string): string {
  return new URL('/healthz', routingUrl).toString();
}

export async function checkSubgraphs(
  endpoints: ReadonlyMap<string, string>,
  timeoutMs = 2000,
): Promise<SubgraphHealth[]> {
  return Promise.all(
    [...endpoints].map(async ([name, url]): Promise<SubgraphHealth> => {
      try {
        const response = await fetch(healthUrlFor(url), { signal: AbortSignal.timeout(timeoutMs) });
        await response.body?.cancel();
        return response.ok
          ? { name, url, ok: true }
          : { name, url, ok: false, detail: `HTTP ${response.status}` };
      } catch (error) {
        return { name, url, ok: false, detail: (error as Error).message };
      }
    }),
  );
}
