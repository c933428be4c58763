// deploy/kafka/acls.yaml: who may write and read each topic. Checked against the topic plan (every topic
// has exactly its owner as writer) and against the code (a service that names another service's topic
// in its src/ is a consumer and must be among that topic's readers).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import type { TopicPlan } from './topics.ts';

const aclPlanShape = z.object({
  principals: z.record(z.string(), z.string().regex(/^User:[\w.-]+$/, 'a principal looks like User:<name>')),
  topicInit: z.object({
    principal: z.string().regex(/^User:[\w.-]+$/),
    clusterOperations: z.array(z.string()).min(1),
  }),
  topics: z.record(
    z.string(),
    z.object({ writers: z.array(z.string()), readers: z.array(z.string()).default([]) }),
  ),
});
export type AclPlan = z.infer<typeof aclPlanShape>;

export function parseAclPlan(yamlText: string): AclPlan {
  const parsed = aclPlanShape.safeParse(parse(yamlText));
  if (!parsed.success)
    throw new Error(
      parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '),
    );
  return parsed.data;
}

export const readAclPlan = (path: string): AclPlan => parseAclPlan(readFileSync(path, 'utf8'));

/** The service a topic belongs to: `personnel.employee.v1` -> `personnel`. */
export const topicOwner = (topic: string): string => topic.split('.')[0] ?? '';

/** Every planned topic has ACLs, written only by its owner, read only by known principals. */
export function checkAclsCoverTopics(acls: AclPlan, topics: TopicPlan): string[] {
  const problems: string[] = [];
  const planned = new Set(topics.topics.map((topic) => topic.name));
  for (const name of planned) {
    const entry = acls.topics[name];
    if (!entry) {
      problems.push(`topic ${name} has no ACLs in deploy/kafka/acls.yaml`);
      continue;
    }
    const owner = topicOwner(name);
    if (entry.writers.length !== 1 || entry.writers[0] !== owner)
      problems.push(
        `topic ${name}: writers are [${entry.writers.join(', ')}]; only its owner ${owner} may write it`,
      );
    for (const service of [...entry.writers, ...entry.readers]) {
      if (!acls.principals[service]) problems.push(`topic ${name}: ${service} has no principal`);
    }
  }
  for (const name of Object.keys(acls.topics)) {
    if (!planned.has(name))
      problems.push(`deploy/kafka/acls.yaml names ${name}, which deploy/kafka/topics.yaml does not plan`);
  }
  return problems;
}

/**
 * A service naming another service's topic in its code consumes it (services never publish to topics
 * they do not own, which the writer check enforces on the broker): it must be among the readers.
 */
export function checkAclsCoverConsumers(acls: AclPlan, namedInCode: ReadonlyMap<string, string[]>): string[] {
  const problems: string[] = [];
  for (const [named, files] of namedInCode) {
    const topic = named.replace(/\.dlq$/, '');
    const owner = topicOwner(topic);
    const services = new Set(
      files.flatMap((file) => {
        const match = /^services\/([^/]+)\/src\//.exec(file);
        return match?.[1] && match[1] !== 'kit' ? [match[1]] : [];
      }),
    );
    for (const service of services) {
      if (service === owner) continue;
      if (!acls.topics[topic]?.readers.includes(service))
        problems.push(
          `service ${service} reads ${topic} (${files.filter((f) => f.startsWith(`services/${service}/`)).join(', ')}) but is not among its readers in deploy/kafka/acls.yaml`,
        );
    }
  }
  return problems;
}

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (entry === 'node_modules' || entry === 'generated') return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return entry.endsWith('.ts') ? [path] : [];
  });
}

/**
 * Topic -> services/<name>/src files naming it through the topics module (`topics.personnelEmployee`
 * from @kinerja/proto/topics), whose keys map to names in proto/src/topics.ts.
 */
export function topicsNamedThroughModule(root: string): Map<string, string[]> {
  const moduleText = readFileSync(join(root, 'proto/src/topics.ts'), 'utf8');
  const names = new Map(
    [...moduleText.matchAll(/^\s*(\w+): '([^']+)',/gm)].map((m) => [m[1] ?? '', m[2] ?? '']),
  );
  const found = new Map<string, string[]>();
  const servicesDir = join(root, 'services');
  for (const service of readdirSync(servicesDir)) {
    for (const file of sourceFiles(join(servicesDir, service, 'src'))) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/\btopics\.(\w+)/g)) {
        const topic = names.get(match[1] ?? '');
        if (!topic) continue;
        const path = relative(root, file).split('\\').join('/');
        found.set(topic, [...new Set([...(found.get(topic) ?? []), path])]);
      }
    }
  }
  return found;
}
