import type { RequestContext } from '@kinerja/kit/server';

export interface PerformanceContext extends RequestContext {
  /** The web app's base URL, where a public feedback code's QR link points (PUBLIC_WEB_URL). */
  publicWebUrl: string;
}
