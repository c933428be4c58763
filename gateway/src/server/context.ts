import type { Viewer } from '@kinerja/kit/auth';
import type { Logger } from 'pino';

/** What every gateway request carries through Apollo Server into the subgraph data sources. */
export interface GatewayContext {
  requestId: string;
  /** The caller's verified `Authorization` header, forwarded unchanged so each subgraph verifies it again. */
  authorization: string;
  viewer: Viewer;
  /** The caller's address (express `req.ip`), forwarded to subgraphs as CLIENT_IP_HEADER for public rate limits. */
  clientIp: string;
  log: Logger;
}
