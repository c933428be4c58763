import { describe, expect, it } from 'vitest';
import { kafkaServerProperties, newClusterId, storageFormatArgs } from '../../src/kafka.ts';

function parseProperties(text: string): Map<string, string> {
  return new Map(
    text
      .split('\n')
      .filter((line) => line !== '' && !line.startsWith('#'))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
}

describe('KRaft server.properties', () => {
  const properties = parseProperties(kafkaServerProperties({ port: 19092, controllerPort: 19093, logDirs: '/tmp/kafka-data' }));

  it('runs one node as broker and controller on the given ports', () => {
    expect(properties.get('process.roles')).toBe('broker,controller');
    expect(properties.get('controller.quorum.voters')).toBe('1@localhost:19093');
    expect(properties.get('listeners')).toBe('PLAINTEXT://localhost:19092,CONTROLLER://localhost:19093');
    expect(properties.get('advertised.listeners')).toBe('PLAINTEXT://localhost:19092');
    expect(properties.get('log.dirs')).toBe('/tmp/kafka-data');
  });

  it('keeps the consumer offsets topic to one partition, so the first consumer group on a fresh broker finds its coordinator quickly', () => {
    expect(properties.get('offsets.topic.num.partitions')).toBe('1');
  });

  it('sets every internal topic to one replica, as a single node requires', () => {
    for (const key of ['offsets.topic.replication.factor', 'transaction.state.log.replication.factor', 'transaction.state.log.min.isr']) {
      expect(properties.get(key)).toBe('1');
    }
  });

  it('makes cluster ids Kafka accepts: 16 bytes of URL-safe base64 without padding', () => {
    const id = newClusterId();
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(Buffer.from(id, 'base64url')).toHaveLength(16);
    expect(newClusterId()).not.toBe(id);
  });

  it('passes a cluster id that starts with "-" as the value of --cluster-id, not as an option', () => {
    const args = storageFormatArgs({ classpath: 'libs/*', jvmLogging: '-Dlog4j2.configurationFile=x', clusterId: '-XOKJCWPAhlbt3CloGj3OQ', configFile: 'server.properties' });
    expect(args.slice(3)).toEqual(['kafka.tools.StorageTool', 'format', '--cluster-id=-XOKJCWPAhlbt3CloGj3OQ', '-c', 'server.properties']);
  });
});
