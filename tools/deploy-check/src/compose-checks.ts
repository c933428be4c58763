// Checks of docker-compose.yml against the repository: each returns the problems it finds as
// sentences naming the service and the variable, path or port at fault (empty = fine). They take
// parsed values, so the tests run each one on the real file and on a broken copy.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ComposeFile, ComposeService } from './compose.ts';
import { stageFor, runsAsNonRoot, type Dockerfile } from './dockerfile.ts';
import { isRead, matchesPattern, type EnvUsage } from './env-usage.ts';
import type { Workspace } from './workspaces.ts';

export interface RepoFacts {
  root: string;
  workspaces: readonly Workspace[];
  /** Env usage of a workspace folder's runtime code, from its entry files (all of src/ when none is given or exists). */
  envUsage: (workspaceDir: string, entries?: readonly string[]) => EnvUsage;
  dockerfiles: (path: string) => Dockerfile;
  conventionPorts: ReadonlyMap<string, number>;
}

/** The workspace a service's image is built from (build arg WORKSPACE), if any. */
export const workspaceOf = (service: ComposeService): string | undefined => service.build?.args.WORKSPACE;

/** The TypeScript files a `node …` command runs (compose `command`, else the image's CMD). */
export function entryFiles(command: readonly string[] | undefined, dockerCmd: string | undefined): string[] {
  const words =
    command ??
    (dockerCmd
      ? dockerCmd.startsWith('[')
        ? (JSON.parse(dockerCmd) as string[])
        : dockerCmd.split(/\s+/)
      : []);
  return words[0] === 'node' ? words.slice(1).filter((word) => word.endsWith('.ts')) : [];
}

/** Env usage of what a compose service runs. */
export function serviceEnvUsage(service: ComposeService, facts: RepoFacts): EnvUsage {
  const workspace = workspaceOf(service) ?? '';
  const build = service.build;
  const stage =
    build && stageFor(facts.dockerfiles(join(facts.root, build.context, build.dockerfile)), build.target);
  return facts.envUsage(workspace, entryFiles(service.command, stage?.cmd));
}

/** Services running our Node code (built from a workspace, not the static web target). */
function nodeServices(compose: ComposeFile, facts: RepoFacts): ComposeService[] {
  return compose.services.filter((service) => {
    const workspace = workspaceOf(service);
    if (!workspace || !service.build) return false;
    const stage = stageFor(
      facts.dockerfiles(join(facts.root, service.build.context, service.build.dockerfile)),
      service.build.target,
    );
    return stage !== undefined && /^node:/.test(stage.from);
  });
}

const isSubgraphWorkspace = (facts: RepoFacts, dir: string): boolean =>
  existsSync(join(facts.root, dir, 'schema.graphql'));

export function checkImageOrBuild(compose: ComposeFile): string[] {
  return compose.services
    .filter((s) => !s.image && !s.build)
    .map((s) => `service ${s.name} has neither image nor build`);
}

export function checkBindMounts(compose: ComposeFile, facts: RepoFacts): string[] {
  return compose.services.flatMap((service) =>
    service.bindMounts
      .filter((mount) => !existsSync(resolve(facts.root, mount.source)))
      .map(
        (mount) => `service ${service.name} mounts ${mount.source}, which does not exist in the repository`,
      ),
  );
}

export function checkDependsOn(compose: ComposeFile): string[] {
  const byName = new Map(compose.services.map((s) => [s.name, s]));
  return compose.services.flatMap((service) =>
    service.dependsOn.flatMap((dependency) => {
      const target = byName.get(dependency.service);
      if (!target)
        return [`service ${service.name} depends on ${dependency.service}, which is not a service`];
      const oneShot = target.healthcheck?.disable === true;
      const expected = oneShot ? 'service_completed_successfully' : 'service_healthy';
      if (dependency.condition !== expected) {
        return [
          `service ${service.name} waits for ${dependency.service} with ${dependency.condition}; expected ${expected}`,
        ];
      }
      if (!oneShot && !target.healthcheck && !target.build) {
        return [
          `service ${service.name} waits for ${dependency.service} to be healthy, but it has no healthcheck`,
        ];
      }
      return [];
    }),
  );
}

