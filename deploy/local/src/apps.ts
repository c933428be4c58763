import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { databaseUrlFor } from './postgres.ts';

/** Local ports from docs/conventions.md; a service not listed there gets the next free one after 4005. */
export const SUBGRAPH_PORTS: Readonly<Record<string, number>> = {
  personnel: 4001,
  competency: 4002,
  performance: 4003,
  attendance: 4004,
  remuneration: 4005,
};
export const GATEWAY_PORT = 4000;
export const WEB_PORT = 5173;

export interface Workspace {
  /** Folder relative to the repo root: services/personnel, gateway, web. */
  dir: string;
  packageName: string;
  scripts: Record<string, string>;
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
  const manifest = JSON.parse(await readFile(file, 'utf8')) as { name?: string; scripts?: Record<string, string> };
  return { dir, packageName: manifest.name ?? dir, scripts: manifest.scripts ?? {} };
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

/** What `npm start` runs, in order: subgraphs (not the kit), then the gateway, then the web app. */
export function planApps(workspaces: Workspace[], infra: InfraAddresses, logLevel = 'info'): AppPlan[] {
  const plans: AppPlan[] = [];
  const subgraphs = workspaces.filter((workspace) => workspace.dir.startsWith('services/') && workspace.dir !== 'services/kit' && workspace.scripts['start']);
  const known = new Set(Object.values(SUBGRAPH_PORTS));
  let nextPort = Math.max(...known) + 1;
  for (const workspace of subgraphs) {
    const name = workspace.dir.slice('services/'.length);
    const port = SUBGRAPH_PORTS[name] ?? nextPort++;
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
      port: GATEWAY_PORT,
      env: { ...gatewayInfraEnv, ...routing, PORT: String(GATEWAY_PORT), LOG_LEVEL: logLevel },
      url: `http://localhost:${GATEWAY_PORT}/graphql`,
      healthUrl: `http://localhost:${GATEWAY_PORT}/healthz`,
    });
  }
  const web = workspaces.find((workspace) => workspace.dir === 'web' && (workspace.scripts['dev'] || workspace.scripts['start']));
  if (web) {
    const competency = plans.find((plan) => plan.name === 'competency');
    plans.push({
      kind: 'web',
      name: 'web',
      workspace: web,
      script: web.scripts['dev'] ? 'dev' : 'start',
      port: WEB_PORT,
      env: {
        PORT: String(WEB_PORT),
        KEYCLOAK_URL: infra.env['KEYCLOAK_URL'] ?? '',
        KEYCLOAK_REALM: infra.env['KEYCLOAK_REALM'] ?? 'asn',
        ...(competency ? { COMPETENCY_URL: `http://localhost:${competency.port}` } : {}),
      },
      url: `http://localhost:${WEB_PORT}/`,
      healthUrl: `http://localhost:${WEB_PORT}/`,
    });
  }
  return plans;
}
