// docker-compose.yml against the repository. Each check runs on the real file (no problems) and on a
// copy with one thing broken, to show it fails and names what is wrong.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkBindMounts,
  checkBuilds,
  checkConnections,
  checkDatabases,
  checkDeclaredSubgraphsRun,
  checkDependsOn,
  checkEnvironmentDocumented,
  checkEnvironmentMatchesCode,
  checkImageOrBuild,
  checkPortsUnique,
  checkPublishedPorts,
  checkServicePorts,
  checkSubgraphRouting,
  serviceEnvUsage,
} from '../src/compose-checks.ts';
import type { ComposeFile } from '../src/compose.ts';
import { parseCompose, interpolate } from '../src/compose.ts';
import { conventionEnvNames, readConventions } from '../src/conventions.ts';
import { repoRoot } from '../src/workspaces.ts';
import { facts, loadCompose, serviceNamed } from './repo-facts.ts';

type Check = (compose: ComposeFile) => string[];

const checks: Record<string, Check> = {
  'every service has an image or a build': checkImageOrBuild,
  'every mounted host path exists': (c) => checkBindMounts(c, facts),
  'depends_on targets exist and wait for health or completion': checkDependsOn,
  'host ports do not collide': checkPortsUnique,
  'only the gateway, web and Keycloak publish host ports': checkPublishedPorts,
  'builds name existing workspaces, targets and args, and run as non-root': (c) => checkBuilds(c, facts),
  'environment matches the variables the code reads': (c) => checkEnvironmentMatchesCode(c, facts),
  'the gateway routes to every subgraph service': (c) => checkSubgraphRouting(c, facts),
  'ports follow docs/conventions.md and are health-checked': (c) => checkServicePorts(c, facts),
  'every declared subgraph runs on its declared port': (c) => checkDeclaredSubgraphsRun(c, facts),
  'each service has its own database, created at init': (c) => checkDatabases(c, facts),
  'connection settings point at the compose services': (c) => checkConnections(c, facts),
  'every variable the code reads is documented in docs/conventions.md': (c) =>
    checkEnvironmentDocumented(c, facts, conventionEnvNames(readConventions())),
};

