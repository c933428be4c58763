import { describe, expect, it } from 'vitest';
import { planApps, readAppWorkspaces, serviceDatabaseName, subgraphUrlVariable } from '../../src/apps.ts';
import type { Workspace } from '../../src/apps.ts';
import { formatDemoUsers, readDemoUsers } from '../../src/demo-users.ts';
import { localPaths, repoRoot } from '../../src/paths.ts';

const workspace = (dir: string, scripts: Record<string, string>, subgraphPort?: number): Workspace => ({
  dir,
  packageName: `@kinerja/${dir.split('/').at(-1)}`,
  scripts,
  ...(subgraphPort ? { subgraphPort } : {}),
});
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
      workspace('services/competency', { start: 'node src/main.ts' }, 4002),
      workspace('services/kit', { test: 'vitest' }),
      workspace('services/personnel', { start: 'node src/main.ts' }, 4001),
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

  it('points the web app’s payroll export proxy at the remuneration service when there is one', () => {
    const withRemuneration = planApps([workspace('services/remuneration', { start: 'node src/main.ts' }, 4005), workspace('web', { dev: 'vite' })], infra);
    expect(withRemuneration.find((plan) => plan.name === 'web')?.env['REMUNERATION_URL']).toBe('http://localhost:4005');
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
    // No remuneration workspace in this plan: no proxy target for the payroll export.
    expect(byName.get('web')?.env['REMUNERATION_URL']).toBeUndefined();
    expect(byName.get('web')?.env['VITE_GRAPHQL_URL']).toBe('http://localhost:4000/graphql');
    expect(byName.get('web')?.env['VITE_KEYCLOAK_URL']).toBe('http://localhost:8180');
    expect(byName.get('gateway')?.env['CORS_ORIGINS']).toBe('http://localhost:5173');
    expect(byName.get('gateway')?.env['WORKBENCH_URL']).toBe('http://localhost:5173/workbench');
  });

  it.each([
    ['personnel', 'kinerja_personnel', 'SUBGRAPH_PERSONNEL_URL'],
    ['human-capital', 'kinerja_human_capital', 'SUBGRAPH_HUMAN_CAPITAL_URL'],
  ])('names %s → %s, %s', (name, database, variable) => {
    expect(serviceDatabaseName(name)).toBe(database);
    expect(subgraphUrlVariable(name)).toBe(variable);
  });
});

describe('the subgraphs of the repository', () => {
  it('take their ports from their package.json ("kinerja": { "subgraph": { "port" } })', async () => {
    const workspaces = await readAppWorkspaces(repoRoot);
    const ports = new Map(workspaces.map((workspace) => [workspace.dir, workspace.subgraphPort]));
    expect(ports.get('services/personnel')).toBe(4001);
    expect(ports.get('services/competency')).toBe(4002);
    expect(ports.get('services/kit')).toBeUndefined();
  });
});

describe('demo users printed by npm start', () => {
  it('come from the realm file with roles, region and NIP', async () => {
    const users = await readDemoUsers(localPaths().realmFile);
    // Every person of the realm, not the SIASN export's service account (it signs in with client credentials).
    expect(users.map((user) => user.username)).toHaveLength(13);
    expect(users.map((user) => user.username)).not.toContain('service-account-kinerja-siasn-sync');
    // The national HR admin keeps the national position catalogue (issue 9).
    expect(users.find((user) => user.username === 'nasional.admin')).toEqual({ username: 'nasional.admin', roles: ['admin-kepegawaian'], regionCode: 'ID', nip: '' });
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

  it('moves apps with KINERJA_<NAME>_PORT, and the addresses between them follow', () => {
    const moved = planApps(
      [
        workspace('services/competency', { start: 'node src/main.ts' }),
        workspace('gateway', { start: 'node src/main.ts' }),
        workspace('web', { dev: 'vite' }),
      ],
      infra,
      'info',
      { KINERJA_COMPETENCY_PORT: '24002', KINERJA_GATEWAY_PORT: '24000', KINERJA_WEB_PORT: '25173' },
    );
    const byName = new Map(moved.map((plan) => [plan.name, plan]));
    expect(moved.map((plan) => [plan.name, plan.port])).toEqual([
      ['competency', 24002],
      ['gateway', 24000],
      ['web', 25173],
    ]);
    expect(byName.get('gateway')?.env).toMatchObject({
      PORT: '24000',
      SUBGRAPH_COMPETENCY_URL: 'http://localhost:24002/graphql',
      CORS_ORIGINS: 'http://localhost:25173',
      WORKBENCH_URL: 'http://localhost:25173/workbench',
    });
    expect(byName.get('web')?.env).toMatchObject({
      PORT: '25173',
      VITE_GRAPHQL_URL: 'http://localhost:24000/graphql',
      COMPETENCY_URL: 'http://localhost:24002',
    });
    expect(byName.get('web')?.healthUrl).toBe('http://localhost:25173/');
  });

  it.each(['0', 'abc', '70000'])('rejects KINERJA_WEB_PORT=%s', (value) => {
    expect(() => planApps([workspace('web', { dev: 'vite' })], infra, 'info', { KINERJA_WEB_PORT: value })).toThrow(
      `KINERJA_WEB_PORT=${value} is not a port number`,
    );
  });

  it.each(['0', 'abc', '70000', '9092.5'])('rejects KINERJA_KAFKA_PORT=%s with one line', async (value) => {
    const { infraPorts } = await import('../../src/infra.ts');
    expect(() => infraPorts({ KINERJA_KAFKA_PORT: value })).toThrow(`KINERJA_KAFKA_PORT=${value} is not a TCP port`);
  });
});
