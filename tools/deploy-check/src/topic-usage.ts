// The Kafka topics the code names: string literals shaped like `<service>.<aggregate>.v<major>`
// (optionally with `.dlq`) in any workspace's src/. Producers and consumers name their topics as
// constants, so a topic the code uses but deploy/kafka/topics.yaml lacks is found before a broker
// with auto-creation off refuses it.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { listWorkspaces, repoRoot } from './workspaces.ts';

const topicLiteral = /['"`]([a-z]+\.[a-z]+(?:-[a-z]+)*\.v\d+)(\.dlq)?['"`]/g;

export function topicsInSource(source: string): string[] {
  return [...source.matchAll(topicLiteral)].map((match) => `${match[1] ?? ''}${match[2] ?? ''}`);
}

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (entry === 'node_modules' || entry === 'gen') return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|vue)$/.test(entry) && !entry.endsWith('.d.ts') ? [path] : [];
  });
}

/** Topic name → files naming it, over every workspace's src/ except the ones listed in `skip`. */
export function topicsNamedInCode(skip: readonly string[] = [], root = repoRoot): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const workspace of listWorkspaces(root)) {
    if (skip.includes(workspace.dir)) continue;
    for (const file of sourceFiles(join(root, workspace.dir, 'src'))) {
      const relativePath = relative(root, file).split('\\').join('/');
      for (const topic of topicsInSource(readFileSync(file, 'utf8'))) {
        found.set(topic, [...new Set([...(found.get(topic) ?? []), relativePath])]);
      }
    }
  }
  return found;
}
