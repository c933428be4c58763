// deploy/k8s against the code and docker-compose.yml; each check also runs on a broken copy.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkDeployments,
  checkManifestShape,
  checkRoutingUrls,
  checkWorkloadEnvironment,
  readManifests,
  workloads,
  type Manifest,
} from '../src/k8s-checks.ts';
import { repoRoot } from '../src/workspaces.ts';
import { facts, loadCompose } from './repo-facts.ts';

const manifestDir = join(repoRoot, 'deploy/k8s');
const load = (): Manifest[] => readManifests(manifestDir);

type Check = (manifests: Manifest[]) => string[];
const checks: Record<string, Check> = {
  'every document has apiVersion, kind and metadata.name': checkManifestShape,
  'containers get exactly the variables their code reads, with the names compose uses': (m) =>
    checkWorkloadEnvironment(m, loadCompose(), facts),
  'deployments have probes on served paths, resources, non-root and a Service': (m) =>
    checkDeployments(m, loadCompose(), facts),
  'subgraph URLs in the ConfigMap name Services on their ports': checkRoutingUrls,
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
    const values = Object.values((secret?.body.stringData ?? {}) as Record<string, string>);
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

describe('each k8s check names what a broken manifest gets wrong', () => {
  it.each<[string, Check, Manifest[], string]>([
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
