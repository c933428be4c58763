// The subgraph factory against a real PostgreSQL database (fresh per suite) and a local RS256 issuer.
import { defineEntity, p } from '@mikro-orm/core';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Migration, createOrm, type Orm } from '../src/db.ts';
import { badUserInput } from '../src/errors.ts';
import { startSubgraph, type RequestContext, type RunningSubgraph } from '../src/server.ts';
import { createTestDatabase, startTestIssuer, type TestDatabase, type TestIssuer } from '../src/testing.ts';

const Note = defineEntity({
  name: 'Note',
  tableName: 'note',
  properties: { id: p.integer().primary(), text: p.string() },
});

class CreateNote extends Migration {
  override up(): void {
    this.addSql('create table note (id int primary key, text text not null)');
    this.addSql("insert into note values (1, 'halo')");
  }
}

const typeDefs = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Note @key(fields: "id") { id: ID! text: String! }
  type Query {
    note(id: ID!): Note
    whoami: String!
    publicHello: String!
    boom: String
    refuse: String
  }
`;

let db: TestDatabase;
let orm: Orm;
let issuer: TestIssuer;
let server: RunningSubgraph;
const queries: string[] = [];

beforeAll(async () => {
  db = await createTestDatabase('kit_server');
  const logger = pino({ level: 'silent' });
  orm = await createOrm({ databaseUrl: db.url, entities: [Note], migrations: [{ name: 'CreateNote', class: CreateNote }], logger, onQuery: (sql) => queries.push(sql) });
  issuer = await startTestIssuer();
  server = await startSubgraph({
    config: { serviceName: 'kit-test', port: 0, metricsMaxOperations: 3, authIssuer: issuer.issuer, authAudience: issuer.audience, jwksUrl: issuer.jwksUrl, logLevel: 'silent' },
    typeDefs,
    resolvers: {
      Note: {
        __resolveReference: (ref: { id: string }, ctx: RequestContext) => ctx.em.findOne(Note, { id: Number(ref.id) }),
      },
      Query: {
        note: (_: unknown, { id }: { id: string }, ctx: RequestContext) => ctx.em.findOne(Note, { id: Number(id) }),
        whoami: (_: unknown, __: unknown, ctx: RequestContext & { greeting: string }) => `${ctx.greeting} ${ctx.viewer.username} ${ctx.requestId}`,
        publicHello: (_: unknown, __: unknown, ctx: RequestContext) => `${ctx.viewer.username} ${ctx.viewer.roles.size} ${ctx.clientIp}`,
        boom: async (_: unknown, __: unknown, ctx: RequestContext) => {
          await ctx.em.execute('select * from no_such_table');
          return 'unreachable';
        },
        refuse: () => {
          throw badUserInput('Masukan salah', 'bad_thing');
        },
      },
    },
    orm,
    anonymousRootFields: ['publicHello'],
    context: () => ({ greeting: 'halo' }),
    logger: pino({ level: 'silent' }),
    handleSignals: false,
  });
}, 60_000);

afterAll(async () => {
  await server?.stop();
  await orm?.close(true);
  await issuer?.stop();
  await db?.drop();
});

async function post(body: unknown, token?: string, headers: Record<string, string> = {}) {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as { data?: Record<string, unknown>; errors?: { message: string; extensions: Record<string, unknown> }[] } };
}

describe('startSubgraph', () => {
  it('answers 401 with a GraphQL error body when the token is missing, expired or foreign', async () => {
    const missing = await post({ query: '{ whoami }' });
    expect(missing.status).toBe(401);
    expect(missing.body.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'missing_token' });
    const expired = await post({ query: '{ whoami }' }, await issuer.sign({}, { expiresIn: Math.floor(Date.now() / 1000) - 5 }));
    expect(expired.status).toBe(401);
    const foreign = await post({ query: '{ whoami }' }, await issuer.sign({}, { audience: 'another' }));
    expect(foreign.status).toBe(401);
    expect(missing.body.data).toBeUndefined();
  });

  it('runs an allow-listed anonymous operation without a token, with the forwarded client address; anything else stays 401', async () => {
    const anonymous = await post({ query: '{ publicHello }' }, undefined, { 'x-kinerja-client-ip': '203.0.113.7' });
    expect(anonymous.status).toBe(200);
    expect(anonymous.body.data?.['publicHello']).toBe('anonymous 0 203.0.113.7');
    for (const query of ['{ whoami }', '{ publicHello whoami }', '{ ...F } fragment F on Query { publicHello }', '{ publicHello @include(if: true) }', 'query A { publicHello } query B { whoami }']) {
      const refused = await post({ query, operationName: 'A' });
      expect(refused.status, query).toBe(401);
      expect(refused.body.errors?.[0]?.extensions, query).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'missing_token' });
    }
  });

  it('resolves with the viewer, request id and extra context', async () => {
    const token = await issuer.sign({ preferred_username: 'jabar.analis' });
    const result = await post({ query: '{ whoami }' }, token, { 'x-request-id': 'req-123' });
    expect(result.status).toBe(200);
    expect(result.body.data?.['whoami']).toBe('halo jabar.analis req-123');
    expect(result.headers.get('x-request-id')).toBe('req-123');
  });

  it('reads through a forked EntityManager and serves federation _service/_entities', async () => {
    const token = await issuer.sign();
    const note = await post({ query: '{ note(id: 1) { id text } }' }, token);
    expect(note.body.data?.['note']).toEqual({ id: '1', text: 'halo' });
    const entities = await post({ query: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Note { text } } }', variables: { r: [{ __typename: 'Note', id: '1' }] } }, token);
    expect(entities.body.errors).toBeUndefined();
    expect(entities.body.data?.['_entities']).toEqual([{ text: 'halo' }]);
    const sdl = await post({ query: '{ _service { sdl } }' }, token);
    expect(String((sdl.body.data?.['_service'] as { sdl: string }).sdl)).toContain('type Note');
    expect(queries.some((sql) => sql.includes('from "note"'))).toBe(true);
  });

  it.each([
    ['a string', ['Note:1']],
    ['null inside the list', [null]],
    ['an object without __typename', [{ id: '1' }]],
    ['a list', [[{ __typename: 'Note', id: '1' }]]],
  ])('refuses an _entities representation that is %s as bad input, not an internal error (found by the fuzz suite)', async (_label, representations) => {
    const result = await post({ query: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Note { text } } }', variables: { r: representations } }, await issuer.sign());
    expect(result.status).toBe(400);
    expect(result.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(JSON.stringify(result.body)).not.toContain('INTERNAL_SERVER_ERROR');
  });

  it('refuses a literal representation without __typename the same way', async () => {
    const result = await post({ query: '{ _entities(representations: [{ id: "1" }]) { ... on Note { text } } }' }, await issuer.sign());
    expect(result.status).toBe(400);
    expect(result.body.errors?.[0]?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED' });
  });

  it('masks unexpected errors (no SQL, no stack) and tags them with the request id', async () => {
    const result = await post({ query: '{ boom }' }, await issuer.sign(), { 'x-request-id': 'req-boom' });
    const error = result.body.errors?.[0];
    expect(error?.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId: 'req-boom' });
    expect(JSON.stringify(result.body)).not.toMatch(/no_such_table|select|stack/i);
  });

  it('passes deliberate client errors with code and reason, without a stack trace', async () => {
    const result = await post({ query: '{ refuse }' }, await issuer.sign());
    expect(result.body.errors?.[0]).toMatchObject({ message: 'Masukan salah', extensions: { code: 'BAD_USER_INPUT', reason: 'bad_thing' } });
    expect(result.body.errors?.[0]?.extensions['stacktrace']).toBeUndefined();
    const invalid = await post({ query: '{ nope }' }, await issuer.sign());
    expect(invalid.body.errors?.[0]?.extensions['code']).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('answers the public /readyz with ready or not only, and serves no /metrics there', async () => {
    const base = server.url.replace('/graphql', '');
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
    expect((await fetch(`${base}/metrics`)).status).toBe(404);
  });

  it('serves metrics and the detailed readiness on the ops port', async () => {
    expect(server.opsUrl).not.toBe(server.url.replace('/graphql', ''));
    const ready = await fetch(`${server.opsUrl}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', checks: { database: 'ok' } });
    const metrics = await (await fetch(`${server.opsUrl}/metrics`)).text();
    expect(metrics).toContain('graphql_operations_total');
    expect(metrics).toContain('http_request_duration_seconds');
    expect((await fetch(`${server.opsUrl}/graphql`)).status).toBe(404);
  });

  it('bounds metric labels: operation names past the first few and unknown paths count as "other"', async () => {
    const token = await issuer.sign();
    for (const name of ['SatuA', 'DuaB', 'TigaC', 'EmpatD']) await post({ query: `query ${name} { whoami }` }, token);
    await fetch(server.url.replace('/graphql', '/wp-admin/setup.php'));
    const metrics = await (await fetch(`${server.opsUrl}/metrics`)).text();
    // metricsMaxOperations is 3 in this suite; earlier tests sent only anonymous operations.
    for (const name of ['SatuA', 'DuaB', 'TigaC']) expect(metrics).toContain(`operation="${name}"`);
    expect(metrics).not.toContain('EmpatD');
    expect(metrics).toMatch(/graphql_operations_total\{[^}]*operation="other"[^}]*\} 1/);
    expect(metrics).not.toContain('wp-admin');
    expect(metrics).toMatch(/route="other"/);
    // GraphQL requests keep their own route (they were once counted as "other" with the scanners).
    expect(metrics).toMatch(/http_request_duration_seconds_count\{[^}]*route="\/graphql"[^}]*\} [1-9]/);
  });
});
