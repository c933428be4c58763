import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pino, type Logger } from 'pino';
import { pinoHttp } from 'pino-http';

export function createLogger(level: string): Logger {
  return pino({ name: 'gateway', level });
}

/** A caller's x-request-id is reused when it looks like an id, so one id follows a request end to end. */
const acceptableRequestId = /^[\w.:-]{1,128}$/;

export function requestIdFor(req: IncomingMessage): string {
  const incoming = req.headers['x-request-id'];
  return typeof incoming === 'string' && acceptableRequestId.test(incoming) ? incoming : randomUUID();
}

const probePaths: ReadonlySet<string> = new Set(['/healthz', '/readyz', '/metrics']);

/** pino-http: one log line per request with its id, and the id echoed in the response header. */
export function requestLogging(logger: Logger) {
  return pinoHttp({
    logger,
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      const id = requestIdFor(req);
      res.setHeader('x-request-id', id);
      return id;
    },
    customProps: (req) => ({ requestId: req.id }),
    // Tokens never reach the logs.
    redact: ['req.headers.authorization', 'req.headers.cookie'],
    // Probes and scrapes come every few seconds; their outcome is visible in /readyz and /metrics.
    autoLogging: { ignore: (req) => probePaths.has(req.url ?? '') },
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
  });
}