export function checkPortsUnique(compose: ComposeFile): string[] {
  const owners = new Map<number, string[]>();
  for (const service of compose.services) {
    for (const port of service.ports) owners.set(port.host, [...(owners.get(port.host) ?? []), service.name]);
  }
  return [...owners]
    .filter(([, names]) => names.length > 1)
    .map(([port, names]) => `host port ${port} is published by ${names.join(' and ')}`);
}

export function checkBuilds(compose: ComposeFile, facts: RepoFacts): string[] {
  const workspaceDirs = new Set(facts.workspaces.map((ws) => ws.dir));
  return compose.services.flatMap((service) => {
    if (!service.build) return [];
    const dockerfilePath = join(facts.root, service.build.context, service.build.dockerfile);
    if (!existsSync(dockerfilePath))
      return [`service ${service.name} builds from ${service.build.dockerfile}, which does not exist`];
    const dockerfile = facts.dockerfiles(dockerfilePath);
    const problems: string[] = [];
    const workspace = workspaceOf(service);
    if (!workspace) problems.push(`service ${service.name} builds without the WORKSPACE build arg`);
    else if (!workspaceDirs.has(workspace))
      problems.push(
        `service ${service.name} builds WORKSPACE=${workspace}, which is not a workspace (${[...workspaceDirs].join(', ')})`,
      );
    const stage = stageFor(dockerfile, service.build.target);
    if (!stage) {
      problems.push(
        `service ${service.name} builds target ${service.build.target}, which the Dockerfile does not define`,
      );
      return problems;
    }
    const declared = new Set(dockerfile.stages.flatMap((s) => s.args));
    for (const arg of Object.keys(service.build.args)) {
      if (!declared.has(arg))
        problems.push(
          `service ${service.name} passes build arg ${arg}, which the Dockerfile does not declare`,
        );
    }
    if (!runsAsNonRoot(stage))
      problems.push(`service ${service.name}'s image (stage ${stage.name}) runs as root: add a USER`);
    return problems;
  });
}

/**
 * Every variable the code reads is set (in compose or by the image's ENV), and compose sets no
 * variable the code never reads. For the web bundle the same holds for its build args.
 */
export function checkEnvironmentMatchesCode(compose: ComposeFile, facts: RepoFacts): string[] {
  const problems: string[] = [];
  for (const service of compose.services) {
    const workspace = workspaceOf(service);
    if (!workspace || !service.build || !facts.workspaces.some((ws) => ws.dir === workspace)) continue;
    const usage = serviceEnvUsage(service, facts);
    const dockerfile = facts.dockerfiles(join(facts.root, service.build.context, service.build.dockerfile));
    const stage = stageFor(dockerfile, service.build.target);
    const isNode = nodeServices(compose, facts).includes(service);
    // Node code reads the container's environment; the web bundle reads its build args.
    const provided = isNode
      ? new Set([...Object.keys(service.environment), ...(stage?.env ?? [])])
      : new Set(Object.keys(service.build.args).filter((arg) => arg !== 'WORKSPACE'));
    const where = isNode ? 'environment' : 'build args';
    for (const [name, files] of usage.names) {
      if (!provided.has(name))
        problems.push(
          `service ${service.name}: ${name} is read by ${files.join(', ')} but not set in its ${where}`,
        );
    }
    const setNames = isNode ? Object.keys(service.environment) : [...provided];
    for (const name of setNames) {
      if (!isRead(usage, name))
        problems.push(
          `service ${service.name}: ${where} sets ${name}, which the code of ${workspace} never reads`,
        );
    }
    if (!isNode && Object.keys(service.environment).length > 0) {
      problems.push(
        `service ${service.name} serves a static bundle; its environment (${Object.keys(service.environment).join(', ')}) is never read`,
      );
    }
  }
  return problems;
}

