// The shared Dockerfile and its build context: what compose and the k8s manifests rely on.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isIgnored, readDockerignore } from '../src/dockerignore.ts';
import { readDockerfile, runsAsNonRoot, stageFor } from '../src/dockerfile.ts';
import { listWorkspaces, repoRoot } from '../src/workspaces.ts';
import { loadCompose, serviceNamed } from './repo-facts.ts';

const dockerfilePath = join(repoRoot, 'Dockerfile');
const dockerfileText = readFileSync(dockerfilePath, 'utf8');
const dockerfile = readDockerfile(dockerfilePath);
const dockerignore = readDockerignore(join(repoRoot, '.dockerignore'));

describe('Dockerfile', () => {
  it('builds services on node:24-slim by default, running src/main.ts as the node user', () => {
    const service = stageFor(dockerfile, undefined);
    expect(service?.from).toBe('node:24-slim');
    expect(service?.args).toContain('WORKSPACE');
    expect(service?.workdir).toBe('/app/${WORKSPACE}');
    expect(service?.user).toBe('node');
    expect(JSON.parse(service?.cmd ?? '[]')).toEqual(['node', 'src/main.ts']);
    expect(service?.env).toContain('NODE_ENV');
  });

  it('serves the web bundle from an unprivileged image', () => {
    const web = stageFor(dockerfile, 'web');
    expect(web && runsAsNonRoot(web)).toBe(true);
    expect(dockerfileText).toContain('COPY --from=build /out/web/dist');
    expect(existsSync(join(repoRoot, 'deploy/docker/nginx-web.conf'))).toBe(true);
  });

  it('installs per workspace with npm ci and copies the generated files the services load', () => {
    expect(dockerfileText).toMatch(/npm ci --workspace=proto --workspace="\$WORKSPACE"/);
    expect(dockerfileText).toMatch(/npm ci --omit=dev/);
    // The gateway writes its supergraph next to its package (gateway/src/compose.ts), where
    // compose's SUPERGRAPH_PATH looks for it.
    expect(readFileSync(join(repoRoot, 'gateway/src/compose.ts'), 'utf8')).toContain(
      "'../supergraph.graphql'",
    );
    expect(dockerfileText).toContain('gateway/supergraph.graphql');
    expect(serviceNamed(loadCompose(), 'gateway').environment.SUPERGRAPH_PATH).toBe(
      '/app/gateway/supergraph.graphql',
    );
    expect(dockerfileText).toContain('proto/gen');
  });

  it('has every workspace in package-lock.json, or `npm ci --workspace` refuses to install', () => {
    const lock = JSON.parse(readFileSync(join(repoRoot, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, unknown>;
    };
    const missing = listWorkspaces()
      .map((ws) => ws.dir)
      .filter((dir) => !(dir in lock.packages));
    expect(missing).toEqual([]);
  });
});

describe('.dockerignore', () => {
  it('keeps what the images need in the build context', () => {
    const schemas = listWorkspaces()
      .map((ws) => `${ws.dir}/schema.graphql`)
      .filter((path) => existsSync(join(repoRoot, path)));
    const needed = [
      'package.json',
      'package-lock.json',
      'deploy/docker/nginx-web.conf',
      'deploy/kafka/topics.yaml',
      'gateway/src/compose.ts',
      'proto/buf.gen.yaml',
      ...schemas,
    ];
    expect(needed.filter((path) => isIgnored(path, dockerignore))).toEqual([]);
  });

  it('leaves out dependencies, generated files, git and local secrets', () => {
    const leftOut = [
      'node_modules/yaml/index.js',
      'services/kit/node_modules/x',
      'proto/gen/kinerja/x.js',
      'gateway/supergraph.graphql',
      'web/dist/index.html',
      '.git/HEAD',
      '.env',
      '.env.local',
      'deploy/local/.local/kafka.log',
    ];
    expect(leftOut.filter((path) => !isIgnored(path, dockerignore))).toEqual([]);
  });

  it.each([
    ['**/node_modules', 'a/b/node_modules/c', true],
    ['**/node_modules', 'node_modules', true],
    ['proto/gen', 'proto/gen/a.js', true],
    ['proto/gen', 'proto/general.ts', false],
    ['.env.*', '.env.example', true],
  ])('pattern %s on %s ignores: %s', (pattern, path, expected) => {
    expect(isIgnored(path, pattern)).toBe(expected);
  });

  it('lets a later ! line re-include', () => {
    expect(isIgnored('.env.example', '.env.*\n!.env.example')).toBe(false);
  });
});
