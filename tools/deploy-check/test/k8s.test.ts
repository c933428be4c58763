// deploy/k8s against the code and docker-compose.yml; each check also runs on a broken copy.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAclPlan } from '../src/acls.ts';
import {
  checkAutoscaling,
  checkDeployments,
  checkManifestShape,
  checkNetworkPolicies,
  checkPartitionsCoverConsumers,
  checkRoutingUrls,
  checkWorkloadEnvironment,
  readManifests,
  podsKeptAvailable,
  webProxyTargets,
  workloads,
  type Manifest,
} from '../src/k8s-checks.ts';
import { readTopicPlan, topicSpecs } from '../src/topics.ts';
import { repoRoot } from '../src/workspaces.ts';
import { facts, loadCompose } from './repo-facts.ts';

const manifestDir = join(repoRoot, 'deploy/k8s');
const load = (): Manifest[] => readManifests(manifestDir);
const webProxied = webProxyTargets(readFileSync(join(repoRoot, 'deploy/docker/nginx-web.conf'), 'utf8'));
const networkPolicies: Check = (m) => checkNetworkPolicies(m, loadCompose(), webProxied);

const topicPartitions = new Map(
  topicSpecs(readTopicPlan(join(repoRoot, 'deploy/kafka/topics.yaml')))
    .filter((topic) => topic.deadLetterOf === undefined)
    .map((topic) => [topic.name, topic.partitions]),
);
const topicReaders = new Map(
  Object.entries(readAclPlan(join(repoRoot, 'deploy/kafka/acls.yaml')).topics).map(([topic, acl]) => [topic, acl.readers]),
);
const partitions: Check = (m) => checkPartitionsCoverConsumers(m, topicPartitions, topicReaders);

type Check = (manifests: Manifest[]) => string[];
const checks: Record<string, Check> = {
  'every document has apiVersion, kind and metadata.name': checkManifestShape,
  'containers get exactly the variables their code reads, with the names compose uses': (m) =>
    checkWorkloadEnvironment(m, loadCompose(), facts),
  'deployments have probes on served paths, resources, non-root and a Service': (m) =>
    checkDeployments(m, loadCompose(), facts),
  'subgraph URLs in the ConfigMap name Services on their ports': checkRoutingUrls,
  'ingress is closed by default; subgraphs admit only the gateway, ops ports only Prometheus': networkPolicies,
  'every Deployment has one HPA (at least 2 replicas, a CPU target on a CPU request) and one PDB a drain can pass': checkAutoscaling,
  'every topic has a partition for each replica its consumers may scale to': partitions,
};

describe('deploy/k8s', () => {
  it.each(Object.entries(checks))('%s', (_name, check) => {
    expect(check(load())).toEqual([]);
  });

  it('has the namespace, the config, the Secret template and a Deployment + Service per subgraph and the gateway', () => {
    const manifests = load();
    const names = (kind: string): string[] =>
      manifests
        .filter((m) => m.kind === kind)
        .map((m) => m.name)
        .sort();
    expect(names('Namespace')).toEqual(['kinerja-asn']);
    expect(names('ConfigMap')).toEqual(['kinerja-config']);
    expect(names('Secret')).toEqual(['kinerja-secrets']);
    const subgraphServices = loadCompose()
      .services.filter((s) => s.build?.args.WORKSPACE?.startsWith('services/'))
      .map((s) => s.name);
    for (const name of [...subgraphServices, 'gateway']) {
      expect(names('Deployment'), name).toContain(name);
      expect(names('Service'), name).toContain(name);
    }
  });

  it('keeps the Secret a template: placeholder passwords, and kustomize does not apply it', () => {
    const manifests = load();
    const secret = manifests.find((m) => m.kind === 'Secret');
    // Kafka user names are the principals of deploy/kafka/acls.yaml, not secrets; everything else is a placeholder.
    const values = Object.entries((secret?.body.stringData ?? {}) as Record<string, string>)
      .filter(([key]) => !key.endsWith('_KAFKA_USERNAME'))
      .map(([, value]) => value);
    expect(values.length).toBeGreaterThan(0);
    for (const value of values) expect(value).toContain('CHANGE_ME');
    const kustomization = manifests.find((m) => m.kind === 'Kustomization');
    const resources = (kustomization?.body.resources ?? []) as string[];
    expect(resources).not.toContain(secret?.file);
    const files = new Set(
      manifests.filter((m) => m.kind !== 'Kustomization' && m.kind !== 'Secret').map((m) => m.file),
    );
    expect(resources.sort()).toEqual([...files].sort());
  });
});