/** A service that reads a `PREFIX<NAME>_URL` template (the gateway's SUBGRAPH_<NAME>_URL) gets one per subgraph service, pointing at it. */
export function checkSubgraphRouting(compose: ComposeFile, facts: RepoFacts): string[] {
  const problems: string[] = [];
  const subgraphs = compose.services.filter((s) => {
    const workspace = workspaceOf(s);
    return workspace !== undefined && isSubgraphWorkspace(facts, workspace);
  });
  for (const service of compose.services) {
    const workspace = workspaceOf(service);
    if (!workspace || !facts.workspaces.some((ws) => ws.dir === workspace)) continue;
    // Only the routing template names a URL per subgraph; others (SUBGRAPH_<NAME>_TIMEOUT_MS) are optional overrides.
    for (const pattern of serviceEnvUsage(service, facts).patterns.filter((p) => p.suffix.endsWith('_URL'))) {
      for (const subgraph of subgraphs) {
        const name = `${pattern.prefix}${subgraph.name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}${pattern.suffix}`;
        const value = service.environment[name];
        const port = subgraph.environment.PORT;
        const expected = `http://${subgraph.name}:${port}/graphql`;
        if (value === undefined)
          problems.push(
            `service ${service.name}: ${name} is not set (subgraph ${subgraph.name} runs in compose)`,
          );
        else if (value !== expected)
          problems.push(`service ${service.name}: ${name}=${value}; expected ${expected}`);
        else if (!service.dependsOn.some((d) => d.service === subgraph.name))
          problems.push(`service ${service.name} routes to ${subgraph.name} but does not depend on it`);
      }
      for (const name of Object.keys(service.environment).filter((n) => matchesPattern(pattern, n))) {
        const routed = subgraphs.some(
          (s) =>
            name === `${pattern.prefix}${s.name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}${pattern.suffix}`,
        );
        if (!routed) problems.push(`service ${service.name}: ${name} names no subgraph service in compose`);
      }
    }
  }
  return problems;
}

/**
 * Every subgraph the repository declares (a package.json with `kinerja.subgraph.port`) runs in compose,
 * built from its workspace, on its declared port, which is the port docs/conventions.md gives it.
 */
export function checkDeclaredSubgraphsRun(compose: ComposeFile, facts: RepoFacts): string[] {
  const problems: string[] = [];
  for (const workspace of facts.workspaces) {
    if (workspace.subgraphPort === undefined) continue;
    const name = workspace.dir.split('/').pop() ?? workspace.dir;
    const documented = facts.conventionPorts.get(name);
    if (documented !== workspace.subgraphPort)
      problems.push(
        `${workspace.dir}/package.json declares port ${workspace.subgraphPort}; docs/conventions.md "Ports" says ${documented ?? 'nothing'} for ${name}`,
      );
    const service = compose.services.find((s) => workspaceOf(s) === workspace.dir);
    if (!service) problems.push(`subgraph ${workspace.dir} has no service in docker-compose.yml`);
    else if (service.environment.PORT !== String(workspace.subgraphPort))
      problems.push(
        `service ${service.name}: PORT=${service.environment.PORT ?? '(unset)'}; ${workspace.dir}/package.json declares ${workspace.subgraphPort}`,
      );
  }
  return problems;
}

