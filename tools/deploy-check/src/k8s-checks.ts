// Checks of deploy/k8s against the code and docker-compose.yml. Manifests are matched to compose
// services by image repository (kinerja-asn/personnel), which also pins both files to the same images.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { ComposeFile, ComposeService } from './compose.ts';
import { entryFiles, workspaceOf, type RepoFacts } from './compose-checks.ts';
import { stageFor } from './dockerfile.ts';
import { isRead, matchesPattern } from './env-usage.ts';

export interface Manifest {
  file: string;
  kind: string;
  apiVersion: string;
  name: string;
  body: Record<string, unknown>;
}

/** Every document of every `*.yaml` in the folder; a YAML error throws with the file name. */
export function readManifests(dir: string): Manifest[] {
  return readdirSync(dir)
    .filter((file) => /\.ya?ml$/.test(file))
    .sort()
    .flatMap((file) =>
      parseAllDocuments(readFileSync(join(dir, file), 'utf8')).flatMap((document) => {
        if (document.errors.length > 0) throw new Error(`${file}: ${document.errors[0]?.message}`);
        const body = document.toJS() as Record<string, unknown> | null;
        if (!body) return [];
        const metadata = (body.metadata ?? {}) as { name?: unknown };
        return [
          {
            file,
            kind: String(body.kind ?? ''),
            apiVersion: String(body.apiVersion ?? ''),
            name: String(metadata.name ?? ''),
            body,
          },
        ];
      }),
    );
}

export function checkManifestShape(manifests: readonly Manifest[]): string[] {
  return manifests.flatMap((m) => {
    // A kustomization is kustomize's input, not an object sent to the API server.
    if (m.kind === 'Kustomization') return [];
    const missing = [!m.apiVersion && 'apiVersion', !m.kind && 'kind', !m.name && 'metadata.name'].filter(
      Boolean,
    );
    return missing.length > 0 ? [`${m.file}: a document lacks ${missing.join(', ')}`] : [];
  });
}

interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: {
    configMapKeyRef?: { name: string; key: string };
    secretKeyRef?: { name: string; key: string };
  };
}
interface Probe {
  httpGet?: { path?: string; port?: string | number };
}
interface Container {
  name: string;
  image?: string;
  command?: string[];
  ports?: { name?: string; containerPort: number }[];
  env?: EnvVar[];
  envFrom?: unknown[];
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  securityContext?: {
    allowPrivilegeEscalation?: boolean;
    readOnlyRootFilesystem?: boolean;
    capabilities?: { drop?: string[] };
  };
}
interface PodSpec {
  containers?: Container[];
  securityContext?: { runAsNonRoot?: boolean; runAsUser?: number; seccompProfile?: { type?: string } };
}

export interface Workload {
  manifest: Manifest;
  container: Container;
  pod: PodSpec;
  labels: Record<string, string>;
}

export function workloads(manifests: readonly Manifest[]): Workload[] {
  return manifests
    .filter((m) => m.kind === 'Deployment' || m.kind === 'Job')
    .flatMap((manifest) => {
      const template = (
        manifest.body.spec as
          { template?: { metadata?: { labels?: Record<string, string> }; spec?: PodSpec } } | undefined
      )?.template;
      const pod = template?.spec ?? {};
      return (pod.containers ?? []).map((container) => ({
        manifest,
        container,
        pod,
        labels: template?.metadata?.labels ?? {},
      }));
    });
}

const imageRepository = (image: string | undefined): string => (image ?? '').replace(/:[^:/]*$/, '');

/** The compose service building the same image, hence the workspace the container runs. */
export function composeServiceFor(workload: Workload, compose: ComposeFile): ComposeService | undefined {
  return compose.services.find(
    (s) => s.build && imageRepository(s.image) === imageRepository(workload.container.image),
  );
}

