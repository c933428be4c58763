// The Kafka topic plan (deploy/kafka/topics.yaml) read into the list of topics to create, each event
// topic followed by its dead-letter topic. One reader serves the topic-init job and the tests, so what
// the tests check is what gets created.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';

const topicConfigShape = z.record(z.string(), z.union([z.string(), z.number()]).transform(String));

const topicPlanShape = z.object({
  defaults: z.object({
    partitions: z.number().int().min(1),
    replicationFactor: z.number().int().min(1),
    config: topicConfigShape.default({}),
  }),
  dlq: z.object({
    suffix: z.string().min(1),
    partitions: z.number().int().min(1),
    config: topicConfigShape.default({}),
  }),
  topics: z
    .array(
      z.object({
        name: z.string().regex(/^[a-z]+\.[a-z-]+\.v\d+$/, 'topic names are <service>.<aggregate>.v<major>'),
        description: z.string().min(1),
        partitions: z.number().int().min(1).optional(),
        config: topicConfigShape.optional(),
      }),
    )
    .min(1),
});

export type TopicPlan = z.infer<typeof topicPlanShape>;

export interface TopicSpec {
  name: string;
  partitions: number;
  replicationFactor: number;
  config: Record<string, string>;
  /** The event topic a dead-letter topic belongs to; undefined for event topics. */
  deadLetterOf?: string;
}

export function parseTopicPlan(yamlText: string): TopicPlan {
  const parsed = topicPlanShape.safeParse(parse(yamlText));
  if (!parsed.success) {
    const details = parsed.error.issues
      .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
      .join('; ');
    throw new Error(`invalid topic plan: ${details}`);
  }
  const names = parsed.data.topics.map((topic) => topic.name);
  const duplicate = names.find((name, index) => names.indexOf(name) !== index);
  if (duplicate) throw new Error(`invalid topic plan: topic ${duplicate} is listed twice`);
  return parsed.data;
}

/** Every topic to create: each event topic, then its `<topic><dlq.suffix>`. */
export function topicSpecs(
  plan: TopicPlan,
  replicationFactor = plan.defaults.replicationFactor,
): TopicSpec[] {
  return plan.topics.flatMap((topic): TopicSpec[] => [
    {
      name: topic.name,
      partitions: topic.partitions ?? plan.defaults.partitions,
      replicationFactor,
      config: { ...plan.defaults.config, ...topic.config },
    },
    {
      name: `${topic.name}${plan.dlq.suffix}`,
      partitions: plan.dlq.partitions,
      replicationFactor,
      config: { ...plan.dlq.config },
      deadLetterOf: topic.name,
    },
  ]);
}

export function readTopicPlan(path: string): TopicPlan {
  return parseTopicPlan(readFileSync(path, 'utf8'));
}
