import { Client, cacheExchange, fetchExchange } from '@urql/core';

export const graphqlUrl: string = import.meta.env.VITE_GRAPHQL_URL ?? 'http://localhost:4000/graphql';

/**
 * Every operation is a POST with a JSON body (web/README.md "Requests to the gateway"). urql would send
 * queries as GET, which the gateway's CSRF prevention refuses without a preflight header; GET gains
 * nothing here because every response depends on the caller's bearer token and no shared cache may keep it.
 */
export const clientFetchOptions = { preferGetMethod: false } as const;

/**
 * The public satisfaction page's client: no token at all (the gateway admits only its allow-listed
 * anonymous operations without one), and no cache (every answer is for this one visit).
 */
export function createAnonymousGraphqlClient(): Client {
  return new Client({ url: graphqlUrl, exchanges: [fetchExchange], requestPolicy: 'network-only', ...clientFetchOptions });
}

/** Every request waits for a fresh token and carries it as a Bearer token. */
export function createGraphqlClient(accessToken: () => Promise<string>): Client {
  return new Client({
    url: graphqlUrl,
    exchanges: [cacheExchange, fetchExchange],
    requestPolicy: 'cache-and-network',
    ...clientFetchOptions,
    fetch: async (input, init) => {
      const headers = new Headers(init?.headers);
      headers.set('authorization', `Bearer ${await accessToken()}`);
      return fetch(input, { ...init, headers });
    },
  });
}
