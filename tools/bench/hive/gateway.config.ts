// Hive Gateway as the bench runs it beside ours (issue 13): the same supergraph file, the caller's
// Authorization header passed to every subgraph (they verify the Keycloak token themselves, as behind
// our gateway), nothing else switched on, so the comparison is gateway against gateway.
import { defineConfig } from '@graphql-hive/gateway';

export const gatewayConfig = defineConfig({
  propagateHeaders: {
    fromClientToSubgraphs: ({ request }) => ({ authorization: request.headers.get('authorization') ?? '' }),
  },
  landingPage: false,
  graphiql: false,
  logging: 'error',
});
