import { Kafka, logLevel } from 'kafkajs';
import pg from 'pg';
import { SetupError } from './errors.ts';

/** Postgres accepts a connection and answers a query. */
export async function postgresAnswers(databaseUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 2000 });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/** A Kafka broker answers a metadata request (describeCluster) through kafkajs. */
export async function kafkaAnswers(brokers: string[]): Promise<boolean> {
  const kafka = new Kafka({
    clientId: 'kinerja-infra-readiness',
    brokers,
    logLevel: logLevel.NOTHING,
    connectionTimeout: 2000,
    requestTimeout: 3000,
    retry: { retries: 0 },
  });
  const admin = kafka.admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    return cluster.brokers.length > 0;
  } catch {
    return false;
  } finally {
    await admin.disconnect().catch(() => {});
  }
}

export function realmDiscoveryUrl(keycloakUrl: string, realm: string): string {
  return `${keycloakUrl.replace(/\/+$/, '')}/realms/${realm}/.well-known/openid-configuration`;
}

/** Keycloak serves the realm's OpenID discovery document. */
export async function keycloakAnswers(keycloakUrl: string, realm: string): Promise<boolean> {
  try {
    const response = await fetch(realmDiscoveryUrl(keycloakUrl, realm), { signal: AbortSignal.timeout(3000) });
    if (!response.ok) return false;
    const discovery = (await response.json()) as { issuer?: unknown };
    return typeof discovery.issuer === 'string';
  } catch {
    return false;
  }
}

export interface WaitOptions {
  /** For the error message: "Kafka on localhost:9092". */
  what: string;
  timeoutMs: number;
  intervalMs?: number;
  /** Settles when the server's process exits, so a crash fails at once instead of at the timeout. */
  exited?: Promise<unknown>;
  logFile?: string;
}

export async function waitUntilReady(check: () => Promise<boolean>, options: WaitOptions): Promise<void> {
  const deadline = performance.now() + options.timeoutMs;
  let exited = false;
  void options.exited?.then(() => {
    exited = true;
  });
  const seeLog = options.logFile ? `; see ${options.logFile}` : '';
  for (;;) {
    if (await check()) return;
    if (exited) throw new SetupError(`${options.what} exited before it was ready${seeLog}`);
    if (performance.now() > deadline) {
      throw new SetupError(`${options.what} was not ready after ${Math.round(options.timeoutMs / 1000)}s${seeLog}`);
    }
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 500));
  }
}
