// deploy/kafka/topics.yaml: valid, and covering every topic the code names plus its dead-letter topic.
import { join } from 'node:path';
import { allTopics, deadLetterTopic, topics } from '@kinerja/proto/topics';
import { describe, expect, it } from 'vitest';
import {
  checkAclsCoverConsumers,
  checkAclsCoverTopics,
  parseAclPlan,
  readAclPlan,
  topicsNamedThroughModule,
} from '../src/acls.ts';
import { checkTopicsCoverCode } from '../src/topic-checks.ts';
import { topicsInSource, topicsNamedInCode } from '../src/topic-usage.ts';
import { parseTopicPlan, readTopicPlan, topicSpecs } from '../src/topics.ts';
import { repoRoot } from '../src/workspaces.ts';

const planPath = join(repoRoot, 'deploy/kafka/topics.yaml');
// This workspace names topics only in its tests and fixtures.
const namedInCode = topicsNamedInCode(['tools/deploy-check']);

describe('deploy/kafka/topics.yaml', () => {
  it('plans every topic the code publishes or consumes, and its .dlq', () => {
    expect(checkTopicsCoverCode(readTopicPlan(planPath), namedInCode)).toEqual([]);
  });

  it('plans exactly the topics of @kinerja/proto (proto/src/topics.ts), each followed by its dead-letter topic', () => {
    const plan = readTopicPlan(planPath);
    expect(plan.topics.map((t) => t.name).sort()).toEqual([...allTopics].sort());
    const names = topicSpecs(plan).map((t) => t.name);
    for (const topic of allTopics) {
      expect(names[names.indexOf(topic) + 1]).toBe(deadLetterTopic(topic));
    }
  });

  it('compacts the personnel snapshot stream, whose consumers need only the latest event per employee', () => {
    const personnel = topicSpecs(readTopicPlan(planPath)).find((t) => t.name === topics.personnelEmployee);
    expect(personnel?.config['cleanup.policy']).toBe('compact');
  });

  it('takes a replication factor override for a real cluster', () => {
    expect(new Set(topicSpecs(readTopicPlan(planPath), 3).map((t) => t.replicationFactor))).toEqual(
      new Set([3]),
    );
  });
});

const plan = `
defaults: { partitions: 6, replicationFactor: 1, config: { retention.ms: 1000 } }
dlq: { suffix: .dlq, partitions: 1 }
topics:
  - { name: ${topics.personnelEmployee}, description: snapshots, config: { cleanup.policy: compact } }
`;

describe('topic plan rules', () => {
  it('derives partitions, config and the dead-letter topic', () => {
    expect(topicSpecs(parseTopicPlan(plan))).toEqual([
      {
        name: topics.personnelEmployee,
        partitions: 6,
        replicationFactor: 1,
        config: { 'retention.ms': '1000', 'cleanup.policy': 'compact' },
      },
      {
        name: deadLetterTopic(topics.personnelEmployee),
        partitions: 1,
        replicationFactor: 1,
        config: {},
        deadLetterOf: topics.personnelEmployee,
      },
    ]);
  });

  it.each([
    [
      'a name off the convention',
      plan.replace(topics.personnelEmployee, 'EmployeeEvents'),
      'topic names are <service>.<aggregate>.v<major>',
    ],
    [
      'a duplicate',
      `${plan}  - { name: ${topics.personnelEmployee}, description: again }\n`,
      `${topics.personnelEmployee} is listed twice`,
    ],
    ['no partitions', plan.replace('partitions: 6, ', ''), 'defaults.partitions'],
  ])('refuses %s', (_case, text, message) => {
    expect(() => parseTopicPlan(text)).toThrow(message);
  });

  it('finds topic literals in source, with or without .dlq', () => {
    const source =
      "const topic = 'performance.rating.v1'; send(`attendance.recap.v2.dlq`); const notATopic = 'kinerja.example.com';";
    expect(topicsInSource(source)).toEqual(['performance.rating.v1', 'attendance.recap.v2.dlq']);
  });

  it('names a topic the code uses but the plan lacks, and a missing dead-letter topic', () => {
    const code = new Map([
      ['payroll.slip.v1', ['services/payroll/src/events/slip.ts']],
      [topics.personnelEmployee, ['services/personnel/src/events/employee.ts']],
    ]);
    // The consumer runner always writes to `<topic>.dlq` (docs/conventions.md), whatever the plan calls it.
    const withoutDlq = parseTopicPlan(plan.replace('suffix: .dlq', 'suffix: .dead'));
    expect(checkTopicsCoverCode(parseTopicPlan(plan), code)).toEqual([
      'topic payroll.slip.v1 (named in services/payroll/src/events/slip.ts) is not in deploy/kafka/topics.yaml',
      'dead-letter topic payroll.slip.v1.dlq is not created by deploy/kafka/topics.yaml',
    ]);
    expect(checkTopicsCoverCode(withoutDlq, new Map([[topics.personnelEmployee, ['x.ts']]]))).toEqual([
      `dead-letter topic ${deadLetterTopic(topics.personnelEmployee)} is not created by deploy/kafka/topics.yaml`,
    ]);
  });
});

describe('deploy/kafka/acls.yaml', () => {
  const aclPath = join(repoRoot, 'deploy/kafka/acls.yaml');

  it('gives every planned topic exactly its owner as writer, and every consumer in the code read access', () => {
    const acls = readAclPlan(aclPath);
    expect(checkAclsCoverTopics(acls, readTopicPlan(planPath))).toEqual([]);
    expect(checkAclsCoverConsumers(acls, namedInCode)).toEqual([]);
    const throughModule = topicsNamedThroughModule(repoRoot);
    // competency consumes personnel's employee stream through the topics module: found, and allowed.
    expect(throughModule.get('personnel.employee.v1')).toEqual(
      expect.arrayContaining([expect.stringMatching(/^services\/competency\/src\//)]),
    );
    expect(checkAclsCoverConsumers(acls, throughModule)).toEqual([]);
  });

  it('names a second writer, a missing topic and a consumer without read access', () => {
    const acls = readAclPlan(aclPath);
    const broken = structuredClone(acls);
    broken.topics['personnel.employee.v1'] = { writers: ['personnel', 'competency'], readers: [] };
    delete broken.topics['remuneration.tpp.v1'];
    const problems = checkAclsCoverTopics(broken, readTopicPlan(planPath)).join('\n');
    expect(problems).toContain(
      'topic personnel.employee.v1: writers are [personnel, competency]; only its owner personnel may write it',
    );
    expect(problems).toContain('topic remuneration.tpp.v1 has no ACLs');
    const consumers = checkAclsCoverConsumers(
      broken,
      new Map([['personnel.employee.v1', ['services/competency/src/events/employee.ts']]]),
    );
    expect(consumers.join('\n')).toContain('service competency reads personnel.employee.v1');
  });

  it('refuses a principal that is not User:<name>', () => {
    expect(() =>
      parseAclPlan(
        'principals: { personnel: personnel }\ntopicInit: { principal: User:x, clusterOperations: [Create] }\ntopics: {}',
      ),
    ).toThrow(/principals.personnel: a principal looks like User/);
  });
});
