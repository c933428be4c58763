// The npm workspaces of the repository, found the way npm finds them: the root package.json's
// `workspaces` globs (a folder name or `<folder>/*`), each folder holding a package.json.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(fileURLToPath(new URL('../../../', import.meta.url)));

export interface Workspace {
  /** Folder relative to the repository root, with forward slashes (e.g. `services/personnel`). */
  dir: string;
  /** Package name (e.g. `@kinerja/personnel`). */
  name: string;
  exports: Record<string, string>;
  dependencies: string[];
  /** A subgraph's port from its package.json (`"kinerja": { "subgraph": { "port": 4001 } }`), the registry of subgraphs. */
  subgraphPort?: number;
}

interface PackageJson {
  name?: string;
  workspaces?: string[];
  exports?: string | Record<string, string>;
  dependencies?: Record<string, string>;
  kinerja?: { subgraph?: { port?: unknown } };
}

function readPackageJson(dir: string): PackageJson {
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageJson;
}

export function listWorkspaces(root = repoRoot): Workspace[] {
  const patterns = readPackageJson(root).workspaces ?? [];
  const dirs = patterns.flatMap((pattern) => {
    if (!pattern.endsWith('/*')) return [join(root, pattern)];
    const parent = join(root, pattern.slice(0, -2));
    if (!existsSync(parent)) return [];
    return readdirSync(parent, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => join(parent, entry.name));
  });
  return dirs
    .filter((dir) => existsSync(join(dir, 'package.json')))
    .map((dir) => {
      const pkg = readPackageJson(dir);
      const exportsField = typeof pkg.exports === 'string' ? { '.': pkg.exports } : (pkg.exports ?? {});
      const port = pkg.kinerja?.subgraph?.port;
      return {
        dir: relative(root, dir).split('\\').join('/'),
        name: pkg.name ?? '',
        exports: exportsField,
        dependencies: Object.keys(pkg.dependencies ?? {}),
        ...(typeof port === 'number' && Number.isInteger(port) ? { subgraphPort: port } : {}),
      };
    });
}

/**
 * The file a bare specifier such as `@kinerja/kit/auth` names, through the package's `exports`
 * (exact keys and one `*` wildcard, as Node resolves them). Undefined for packages outside the repo.
 */
export function resolveWorkspaceSpecifier(
  specifier: string,
  workspaces: readonly Workspace[],
  root = repoRoot,
): string | undefined {
  const workspace = workspaces.find((ws) => specifier === ws.name || specifier.startsWith(`${ws.name}/`));
  if (!workspace) return undefined;
  const subpath = `.${specifier.slice(workspace.name.length)}`;
  const exact = workspace.exports[subpath];
  if (exact) return join(root, workspace.dir, exact);
  for (const [key, target] of Object.entries(workspace.exports)) {
    const star = key.indexOf('*');
    if (star < 0) continue;
    const prefix = key.slice(0, star);
    const suffix = key.slice(star + 1);
    if (subpath.startsWith(prefix) && subpath.endsWith(suffix) && subpath.length >= key.length - 1) {
      const matched = subpath.slice(prefix.length, subpath.length - suffix.length);
      return join(root, workspace.dir, target.replace('*', matched));
    }
  }
  return undefined;
}
