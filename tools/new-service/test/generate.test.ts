// The generator end to end on a temporary copy of the workspace (sources copied, node_modules
// symlinked, so nothing is installed): the new subgraph typechecks and lints, its domain test passes, it
// composes into the supergraph with the real services, and the deployment files name it the way
// tools/deploy-check expects. Then a second run changes nothing, and the CLI refuses bad input with one
// line and exit code 2.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkDatabases, checkDeclaredSubgraphsRun, checkPublishedPorts, type RepoFacts } from '@kinerja/deploy-check/compose-checks';
import { readCompose } from '@kinerja/deploy-check/compose';
import { conventionPorts, readConventions } from '@kinerja/deploy-check/conventions';
import { checkAutoscaling, checkNetworkPolicies, checkRoutingUrls, readManifests, webProxyTargets } from '@kinerja/deploy-check/k8s-checks';
import { readTopicPlan, topicSpecs } from '@kinerja/deploy-check/topics';
import { listWorkspaces } from '@kinerja/deploy-check/workspaces';
import { composeSupergraph, readSubgraphSources } from '@kinerja/gateway/composition';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate, UsageError, type GenerateReport } from '../src/generate.ts';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
const bin = (path: string) => join(repoRoot, 'node_modules', path);

let root: string;
let report: GenerateReport;

/** The files and folders the generator reads or edits, copied; the rest it needs, symlinked. */
function copyWorkspace(): string {
  const copy = mkdtempSync(join(tmpdir(), 'kinerja-new-service-'));
  const skip = new Set(['node_modules', 'generated', '.turbo', 'gen']);
  const filter = (source: string) => !skip.has(basename(source));
  for (const file of ['package.json', 'package-lock.json', 'tsconfig.base.json', 'vitest.shared.ts', 'eslint.config.js', 'README.md', 'docker-compose.yml'])
    cpSync(join(repoRoot, file), join(copy, file));
  for (const dir of ['docs', 'services', 'deploy/k8s', 'deploy/kafka', 'deploy/docker', 'proto/src'])
    cpSync(join(repoRoot, dir), join(copy, dir), { recursive: true, filter });
  symlinkSync(join(repoRoot, 'node_modules'), join(copy, 'node_modules'));
  symlinkSync(join(repoRoot, 'deploy/local'), join(copy, 'deploy/local'));
  symlinkSync(join(repoRoot, 'proto/gen'), join(copy, 'proto/gen'));
  mkdirSync(join(copy, '.local'));
  return copy;
}

