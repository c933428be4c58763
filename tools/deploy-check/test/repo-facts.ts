// The repository as the checks see it, read once per test file.
import { join } from 'node:path';
import type { RepoFacts } from '../src/compose-checks.ts';
import { readCompose, type ComposeFile } from '../src/compose.ts';
import { conventionPorts, readConventions } from '../src/conventions.ts';
import { readDockerfile, type Dockerfile } from '../src/dockerfile.ts';
import { envUsageOfWorkspace, type EnvUsage } from '../src/env-usage.ts';
import { listWorkspaces, repoRoot } from '../src/workspaces.ts';

function memo<T>(load: (key: string) => T): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    if (!cache.has(key)) cache.set(key, load(key));
    return cache.get(key) as T;
  };
}

const envUsageMemo = memo<EnvUsage>((key) => {
  const [dir, entries] = JSON.parse(key) as [string, string[]];
  return envUsageOfWorkspace(dir, entries);
});

export const facts: RepoFacts = {
  root: repoRoot,
  workspaces: listWorkspaces(),
  envUsage: (dir, entries = []) => envUsageMemo(JSON.stringify([dir, entries])),
  dockerfiles: memo<Dockerfile>((path) => readDockerfile(path)),
  conventionPorts: conventionPorts(readConventions()),
};

export const composePath = join(repoRoot, 'docker-compose.yml');

/** A fresh copy of the real compose file, to break one thing in. */
export const loadCompose = (): ComposeFile => readCompose(composePath);

export function serviceNamed(compose: ComposeFile, name: string): ComposeFile['services'][number] {
  const service = compose.services.find((s) => s.name === name);
  if (!service) throw new Error(`docker-compose.yml has no service ${name}`);
  return service;
}
