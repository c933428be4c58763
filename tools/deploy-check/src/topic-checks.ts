// The topic plan covers the code: every topic the code names is planned, and so is its dead-letter
// topic (the consumer runner derives `<topic>.dlq` at run time, so the plan must hold it).
import { deadLetterSuffix, deadLetterTopic } from '@kinerja/proto/topics';
import { topicSpecs, type TopicPlan } from './topics.ts';

export function checkTopicsCoverCode(plan: TopicPlan, namedInCode: ReadonlyMap<string, string[]>): string[] {
  const planned = new Set(topicSpecs(plan).map((topic) => topic.name));
  const problems: string[] = [];
  for (const [topic, files] of namedInCode) {
    if (!planned.has(topic))
      problems.push(`topic ${topic} (named in ${files.join(', ')}) is not in deploy/kafka/topics.yaml`);
    const deadLetter = topic.endsWith(deadLetterSuffix) ? undefined : deadLetterTopic(topic);
    if (deadLetter && !planned.has(deadLetter))
      problems.push(`dead-letter topic ${deadLetter} is not created by deploy/kafka/topics.yaml`);
  }
  return problems;
}