function run(command: string, args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [command, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

beforeAll(() => {
  root = copyWorkspace();
  report = generate({ root, name: 'appraisal', port: 4010, topics: ['review'] });
});

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('a generated subgraph', () => {
  const serviceDir = () => join(root, 'services/appraisal');

  it('has the layout of docs/service-template.md', () => {
    expect(report.created.sort()).toEqual(
      [
        'deploy/k8s/appraisal.yaml',
        ...[
          'package.json',
          'tsconfig.json',
          'vitest.config.ts',
          'codegen.ts',
          'schema.graphql',
          'src/main.ts',
          'src/app.ts',
          'src/domain/reporting-month.ts',
          'src/entities/index.ts',
          'src/migrations/Migration0001Schema.ts',
          'src/migrations/index.ts',
          'src/resolvers/context.ts',
          'src/resolvers/index.ts',
          'src/resolvers/query.ts',
          'test/domain/reporting-month.test.ts',
          'test/integration/appraisal.integration.test.ts',
          'test/integration/audit.integration.test.ts',
          'test/integration/schema.integration.test.ts',
          'test/support/harness.ts',
          'test/support/process.ts',
        ].map((file) => `services/appraisal/${file}`),
      ].sort(),
    );
    const manifest = JSON.parse(readFileSync(join(serviceDir(), 'package.json'), 'utf8'));
    expect(manifest).toMatchObject({
      name: '@kinerja/appraisal',
      kinerja: { subgraph: { port: 4010 } },
      exports: { './testing': './test/support/process.ts' },
      scripts: { start: 'node src/main.ts', build: 'graphql-codegen --config codegen.ts' },
    });
    // Dependencies at the versions the workspace installs, so npm install adds no second copy.
    const personnel = JSON.parse(readFileSync(join(repoRoot, 'services/personnel/package.json'), 'utf8'));
    expect(manifest.dependencies['@mikro-orm/core']).toBe(personnel.dependencies['@mikro-orm/core']);
  });

  // Three steps, each its own test with a limit of its own: one typecheck of a whole subgraph can take more
  // than the shared 90 s on a 2-core machine that turbo keeps busy with other suites (a limit, not a target).
  const wholeServiceStep = 240_000;

  it('generates its resolver types', () => {
    const codegen = run(bin('@graphql-codegen/cli/cjs/bin.js'), ['--config', 'codegen.ts'], serviceDir());
    expect(codegen.output, 'codegen').toBe('');
    expect(codegen.status).toBe(0);
  }, wholeServiceStep);

  it('typechecks', () => {
    const tsc = run(bin('typescript/bin/tsc'), ['-p', '.'], serviceDir());
    expect(tsc.output, 'tsc').toBe('');
    expect(tsc.status).toBe(0);
  }, wholeServiceStep);

  it('lints', () => {
    const eslint = run(bin('eslint/bin/eslint.js'), ['.'], serviceDir());
    expect(eslint.output, 'eslint').toBe('');
    expect(eslint.status).toBe(0);
  }, wholeServiceStep);

  it('passes its domain test', () => {
    const vitest = run(bin('vitest/vitest.mjs'), ['run', 'test/domain'], serviceDir());
    expect(vitest.output).toMatch(/Tests\s+\S*7 passed/);
    expect(vitest.status, vitest.output).toBe(0);
  });

  it('composes into the supergraph with the real services, routed to its port', () => {
    const sources = readSubgraphSources(join(root, 'services'));
    expect(sources.map((source) => [source.name, source.url])).toContainEqual(['appraisal', 'http://localhost:4010/graphql']);
    const outcome = composeSupergraph(sources);
    expect(outcome.ok ? [] : outcome.errors).toEqual([]);
    if (outcome.ok) expect(outcome.supergraphSdl).toContain('appraisalReportingMonth(month: String!): AppraisalReportingMonth!');
  });

  it('is registered in compose, the database init, Kubernetes, the topics and the docs as deploy-check expects', () => {
    const compose = readCompose(join(root, 'docker-compose.yml'));
    const notUsedHere = (): never => {
      throw new Error('not read by the checks run here');
    };
    const facts: RepoFacts = {
      root,
      workspaces: listWorkspaces(root),
      conventionPorts: conventionPorts(readConventions(root)),
      envUsage: notUsedHere,
      dockerfiles: notUsedHere,
    };
    expect(checkDeclaredSubgraphsRun(compose, facts)).toEqual([]);
    expect(checkDatabases(compose, facts)).toEqual([]);
    // Reached through the gateway only: no host port.
    expect(checkPublishedPorts(compose)).toEqual([]);
    const gateway = compose.services.find((service) => service.name === 'gateway');
    expect(gateway?.environment['SUBGRAPH_APPRAISAL_URL']).toBe('http://appraisal:4010/graphql');
    expect(gateway?.dependsOn.map((dependency) => dependency.service)).toContain('appraisal');

    const manifests = readManifests(join(root, 'deploy/k8s'));
    expect(checkRoutingUrls(manifests)).toEqual([]);
    expect(manifests.filter((m) => m.name === 'appraisal').map((m) => m.kind).sort()).toEqual([
      'Deployment',
      'HorizontalPodAutoscaler',
      'PodDisruptionBudget',
      'Service',
    ]);
    expect(checkAutoscaling(manifests)).toEqual([]);
    expect(manifests.filter((m) => m.name === 'appraisal-ingress').map((m) => m.kind)).toEqual(['NetworkPolicy']);
    expect(checkNetworkPolicies(manifests, compose, webProxyTargets(readFileSync(join(root, 'deploy/docker/nginx-web.conf'), 'utf8')))).toEqual([]);
    const kustomization = manifests.find((m) => m.kind === 'Kustomization');
    expect(kustomization?.body['resources']).toContain('appraisal.yaml');

    expect(topicSpecs(readTopicPlan(join(root, 'deploy/kafka/topics.yaml'))).map((t) => t.name)).toEqual(
      expect.arrayContaining(['appraisal.review.v1', 'appraisal.review.v1.dlq']),
    );
    expect(readFileSync(join(root, 'proto/src/topics.ts'), 'utf8')).toContain("appraisalReview: 'appraisal.review.v1',");
    expect(conventionPorts(readConventions(root)).get('appraisal')).toBe(4010);
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    // The subgraphs row lists every subgraph registered so far, the new one last.
    expect(readme).toMatch(/\| personnel, competency(?:, [a-z]+)*, appraisal subgraphs +\| .*http:\/\/localhost:4010\/graphql +\|/);
    expect(readme).toContain('  appraisal/             the appraisal subgraph');
  });

  it('takes a second run with --into-existing as a no-op, and refuses one without', () => {
    expect(generate({ root, name: 'appraisal', port: 4010, topics: ['review'], intoExisting: true })).toEqual({
      created: [],
      kept: expect.arrayContaining(['services/appraisal/package.json', 'services/appraisal/src/main.ts']),
      skipped: [],
      registered: [],
    });
    expect(() => generate({ root, name: 'appraisal', port: 4010 })).toThrow(UsageError);
  });
});

describe('--into-existing for a service folder written by hand', () => {
  it('adds the missing files and package.json keys without touching what is there', () => {
    const dir = join(root, 'services/ratings');
    mkdirSync(join(dir, 'src/domain'), { recursive: true });
    writeFileSync(join(dir, 'src/domain/predikat.ts'), 'export const own = 1;\n');
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: '@kinerja/ratings', scripts: { test: 'vitest run --bail 1' } }));
    writeFileSync(join(dir, 'schema.graphql'), 'own\n');
    const outcome = generate({ root, name: 'ratings', port: 4011, intoExisting: true });
    expect(outcome.kept).toEqual(['services/ratings/schema.graphql']);
    // Its own schema has no example field: the example's resolver, rule and tests stay out.
    expect(outcome.skipped.sort()).toEqual(
      [
        'src/domain/reporting-month.ts',
        'src/resolvers/index.ts',
        'src/resolvers/query.ts',
        'test/domain/reporting-month.test.ts',
        'test/integration/ratings.integration.test.ts',
      ].map((file) => `services/ratings/${file}`),
    );
    expect(readFileSync(join(dir, 'src/domain/predikat.ts'), 'utf8')).toBe('export const own = 1;\n');
    expect(outcome.created).toContain('services/ratings/src/main.ts');
    expect(readFileSync(join(dir, 'schema.graphql'), 'utf8')).toBe('own\n');
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    expect(manifest.scripts).toMatchObject({ test: 'vitest run --bail 1', start: 'node src/main.ts' });
    expect(manifest.kinerja).toEqual({ subgraph: { port: 4011 } });
  });
});

