// Creates services/<name> from template/ and registers the subgraph where it must be named
// (registrations.ts). Refuses to touch an existing service folder unless `intoExisting`, which only adds
// the files that are missing (never overwrites one), merges missing keys into an existing package.json
// and runs the (idempotent) registrations.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  RegistrationError,
  registerDatabase,
  registerInCompose,
  registerInConfigMap,
  registerInConventionsPorts,
  registerInGatewayDeployment,
  registerInK8sReadme,
  registerInKustomization,
  registerInReadme,
  registerInAcls,
  registerInSecretExample,
  registerTopicInModule,
  registerTopicInPlan,
} from './registrations.ts';
import { notServiceNames, render, reservedPorts, serviceNamePattern, serviceNames, type ServiceNames } from './service-names.ts';

export class UsageError extends Error {}

const templateDir = fileURLToPath(new URL('../template/', import.meta.url));
const registrationTemplates = fileURLToPath(new URL('../registrations/', import.meta.url));

export interface GenerateOptions {
  /** The repository (or a copy of it) to generate into. */
  root: string;
  name: string;
  port: number;
  /** Aggregates of the topics this service publishes: `rating` → `<name>.rating.v1`. */
  topics?: readonly string[];
  intoExisting?: boolean;
}

export interface GenerateReport {
  created: string[];
  /** Files of the template already present (intoExisting): left as they are. */
  kept: string[];
  /** The template's example (a field, its resolver, rule and tests), left out beside a schema.graphql of the service's own. */
  skipped: string[];
  /** Files the registrations changed. */
  registered: string[];
}

/** Dependencies of a generated service, at the versions the workspace already installs (package-lock.json). */
const dependencies = ['@mikro-orm/core', '@mikro-orm/migrations', '@mikro-orm/postgresql', 'graphql', 'zod'];
const devDependencies = ['@graphql-codegen/cli', '@graphql-codegen/typescript', '@graphql-codegen/typescript-resolvers'];

/** The template's example, coupled to the `<name>ReportingMonth` field of the generated schema.graphql. */
const exampleFiles = [
  'src/domain/reporting-month.ts',
  'src/resolvers/index.ts',
  'src/resolvers/query.ts',
  'test/domain/reporting-month.test.ts',
  'test/integration/__name__.integration.test.ts',
];

function templateFiles(dir = templateDir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? templateFiles(join(dir, entry.name)) : entry.name.endsWith('.tmpl') ? [join(dir, entry.name)] : [],
  );
}

/** The subgraphs declared so far: services/<name>/package.json with "kinerja": { "subgraph": { "port" } }. */
function declaredSubgraphs(root: string): Map<string, number> {
  const servicesDir = join(root, 'services');
  const declared = new Map<string, number>();
  for (const entry of readdirSync(servicesDir, { withFileTypes: true })) {
    const manifest = join(servicesDir, entry.name, 'package.json');
    if (!entry.isDirectory() || !existsSync(manifest)) continue;
    const port = (JSON.parse(readFileSync(manifest, 'utf8')) as { kinerja?: { subgraph?: { port?: unknown } } }).kinerja?.subgraph?.port;
    if (typeof port === 'number') declared.set(entry.name, port);
  }
  return declared;
}

/** Refuses a bad name, port or topic, or an existing service without intoExisting, with a one-line reason. */
export function validate(options: GenerateOptions): ServiceNames {
  const { root, name, port } = options;
  if (!serviceNamePattern.test(name) || notServiceNames.has(name))
    throw new UsageError(`service name "${name}" must be 3–30 lower-case letters (a-z), not ${[...notServiceNames].join('/')}`);
  if (!Number.isInteger(port) || port < 1024 || port > 65535)
    throw new UsageError(`port "${String(options.port)}" must be an integer from 1024 to 65535`);
  const reserved = reservedPorts.get(port);
  if (reserved) throw new UsageError(`port ${port} is taken by ${reserved} (docs/conventions.md "Ports")`);
  for (const [other, otherPort] of declaredSubgraphs(root)) {
    if (other !== name && otherPort === port) throw new UsageError(`port ${port} is taken by services/${other}`);
    if (other === name && otherPort !== port)
      throw new UsageError(`services/${name}/package.json already declares port ${otherPort}, not ${port}`);
  }
  for (const aggregate of options.topics ?? [])
    if (!/^[a-z]+(-[a-z]+)*$/.test(aggregate))
      throw new UsageError(`topic aggregate "${aggregate}" must be lower-case words joined by "-" (topic ${name}.<aggregate>.v1)`);
  if (existsSync(join(root, 'services', name)) && !options.intoExisting)
    throw new UsageError(`services/${name} already exists; --into-existing adds only the missing files and the registrations`);
  return serviceNames(name, port);
}

function lockedVersion(root: string, dependency: string): string {
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as { packages?: Record<string, { version?: string }> };
  const version = lock.packages?.[`node_modules/${dependency}`]?.version;
  if (!version) throw new UsageError(`package-lock.json has no ${dependency}; run npm install first`);
  return version;
}

