// The gateway refuses a request before Apollo parses, validates or plans it (DESIGN.md "Identity and
// scoping"): an anonymous caller learns nothing about the schema and cannot spend planning time.
import { anonymousViewer, isAnonymousOperation } from '@kinerja/kit/anonymous';
import type { Viewer, TokenVerifier } from '@kinerja/kit/auth';
import { errorCode } from '@kinerja/kit/errors';
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import type { Logger } from 'pino';

export interface AuthenticatedLocals {
  viewer: Viewer;
  /** Empty for an allow-listed anonymous operation (anonymous-operations.ts). */
  authorization: string;
}

/**
 * Parses a small JSON body of a POST without an Authorization header (only those can be anonymous), so the
 * token check can see which operation it is; every other request reaches the token check unparsed.
 */
export function parseAnonymousCandidate(anonymousFields: ReadonlySet<string>): RequestHandler {
  const parseSmall = express.json({ limit: '8kb' });
  return (req, res, next) => (anonymousFields.size > 0 && req.method === 'POST' && !req.headers.authorization ? parseSmall(req, res, next) : next());
}

function sendError(res: Response, status: number, message: string, code: string, reason: string): void {
  res
    .status(status)
    .type('application/json')
    .json({ errors: [{ message, extensions: { code, reason } }] });
}

/** Express middleware: a verified token puts the viewer into res.locals; anything else ends the request. */
export function requireBearerToken(verifyToken: TokenVerifier, log: Logger, anonymousFields: ReadonlySet<string> = new Set()): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    const authorization = req.headers.authorization;
    if (!authorization && isAnonymousOperation(req.body, anonymousFields)) {
      const locals: AuthenticatedLocals = { viewer: anonymousViewer, authorization: '' };
      Object.assign(res.locals, locals);
      next();
      return;
    }
    let viewer: Viewer;
    try {
      viewer = await verifyToken(authorization);
    } catch (error) {
      if (errorCode(error) === 'UNAUTHENTICATED') {
        const { message, extensions } = error as { message: string; extensions: Record<string, unknown> };
        res.setHeader('WWW-Authenticate', 'Bearer realm="asn"');
        sendError(res, 401, message, 'UNAUTHENTICATED', String(extensions['reason'] ?? 'invalid_token'));
        return;
      }
      // Keycloak's JWKS unreachable is our outage, not the caller's fault: say so instead of 401.
      (req.log ?? log).error({ err: error }, 'token verification failed');
      sendError(
        res,
        503,
        'Layanan autentikasi sedang tidak dapat dihubungi; coba lagi sebentar lagi',
        'SERVICE_UNAVAILABLE',
        'auth_unavailable',
      );
      return;
    }
    const locals: AuthenticatedLocals = { viewer, authorization: authorization ?? '' };
    Object.assign(res.locals, locals);
    next();
  };
}
