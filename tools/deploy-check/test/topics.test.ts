// deploy/kafka/topics.yaml: valid, and covering every topic the code names plus its dead-letter topic.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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

  it('plans the event streams DESIGN.md names, each followed by its dead-letter topic', () => {
    const names = topicSpecs(readTopicPlan(planPath)).map((t) => t.name);
    for (const topic of [
      'personnel.employee.v1',
      'competency.assessment.v1',
      'performance.rating.v1',
      'attendance.recap.v1',
      'remuneration.tpp.v1',
    ]) {
      expect(names).toContain(topic);
      expect(names[names.indexOf(topic) + 1]).toBe(`${topic}.dlq`);
    }
  });

  it('compacts the personnel snapshot stream, whose consumers need only the latest event per employee', () => {
    const personnel = topicSpecs(readTopicPlan(planPath)).find((t) => t.name === 'personnel.employee.v1');
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
  - { name: personnel.employee.v1, description: snapshots, config: { cleanup.policy: compact } }
`;

describe('topic plan rules', () => {
  it('derives partitions, config and the dead-letter topic', () => {
    expect(topicSpecs(parseTopicPlan(plan))).toEqual([
      {
        name: 'personnel.employee.v1',
        partitions: 6,
        replicationFactor: 1,
        config: { 'retention.ms': '1000', 'cleanup.policy': 'compact' },
      },
      {
        name: 'personnel.employee.v1.dlq',
        partitions: 1,
        replicationFactor: 1,
        config: {},
        deadLetterOf: 'personnel.employee.v1',
      },
    ]);
  });

  it.each([
    [
      'a name off the convention',
      plan.replace('personnel.employee.v1', 'EmployeeEvents'),
      'topic names are <service>.<aggregate>.v<major>',
    ],
    [
      'a duplicate',
      `${plan}  - { name: personnel.employee.v1, description: again }\n`,
      'personnel.employee.v1 is listed twice',
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
      ['personnel.employee.v1', ['services/personnel/src/events/employee.ts']],
    ]);
    // The consumer runner always writes to `<topic>.dlq` (docs/conventions.md), whatever the plan calls it.
    const withoutDlq = parseTopicPlan(plan.replace('suffix: .dlq', 'suffix: .dead'));
    expect(checkTopicsCoverCode(parseTopicPlan(plan), code)).toEqual([
      'topic payroll.slip.v1 (named in services/payroll/src/events/slip.ts) is not in deploy/kafka/topics.yaml',
      'dead-letter topic payroll.slip.v1.dlq is not created by deploy/kafka/topics.yaml',
    ]);
    expect(checkTopicsCoverCode(withoutDlq, new Map([['personnel.employee.v1', ['x.ts']]]))).toEqual([
      'dead-letter topic personnel.employee.v1.dlq is not created by deploy/kafka/topics.yaml',
    ]);
  });
});
