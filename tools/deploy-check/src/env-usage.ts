// Which environment variables a workspace's running code reads, found in its source instead of being
// listed by hand: `process.env.X`, `env.X`, `env['X']`, destructuring from `process.env`, the keys of
// zod config shapes (`X: z.…`), and names built from a template such as `SUBGRAPH_${name}_URL`.
// A workspace's own src/ counts in full; other workspaces (the kit) count only through the modules
// its src/ imports, following named imports through re-exports, so the gateway importing
// `@kinerja/kit/auth` is not charged with the kit config's DATABASE_URL.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { listWorkspaces, repoRoot, resolveWorkspaceSpecifier, type Workspace } from './workspaces.ts';

export interface EnvNamePattern {
  /** As written, e.g. `SUBGRAPH_<…>_URL`. */
  display: string;
  prefix: string;
  suffix: string;
  file: string;
}

export interface EnvUsage {
  /** Variable name → files (relative to the repo) that read it. */
  names: Map<string, string[]>;
  patterns: EnvNamePattern[];
  /** Every file scanned, relative to the repo. */
  files: string[];
}

const envName = '[A-Z][A-Z0-9_]*';

/** Names and name templates one source text reads. Pure, so the rules are unit-tested on snippets. */
export function envReadsInSource(source: string): {
  names: string[];
  patterns: { prefix: string; suffix: string }[];
} {
  const text = stripComments(source);
  const names = new Set<string>();
  const add = (name: string | undefined): void => {
    if (name) names.add(name);
  };
  // process.env.X, env.X, env?.X, import.meta.env.X, someConfig.env.X
  for (const match of text.matchAll(new RegExp(`\\benv\\??\\.(${envName})\\b`, 'g'))) add(match[1]);
  // env['X'], process.env["X"], env?.['X']
  for (const match of text.matchAll(
    new RegExp(`\\benv(?:\\?\\.)?\\[\\s*['"\`](${envName})['"\`]\\s*\\]`, 'g'),
  ))
    add(match[1]);
  // const { A, B = 'x', C: c } = process.env
  for (const match of text.matchAll(/\{([^{}]*)\}\s*=\s*(?:process\.)?env\b/g)) {
    for (const part of (match[1] ?? '').split(',')) add(new RegExp(`^\\s*(${envName})\\b`).exec(part)?.[1]);
  }
  // zod shapes keyed by variable name, in modules that use zod: `PORT: z.coerce.number()`,
  // `'LOG_LEVEL': z.enum(…)`, `DATABASE_URL: postgresUrl` (a schema held in a variable).
  if (/from\s*['"]zod['"]/.test(text)) {
    const shapeKey = new RegExp(
      `(?:^|[\\s{,])['"]?(${envName})['"]?\\s*:\\s*(?:z\\s*\\.|[a-z][A-Za-z0-9_]*\\s*[,}\\n.])`,
      'g',
    );
    for (const match of text.matchAll(shapeKey)) add(match[1]);
  }

  const patterns: { prefix: string; suffix: string }[] = [];
  // `SUBGRAPH_${…}_URL`: a name assembled at run time; the prefix must look like a variable name.
  for (const match of text.matchAll(/`([A-Z][A-Z0-9]*_)\$\{[^}`]*\}([A-Z0-9_]*)`/g)) {
    patterns.push({ prefix: match[1] ?? '', suffix: match[2] ?? '' });
  }
  return { names: [...names], patterns };
}

function stripComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/(^|[^:'"`\\])\/\/[^\n]*/g, '$1');
}

interface ImportEdge {
  specifier: string;
  /** Imported binding names; undefined when everything may be used (namespace, side effect, `export *`). */
  names: string[] | undefined;
}

/** Runtime imports and re-exports of a module; `import type`/`export type` erase and are skipped. */
export function importsInSource(source: string): ImportEdge[] {
  const text = stripComments(source);
  const edges: ImportEdge[] = [];
  // The clause between `import`/`export` and `from` never holds `;`, quotes or parentheses, which
  // keeps a match inside one statement.
  const statement = /(?:^|[;\n])\s*(import|export)\s+(type\s+)?([^;'"`()]*?)\s*from\s*['"]([^'"]+)['"]/g;
  for (const match of text.matchAll(statement)) {
    if (match[2]) continue;
    const clause = match[3] ?? '';
    const specifier = match[4] ?? '';
    const braces = /\{([^}]*)\}/.exec(clause);
    const hasDefaultOrNamespace = /\*/.test(clause) || /^\s*[A-Za-z_$][\w$]*\s*(,|$)/.test(clause);
    if (!braces || hasDefaultOrNamespace) {
      edges.push({ specifier, names: undefined });
      continue;
    }
    const names = (braces[1] ?? '')
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part !== '' && !part.startsWith('type '))
      .map((part) => part.split(/\s+as\s+/)[0]?.trim() ?? '');
    if (names.length > 0) edges.push({ specifier, names });
  }
  for (const match of text.matchAll(/(?:^|[;\n])\s*import\s*['"]([^'"]+)['"]/g))
    edges.push({ specifier: match[1] ?? '', names: undefined });
  for (const match of text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g))
    edges.push({ specifier: match[1] ?? '', names: undefined });
  return edges;
}