describe('npm run new-service', () => {
  const newService = (...args: string[]) => run(cli, [...args, '--root', root, '--skip-install'], repoRoot);

  it('explains itself with --help', () => {
    const help = newService('--help');
    expect(help.status).toBe(0);
    expect(help.output).toContain('usage: npm run new-service -- <name> <port>');
  });

  it.each([
    [['Diklat', '4006'], 'service name "Diklat" must be 3–30 lower-case letters'],
    [['kit', '4006'], 'service name "kit" must be'],
    [['diklat', '80'], 'port "80" must be an integer from 1024 to 65535'],
    [['diklat', 'abc'], 'port "abc" must be an integer'],
    [['diklat', '4000'], 'port 4000 is taken by the gateway'],
    [['diklat', '4001'], 'port 4001 is taken by services/personnel'],
    [['diklat', '4004'], 'port 4004 is taken by services/attendance'],
    [['performance', '4006'], 'services/performance/package.json already declares port 4003, not 4006'],
    [['personnel', '4001'], 'services/personnel already exists; --into-existing adds only the missing files'],
    [['diklat'], 'expected <name> <port>'],
    [['diklat', '4006', '--topic', 'Rating'], 'topic aggregate "Rating" must be lower-case words'],
  ])('refuses %j with one line and exit code 2', (args, message) => {
    const refused = newService(...args);
    expect(refused.status).toBe(2);
    expect(refused.output).toContain(`new-service: ${message}`);
    expect(refused.output.trim().split('\n')).toHaveLength(1);
  });
});