function manifestFor(root: string, names: ServiceNames): Record<string, unknown> {
  const pinned = (list: readonly string[]) => Object.fromEntries(list.map((dependency) => [dependency, lockedVersion(root, dependency)]));
  return {
    name: `@kinerja/${names.name}`,
    version: '0.1.0',
    private: true,
    type: 'module',
    kinerja: { subgraph: { port: names.port } },
    exports: { './testing': './test/support/process.ts' },
    scripts: {
      build: 'graphql-codegen --config codegen.ts',
      lint: 'eslint .',
      typecheck: 'tsc -p .',
      test: 'vitest run',
      start: 'node src/main.ts',
    },
    dependencies: { '@kinerja/kit': '*', '@kinerja/proto': '*', ...pinned(dependencies) },
    devDependencies: { ...pinned(devDependencies), '@kinerja/local-infra': '*' },
  };
}

/** The generated manifest's keys added to an existing one, without changing a value it already has. */
function mergeManifest(existing: Record<string, unknown>, generated: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...existing };
  for (const [key, value] of Object.entries(generated)) {
    const current = merged[key];
    if (current === undefined) merged[key] = value;
    else if (key !== 'kinerja' && isRecord(current) && isRecord(value)) merged[key] = { ...value, ...current };
  }
  const kinerja = isRecord(merged['kinerja']) ? merged['kinerja'] : {};
  merged['kinerja'] = { ...kinerja, subgraph: { ...(isRecord(kinerja['subgraph']) ? kinerja['subgraph'] : {}), ...(generated['kinerja'] as { subgraph: object }).subgraph } };
  return merged;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export function generate(options: GenerateOptions): GenerateReport {
  const names = validate(options);
  const serviceDir = join(options.root, 'services', names.name);
  const report: GenerateReport = { created: [], kept: [], skipped: [], registered: [] };
  // A schema of the service's own has no example field for the example resolver to implement.
  const ownSchema = existsSync(join(serviceDir, 'schema.graphql'));

  const composeTemplate = readFileSync(join(registrationTemplates, 'compose-service.yaml.tmpl'), 'utf8');
  const edits: [string, (text: string) => string][] = [
    ['docker-compose.yml', (text) => registerInCompose(text, names, composeTemplate)],
    ['deploy/docker/postgres-init/01-databases.sql', (text) => registerDatabase(text, names)],
    ['deploy/k8s/kustomization.yaml', (text) => registerInKustomization(text, names)],
    ['deploy/k8s/configmap.yaml', (text) => registerInConfigMap(text, names)],
    ['deploy/k8s/gateway.yaml', (text) => registerInGatewayDeployment(text, names)],
    ['deploy/k8s/secret.example.yaml', (text) => registerInSecretExample(text, names)],
    ['deploy/k8s/README.md', (text) => registerInK8sReadme(text, names)],
    ['docs/conventions.md', (text) => registerInConventionsPorts(text, names)],
    ['README.md', (text) => registerInReadme(text, names)],
    ['deploy/kafka/acls.yaml', (text) => registerInAcls(text, names, undefined)],
    ...(options.topics ?? []).flatMap((aggregate): [string, (text: string) => string][] => [
      ['deploy/kafka/topics.yaml', (text) => registerTopicInPlan(text, names, aggregate)],
      ['deploy/kafka/acls.yaml', (text) => registerInAcls(text, names, aggregate)],
      ['proto/src/topics.ts', (text) => registerTopicInModule(text, names, aggregate)],
    ]),
  ];
  // Every registration is computed before any file is written, so a refusal (a port docs/conventions.md
  // gives another service) leaves the repository untouched.
  const contents = new Map<string, string>();
  for (const [file, edit] of edits) {
    const before = contents.get(file) ?? readFileSync(join(options.root, file), 'utf8');
    contents.set(file, edit(before));
  }

  const manifestPath = join(serviceDir, 'package.json');
  const manifest = manifestFor(options.root, names);
  mkdirSync(serviceDir, { recursive: true });
  if (existsSync(manifestPath)) {
    const existing = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
    const merged = mergeManifest(existing, manifest);
    if (JSON.stringify(merged) !== JSON.stringify(existing)) {
      writeFileSync(manifestPath, `${JSON.stringify(merged, null, 2)}\n`);
      report.registered.push(`services/${names.name}/package.json`);
    } else report.kept.push(`services/${names.name}/package.json`);
  } else {
    writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
    report.created.push(`services/${names.name}/package.json`);
  }

  for (const template of templateFiles()) {
    const templatePath = relative(templateDir, template).replace(/\.tmpl$/, '');
    const path = render(templatePath, names);
    const target = join(serviceDir, path);
    const shown = `services/${names.name}/${path}`;
    if (existsSync(target)) {
      report.kept.push(shown);
      continue;
    }
    if (ownSchema && exampleFiles.includes(templatePath)) {
      report.skipped.push(shown);
      continue;
    }
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, render(readFileSync(template, 'utf8'), names));
    report.created.push(shown);
  }

  const k8sManifest = join(options.root, 'deploy/k8s', `${names.name}.yaml`);
  if (!existsSync(k8sManifest)) {
    writeFileSync(k8sManifest, render(readFileSync(join(registrationTemplates, 'k8s-subgraph.yaml.tmpl'), 'utf8'), names));
    report.created.push(`deploy/k8s/${names.name}.yaml`);
  }
  for (const [file, after] of contents) {
    if (after === readFileSync(join(options.root, file), 'utf8')) continue;
    writeFileSync(join(options.root, file), after);
    report.registered.push(file);
  }
  return report;
}

export { RegistrationError };
