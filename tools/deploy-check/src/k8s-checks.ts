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
    const opsPort = container.env?.find((e) => e.name === 'OPS_PORT')?.value;
    if (opsPort !== undefined) problems.push(...checkOpsPort(label, workload, Number(opsPort), services));
    const selecting = services.filter((s) => {
      const selector = (s.body.spec as { selector?: Record<string, string> } | undefined)?.selector ?? {};
      return Object.entries(selector).every(([key, value]) => workload.labels[key] === value);
    });
    if (selecting.length === 0) problems.push(`${label}: no Service selects its pods`);
  }
  return problems;
}

/**
 * The ops port (OPS_PORT: /metrics, detailed /readyz) is declared as `ops`, scraped by Prometheus through
 * the pod annotations, and exposed by no Service: only the pod network reaches it.
 */
function checkOpsPort(
  label: string,
  workload: Workload,
  opsPort: number,
  services: readonly Manifest[],
): string[] {
  const problems: string[] = [];
  const declared = (workload.container.ports ?? []).find((p) => p.name === 'ops');
  if (declared?.containerPort !== opsPort)
    problems.push(
      `${label}: OPS_PORT=${opsPort} but the container port named ops is ${declared?.containerPort ?? 'missing'}`,
    );
  const template = (
    workload.manifest.body.spec as { template?: { metadata?: { annotations?: Record<string, string> } } }
  ).template;
  const annotations = template?.metadata?.annotations ?? {};
  if (annotations['prometheus.io/scrape'] !== 'true' || annotations['prometheus.io/port'] !== String(opsPort))
    problems.push(
      `${label}: pod annotations do not let Prometheus scrape /metrics on the ops port ${opsPort}`,
    );
  for (const service of services) {
    const selector = (service.body.spec as { selector?: Record<string, string> } | undefined)?.selector ?? {};
    if (!Object.entries(selector).every(([key, value]) => workload.labels[key] === value)) continue;
    const ports =
      (service.body.spec as { ports?: { port: number; targetPort?: string | number }[] }).ports ?? [];
    if (ports.some((p) => p.targetPort === 'ops' || p.targetPort === opsPort || p.port === opsPort))
      problems.push(`${label}: Service ${service.name} exposes the ops port`);
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

interface NetworkPeer {
  podSelector?: { matchLabels?: Record<string, string> };
  namespaceSelector?: { matchLabels?: Record<string, string> };
  ipBlock?: unknown;
}
interface IngressRule {
  from?: NetworkPeer[];
  ports?: { port?: number | string }[];
}
interface NetworkPolicySpec {
  podSelector?: { matchLabels?: Record<string, string> };
  policyTypes?: string[];
  ingress?: IngressRule[];
}

/** The workloads nginx of the web app proxies to (`proxy_pass http://<service>:<port>`), which the web pods must reach. */
export function webProxyTargets(nginxConf: string): Set<string> {
  return new Set([...nginxConf.matchAll(/proxy_pass\s+https?:\/\/([\w-]+)[:/;]/g)].map((match) => match[1] ?? ''));
}

const selects = (selector: Record<string, string> | undefined, labels: Record<string, string>): boolean =>
  Object.entries(selector ?? {}).every(([key, value]) => labels[key] === value);

const coversPort = (rule: IngressRule, port: number, name: string | undefined): boolean =>
  rule.ports === undefined || rule.ports.length === 0 || rule.ports.some((p) => p.port === port || (name !== undefined && p.port === name));

const peerName = (peer: NetworkPeer): string =>
  peer.podSelector && !peer.namespaceSelector
    ? `pods ${JSON.stringify(peer.podSelector.matchLabels ?? {})}`
    : peer.namespaceSelector && !peer.podSelector
      ? `namespace ${JSON.stringify(peer.namespaceSelector.matchLabels ?? {})}`
      : JSON.stringify(peer);

/**
 * Issue 14: ingress is closed by default; a subgraph's port admits only the gateway's pods (and the web
 * app's, for a service its nginx proxies to), an ops port only a namespace (Prometheus'), and every
 * Deployment is selected by a policy so what it serves is reachable by those it serves.
 */
export function checkNetworkPolicies(manifests: readonly Manifest[], compose: ComposeFile, webProxied: ReadonlySet<string>): string[] {
  const policies = manifests.filter((m) => m.kind === 'NetworkPolicy').map((m) => ({ name: m.name, spec: (m.body.spec ?? {}) as NetworkPolicySpec }));
  const problems: string[] = [];
  const denyAll = policies.some(
    ({ spec }) => Object.keys(spec.podSelector?.matchLabels ?? {}).length === 0 && (spec.policyTypes ?? []).includes('Ingress') && (spec.ingress ?? []).length === 0,
  );
  if (!denyAll) problems.push('no NetworkPolicy denies ingress by default (podSelector: {}, policyTypes: [Ingress], no rules)');
  for (const workload of workloads(manifests).filter((w) => w.manifest.kind === 'Deployment')) {
    const name = workload.manifest.name;
    const rules = policies.filter(({ spec }) => selects(spec.podSelector?.matchLabels, workload.labels)).flatMap(({ spec }) => spec.ingress ?? []);
    if (rules.length === 0) {
      problems.push(`Deployment ${name}: no NetworkPolicy admits anything to it`);
      continue;
    }
    const isSubgraph = (workspaceOf(composeServiceFor(workload, compose) ?? ({} as ComposeService)) ?? '').startsWith('services/');
    const allowedPods = new Set(['gateway', ...(webProxied.has(name) ? ['web'] : [])]);
    for (const port of workload.container.ports ?? []) {
      const admitting = rules.filter((rule) => coversPort(rule, port.containerPort, port.name));
      if (admitting.length === 0) {
        problems.push(`Deployment ${name}: no NetworkPolicy admits its port ${port.containerPort} (${port.name ?? 'unnamed'})`);
        continue;
      }
      const peers = admitting.flatMap((rule) => (rule.from === undefined || rule.from.length === 0 ? [undefined] : rule.from));
      if (port.name === 'ops') {
        for (const peer of peers) {
          if (peer === undefined || !peer.namespaceSelector || peer.podSelector || peer.ipBlock)
            problems.push(`Deployment ${name}: its ops port ${port.containerPort} is admitted from ${peer ? peerName(peer) : 'anywhere'}; only Prometheus' namespace may`);
        }
      } else if (isSubgraph) {
        for (const peer of peers) {
          const podName = peer?.podSelector?.matchLabels?.['app.kubernetes.io/name'];
          if (peer === undefined || peer.namespaceSelector || peer.ipBlock || podName === undefined || !allowedPods.has(podName))
            problems.push(`Deployment ${name}: its port ${port.containerPort} is admitted from ${peer ? peerName(peer) : 'anywhere'}; only the gateway${allowedPods.has('web') ? ' and web' : ''} may`);
        }
      }
    }
  }
  return problems;
}

interface ScaleTargetRef {
  apiVersion?: string;
  kind?: string;
  name?: string;
}
interface HorizontalPodAutoscalerSpec {
  scaleTargetRef?: ScaleTargetRef;
  minReplicas?: number;
  maxReplicas?: number;
  metrics?: {
    type?: string;
    resource?: { name?: string; target?: { type?: string; averageUtilization?: number } };
  }[];
}
interface PodDisruptionBudgetSpec {
  selector?: { matchLabels?: Record<string, string> };
  minAvailable?: number | string;
  maxUnavailable?: number | string;
}

/**
 * A PDB's minAvailable/maxUnavailable for `replicas` pods, as the disruption controller reads it: a
 * percentage is scaled to the replicas and rounded up. Returns the pods that must stay available.
 */
export function podsKeptAvailable(spec: PodDisruptionBudgetSpec, replicas: number): number | undefined {
  const scaled = (value: number | string): number =>
    typeof value === 'number' ? value : Math.ceil((Number.parseFloat(value) / 100) * replicas);
  if (spec.minAvailable !== undefined && spec.maxUnavailable === undefined) return scaled(spec.minAvailable);
  if (spec.maxUnavailable !== undefined && spec.minAvailable === undefined)
    return replicas - scaled(spec.maxUnavailable);
  return undefined;
}

const quantity = (value: string | undefined, unit: 'cpu' | 'memory'): number | undefined => {
  if (value === undefined) return undefined;
  const match = /^(\d+(?:\.\d+)?)(m|Ki|Mi|Gi|Ti)?$/.exec(String(value));
  if (!match) return undefined;
  const number = Number(match[1]);
  const factor = { m: 0.001, Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40 }[match[2] ?? ''] ?? 1;
  return unit === 'cpu' && match[2] !== undefined && match[2] !== 'm' ? undefined : number * factor;
};

/** The CPU target every HPA uses: high enough to pay for the replicas, low enough for the morning ramp. */
export const HPA_CPU_TARGET_RANGE = { min: 50, max: 80 } as const;

/**
 * Issue 13 (docs/capacity.md): every Deployment is scaled by one HorizontalPodAutoscaler on CPU and
 * protected by one PodDisruptionBudget. The HPA owns the replica count (a Deployment that also sets
 * `replicas` is reset to it by every `kubectl apply`, in the middle of the morning peak); at least two
 * replicas keep the API path up through a node failure; the CPU target is a share of the CPU request, so
 * the request must be set; a drain may take a pod at the fewest replicas and must leave one.
 */
export function checkAutoscaling(manifests: readonly Manifest[]): string[] {
  const problems: string[] = [];
  const autoscalers = manifests
    .filter((m) => m.kind === 'HorizontalPodAutoscaler')
    .map((m) => ({ manifest: m, spec: (m.body.spec ?? {}) as HorizontalPodAutoscalerSpec }));
  const budgets = manifests
    .filter((m) => m.kind === 'PodDisruptionBudget')
    .map((m) => ({ manifest: m, spec: (m.body.spec ?? {}) as PodDisruptionBudgetSpec }));
  for (const { manifest, spec } of autoscalers) {
    if (manifest.apiVersion !== 'autoscaling/v2')
      problems.push(`HorizontalPodAutoscaler ${manifest.name}: apiVersion ${manifest.apiVersion}; use autoscaling/v2`);
    const target = spec.scaleTargetRef;
    const scaled = manifests.some((m) => m.kind === 'Deployment' && m.name === target?.name);
    if (target?.kind !== 'Deployment' || target.apiVersion !== 'apps/v1' || !scaled)
      problems.push(`HorizontalPodAutoscaler ${manifest.name} scales ${JSON.stringify(target ?? {})}, which is no Deployment here`);
  }
  for (const { manifest } of budgets) {
    if (manifest.apiVersion !== 'policy/v1')
      problems.push(`PodDisruptionBudget ${manifest.name}: apiVersion ${manifest.apiVersion}; use policy/v1`);
  }
  for (const workload of workloads(manifests).filter((w) => w.manifest.kind === 'Deployment')) {
    const name = workload.manifest.name;
    const label = `Deployment ${name}`;
    if ((workload.manifest.body.spec as { replicas?: unknown }).replicas !== undefined)
      problems.push(`${label} sets replicas; its HorizontalPodAutoscaler owns the count (kubectl apply would reset it)`);
    const mine = autoscalers.filter(({ spec }) => spec.scaleTargetRef?.kind === 'Deployment' && spec.scaleTargetRef.name === name);
    const hpa = mine[0]?.spec;
    if (mine.length !== 1 || !hpa) {
      problems.push(`${label}: ${mine.length === 0 ? 'no HorizontalPodAutoscaler scales' : `${mine.length} HorizontalPodAutoscalers scale`} it; it needs exactly one`);
      continue;
    }
    const min = hpa.minReplicas ?? 1;
    const max = hpa.maxReplicas ?? 0;
    if (min < 2) problems.push(`${label}: minReplicas ${min}; at least 2 keep it serving while a node goes down`);
    if (max <= min) problems.push(`${label}: maxReplicas ${max} leaves the autoscaler no room above minReplicas ${min}`);
    const cpuTargets = (hpa.metrics ?? []).filter((metric) => metric.type === 'Resource' && metric.resource?.name === 'cpu');
    const utilisation = cpuTargets[0]?.resource?.target;
    if (utilisation?.type !== 'Utilization' || utilisation.averageUtilization === undefined)
      problems.push(`${label}: its HorizontalPodAutoscaler has no CPU utilisation target`);
    else if (utilisation.averageUtilization < HPA_CPU_TARGET_RANGE.min || utilisation.averageUtilization > HPA_CPU_TARGET_RANGE.max)
      problems.push(`${label}: CPU target ${utilisation.averageUtilization}% is outside ${HPA_CPU_TARGET_RANGE.min}–${HPA_CPU_TARGET_RANGE.max}% (docs/capacity.md "Headroom")`);
    const resources = workload.container.resources;
    const cpuRequest = quantity(resources?.requests?.cpu, 'cpu');
    const cpuLimit = quantity(resources?.limits?.cpu, 'cpu');
    const memoryRequest = quantity(resources?.requests?.memory, 'memory');
    const memoryLimit = quantity(resources?.limits?.memory, 'memory');
    if (cpuRequest === undefined) problems.push(`${label}: the CPU target is a share of the CPU request, which is not set`);
    if (cpuRequest !== undefined && cpuLimit !== undefined && cpuLimit < cpuRequest)
      problems.push(`${label}: CPU limit ${resources?.limits?.cpu} is below its request ${resources?.requests?.cpu}`);
    if (memoryRequest !== undefined && memoryLimit !== undefined && memoryLimit < memoryRequest)
      problems.push(`${label}: memory limit ${resources?.limits?.memory} is below its request ${resources?.requests?.memory}`);

    const covering = budgets.filter(({ spec }) => {
      const selector = spec.selector?.matchLabels ?? {};
      return Object.keys(selector).length > 0 && selects(selector, workload.labels);
    });
    const pdb = covering[0]?.spec;
    if (covering.length !== 1 || !pdb) {
      problems.push(`${label}: ${covering.length === 0 ? 'no PodDisruptionBudget selects' : `${covering.length} PodDisruptionBudgets select`} its pods; it needs exactly one`);
      continue;
    }
    for (const replicas of [min, max]) {
      const kept = podsKeptAvailable(pdb, replicas);
      if (kept === undefined) problems.push(`${label}: its PodDisruptionBudget sets ${pdb.minAvailable === undefined ? 'neither' : 'both'} minAvailable and maxUnavailable`);
      else if (kept >= replicas)
        problems.push(`${label}: its PodDisruptionBudget keeps ${kept} of ${replicas} replicas available, so no drain can evict a pod`);
      else if (kept < 1) problems.push(`${label}: its PodDisruptionBudget lets a drain evict all ${replicas} replicas`);
      if (kept === undefined) break;
    }
  }
  return problems;
}

/**
 * A topic's partitions bound how many replicas of a consuming Deployment share its events (one
 * partition goes to one member of a consumer group): every topic has at least as many partitions as the
 * most replicas any of its consumers' HorizontalPodAutoscalers may run (docs/capacity.md "Kafka").
 */
export function checkPartitionsCoverConsumers(
  manifests: readonly Manifest[],
  topicPartitions: ReadonlyMap<string, number>,
  readers: ReadonlyMap<string, readonly string[]>,
): string[] {
  const maxReplicas = new Map(
    manifests
      .filter((m) => m.kind === 'HorizontalPodAutoscaler')
      .map((m) => {
        const spec = (m.body.spec ?? {}) as HorizontalPodAutoscalerSpec;
        return [spec.scaleTargetRef?.name ?? '', spec.maxReplicas ?? 0] as const;
      }),
  );
  const problems: string[] = [];
  for (const [topic, partitions] of topicPartitions) {
    for (const reader of readers.get(topic) ?? []) {
      const replicas = maxReplicas.get(reader);
      if (replicas !== undefined && replicas > partitions)
        problems.push(`${topic} has ${partitions} partitions but ${reader} may run ${replicas} replicas; ${replicas - partitions} would get none of its events`);
    }
  }
  return problems;
}
