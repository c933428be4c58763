// Issue 14, the fuzz suite (part of `npm test`): GraphQL operations generated from each schema (fast-check), sent to the
// gateway and to every subgraph directly, by users of several roles, plus malformed bodies, headers and
// tokens. Properties: no answer with status ≥ 500 and none carrying INTERNAL_SERVER_ERROR; every process still healthy afterwards; a refused
// mutation leaves every table of the service that owns it as it was. Bounded by FUZZ_SECONDS; the seed
// is printed first so a failure can be replayed (FUZZ_SEED=<seed>).
import { startAttendanceProcess } from '@kinerja/attendance/testing';
import { startCompetencyProcess } from '@kinerja/competency/testing';
import { passwordToken, type SubgraphProcess } from '@kinerja/kit/testing';
import { startPerformanceProcess } from '@kinerja/performance/testing';
import { startPersonnelProcess } from '@kinerja/personnel/testing';
import { startRemunerationProcess } from '@kinerja/remuneration/testing';
import fc from 'fast-check';
import { buildClientSchema, getIntrospectionQuery, type GraphQLSchema, type IntrospectionQuery } from 'graphql';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadGatewayConfig } from '../../../gateway/src/config.ts';
import { createLogger } from '../../../gateway/src/observability/logger.ts';
import { startGateway, type RunningGateway } from '../../../gateway/src/server/gateway-server.ts';
import { composeSupergraph, readSubgraphSources } from '../../../gateway/src/supergraph/composition.ts';
import { malformedRequestArbitrary, type RawRequest } from '../src/malformed.ts';
import { operationArbitrary, type GeneratedOperation } from '../src/operations.ts';
import { changedTables, rowCounts } from '../src/row-counts.ts';

const seed = Number(process.env['FUZZ_SEED'] ?? Date.now() % 2_147_483_647);
const totalSeconds = Number(process.env['FUZZ_SECONDS'] ?? 60);
const services = ['personnel', 'competency', 'performance', 'attendance', 'remuneration'] as const;
type Service = (typeof services)[number];
const users = ['nasional.admin', 'karawang.admin', 'karawang.pegawai', 'karawang.atasan', 'nasional.pimpinan', 'nasional.auditor'];
/** Written by a service's consumers when another service's write succeeds, at any moment: not the fuzzed request's doing. */
const writtenByConsumers: Record<Service, readonly string[]> = {
  personnel: ['processed_event'],
  competency: ['processed_event', 'employee', 'org_unit_scope'],
  performance: ['processed_event', 'employee', 'org_unit_scope', 'employee_potential'],
  attendance: ['processed_event', 'employee', 'org_unit_scope'],
  remuneration: ['processed_event', 'employee', 'employee_position', 'instansi_scope', 'predikat_rating', 'attendance_recap'],
};

interface Target {
  name: 'gateway' | Service;
  url: string;
  schema: GraphQLSchema;
}

interface Tally {
  requests: number;
  status2xx: number;
  status4xx: number;
  status5xx: number;
  refusedMutationsChecked: number;
  refusedMutationsChangingRows: number;
  /** Answers carrying INTERNAL_SERVER_ERROR: an exception nobody meant to throw (a bug), even with HTTP 200. */
  internalErrors: number;
}

const started: Partial<Record<Service, SubgraphProcess>> = {};
let gateway: RunningGateway;
const tokens = new Map<string, string>();
const databases = new Map<Service, pg.Client>();
const targets: Target[] = [];
const owners = new Map<string, Service>();
const tallies = new Map<string, Tally>();

async function send(url: string, request: RawRequest): Promise<{ status: number; body: string }> {
  const response = await fetch(url, { method: request.method, headers: request.headers, body: request.body, signal: AbortSignal.timeout(30_000) });
  return { status: response.status, body: await response.text() };
}

async function introspect(url: string, token: string): Promise<GraphQLSchema> {
  const { status, body } = await send(url, { label: 'introspection', method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: getIntrospectionQuery() }) });
  if (status !== 200) throw new Error(`introspection of ${url}: HTTP ${status} ${body.slice(0, 300)}`);
  return buildClientSchema((JSON.parse(body) as { data: IntrospectionQuery }).data);
}

function tally(target: string): Tally {
  let t = tallies.get(target);
  if (!t) tallies.set(target, (t = { requests: 0, status2xx: 0, status4xx: 0, status5xx: 0, refusedMutationsChecked: 0, refusedMutationsChangingRows: 0, internalErrors: 0 }));
  return t;
}

const internalSamples: string[] = [];

function count(target: string, status: number, body = '', what = ''): void {
  const t = tally(target);
  t.requests++;
  if (body.includes('"INTERNAL_SERVER_ERROR"')) {
    t.internalErrors++;
    if (internalSamples.length < 10) internalSamples.push(`${target}: ${what.slice(0, 400)} → ${body.slice(0, 300)}`);
  }
  if (status >= 500) t.status5xx++;
  else if (status >= 400) t.status4xx++;
  else t.status2xx++;
}