describe('docker-compose.yml', () => {
  it.each(Object.entries(checks))('%s', (_name, check) => {
    expect(check(loadCompose())).toEqual([]);
  });

  it('runs PostgreSQL, Kafka, Keycloak from official images and our workspaces from the shared Dockerfile', () => {
    const compose = loadCompose();
    const images = compose.services.filter((s) => !s.build).map((s) => s.image?.split(':')[0]);
    expect(images.sort()).toEqual(['apache/kafka', 'postgres', 'quay.io/keycloak/keycloak']);
    const keycloak = serviceNamed(compose, 'keycloak');
    expect(keycloak.image).toMatch(/:26(\.|$)/);
    // Production mode; start-dev is only for the local launcher.
    expect(keycloak.command).toEqual(['start', '--import-realm']);
    expect(keycloak.bindMounts).toContainEqual({
      source: './deploy/keycloak/realm-asn.json',
      target: '/opt/keycloak/data/import/realm-asn.json',
    });
    expect(serviceNamed(compose, 'kafka').environment.KAFKA_PROCESS_ROLES).toBe('broker,controller');
    const builtFrom = new Set(compose.services.flatMap((s) => (s.build ? [s.build.dockerfile] : [])));
    expect([...builtFrom]).toEqual(['Dockerfile']);
  });

  it('gives Keycloak no default admin password and a public host name from the environment', () => {
    const text = readFileSync(join(repoRoot, 'docker-compose.yml'), 'utf8');
    expect(text).toMatch(/KC_BOOTSTRAP_ADMIN_PASSWORD: \$\{KEYCLOAK_ADMIN_PASSWORD:\?/);
    const keycloak = serviceNamed(loadCompose(), 'keycloak');
    expect(keycloak.environment.KC_BOOTSTRAP_ADMIN_PASSWORD).toBe('');
    expect(keycloak.environment.KC_BOOTSTRAP_ADMIN_USERNAME).not.toBe('admin');
    expect(keycloak.ports.map((p) => p.container)).toEqual([8080]);
  });

  it('creates the topics from deploy/kafka before any service starts', () => {
    const compose = loadCompose();
    const topicInit = serviceNamed(compose, 'topic-init');
    expect(topicInit.bindMounts.map((m) => m.source)).toContain('./deploy/kafka/topics.yaml');
    expect(topicInit.environment.TOPICS_FILE).toBe(
      topicInit.bindMounts.find((m) => m.source === './deploy/kafka/topics.yaml')?.target,
    );
    for (const service of compose.services.filter(
      (s) => s.environment.KAFKA_BROKERS !== undefined && s !== topicInit,
    )) {
      expect(service.dependsOn, service.name).toContainEqual({
        service: 'topic-init',
        condition: 'service_completed_successfully',
      });
    }
  });
});

describe('optional per-subgraph settings of the gateway', () => {
  it('takes SUBGRAPH_<NAME>_TIMEOUT_MS as an optional deadline, not as a routing URL', () => {
    const compose = breakIn('gateway', (s) => {
      s.environment.SUBGRAPH_COMPETENCY_TIMEOUT_MS = '1500';
    });
    expect(checkSubgraphRouting(compose, facts)).toEqual([]);
    expect(checkEnvironmentMatchesCode(compose, facts)).toEqual([]);
  });
});

/** One service of a fresh copy, to break. */
function breakIn(
  name: string,
  mutate: (service: ComposeFile['services'][number], compose: ComposeFile) => void,
): ComposeFile {
  const compose = loadCompose();
  mutate(serviceNamed(compose, name), compose);
  return compose;
}

describe('each check names what a broken compose file gets wrong', () => {
  const firstEnvService =
    loadCompose().services.find((s) => s.build && Object.keys(s.environment).length > 0)?.name ?? 'gateway';
  const aReadVariable = [
    ...serviceEnvUsage(serviceNamed(loadCompose(), firstEnvService), facts).names.keys(),
  ][0];

  it.each<[string, Check, ComposeFile, string]>([
    [
      'no image, no build',
      checkImageOrBuild,
      breakIn('postgres', (s) => {
        s.image = undefined;
      }),
      'service postgres has neither image nor build',
    ],
    [
      'realm file moved',
      (c) => checkBindMounts(c, facts),
      breakIn('keycloak', (s) => {
        s.bindMounts[0] = { source: './deploy/keycloak/realm-gone.json', target: '/x' };
      }),
      './deploy/keycloak/realm-gone.json',
    ],
    [
      'depends on a missing service',
      checkDependsOn,
      breakIn('gateway', (s) => {
        s.dependsOn.push({ service: 'ledger', condition: 'service_healthy' });
      }),
      'depends on ledger',
    ],
    [
      'waits only for start',
      checkDependsOn,
      breakIn('gateway', (s) => {
        s.dependsOn[0] = { service: 'keycloak', condition: 'service_started' };
      }),
      'waits for keycloak with service_started',
    ],
    [
      'two services on one host port',
      checkPortsUnique,
      breakIn('competency', (s) => {
        s.ports = [{ host: 4000, container: 4002 }];
      }),
      'host port 4000 is published by competency and gateway',
    ],
    [
      'unknown workspace',
      (c) => checkBuilds(c, facts),
      breakIn('gateway', (s) => {
        if (s.build) s.build.args.WORKSPACE = 'services/ledger';
      }),
      'WORKSPACE=services/ledger, which is not a workspace',
    ],
    [
      'unknown target',
      (c) => checkBuilds(c, facts),
      breakIn('web', (s) => {
        if (s.build) s.build.target = 'static';
      }),
      'target static',
    ],
    [
      'undeclared build arg',
      (c) => checkBuilds(c, facts),
      breakIn('web', (s) => {
        if (s.build) s.build.args.VITE_TYPO_URL = 'x';
      }),
      'build arg VITE_TYPO_URL',
    ],
    [
      'variable the code reads removed',
      (c) => checkEnvironmentMatchesCode(c, facts),
      breakIn(firstEnvService, (s) => {
        if (aReadVariable) delete s.environment[aReadVariable];
      }),
      `${aReadVariable} is read by`,
    ],
    [
      'variable nobody reads added',
      (c) => checkEnvironmentMatchesCode(c, facts),
      breakIn('gateway', (s) => {
        s.environment.GATEWAY_CACHE_SIZE = '10';
      }),
      'sets GATEWAY_CACHE_SIZE, which the code of gateway never reads',
    ],
    [
      'web bundle variable not passed',
      (c) => checkEnvironmentMatchesCode(c, facts),
      breakIn('web', (s) => {
        if (s.build) delete s.build.args.VITE_GRAPHQL_URL;
      }),
      'VITE_GRAPHQL_URL is read by',
    ],
    [
      'subgraph routing missing',
      (c) => checkSubgraphRouting(c, facts),
      breakIn('gateway', (s) => {
        delete s.environment.SUBGRAPH_PERSONNEL_URL;
      }),
      'SUBGRAPH_PERSONNEL_URL is not set',
    ],
    [
      'subgraph routing to the wrong port',
      (c) => checkSubgraphRouting(c, facts),
      breakIn('gateway', (s) => {
        s.environment.SUBGRAPH_PERSONNEL_URL = 'http://personnel:4002/graphql';
      }),
      'expected http://personnel:4001/graphql',
    ],
    [
      'a declared subgraph missing from compose',
      (c) => checkDeclaredSubgraphsRun(c, facts),
      (() => {
        const compose = loadCompose();
        compose.services = compose.services.filter((s) => s.name !== 'competency');
        return compose;
      })(),
      'subgraph services/competency has no service in docker-compose.yml',
    ],
    [
      'a subgraph on another port than it declares',
      (c) => checkDeclaredSubgraphsRun(c, facts),
      breakIn('personnel', (s) => {
        s.environment.PORT = '4011';
      }),
      'service personnel: PORT=4011; services/personnel/package.json declares 4001',
    ],
    [
      'PORT off the conventions',
      (c) => checkServicePorts(c, facts),
      breakIn('personnel', (s) => {
        s.environment.PORT = '4011';
      }),
      'PORT=4011; docs/conventions.md says 4001',
    ],
    [
      'healthcheck on another port',
      (c) => checkServicePorts(c, facts),
      breakIn('gateway', (s) => {
        if (s.healthcheck) s.healthcheck.test = ['CMD', 'true'];
      }),
      'does not probe :4000/healthz',
    ],
    [
      'a variable the conventions do not list',
      (c) =>
        checkEnvironmentDocumented(
          c,
          facts,
          conventionEnvNames(readConventions()).filter((cell) => !cell.includes('OPS_PORT')),
        ),
      loadCompose(),
      'OPS_PORT (read by',
    ],
    [
      'a subgraph published on the host',
      checkPublishedPorts,
      breakIn('performance', (s) => {
        s.ports.push({ host: 4003, container: 4003 });
      }),
      'service performance publishes host port 4003; only the gateway, web and Keycloak may be reachable from the host',
    ],
    [
      'PostgreSQL published on the host',
      checkPublishedPorts,
      breakIn('postgres', (s) => {
        s.ports.push({ host: 5432, container: 5432 });
      }),
      'service postgres publishes host port 5432',
    ],
    [
      'ops port published',
      (c) => checkServicePorts(c, facts),
      breakIn('gateway', (s) => {
        s.ports.push({ host: 5000, container: 5000 });
      }),
      'service gateway publishes its ops port 5000',
    ],
    [
      'shared database',
      (c) => checkDatabases(c, facts),
      breakIn('competency', (s) => {
        s.environment.DATABASE_URL = 'postgres://kinerja:x@postgres:5432/kinerja_personnel';
      }),
      'expected kinerja_competency',
    ],
    [
      'Kafka listener typo',
      (c) => checkConnections(c, facts),
      breakIn('personnel', (s) => {
        s.environment.KAFKA_BROKERS = 'kafka:9092';
      }),
      'KAFKA_BROKERS kafka:9092 is not an advertised listener',
    ],
    [
      'issuer off the browser URL',
      (c) => checkConnections(c, facts),
      breakIn('gateway', (s) => {
        s.environment.AUTH_ISSUER = 'http://keycloak:8080/realms/asn';
      }),
      'Keycloak issues tokens as http://localhost:8180/realms/asn',
    ],
  ])('%s', (_case, check, compose, expected) => {
    const problems = check(compose);
    expect(problems.join('\n')).toContain(expected);
  });
});

describe('compose parsing', () => {
  it.each([
    ['${POSTGRES_PASSWORD:-kinerja-dev}', 'kinerja-dev'],
    ['${LOG_LEVEL-info}', 'info'],
    ['${UNSET}', ''],
    ['${KEYCLOAK_ADMIN_PASSWORD:?set it first}', ''],
    ['a$$b', 'a$b'],
  ])('interpolates %s as %s', (input, expected) => {
    expect(interpolate(input)).toBe(expected);
  });

  it('reads the list forms of environment, ports, volumes and depends_on', () => {
    const compose = parseCompose(`
services:
  a:
    image: x
    environment: ["A=1", "B"]
    ports: ["127.0.0.1:15432:5432", "8080", { target: 80, published: "8081" }]
    volumes: ["./here:/there:ro", "named:/data", { type: bind, source: ./other, target: /o }]
    depends_on: [b]
`);
    const [service] = compose.services;
    expect(service?.environment).toEqual({ A: '1', B: '' });
    expect(service?.ports).toEqual([
      { host: 15432, container: 5432 },
      { host: 8081, container: 80 },
    ]);
    expect(service?.bindMounts).toEqual([
      { source: './here', target: '/there' },
      { source: './other', target: '/o' },
    ]);
    expect(service?.dependsOn).toEqual([{ service: 'b', condition: 'service_started' }]);
  });
});