function breakIn(mutate: (manifests: Manifest[]) => void): Manifest[] {
  const manifests = load();
  mutate(manifests);
  return manifests;
}
const deployment = (manifests: Manifest[], name: string) => {
  const found = workloads(manifests).find(
    (w) => w.manifest.kind === 'Deployment' && w.manifest.name === name,
  );
  if (!found) throw new Error(`no Deployment ${name}`);
  return found;
};

const policy = (manifests: Manifest[], name: string) => {
  const found = manifests.find((m) => m.kind === 'NetworkPolicy' && m.name === name);
  if (!found) throw new Error(`no NetworkPolicy ${name}`);
  return found.body.spec as { podSelector: { matchLabels?: Record<string, string> }; ingress?: { from?: unknown[]; ports?: { port: number }[] }[] };
};

interface AutoscalerSpec {
  minReplicas: number;
  maxReplicas: number;
  metrics: { resource: { target: { averageUtilization: number } } }[];
}
const autoscaler = (manifests: Manifest[], name: string): AutoscalerSpec => {
  const found = manifests.find((m) => m.kind === 'HorizontalPodAutoscaler' && m.name === name);
  if (!found) throw new Error(`no HorizontalPodAutoscaler ${name}`);
  return found.body.spec as AutoscalerSpec;
};
const disruptionBudget = (manifests: Manifest[], name: string) => {
  const found = manifests.find((m) => m.kind === 'PodDisruptionBudget' && m.name === name);
  if (!found) throw new Error(`no PodDisruptionBudget ${name}`);
  return found.body.spec as { minAvailable?: number | string; maxUnavailable?: number | string; selector: unknown };
};

describe('PodDisruptionBudget arithmetic', () => {
  it('scales a percentage to the replicas and rounds up, as the disruption controller does', () => {
    expect(podsKeptAvailable({ maxUnavailable: '25%' }, 2)).toBe(1);
    expect(podsKeptAvailable({ maxUnavailable: '25%' }, 40)).toBe(30);
    expect(podsKeptAvailable({ minAvailable: '75%' }, 2)).toBe(2);
    expect(podsKeptAvailable({ minAvailable: 1 }, 6)).toBe(1);
    expect(podsKeptAvailable({ maxUnavailable: 1 }, 6)).toBe(5);
    expect(podsKeptAvailable({ minAvailable: 1, maxUnavailable: 1 }, 6)).toBeUndefined();
  });
});