beforeAll(async () => {
  console.log(`fuzz: seed ${seed} (replay with FUZZ_SEED=${seed}), ${totalSeconds} s in total`);
  const starters: Record<Service, () => Promise<SubgraphProcess>> = {
    personnel: () => startPersonnelProcess(),
    competency: () => startCompetencyProcess(),
    performance: () => startPerformanceProcess(),
    attendance: () => startAttendanceProcess(),
    remuneration: () => startRemunerationProcess(),
  };
  const outcomes = await Promise.allSettled(services.map(async (service) => (started[service] = await starters[service]())));
  const failure = outcomes.find((o) => o.status === 'rejected');
  if (failure) throw failure.reason;

  const outcome = composeSupergraph(readSubgraphSources(new URL('../../../services', import.meta.url).pathname));
  if (!outcome.ok) throw new Error(outcome.errors.join('\n'));
  const urls = Object.fromEntries(services.map((s) => [`SUBGRAPH_${s.toUpperCase()}_URL`, started[s]!.url]));
  gateway = await startGateway(loadGatewayConfig({ PORT: '0', OPS_PORT: '0', KEYCLOAK_URL: process.env['KEYCLOAK_URL'], KEYCLOAK_REALM: process.env['KEYCLOAK_REALM'], ...urls }), {
    supergraphSdl: outcome.supergraphSdl,
    logger: createLogger('silent'),
  });

  for (const user of users) tokens.set(user, await passwordToken(user));
  const reader = tokens.get('nasional.pimpinan')!;
  targets.push({ name: 'gateway', url: gateway.url, schema: await introspect(gateway.url, reader) });
  for (const service of services) {
    const schema = await introspect(started[service]!.url, reader);
    targets.push({ name: service, url: started[service]!.url, schema });
    for (const field of Object.keys(schema.getMutationType()?.getFields() ?? {})) owners.set(field, service);
    const client = new pg.Client({ connectionString: started[service]!.database.url });
    await client.connect();
    databases.set(service, client);
  }
});

afterAll(async () => {
  for (const sample of internalSamples) console.log(`fuzz internal error: ${sample}`);
  for (const [name, t] of tallies) console.log(`fuzz ${name}: ${Object.entries(t).map(([k, v]) => `${k}=${v}`).join(', ')}`);
  await Promise.allSettled([...databases.values()].map((c) => c.end()));
  await gateway?.stop();
  await Promise.allSettled(Object.values(started).map((p) => p.stop()));
});

const phaseMs = () => Math.max(2000, Math.floor((totalSeconds * 1000) / (targets.length * 3)));
const runOptions = () => ({ seed, numRuns: 1_000_000, interruptAfterTimeLimit: phaseMs(), markInterruptAsFailure: false });

function asJson(body: string): boolean {
  try {
    JSON.parse(body);
    return true;
  } catch {
    return false;
  }
}

describe('fuzzing the gateway and every subgraph', () => {
  it('answers generated queries by every role without a server error', async () => {
    for (const target of targets) {
      const queries = operationArbitrary(target.schema, 'query');
      if (!queries) continue;
      await fc.assert(
        fc.asyncProperty(queries, fc.constantFrom(...users), async (operation: GeneratedOperation, user: string) => {
          const { status, body } = await send(target.url, { label: 'query', method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.get(user)}` }, body: JSON.stringify({ query: operation.query, variables: operation.variables }) });
          count(target.name, status, body, `${user} ${operation.query} ${JSON.stringify(operation.variables)}`);
          expect(status, `${target.name} ${user}: ${operation.query.slice(0, 300)}`).toBeLessThan(500);
          expect(asJson(body), body.slice(0, 200)).toBe(true);
        }),
        runOptions(),
      );
    }
  });

  it('answers generated mutations without a server error, and a refused one changes no row', async () => {
    for (const target of targets) {
      const mutations = operationArbitrary(target.schema, 'mutation', 2);
      if (!mutations) continue;
      await fc.assert(
        fc.asyncProperty(mutations, fc.constantFrom(...users), async (operation: GeneratedOperation, user: string) => {
          const owner = owners.get(operation.rootField);
          const client = owner ? databases.get(owner) : undefined;
          const ignored = new Set(owner ? writtenByConsumers[owner] : []);
          const before = client ? await rowCounts(client, ignored) : null;
          const { status, body } = await send(target.url, { label: 'mutation', method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.get(user)}` }, body: JSON.stringify({ query: operation.query, variables: operation.variables }) });
          count(target.name, status, body, `${user} ${operation.query} ${JSON.stringify(operation.variables)}`);
          expect(status, `${target.name} ${user}: ${operation.query.slice(0, 300)}`).toBeLessThan(500);
          const answer = asJson(body) ? (JSON.parse(body) as { data?: Record<string, unknown> | null; errors?: unknown[] }) : null;
          const refused = !answer?.data || answer.data[operation.rootField] == null;
          if (client && before && refused) {
            const changed = changedTables(before, await rowCounts(client, ignored));
            tally(target.name).refusedMutationsChecked++;
            if (changed.length) tally(target.name).refusedMutationsChangingRows++;
            expect(changed, `${target.name} ${user} refused ${operation.rootField} yet changed rows: ${JSON.stringify(answer?.errors).slice(0, 300)}`).toEqual([]);
          }
        }),
        runOptions(),
      );
    }
  });

  it('answers malformed bodies, headers and tokens with a client error, never a server error', async () => {
    for (const target of targets) {
      await fc.assert(
        fc.asyncProperty(malformedRequestArbitrary(tokens.get('karawang.pegawai')!), async (request: RawRequest) => {
          const { status } = await send(target.url, request);
          count(target.name, status);
          expect(status, `${target.name}: ${request.label}`).toBeLessThan(500);
        }),
        runOptions(),
      );
    }
  });

  it('leaves every process running and healthy', async () => {
    for (const service of services) expect((await fetch(started[service]!.url.replace('/graphql', '/healthz'))).status, service).toBe(200);
    expect((await fetch(gateway.url.replace('/graphql', '/healthz'))).status).toBe(200);
    expect([...tallies.values()].reduce((sum, t) => sum + t.status5xx, 0)).toBe(0);
    expect(internalSamples).toEqual([]);
    expect([...tallies.values()].reduce((sum, t) => sum + t.requests, 0)).toBeGreaterThan(targets.length * 3);
  });
});