function configMapData(
  manifests: readonly Manifest[],
  kind: 'ConfigMap' | 'Secret',
): Map<string, Record<string, string>> {
  return new Map(
    manifests
      .filter((m) => m.kind === kind)
      .map((m) => [
        m.name,
        {
          ...(m.body.data as Record<string, string> | undefined),
          ...(m.body.stringData as Record<string, string> | undefined),
        },
      ]),
  );
}

/** Each container's variables: what the code reads, no more, the same names compose sets, every reference resolvable. */
export function checkWorkloadEnvironment(
  manifests: readonly Manifest[],
  compose: ComposeFile,
  facts: RepoFacts,
): string[] {
  const configMaps = configMapData(manifests, 'ConfigMap');
  const secrets = configMapData(manifests, 'Secret');
  const problems: string[] = [];
  for (const workload of workloads(manifests)) {
    const label = `${workload.manifest.kind} ${workload.manifest.name}`;
    const service = composeServiceFor(workload, compose);
    const workspace = service && workspaceOf(service);
    if (!service || !workspace || !service.build) {
      problems.push(`${label} runs image ${workload.container.image}, which no compose service builds`);
      continue;
    }
    if (workload.container.envFrom)
      problems.push(
        `${label} uses envFrom; list each variable so the container gets only what its code reads`,
      );
    const env = workload.container.env ?? [];
    const names = env.map((e) => e.name);
    const stage = stageFor(
      facts.dockerfiles(join(facts.root, service.build.context, service.build.dockerfile)),
      service.build.target,
    );
    const isNodeImage = /^node:/.test(stage?.from ?? '');
    if (isNodeImage) {
      const usage = facts.envUsage(workspace, entryFiles(workload.container.command, stage?.cmd));
      for (const [name, files] of usage.names) {
        if (!names.includes(name) && !stage?.env.includes(name))
          problems.push(`${label}: ${name} is read by ${files.join(', ')} but not set`);
      }
      for (const name of names) {
        if (!isRead(usage, name))
          problems.push(`${label}: sets ${name}, which the code of ${workspace} never reads`);
      }
      for (const pattern of usage.patterns) {
        for (const name of Object.keys(service.environment).filter((n) => matchesPattern(pattern, n))) {
          if (!names.includes(name)) problems.push(`${label}: ${name} is set in compose but not here`);
        }
      }
    }
    const composeNames = Object.keys(service.environment).sort();
    const sameNames = JSON.stringify([...names].sort()) === JSON.stringify(composeNames);
    if (!sameNames)
      problems.push(
        `${label} sets ${[...names].sort().join(', ')}; compose service ${service.name} sets ${composeNames.join(', ')}`,
      );
    for (const variable of env) {
      const configRef = variable.valueFrom?.configMapKeyRef;
      const secretRef = variable.valueFrom?.secretKeyRef;
      if (configRef && configMaps.get(configRef.name)?.[configRef.key] === undefined)
        problems.push(
          `${label}: ${variable.name} refers to ConfigMap ${configRef.name} key ${configRef.key}, which does not exist`,
        );
      if (secretRef && secrets.get(secretRef.name)?.[secretRef.key] === undefined)
        problems.push(
          `${label}: ${variable.name} refers to Secret ${secretRef.name} key ${secretRef.key}, which the Secret template lacks`,
        );
      if (variable.value === undefined && !configRef && !secretRef)
        problems.push(`${label}: ${variable.name} has no value`);
    }
  }
  return problems;
}