/** PORT of the gateway and each subgraph is the one in docs/conventions.md, published on the same host port, and health-checked there. */
export function checkServicePorts(compose: ComposeFile, facts: RepoFacts): string[] {
  const problems: string[] = [];
  for (const service of nodeServices(compose, facts)) {
    const port = service.environment.PORT;
    const workspace = workspaceOf(service) ?? '';
    const component = workspace.split('/').pop() ?? '';
    const expected = facts.conventionPorts.get(component);
    if (port === undefined) {
      if (expected !== undefined)
        problems.push(`service ${service.name} has no PORT (docs/conventions.md: ${expected})`);
      continue;
    }
    if (expected !== undefined && Number(port) !== expected)
      problems.push(`service ${service.name}: PORT=${port}; docs/conventions.md says ${expected}`);
    // Only the gateway is published (checkPublishedPorts); a subgraph is reached through it.
    if (component === 'gateway' && !service.ports.some((p) => p.container === Number(port)))
      problems.push(`service ${service.name} listens on PORT=${port} but does not publish it`);
    const probe = service.healthcheck?.test.join(' ') ?? '';
    if (!probe.includes(`:${port}/healthz`))
      problems.push(`service ${service.name}: healthcheck does not probe :${port}/healthz`);
    // The ops port serves /metrics and readiness details (internal hosts, database errors): not for the host.
    const opsPort = service.environment.OPS_PORT;
    if (opsPort !== undefined) {
      if (Number(opsPort) === Number(port))
        problems.push(`service ${service.name}: OPS_PORT=${opsPort} is its public PORT`);
      if (service.ports.some((p) => p.container === Number(opsPort)))
        problems.push(
          `service ${service.name} publishes its ops port ${opsPort} (/metrics, detailed /readyz)`,
        );
    }
  }
  return problems;
}

/** The services the host may reach (issue 14 "limits at every door"): the gateway, the web app and Keycloak. */
const publishable = (service: ComposeService): boolean =>
  workspaceOf(service) === 'gateway' || workspaceOf(service) === 'web' || /(^|\/)keycloak(:|$)/.test(service.image ?? '');

/**
 * Only the gateway, the web app and Keycloak publish host ports: a subgraph called directly would skip the
 * gateway's checks, and PostgreSQL and Kafka are for the services on the compose network.
 */
export function checkPublishedPorts(compose: ComposeFile): string[] {
  return compose.services
    .filter((service) => service.ports.length > 0 && !publishable(service))
    .map(
      (service) =>
        `service ${service.name} publishes host port ${service.ports.map((p) => p.host).join(', ')}; only the gateway, web and Keycloak may be reachable from the host`,
    );
}

/**
 * Each subgraph's DATABASE_URL names its own database (kinerja_<service>) and the init script creates
 * it. Tools (the seed) get the server URL and are not held to this.
 */
export function checkDatabases(compose: ComposeFile, facts: RepoFacts): string[] {
  const postgres = compose.services.find((s) => /(^|\/)postgres(:|$)/.test(s.image ?? ''));
  const initMount = postgres?.bindMounts.find((m) => m.target === '/docker-entrypoint-initdb.d');
  const initDir = initMount && resolve(facts.root, initMount.source);
  const initSql =
    initDir && existsSync(initDir)
      ? readdirSync(initDir)
          .filter((f) => /\.(sql|sh)$/.test(f))
          .map((f) => readFileSync(join(initDir, f), 'utf8'))
          .join('\n')
      : '';
  const problems: string[] = [];
  for (const service of compose.services) {
    const url = service.environment.DATABASE_URL;
    if (url === undefined || !(workspaceOf(service) ?? '').startsWith('services/')) continue;
    const parsed = URL.canParse(url) ? new URL(url) : undefined;
    const database = parsed?.pathname.slice(1) ?? '';
    const component = (workspaceOf(service) ?? service.name).split('/').pop();
    if (database !== `kinerja_${component}`)
      problems.push(
        `service ${service.name}: DATABASE_URL names database "${database}"; expected kinerja_${component}`,
      );
    if (postgres && parsed?.hostname !== postgres.name)
      problems.push(
        `service ${service.name}: DATABASE_URL host ${parsed?.hostname} is not the ${postgres.name} service`,
      );
    if (!new RegExp(`CREATE DATABASE\\s+"?${database}"?\\s*;`, 'i').test(initSql)) {
      problems.push(
        `service ${service.name}: database ${database} is not created by ${initMount?.source ?? 'a postgres init script'}`,
      );
    }
  }
  return problems;
}

