import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { databaseUrlFor } from './postgres.ts';

/** The first port above the ones docs/conventions.md assigns (4001–4005), for a service that declares none. */
export const FIRST_UNASSIGNED_PORT = 4006;
export const GATEWAY_PORT = 4000;
export const WEB_PORT = 5173;

export interface Workspace {
  /** Folder relative to the repo root: services/personnel, gateway, web. */
  dir: string;
  packageName: string;
  scripts: Record<string, string>;
  /**
   * The subgraph's port from its package.json, `"kinerja": { "subgraph": { "port": 4001 } }`: the one
   * registry of subgraphs that the launcher, the gateway's composition and tools/deploy-check read.
   */
  subgraphPort?: number;
}

export interface AppPlan {
  kind: 'subgraph' | 'gateway' | 'web';
  /** personnel, gateway, web */
  name: string;
  workspace: Workspace;
  script: string;
  /** Run once before `script` (the gateway composes its supergraph in `build`). */
  prepareScript?: string;
  port: number;
  /** Own database on the server, for subgraphs. */
  database?: string;
  env: Record<string, string>;
  url: string;
  healthUrl: string;
}

async function readWorkspace(repoRoot: string, dir: string): Promise<Workspace | undefined> {
  const file = join(repoRoot, dir, 'package.json');
  if (!existsSync(file)) return undefined;
  const manifest = JSON.parse(await readFile(file, 'utf8')) as {
    name?: string;
    scripts?: Record<string, string>;
    kinerja?: { subgraph?: { port?: unknown } };
  };
  const port = manifest.kinerja?.subgraph?.port;
  return {
    dir,
    packageName: manifest.name ?? dir,
    scripts: manifest.scripts ?? {},
    ...(typeof port === 'number' && Number.isInteger(port) ? { subgraphPort: port } : {}),
  };
}

/** The runnable workspaces: every services/* package, the gateway and the web app, where they exist. */
export async function readAppWorkspaces(repoRoot: string): Promise<Workspace[]> {
  const workspaces: Workspace[] = [];
  let serviceDirs: string[] = [];
  try {
    serviceDirs = (await readdir(join(repoRoot, 'services'), { withFileTypes: true }))
      .filter((entry) => entry.isDirectory())
      .map((entry) => `services/${entry.name}`)
      .sort();
  } catch {
    // No services yet.
  }
  for (const dir of [...serviceDirs, 'gateway', 'web']) {
    const workspace = await readWorkspace(repoRoot, dir);
    if (workspace) workspaces.push(workspace);
  }
  return workspaces;
}

export interface InfraAddresses {
  databaseUrl: string;
  /** DATABASE_URL, KAFKA_BROKERS, KEYCLOAK_URL, KEYCLOAK_REALM as ensureInfra hands them out. */
  env: Record<string, string>;
}

/** `competency` → `SUBGRAPH_COMPETENCY_URL` (the gateway's routing override). */
export function subgraphUrlVariable(name: string): string {
  return `SUBGRAPH_${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_URL`;
}

/** `kinerja_<service>`, the database each service owns on the shared server. */
export function serviceDatabaseName(name: string): string {
  return `kinerja_${name.toLowerCase().replace(/[^a-z0-9]/g, '_')}`;
}

/** `KINERJA_<NAME>_PORT` moves one app off its default port (the browser suite runs a private set that way). */
export function appPortVariable(name: string): string {
  return `KINERJA_${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_PORT`;
}

function appPort(name: string, fallback: number, env: Record<string, string | undefined>): number {
  const value = env[appPortVariable(name)];
  if (value === undefined || value === '') return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`${appPortVariable(name)}=${value} is not a port number`);
  return port;
}

/**
 * What `npm start` runs, in order: subgraphs (not the kit), then the gateway, then the web app. Each app
 * takes its default port unless `KINERJA_<NAME>_PORT` is set in `env`; the gateway's CORS origin, the web
 * app's gateway and Keycloak URLs and the gateway's workbench redirect follow the ports chosen.
 */
export function planApps(workspaces: Workspace[], infra: InfraAddresses, logLevel = 'info', env: Record<string, string | undefined> = {}): AppPlan[] {
  const plans: AppPlan[] = [];
  const subgraphs = workspaces.filter((workspace) => workspace.dir.startsWith('services/') && workspace.dir !== 'services/kit' && workspace.scripts['start']);
  let nextPort = Math.max(FIRST_UNASSIGNED_PORT, ...subgraphs.map((workspace) => (workspace.subgraphPort ?? 0) + 1));
  const gatewayPort = appPort('gateway', GATEWAY_PORT, env);
  const webPort = appPort('web', WEB_PORT, env);
  const webOrigin = `http://localhost:${webPort}`;
  for (const workspace of subgraphs) {
    const name = workspace.dir.slice('services/'.length);
    const port = appPort(name, workspace.subgraphPort ?? nextPort++, env);
    const database = serviceDatabaseName(name);
    plans.push({
      kind: 'subgraph',
      name,
      workspace,
      script: 'start',
      port,
      database,
      env: { ...infra.env, DATABASE_URL: databaseUrlFor(infra.databaseUrl, database), PORT: String(port), LOG_LEVEL: logLevel },
      url: `http://localhost:${port}/graphql`,
      healthUrl: `http://localhost:${port}/healthz`,
    });
  }
  const gateway = workspaces.find((workspace) => workspace.dir === 'gateway' && workspace.scripts['start']);
  if (gateway) {
    const routing = Object.fromEntries(plans.map((plan) => [subgraphUrlVariable(plan.name), plan.url]));
    const { DATABASE_URL: _serverUrl, KAFKA_BROKERS: _brokers, ...gatewayInfraEnv } = infra.env;
    plans.push({
      kind: 'gateway',
      name: 'gateway',
      workspace: gateway,
      script: 'start',
      ...(gateway.scripts['build'] ? { prepareScript: 'build' } : {}),
      port: gatewayPort,
      env: {
        ...gatewayInfraEnv,
        ...routing,
        PORT: String(gatewayPort),
        LOG_LEVEL: logLevel,
        CORS_ORIGINS: webOrigin,
        WORKBENCH_URL: `${webOrigin}/workbench`,
      },
      url: `http://localhost:${gatewayPort}/graphql`,
      healthUrl: `http://localhost:${gatewayPort}/healthz`,
    });
  }
  const web = workspaces.find((workspace) => workspace.dir === 'web' && (workspace.scripts['dev'] || workspace.scripts['start']));
  if (web) {
    const competency = plans.find((plan) => plan.name === 'competency');
    const remuneration = plans.find((plan) => plan.name === 'remuneration');
    plans.push({
      kind: 'web',
      name: 'web',
      workspace: web,
      script: web.scripts['dev'] ? 'dev' : 'start',
      port: webPort,
      env: {
        PORT: String(webPort),
        KEYCLOAK_URL: infra.env['KEYCLOAK_URL'] ?? '',
        KEYCLOAK_REALM: infra.env['KEYCLOAK_REALM'] ?? 'asn',
        VITE_KEYCLOAK_URL: infra.env['KEYCLOAK_URL'] ?? '',
        VITE_GRAPHQL_URL: `http://localhost:${gatewayPort}/graphql`,
        ...(competency ? { COMPETENCY_URL: `http://localhost:${competency.port}` } : {}),
        ...(remuneration ? { REMUNERATION_URL: `http://localhost:${remuneration.port}` } : {}),
      },
      url: `${webOrigin}/`,
      healthUrl: `${webOrigin}/`,
    });
  }
  return plans;
}