describe('each k8s check names what a broken manifest gets wrong', () => {
  it('reads the services the web app proxies to from its nginx configuration', () => {
    expect([...webProxied].sort()).toEqual(['competency', 'remuneration']);
  });

  it.each<[string, Check, Manifest[], string]>([
    [
      'no default deny',
      networkPolicies,
      breakIn((m) => {
        policy(m, 'default-deny-ingress').podSelector = { matchLabels: { 'app.kubernetes.io/name': 'web' } };
      }),
      'no NetworkPolicy denies ingress by default',
    ],
    [
      'a subgraph open to every pod',
      networkPolicies,
      breakIn((m) => {
        const first = policy(m, 'performance-ingress').ingress?.[0];
        if (first) delete first.from;
      }),
      'Deployment performance: its port 4003 is admitted from anywhere; only the gateway may',
    ],
    [
      'a subgraph open to the web app it is not proxied by',
      networkPolicies,
      breakIn((m) => {
        policy(m, 'attendance-ingress').ingress?.[0]?.from?.push({ podSelector: { matchLabels: { 'app.kubernetes.io/name': 'web' } } });
      }),
      'Deployment attendance: its port 4004 is admitted from pods {"app.kubernetes.io/name":"web"}; only the gateway may',
    ],
    [
      'an ops port open to the gateway',
      networkPolicies,
      breakIn((m) => {
        const ops = policy(m, 'personnel-ingress').ingress?.[1];
        if (ops) ops.from = [{ podSelector: { matchLabels: { 'app.kubernetes.io/name': 'gateway' } } }];
      }),
      'Deployment personnel: its ops port 5001 is admitted from pods {"app.kubernetes.io/name":"gateway"}; only Prometheus\' namespace may',
    ],
    [
      'a subgraph without a policy',
      networkPolicies,
      breakIn((m) => {
        policy(m, 'remuneration-ingress').podSelector = { matchLabels: { 'app.kubernetes.io/name': 'ledger' } };
      }),
      'Deployment remuneration: no NetworkPolicy admits anything to it',
    ],
    [
      'a document without a name',
      checkManifestShape,
      breakIn((m) => {
        if (m[0]) m[0].name = '';
      }),
      'lacks metadata.name',
    ],
    [
      'gateway loses a variable its code reads',
      (m) => checkWorkloadEnvironment(m, loadCompose(), facts),
      breakIn((m) => {
        const c = deployment(m, 'gateway').container;
        c.env = c.env?.filter((e) => e.name !== 'AUTH_AUDIENCE');
      }),
      'Deployment gateway: AUTH_AUDIENCE is read by',
    ],
    [
      'gateway gets a variable nobody reads',
      (m) => checkWorkloadEnvironment(m, loadCompose(), facts),
      breakIn((m) => {
        deployment(m, 'gateway').container.env?.push({ name: 'DATABASE_URL', value: 'postgres://x/y' });
      }),
      'sets DATABASE_URL, which the code of gateway never reads',
    ],
    [
      'a ConfigMap key that does not exist',
      (m) => checkWorkloadEnvironment(m, loadCompose(), facts),
      breakIn((m) => {
        const v = deployment(m, 'gateway').container.env?.find((e) => e.name === 'LOG_LEVEL');
        if (v) v.valueFrom = { configMapKeyRef: { name: 'kinerja-config', key: 'LOGLEVEL' } };
      }),
      'key LOGLEVEL, which does not exist',
    ],
    [
      'an image compose does not build',
      (m) => checkWorkloadEnvironment(m, loadCompose(), facts),
      breakIn((m) => {
        deployment(m, 'gateway').container.image = 'kinerja-asn/router:1';
      }),
      'runs image kinerja-asn/router:1, which no compose service builds',
    ],
    [
      'readiness on the liveness path',
      (m) => checkDeployments(m, loadCompose(), facts),
      breakIn((m) => {
        const p = deployment(m, 'web').container.livenessProbe?.httpGet;
        if (p) p.path = '/health';
      }),
      'livenessProbe probes /health; expected /healthz',
    ],
    [
      'no memory limit',
      (m) => checkDeployments(m, loadCompose(), facts),
      breakIn((m) => {
        const r = deployment(m, 'gateway').container.resources;
        if (r?.limits) delete r.limits.memory;
      }),
      'Deployment gateway: set cpu/memory requests and a memory limit',
    ],
    [
      'runs as root',
      (m) => checkDeployments(m, loadCompose(), facts),
      breakIn((m) => {
        deployment(m, 'gateway').pod.securityContext = {};
      }),
      'Deployment gateway: pod securityContext.runAsNonRoot is not true',
    ],
    [
      'a Job keeping its capabilities',
      (m) => checkDeployments(m, loadCompose(), facts),
      breakIn((m) => {
        const job = workloads(m).find((w) => w.manifest.kind === 'Job');
        if (job?.container.securityContext) job.container.securityContext.capabilities = {};
      }),
      'Job kafka-topics: capabilities.drop does not include ALL',
    ],
    [
      'ops port not scraped',
      (m) => checkDeployments(m, loadCompose(), facts),
      breakIn((m) => {
        const template = (
          deployment(m, 'personnel').manifest.body.spec as {
            template: { metadata: { annotations?: Record<string, string> } };
          }
        ).template;
        template.metadata.annotations = {};
      }),
      'Deployment personnel: pod annotations do not let Prometheus scrape /metrics on the ops port 5001',
    ],
    [
      'ops port exposed by the Service',
      (m) => checkDeployments(m, loadCompose(), facts),
      breakIn((m) => {
        const service = m.find((x) => x.kind === 'Service' && x.name === 'gateway');
        (service?.body.spec as { ports: unknown[] }).ports.push({
          name: 'ops',
          port: 5000,
          targetPort: 'ops',
        });
      }),
      'Deployment gateway: Service gateway exposes the ops port',
    ],
    [
      'OPS_PORT off the declared ops port',
      (m) => checkDeployments(m, loadCompose(), facts),
      breakIn((m) => {
        const v = deployment(m, 'competency').container.env?.find((e) => e.name === 'OPS_PORT');
        if (v) v.value = '9464';
      }),
      'Deployment competency: OPS_PORT=9464 but the container port named ops is 5002',
    ],
    [
      'a Deployment no HPA scales',
      checkAutoscaling,
      breakIn((m) => {
        const index = m.findIndex((x) => x.kind === 'HorizontalPodAutoscaler' && x.name === 'personnel');
        m.splice(index, 1);
      }),
      'Deployment personnel: no HorizontalPodAutoscaler scales it; it needs exactly one',
    ],
    [
      'a Deployment that also sets replicas',
      checkAutoscaling,
      breakIn((m) => {
        (deployment(m, 'attendance').manifest.body.spec as { replicas?: number }).replicas = 2;
      }),
      'Deployment attendance sets replicas; its HorizontalPodAutoscaler owns the count',
    ],
    [
      'the gateway down to one replica',
      checkAutoscaling,
      breakIn((m) => {
        autoscaler(m, 'gateway').minReplicas = 1;
      }),
      'Deployment gateway: minReplicas 1; at least 2 keep it serving while a node goes down',
    ],
    [
      'an HPA with no room to scale',
      checkAutoscaling,
      breakIn((m) => {
        const spec = autoscaler(m, 'competency');
        spec.maxReplicas = spec.minReplicas;
      }),
      'Deployment competency: maxReplicas 2 leaves the autoscaler no room above minReplicas 2',
    ],
    [
      'a CPU target that leaves no headroom',
      checkAutoscaling,
      breakIn((m) => {
        const target = autoscaler(m, 'remuneration').metrics[0]?.resource.target;
        if (target) target.averageUtilization = 95;
      }),
      'Deployment remuneration: CPU target 95% is outside 50–80%',
    ],
    [
      'a CPU target without a CPU request',
      checkAutoscaling,
      breakIn((m) => {
        delete deployment(m, 'performance').container.resources?.requests?.cpu;
      }),
      'Deployment performance: the CPU target is a share of the CPU request, which is not set',
    ],
    [
      'a PDB that blocks every drain',
      checkAutoscaling,
      breakIn((m) => {
        const budget = disruptionBudget(m, 'gateway');
        delete budget.maxUnavailable;
        budget.minAvailable = 2;
      }),
      'Deployment gateway: its PodDisruptionBudget keeps 2 of 2 replicas available, so no drain can evict a pod',
    ],
    [
      'a PDB that lets a drain take every pod',
      checkAutoscaling,
      breakIn((m) => {
        disruptionBudget(m, 'web').maxUnavailable = '100%';
      }),
      'Deployment web: its PodDisruptionBudget lets a drain evict all 2 replicas',
    ],
    [
      'a Deployment no PDB covers',
      checkAutoscaling,
      breakIn((m) => {
        disruptionBudget(m, 'attendance').selector = { matchLabels: { 'app.kubernetes.io/name': 'absensi' } };
      }),
      'Deployment attendance: no PodDisruptionBudget selects its pods; it needs exactly one',
    ],
    [
      'a consumer scaling past its topic\'s partitions',
      (m) => checkPartitionsCoverConsumers(m, new Map([...topicPartitions, ['attendance.recap.v1', 2]]), topicReaders),
      load(),
      'attendance.recap.v1 has 2 partitions but remuneration may run',
    ],
    [
      'subgraph URL to a missing Service',
      checkRoutingUrls,
      breakIn((m) => {
        const cm = m.find((x) => x.kind === 'ConfigMap');
        if (cm)
          (cm.body.data as Record<string, string>).SUBGRAPH_PERSONNEL_URL = 'http://pegawai:4001/graphql';
      }),
      'SUBGRAPH_PERSONNEL_URL=http://pegawai:4001/graphql names no Service',
    ],
  ])('%s', (_case, check, manifests, expected) => {
    expect(check(manifests).join('\n')).toContain(expected);
  });
});
