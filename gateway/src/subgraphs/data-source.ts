// How the gateway talks to a subgraph: the caller's token and request id travel with every fetch (each
// subgraph verifies the token again), connections are kept alive, and every fetch is bounded and timed
// (resilience.ts).
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { FetcherResponse } from '@apollo/utils.fetcher';
import { GraphQLError } from 'graphql';
import { CLIENT_IP_HEADER } from '@kinerja/kit/anonymous';
import type { GatewayContext } from '../server/context.ts';
import { operationKinds } from './resilience.ts';

export interface SubgraphAgents {
  http: HttpAgent;
  https: HttpsAgent;
  destroy(): void;
}

/** One pool of kept-alive sockets per gateway process, shared by all subgraphs. */
export function createSubgraphAgents(): SubgraphAgents {
  const options = {
    keepAlive: true,
    keepAliveMsecs: 1000,
    maxSockets: 256,
    maxFreeSockets: 64,
    timeout: 30_000,
  };
  const http = new HttpAgent(options);
  const https = new HttpsAgent(options);
  return {
    http,
    https,
    destroy() {
      http.destroy();
      https.destroy();
    },
  };
}

interface SubgraphErrorBody {
  errors?: { message?: unknown; extensions?: { code?: unknown; reason?: unknown } }[];
}

export class AuthForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  /** A mutation's fetches get the write deadline, everything else the (shorter) read deadline. */
  override process(options: GraphQLDataSourceProcessOptions<GatewayContext>) {
    // Only incoming operations carry the caller's request (health checks and schema loads do not).
    const isWrite =
      'incomingRequestContext' in options &&
      options.incomingRequestContext.operation?.operation === 'mutation';
    return operationKinds.run(isWrite ? 'write' : 'read', () => super.process(options));
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    // Context is empty for the gateway's own requests (there are none with a static supergraph).
    if (!context.requestId) return;
    // An allow-listed anonymous operation has no token to forward; the subgraph checks the list again.
    if (context.authorization) request.http?.headers.set('authorization', context.authorization);
    request.http?.headers.set('x-request-id', context.requestId);
    // Set by the gateway only, replacing anything a caller sent (subgraphs are never published).
    request.http?.headers.set(CLIENT_IP_HEADER, context.clientIp);
  }

  /**
   * A subgraph that refuses the call at HTTP level (401/403) answers with a GraphQL error body; keep its
   * code, message and reason instead of Apollo's generic "401: Unauthorized" carrying the subgraph URL.
   */
  override async errorFromResponse(response: FetcherResponse): Promise<GraphQLError> {
    const body = (await this.parseBody(response)) as SubgraphErrorBody | string;
    const first = typeof body === 'object' ? body.errors?.[0] : undefined;
    const code = first?.extensions?.code;
    if (typeof first?.message === 'string' && typeof code === 'string') {
      const reason = first.extensions?.reason;
      return new GraphQLError(first.message, {
        extensions: typeof reason === 'string' ? { code, reason } : { code },
      });
    }
    if (response.status === 401) {
      return new GraphQLError('Token akses ditolak oleh layanan', {
        extensions: { code: 'UNAUTHENTICATED', reason: 'invalid_token' },
      });
    }
    if (response.status === 403) {
      return new GraphQLError('Akses ditolak oleh layanan', {
        extensions: { code: 'FORBIDDEN', reason: 'forbidden' },
      });
    }
    return new GraphQLError(`subgraph answered HTTP ${response.status}`, {
      extensions: { code: 'SUBGRAPH_HTTP_ERROR', status: response.status },
    });
  }
}