/** Whether a module declares or re-exports `name` by name (not through `export *`). */
function declaresExport(source: string, name: string): boolean {
  const declaration = new RegExp(
    `export\\s+(?:async\\s+)?(?:function\\*?|const|let|var|class)\\s+${name}\\b`,
  );
  const listed = new RegExp(`export\\s*\\{[^}]*\\b${name}\\b[^}]*\\}`);
  return declaration.test(source) || listed.test(source);
}

function listSourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (entry === 'node_modules') return [];
    if (statSync(path).isDirectory()) return listSourceFiles(path);
    return /\.(ts|vue)$/.test(entry) && !/\.(test|spec)\.ts$/.test(entry) && !entry.endsWith('.d.ts')
      ? [path]
      : [];
  });
}

/**
 * Env usage of a workspace's runtime code: the modules reachable from `entries` (files relative to
 * the workspace, e.g. `src/main.ts`, the command the container runs), or all of `<dir>/src` while no
 * entry exists yet, plus what they import from other workspaces.
 */
export function envUsageOfWorkspace(dir: string, entries: readonly string[] = [], root = repoRoot): EnvUsage {
  const workspaces = listWorkspaces(root);
  const workspaceRoot = resolve(root, dir);
  const usage: EnvUsage = { names: new Map(), patterns: [], files: [] };
  // A module is scanned once for its own reads; the names it was asked for decide which of its
  // re-exports are followed.
  const scanned = new Set<string>();
  const followed = new Set<string>();

  const visit = (file: string, requested: string[] | undefined): void => {
    if (!existsSync(file)) return;
    const key = `${file}|${requested?.slice().sort().join(',') ?? '*'}`;
    if (followed.has(key)) return;
    followed.add(key);
    const source = readFileSync(file, 'utf8');
    const relativePath = relative(root, file).split('\\').join('/');
    if (!scanned.has(file)) {
      scanned.add(file);
      usage.files.push(relativePath);
      const reads = envReadsInSource(source);
      for (const name of reads.names) usage.names.set(name, [...(usage.names.get(name) ?? []), relativePath]);
      for (const pattern of reads.patterns) {
        usage.patterns.push({
          ...pattern,
          display: `${pattern.prefix}<…>${pattern.suffix}`,
          file: relativePath,
        });
      }
    }
    for (const edge of importsInSource(source)) {
      const target = resolveImport(edge.specifier, file, workspaces, root);
      if (!target) continue;
      const isReExport = new RegExp(
        `export\\s+(?:\\*|\\{[^}]*\\})\\s*(?:as\\s+\\w+\\s*)?from\\s*['"]${escapeRegExp(edge.specifier)}['"]`,
      ).test(source);
      if (isReExport && requested !== undefined) {
        // Follow a re-export only for the names the importer asked for.
        const wanted = requested.filter((name) => edge.names === undefined || edge.names.includes(name));
        const targetSource = readFileSync(target, 'utf8');
        const provides =
          edge.names !== undefined
            ? wanted
            : wanted.filter((name) => declaresExport(targetSource, name) || /export\s*\*/.test(targetSource));
        if (provides.length > 0) visit(target, provides);
        continue;
      }
      visit(target, edge.names);
    }
  };

  const entryFiles = entries.map((entry) => join(workspaceRoot, entry)).filter((file) => existsSync(file));
  const startFiles = entryFiles.length > 0 ? entryFiles : listSourceFiles(join(workspaceRoot, 'src'));
  for (const file of startFiles) visit(file, undefined);
  return usage;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function resolveImport(
  specifier: string,
  fromFile: string,
  workspaces: readonly Workspace[],
  root: string,
): string | undefined {
  if (specifier.startsWith('.')) {
    const target = resolve(dirname(fromFile), specifier);
    return /\.(ts|vue)$/.test(target) ? target : undefined;
  }
  const target = resolveWorkspaceSpecifier(specifier, workspaces, root);
  return target && /\.ts$/.test(target) ? target : undefined;
}

/** Whether `name` is read by the code, exactly or through a template. */
export function isRead(usage: EnvUsage, name: string): boolean {
  return usage.names.has(name) || usage.patterns.some((p) => matchesPattern(p, name));
}

export function matchesPattern(pattern: { prefix: string; suffix: string }, name: string): boolean {
  return (
    name.length > pattern.prefix.length + pattern.suffix.length &&
    name.startsWith(pattern.prefix) &&
    name.endsWith(pattern.suffix)
  );
}
