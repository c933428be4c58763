// create-topics against the real broker: it creates a plan's topics with their partitions and
// config, and a second run changes nothing. The plan uses names unique to this run, deleted after.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { ConfigResourceTypes, Kafka, logLevel } from 'kafkajs';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const script = fileURLToPath(new URL('../src/create-topics.ts', import.meta.url));
const brokers = process.env.KAFKA_BROKERS ?? 'localhost:9092';
const letters = Array.from({ length: 8 }, () =>
  String.fromCharCode(97 + Math.floor(Math.random() * 26)),
).join('');
const topic = `deploycheck${letters}.probe.v1`;
const folder = mkdtempSync(join(tmpdir(), 'deploy-check-'));
const planFile = join(folder, 'topics.yaml');
writeFileSync(
  planFile,
  `defaults: { partitions: 3, replicationFactor: 1, config: { retention.ms: "3600000" } }
dlq: { suffix: .dlq, partitions: 1, config: { retention.ms: "7200000" } }
topics:
  - { name: ${topic}, description: deploy-check probe, config: { cleanup.policy: compact } }
`,
);

const admin = new Kafka({
  clientId: 'deploy-check-test',
  brokers: brokers.split(','),
  logLevel: logLevel.NOTHING,
}).admin();

const createTopics = () =>
  run(process.execPath, [script], {
    env: { ...process.env, KAFKA_BROKERS: brokers, TOPICS_FILE: planFile, KAFKA_REPLICATION_FACTOR: '1' },
  });

afterAll(async () => {
  await admin.deleteTopics({ topics: [topic, `${topic}.dlq`] }).catch(() => undefined);
  await admin.disconnect();
  rmSync(folder, { recursive: true, force: true });
});

describe('create-topics on the real broker', () => {
  it('creates each topic and its .dlq with the planned partitions and config, and is idempotent', async () => {
    const first = await createTopics();
    expect(first.stdout).toContain(`created ${topic} (partitions 3, replication 1)`);
    expect(first.stdout).toContain(`created ${topic}.dlq (partitions 1, replication 1)`);

    await admin.connect();
    const metadata = await admin.fetchTopicMetadata({ topics: [topic, `${topic}.dlq`] });
    expect(metadata.topics.map((t) => [t.name, t.partitions.length]).sort()).toEqual(
      [
        [topic, 3],
        [`${topic}.dlq`, 1],
      ].sort(),
    );
    const configs = await admin.describeConfigs({
      includeSynonyms: false,
      resources: [
        { type: ConfigResourceTypes.TOPIC, name: topic, configNames: ['cleanup.policy', 'retention.ms'] },
      ],
    });
    const entries = Object.fromEntries(
      (configs.resources[0]?.configEntries ?? []).map((e) => [e.configName, e.configValue]),
    );
    expect(entries).toEqual({ 'cleanup.policy': 'compact', 'retention.ms': '3600000' });

    const second = await createTopics();
    expect(second.stdout).toContain('create-topics: 0 created, 2 already present');
  });

  it('fails with one line naming a broken topic plan', async () => {
    const broken = join(folder, 'broken.yaml');
    writeFileSync(broken, 'topics: []\n');
    const failure = await run(process.execPath, [script], {
      env: { ...process.env, KAFKA_BROKERS: brokers, TOPICS_FILE: broken },
    }).catch((error: { code: number; stderr: string }) => error);
    expect(failure).toMatchObject({ code: 2 });
    expect((failure as { stderr: string }).stderr).toMatch(
      /^create-topics: cannot use .*broken\.yaml: invalid topic plan: defaults/,
    );
  });

  it('fails with one line naming the missing setting', async () => {
    const failure = await run(process.execPath, [script], { env: { PATH: process.env.PATH ?? '' } }).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure).toMatchObject({ code: 2 });
    expect((failure as { stderr: string }).stderr).toContain('KAFKA_BROKERS');
  });
});
