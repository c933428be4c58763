// A personnel subgraph on a fresh database per suite, verified against the real Keycloak realm `asn`.
import { loadServiceConfig } from '@kinerja/kit/config';
import { createOrm, type Orm } from '@kinerja/kit/db';
import { createLogger, type RunningSubgraph } from '@kinerja/kit/server';
import { createTestDatabase, passwordToken, type TestDatabase } from '@kinerja/kit/testing';
import { startPersonnelSubgraph } from '../../src/app.ts';
import { entities } from '../../src/entities/index.ts';
import { migrations } from '../../src/migrations/index.ts';

export interface GraphQLResult {
  status: number;
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

export interface Harness {
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

export async function startHarness(prefix: string): Promise<Harness> {
  const db = await createTestDatabase(prefix);
  const logger = createLogger({ serviceName: 'personnel', logLevel: 'silent' });
  const statements: string[] = [];
  const orm = await createOrm({ databaseUrl: db.url, entities, migrations, logger, onQuery: (sql) => statements.push(sql) });
  const config = loadServiceConfig('personnel', { ...process.env, DATABASE_URL: db.url, PORT: '0', LOG_LEVEL: 'silent' });
  const server = await startPersonnelSubgraph({ config, orm, logger, handleSignals: false });
  const tokens = new Map<string, Promise<string>>();
  return {
    db,
    orm,
    server,
    statements,
    token: (username) => {
      let token = tokens.get(username);
      if (!token) {
        token = passwordToken(username);
        tokens.set(username, token);
      }
      return token;
    },
    gql: async (token, query, variables) => {
      const response = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, ...((await response.json()) as Omit<GraphQLResult, 'status'>) };
    },
    sql: (query, params) => orm.em.fork().execute(query, params ?? []),
    stop: async () => {
      await server.stop();
      await orm.close(true);
      await db.drop();
    },
  };
}
