import { describe, expect, it } from 'vitest';
import { planApps, serviceDatabaseName, subgraphUrlVariable } from '../../src/apps.ts';
import type { Workspace } from '../../src/apps.ts';
import { formatDemoUsers, readDemoUsers } from '../../src/demo-users.ts';
import { localPaths } from '../../src/paths.ts';

const workspace = (dir: string, scripts: Record<string, string>): Workspace => ({ dir, packageName: `@kinerja/${dir.split('/').at(-1)}`, scripts });
const infra = {
  databaseUrl: 'postgres://postgres:secret@127.0.0.1:54329/postgres',
  env: {
    DATABASE_URL: 'postgres://postgres:secret@127.0.0.1:54329/postgres',
    KAFKA_BROKERS: 'localhost:9092',
    KEYCLOAK_URL: 'http://localhost:8180',
    KEYCLOAK_REALM: 'asn',
  },
};

describe('npm start plan (ports and variables from docs/conventions.md)', () => {
  const plans = planApps(
    [
      workspace('services/competency', { start: 'node src/main.ts' }),
      workspace('services/kit', { test: 'vitest' }),
      workspace('services/personnel', { start: 'node src/main.ts' }),
      workspace('services/notifications', { start: 'node src/main.ts' }),
      workspace('services/draft', { test: 'vitest' }),
      workspace('gateway', { build: 'node src/compose.ts', start: 'node src/main.ts' }),
      workspace('web', { dev: 'vite' }),
    ],
    infra,
  );
  const byName = new Map(plans.map((plan) => [plan.name, plan]));

  it('runs every service with a start script except the kit, then the gateway, then the web app', () => {
    expect(plans.map((plan) => plan.name)).toEqual(['competency', 'personnel', 'notifications', 'gateway', 'web']);
  });

  it.each([
    ['personnel', 4001],
    ['competency', 4002],
    ['notifications', 4006],
    ['gateway', 4000],
    ['web', 5173],
  ])('gives %s port %i', (name, port) => {
    expect(byName.get(name)?.port).toBe(port);
    expect(byName.get(name)?.env['PORT']).toBe(String(port));
  });

  it('points each service at its own database on the server, with Kafka and Keycloak', () => {
    const personnel = byName.get('personnel');
    expect(personnel?.env['DATABASE_URL']).toBe('postgres://postgres:secret@127.0.0.1:54329/kinerja_personnel');
    expect(personnel?.env['KAFKA_BROKERS']).toBe('localhost:9092');
    expect(personnel?.env['KEYCLOAK_URL']).toBe('http://localhost:8180');
    expect(personnel?.env['KEYCLOAK_REALM']).toBe('asn');
    expect(personnel?.healthUrl).toBe('http://localhost:4001/healthz');
  });

  it('composes the supergraph before starting the gateway and routes it to the started subgraphs', () => {
    const gateway = byName.get('gateway');
    expect(gateway?.prepareScript).toBe('build');
    expect(gateway?.env['SUBGRAPH_PERSONNEL_URL']).toBe('http://localhost:4001/graphql');
    expect(gateway?.env['SUBGRAPH_COMPETENCY_URL']).toBe('http://localhost:4002/graphql');
    expect(gateway?.env['DATABASE_URL']).toBeUndefined();
  });

  it('runs the web app through vite dev', () => {
    expect(byName.get('web')?.script).toBe('dev');
    expect(byName.get('web')?.env['COMPETENCY_URL']).toBe('http://localhost:4002');
  });

  it.each([
    ['personnel', 'kinerja_personnel', 'SUBGRAPH_PERSONNEL_URL'],
    ['human-capital', 'kinerja_human_capital', 'SUBGRAPH_HUMAN_CAPITAL_URL'],
  ])('names %s → %s, %s', (name, database, variable) => {
    expect(serviceDatabaseName(name)).toBe(database);
    expect(subgraphUrlVariable(name)).toBe(variable);
  });
});

describe('demo users printed by npm start', () => {
  it('come from the realm file with roles, region and NIP', async () => {
    const users = await readDemoUsers(localPaths().realmFile);
    expect(users).toHaveLength(11);
    expect(users.find((user) => user.username === 'karawang.atasan')).toEqual({
      username: 'karawang.atasan',
      roles: ['atasan', 'pegawai'],
      regionCode: '32.15',
      nip: '197805122003121003',
    });
    expect(formatDemoUsers(users, 'kinerja-demo')).toContain('password "kinerja-demo", development only');
  });
});

describe('port overrides for a private set of servers', () => {
  it('uses the conventions ports by default and KINERJA_*_PORT when set', async () => {
    const { infraPorts } = await import('../../src/infra.ts');
    expect(infraPorts({})).toEqual({ postgres: 54329, kafka: 9092, kafkaController: 9093, keycloak: 8180 });
    expect(infraPorts({ KINERJA_KAFKA_PORT: '29092', KINERJA_KEYCLOAK_PORT: '28180' })).toMatchObject({ kafka: 29092, keycloak: 28180 });
  });

  it.each(['0', 'abc', '70000', '9092.5'])('rejects KINERJA_KAFKA_PORT=%s with one line', async (value) => {
    const { infraPorts } = await import('../../src/infra.ts');
    expect(() => infraPorts({ KINERJA_KAFKA_PORT: value })).toThrow(`KINERJA_KAFKA_PORT=${value} is not a TCP port`);
  });
});
