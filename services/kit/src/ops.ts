// The operations side of every subgraph and the gateway (issue 14): `/metrics` and the detailed
// readiness live on a separate internal port (OPS_PORT, docs/conventions.md "Ports") that is never
// published to users, while the public port's `/readyz` says only ready or not, since its details name
// internal hosts and database errors. Operation names become metric labels only in bounded number.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import { z } from 'zod';

/** The ops port of a service on `port`: 1000 above it (4001 -> 5001), or kernel-chosen when `port` is 0. */
export function defaultOpsPort(port: number): number {
  return port === 0 ? 0 : port + 1000;
}

/** The variables of this module, for the configuration of the services (kit config) and the gateway. */
export const opsShape = {
  OPS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  METRICS_OPERATIONS: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((name) => name.trim())
        .filter((name) => name !== ''),
    ),
  METRICS_MAX_OPERATIONS: z.coerce.number().int().min(1).max(10_000).default(100),
};

/** OPS_PORT, else PORT + 1000; throws `OPS_PORT: …` when it would share the public port. */
export function resolveOpsPort(port: number, opsPort: number | undefined): number {
  const resolved = opsPort ?? defaultOpsPort(port);
  if (resolved !== 0 && resolved === port) throw new Error(`OPS_PORT: must differ from PORT (${port})`);
  return resolved;
}

export interface Readiness {
  ready: boolean;
  /** What each dependency said; served only on the ops port. */
  checks: Record<string, unknown>;
}

/** The public answer: ready or not, nothing about what is behind. */
export function publicReadiness(readiness: Readiness): { status: 'ready' | 'not_ready' } {
  return { status: readiness.ready ? 'ready' : 'not_ready' };
}

export interface OpsServerOptions {
  port: number;
  registry: Registry;
  checkReadiness: () => Promise<Readiness>;
  logger: Logger;
}

export interface RunningOpsServer {
  port: number;
  /** http://localhost:<port>, the base of /metrics, /readyz and /healthz. */
  url: string;
  close(): Promise<void>;
}

export async function startOpsServer({ port, registry, checkReadiness, logger }: OpsServerOptions): Promise<RunningOpsServer> {
  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const readiness = await checkReadiness();
    res.status(readiness.ready ? 200 : 503).json({ ...publicReadiness(readiness), checks: readiness.checks });
  });
  app.get('/metrics', async (_req, res) => {
    res.type(registry.contentType).send(await registry.metrics());
  });
  app.use((_req, res) => {
    res.status(404).json({ status: 'not_found' });
  });
  const server: Server = createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(new Error(`ops port ${port} (OPS_PORT) cannot be opened: ${error.code ?? error.message}`, { cause: error })),
    );
    server.listen(port, () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  logger.info({ opsPort: actual }, 'operations endpoints listening (/metrics, /readyz, /healthz)');
  return {
    port: actual,
    url: `http://localhost:${actual}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface OperationLabelOptions {
  /** Operation names counted under their own name; when given, every other name is "other". */
  known?: readonly string[];
  /** Without a known list: the first this many distinct names get their own label, later ones "other". */
  maxDistinct?: number;
}

const operationNamePattern = /^[_A-Za-z][_0-9A-Za-z]{0,63}$/;

/**
 * Operation names are chosen by clients, and every distinct label value is a time series kept for
 * good: a caller sending random names would grow the metrics without end. This admits a fixed list of
 * known names, or else the first `maxDistinct`, and counts the rest as "other".
 */
export function createOperationLabeler({ known = [], maxDistinct = 100 }: OperationLabelOptions = {}): (
  operationName: string | null | undefined,
) => string {
  const knownNames = new Set(known);
  const admitted = new Set<string>();
  return (operationName) => {
    if (!operationName) return 'anonymous';
    if (!operationNamePattern.test(operationName)) return 'other';
    if (knownNames.size > 0) return knownNames.has(operationName) ? operationName : 'other';
    if (admitted.has(operationName)) return operationName;
    if (admitted.size >= maxDistinct) return 'other';
    admitted.add(operationName);
    return operationName;
  };
}

/** The HTTP routes a service serves, for the `route` label; anything else (scanners, typos) is "other". */
export function routeLabel(path: string, routes: ReadonlySet<string>): string {
  return routes.has(path) ? path : 'other';
}
