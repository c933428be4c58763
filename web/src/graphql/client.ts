import { Client, cacheExchange, fetchExchange } from '@urql/core';

export const graphqlUrl: string = import.meta.env.VITE_GRAPHQL_URL ?? 'http://localhost:4000/graphql';

/** Every request waits for a fresh token and carries it as a Bearer token. */
export function createGraphqlClient(accessToken: () => Promise<string>): Client {
  return new Client({
    url: graphqlUrl,
    exchanges: [cacheExchange, fetchExchange],
    requestPolicy: 'cache-and-network',
    fetch: async (input, init) => {
      const headers = new Headers(init?.headers);
      headers.set('authorization', `Bearer ${await accessToken()}`);
      return fetch(input, { ...init, headers });
    },
  });
}