/**
 * Connection settings point at the compose services: KAFKA_BROKERS at an advertised listener of the
 * Kafka service, KEYCLOAK_URL at the Keycloak container, AUTH_ISSUER at the issuer Keycloak puts in
 * tokens (its KC_HOSTNAME and the realm name from the imported realm file).
 */
export function checkConnections(compose: ComposeFile, facts: RepoFacts): string[] {
  const problems: string[] = [];
  const kafka = compose.services.find((s) => s.environment.KAFKA_ADVERTISED_LISTENERS !== undefined);
  const keycloak = compose.services.find((s) => /keycloak/.test(s.image ?? ''));
  const advertised = (kafka?.environment.KAFKA_ADVERTISED_LISTENERS ?? '')
    .split(',')
    .map((l) => l.replace(/^[A-Z_]+:\/\//, ''));
  const realmMount = keycloak?.bindMounts.find((m) => m.target.startsWith('/opt/keycloak/data/import/'));
  const realmPath = realmMount && resolve(facts.root, realmMount.source);
  const realmName =
    realmPath && existsSync(realmPath)
      ? (JSON.parse(readFileSync(realmPath, 'utf8')) as { realm?: string }).realm
      : undefined;
  const issuer =
    keycloak && realmName ? `${keycloak.environment.KC_HOSTNAME ?? ''}/realms/${realmName}` : undefined;
  const keycloakPort = keycloak?.ports[0]?.container ?? 8080;
  for (const service of compose.services) {
    const env = service.environment;
    if (env.KAFKA_BROKERS !== undefined && service !== kafka) {
      for (const broker of env.KAFKA_BROKERS.split(',')) {
        if (!advertised.includes(broker.trim()))
          problems.push(
            `service ${service.name}: KAFKA_BROKERS ${broker} is not an advertised listener of ${kafka?.name ?? 'kafka'} (${advertised.join(', ')})`,
          );
      }
    }
    if (
      env.KEYCLOAK_URL !== undefined &&
      keycloak &&
      env.KEYCLOAK_URL !== `http://${keycloak.name}:${keycloakPort}`
    ) {
      problems.push(
        `service ${service.name}: KEYCLOAK_URL=${env.KEYCLOAK_URL}; containers reach Keycloak at http://${keycloak.name}:${keycloakPort}`,
      );
    }
    if (env.KEYCLOAK_REALM !== undefined && realmName !== undefined && env.KEYCLOAK_REALM !== realmName) {
      problems.push(
        `service ${service.name}: KEYCLOAK_REALM=${env.KEYCLOAK_REALM}; the imported realm is ${realmName}`,
      );
    }
    if (env.AUTH_ISSUER !== undefined && issuer !== undefined && env.AUTH_ISSUER !== issuer) {
      problems.push(
        `service ${service.name}: AUTH_ISSUER=${env.AUTH_ISSUER}; Keycloak issues tokens as ${issuer}`,
      );
    }
  }
  return problems;
}

/**
 * Every variable our Node code reads is in the "Environment variables" table of docs/conventions.md
 * (a cell may list several, `A`, `B`; a template reads as `SUBGRAPH_<NAME>_URL`), so an operator finds
 * each setting a container is given in one place.
 */
export function checkEnvironmentDocumented(
  compose: ComposeFile,
  facts: RepoFacts,
  documentedCells: readonly string[],
): string[] {
  const documented = new Set(documentedCells.flatMap((cell) => cell.split(',').map((name) => name.trim())));
  const problems = new Set<string>();
  for (const service of nodeServices(compose, facts)) {
    const usage = serviceEnvUsage(service, facts);
    for (const [name, files] of usage.names) {
      if (!documented.has(name))
        problems.add(`${name} (read by ${files.join(', ')}) is not in docs/conventions.md "Environment variables"`);
    }
    for (const pattern of usage.patterns) {
      const display = `${pattern.prefix}<NAME>${pattern.suffix}`;
      if (!documented.has(display))
        problems.add(`${display} (read by ${pattern.file}) is not in docs/conventions.md "Environment variables"`);
    }
  }
  return [...problems];
}
