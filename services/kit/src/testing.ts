// Helpers for integration tests against the real parts: a fresh PostgreSQL database per suite on
// DATABASE_URL's server, real Keycloak tokens for the demo users (docs/conventions.md), and a subgraph
// started in-process on that database (`startTestSubgraph`).
// `startTestIssuer` is for unit tests only: a local RS256 key served from a local JWKS endpoint.
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair, type JWTPayload } from 'jose';
import { loadServiceConfig, type ServiceConfig } from './config.ts';
import { createOrm, dropDatabase, ensureDatabase, type CreateOrmOptions, type Orm } from './db.ts';
import { createLogger, type Logger, type RunningSubgraph } from './server.ts';

const defaultServerUrl = 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(prefix: string, env: Record<string, string | undefined> = process.env): Promise<TestDatabase> {
  const safePrefix = prefix.toLowerCase().replace(/[^a-z0-9_]/g, '_').slice(0, 30);
  const name = `test_${safePrefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const url = new URL(env['DATABASE_URL'] ?? defaultServerUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  await ensureDatabase(databaseUrl);
  return { url: databaseUrl, name, drop: () => dropDatabase(databaseUrl) };
}

export function keycloakRealmUrl(env: Record<string, string | undefined> = process.env): string {
  const base = (env['KEYCLOAK_URL'] ?? 'http://localhost:8180').replace(/\/+$/, '');
  return `${base}/realms/${env['KEYCLOAK_REALM'] ?? 'asn'}`;
}

/** True when the realm answers, so suites needing Keycloak can skip with a reason instead of hanging. */
export async function keycloakAvailable(env: Record<string, string | undefined> = process.env): Promise<boolean> {
  try {
    const response = await fetch(`${keycloakRealmUrl(env)}/.well-known/openid-configuration`, { signal: AbortSignal.timeout(2000) });
    return response.ok;
  } catch {
    return false;
  }
}

/** An access token for a demo user through client `kinerja-cli` (direct access grant; dev and tests only). */
export async function passwordToken(username: string, password = 'kinerja-demo', env: Record<string, string | undefined> = process.env): Promise<string> {
  const response = await fetch(`${keycloakRealmUrl(env)}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', client_id: 'kinerja-cli', username, password, scope: 'openid' }),
  });
  const body = (await response.json()) as { access_token?: string; error?: string; error_description?: string };
  if (!response.ok || !body.access_token) {
    throw new Error(`Keycloak refused a token for ${username}: ${response.status} ${body.error ?? ''} ${body.error_description ?? ''}`);
  }
  return body.access_token;
}

export interface GraphQLResult {
  status: number;
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** POSTs one GraphQL operation to `url`, with a bearer token when given; the HTTP status comes back with the body. */
export async function postGraphQL(
  url: string,
  token: string | null,
  query: string,
  variables?: Record<string, unknown>,
): Promise<GraphQLResult> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as Omit<GraphQLResult, 'status'>) };
}

/** `passwordToken` remembered per user, so a suite asks Keycloak once for each demo user. */
export function demoUserTokens(): (username: string) => Promise<string> {
  const tokens = new Map<string, Promise<string>>();
  return (username) => {
    let token = tokens.get(username);
    if (!token) {
      token = passwordToken(username);
      tokens.set(username, token);
    }
    return token;
  };
}

export interface TestSubgraph {
  db: TestDatabase;
  orm: Orm;
  server: RunningSubgraph;
  /** Every SQL statement the ORM sent since the last reset. */
  statements: string[];
  token(username: string): Promise<string>;
  gql(token: string | null, query: string, variables?: Record<string, unknown>): Promise<GraphQLResult>;
  sql<T = Record<string, unknown>>(query: string, params?: unknown[]): Promise<T[]>;
  stop(): Promise<void>;
}

export interface TestSubgraphStart<Extra extends object> {
  server: RunningSubgraph;
  /** Whatever else the suite needs from the start (a topic, a producer), spread into the result. */
  extra: Extra;
  /** Stops what the start set up beside the server; runs after the server stopped, before the ORM closes. */
  stopExtra?: () => Promise<void>;
}

export interface StartTestSubgraphOptions<Extra extends object> {
  serviceName: string;
  /** Names the suite's database. */
  prefix: string;
  entities: CreateOrmOptions['entities'];
  migrations: CreateOrmOptions['migrations'];
  /** Starts the service's subgraph (handleSignals: false) with the suite's configuration, ORM and silent logger. */
  start(deps: { config: ServiceConfig; orm: Orm; logger: Logger }): Promise<TestSubgraphStart<Extra>>;
}

/**
 * A subgraph in-process on a fresh database of its own (migrated by createOrm), on a kernel-chosen port,
 * verifying tokens against the real Keycloak realm; `stop` drops the database.
 */
export async function startTestSubgraph<Extra extends object = Record<never, never>>(
  options: StartTestSubgraphOptions<Extra>,
): Promise<TestSubgraph & Extra> {
  const db = await createTestDatabase(options.prefix);
  const logger = createLogger({ serviceName: options.serviceName, logLevel: 'silent' });
  const statements: string[] = [];
  const orm = await createOrm({
    databaseUrl: db.url,
    entities: options.entities,
    migrations: options.migrations,
    logger,
    onQuery: (sql) => statements.push(sql),
  });
  const config = loadServiceConfig(options.serviceName, { ...process.env, DATABASE_URL: db.url, PORT: '0', LOG_LEVEL: 'silent' });
  const { server, extra, stopExtra } = await options.start({ config, orm, logger });
  return {
    ...extra,
    db,
    orm,
    server,
    statements,
    token: demoUserTokens(),
    gql: (token, query, variables) => postGraphQL(server.url, token, query, variables),
    sql: <T>(query: string, params?: unknown[]) => orm.em.fork().execute(query, params ?? []) as Promise<T[]>,
    stop: async () => {
      await server.stop();
      await stopExtra?.();
      await orm.close(true);
      await db.drop();
    },
  };
}

export interface TestIssuer {
  issuer: string;
  jwksUrl: string;
  audience: string;
  /** Signs an RS256 token with this issuer's key; override any claim or the lifetime. */
  sign(claims?: JWTPayload, options?: { expiresIn?: string | number; issuer?: string; audience?: string | string[] }): Promise<string>;
  stop(): Promise<void>;
}

/** A local identity provider for unit tests: one RS256 key pair, its JWKS on 127.0.0.1. */
export async function startTestIssuer(audience = 'kinerja-api'): Promise<TestIssuer> {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const kid = randomUUID();
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  const server = createServer((req, res) => {
    if (req.url?.endsWith('/protocol/openid-connect/certs')) {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
      return;
    }
    res.statusCode = 404;
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/realms/test`;
  return {
    issuer: base,
    jwksUrl: `${base}/protocol/openid-connect/certs`,
    audience,
    sign: async (claims = {}, options = {}) =>
      new SignJWT({ realm_access: { roles: ['pegawai'] }, region_code: 'ID', ...claims })
        .setProtectedHeader({ alg: 'RS256', kid })
        .setSubject(typeof claims.sub === 'string' ? claims.sub : randomUUID())
        .setIssuer(options.issuer ?? base)
        .setAudience(options.audience ?? audience)
        .setIssuedAt()
        .setExpirationTime(options.expiresIn ?? '5m')
        .sign(privateKey),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