/** Deployments: probes on /readyz and /healthz paths the code serves, a declared port, resources, non-root. */
export function checkDeployments(
  manifests: readonly Manifest[],
  compose: ComposeFile,
  facts: RepoFacts,
): string[] {
  const problems: string[] = [];
  const services = manifests.filter((m) => m.kind === 'Service');
  for (const workload of workloads(manifests)) {
    const label = `${workload.manifest.kind} ${workload.manifest.name}`;
    const { container, pod } = workload;
    const resources = container.resources;
    if (!resources?.requests?.cpu || !resources.requests.memory || !resources.limits?.memory)
      problems.push(`${label}: set cpu/memory requests and a memory limit`);
    if (pod.securityContext?.runAsNonRoot !== true)
      problems.push(`${label}: pod securityContext.runAsNonRoot is not true`);
    if (container.securityContext?.allowPrivilegeEscalation !== false)
      problems.push(`${label}: allowPrivilegeEscalation is not false`);
    // The namespace enforces the `restricted` Pod Security Standard, which also asks for these.
    if (!container.securityContext?.capabilities?.drop?.includes('ALL'))
      problems.push(`${label}: capabilities.drop does not include ALL`);
    if (pod.securityContext?.seccompProfile?.type !== 'RuntimeDefault')
      problems.push(`${label}: pod seccompProfile is not RuntimeDefault`);
    if (workload.manifest.kind !== 'Deployment') continue;

    const service = composeServiceFor(workload, compose);
    const workspace = service && workspaceOf(service);
    const portNames = new Set((container.ports ?? []).map((p) => p.name));
    const isNode = workspace !== undefined && workspace !== 'web';
    const build = service?.build;
    const stage =
      build && stageFor(facts.dockerfiles(join(facts.root, build.context, build.dockerfile)), build.target);
    const servedText = isNode
      ? facts
          .envUsage(workspace, entryFiles(container.command, stage?.cmd))
          .files.map((file) => readFileSync(join(facts.root, file), 'utf8'))
          .join('\n')
      : '';
    for (const [probeName, wanted] of [
      ['readinessProbe', isNode ? '/readyz' : '/healthz'],
      ['livenessProbe', '/healthz'],
    ] as const) {
      const probe = container[probeName]?.httpGet;
      if (!probe) {
        problems.push(`${label}: no ${probeName}`);
        continue;
      }
      if (probe.path !== wanted)
        problems.push(`${label}: ${probeName} probes ${probe.path}; expected ${wanted}`);
      if (typeof probe.port === 'string' && !portNames.has(probe.port))
        problems.push(`${label}: ${probeName} uses port ${probe.port}, which the container does not name`);
      if (isNode && probe.path && !servedText.includes(`'${probe.path}'`))
        problems.push(
          `${label}: ${probeName} probes ${probe.path}, which the code of ${workspace} does not serve`,
        );
    }
    const port = (container.ports ?? [])[0]?.containerPort;
    const envPort = container.env?.find((e) => e.name === 'PORT')?.value;
    if (envPort !== undefined && Number(envPort) !== port)
      problems.push(`${label}: PORT=${envPort} but containerPort ${port}`);
    const selecting = services.filter((s) => {
      const selector = (s.body.spec as { selector?: Record<string, string> } | undefined)?.selector ?? {};
      return Object.entries(selector).every(([key, value]) => workload.labels[key] === value);
    });
    if (selecting.length === 0) problems.push(`${label}: no Service selects its pods`);
  }
  return problems;
}

/** SUBGRAPH_<NAME>_URL values in the ConfigMap name a Service of this folder on its port. */
export function checkRoutingUrls(manifests: readonly Manifest[]): string[] {
  const services = new Map(
    manifests
      .filter((m) => m.kind === 'Service')
      .map((m) => [
        m.name,
        ((m.body.spec as { ports?: { port: number }[] } | undefined)?.ports ?? []).map((p) => p.port),
      ]),
  );
  const problems: string[] = [];
  for (const [configMap, data] of configMapData(manifests, 'ConfigMap')) {
    for (const [key, value] of Object.entries(data)) {
      if (!/^SUBGRAPH_[A-Z0-9_]+_URL$/.test(key)) continue;
      const url = URL.canParse(value) ? new URL(value) : undefined;
      const ports = url ? services.get(url.hostname) : undefined;
      if (!url || !ports)
        problems.push(`ConfigMap ${configMap}: ${key}=${value} names no Service in deploy/k8s`);
      else if (!ports.includes(Number(url.port)))
        problems.push(
          `ConfigMap ${configMap}: ${key}=${value} uses port ${url.port}; Service ${url.hostname} serves ${ports.join(', ')}`,
        );
    }
  }
  return problems;
}
