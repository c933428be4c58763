// Kafka TLS and SASL/SCRAM settings (issue 14 "Transport security"): read from the environment, checked
// at start with one line naming the variable, and handed to kafkajs. The shared test broker speaks
// PLAINTEXT without SASL, so a client configured for TLS or SCRAM must fail against it: that shows the
// settings reach the connection (a broker with SCRAM listeners is not part of the local infrastructure).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadServiceConfig } from '../../src/config.ts';
import { createKafka } from '../../src/events/kafka-client.ts';
import { loadKafkaSecurity } from '../../src/events/kafka-security.ts';
import { sharedBrokers, testLogger } from './harness.ts';

let dir: string;
let caFile: string;
const caText = '-----BEGIN CERTIFICATE-----\nMIIBuji\n-----END CERTIFICATE-----\n';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kinerja-kafka-ca-'));
  caFile = join(dir, 'ca.crt');
  await writeFile(caFile, caText);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const scram = { KAFKA_SASL_MECHANISM: 'scram-sha-512', KAFKA_SASL_USERNAME: 'personnel', KAFKA_SASL_PASSWORD: 'rahasia' };

describe('loadKafkaSecurity', () => {
  it('is plaintext without authentication by default, and when compose passes empty values', () => {
    expect(loadKafkaSecurity({})).toEqual({ ssl: false, sasl: undefined });
    expect(
      loadKafkaSecurity({ KAFKA_SSL: '', KAFKA_SSL_CA_FILE: '', KAFKA_SASL_MECHANISM: '', KAFKA_SASL_USERNAME: '', KAFKA_SASL_PASSWORD: '' }),
    ).toEqual({ ssl: false, sasl: undefined });
  });

  it('turns on TLS with the system CAs, or with a private CA read from KAFKA_SSL_CA_FILE', () => {
    expect(loadKafkaSecurity({ KAFKA_SSL: 'true' }).ssl).toBe(true);
    expect(loadKafkaSecurity({ KAFKA_SSL: 'true', KAFKA_SSL_CA_FILE: caFile }).ssl).toEqual({ ca: [caText], rejectUnauthorized: true });
  });

  it.each(['scram-sha-256', 'scram-sha-512'])('authenticates with SASL %s', (mechanism) => {
    expect(loadKafkaSecurity({ ...scram, KAFKA_SSL: 'true', KAFKA_SASL_MECHANISM: mechanism })).toEqual({
      ssl: true,
      sasl: { mechanism, username: 'personnel', password: 'rahasia' },
    });
  });

  it.each<[string, Record<string, string>, RegExp]>([
    ['a CA without TLS', { KAFKA_SSL_CA_FILE: '/etc/kafka/ca.crt' }, /^KAFKA_SSL_CA_FILE: set KAFKA_SSL=true/],
    ['a CA file that is not there', { KAFKA_SSL: 'true', KAFKA_SSL_CA_FILE: '/nonexistent/ca.crt' }, /^KAFKA_SSL_CA_FILE: cannot read \/nonexistent\/ca.crt \(ENOENT\)/],
    ['TLS spelled otherwise', { KAFKA_SSL: 'yes' }, /^KAFKA_SSL: /],
    ['a mechanism other than SCRAM', { ...scram, KAFKA_SASL_MECHANISM: 'plain' }, /^KAFKA_SASL_MECHANISM: /],
    ['a mechanism without a user', { KAFKA_SASL_MECHANISM: 'scram-sha-256', KAFKA_SASL_PASSWORD: 'x' }, /^KAFKA_SASL_USERNAME: required with KAFKA_SASL_MECHANISM=scram-sha-256/],
    ['a mechanism without a password', { KAFKA_SASL_MECHANISM: 'scram-sha-256', KAFKA_SASL_USERNAME: 'x' }, /^KAFKA_SASL_PASSWORD: required/],
    ['credentials without a mechanism', { KAFKA_SASL_USERNAME: 'x', KAFKA_SASL_PASSWORD: 'y' }, /^KAFKA_SASL_MECHANISM: required when/],
  ])('refuses %s with one line naming the variable', (_case, env, message) => {
    expect(() => loadKafkaSecurity(env)).toThrow(message);
  });

  it("stops a service's configuration with its name, and never prints the password", () => {
    const env = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/kinerja_personnel', KAFKA_SASL_MECHANISM: 'scram-sha-512', KAFKA_SASL_PASSWORD: 'rahasia' };
    expect(() => loadServiceConfig('personnel', env)).toThrow(ConfigError);
    expect(() => loadServiceConfig('personnel', env)).toThrow(/^personnel: invalid configuration: KAFKA_SASL_USERNAME: required/);
    try {
      loadServiceConfig('personnel', env);
    } catch (error) {
      expect((error as Error).message).not.toContain('rahasia');
    }
    expect(loadServiceConfig('personnel', { ...env, KAFKA_SASL_USERNAME: 'personnel' }).kafkaSecurity.sasl).toEqual({
      mechanism: 'scram-sha-512',
      username: 'personnel',
      password: 'rahasia',
    });
  });
});

describe('createKafka against the PLAINTEXT test broker', () => {
  const connect = async (env: Record<string, string>) => {
    const kafka = createKafka({ brokers: sharedBrokers, clientId: 'security-test', logger: testLogger, security: loadKafkaSecurity(env) });
    const admin = kafka.admin({ retry: { retries: 0 } });
    try {
      await admin.connect();
      await admin.describeCluster();
      return 'connected';
    } finally {
      await admin.disconnect();
    }
  };

  it('connects in plaintext, the settings of a local broker', async () => {
    expect(await connect({})).toBe('connected');
  });

  it('speaks TLS when KAFKA_SSL=true: the plaintext listener cannot complete the handshake', async () => {
    await expect(connect({ KAFKA_SSL: 'true' })).rejects.toThrow();
  });

  it('authenticates with SCRAM when asked: a listener without SASL refuses the handshake', async () => {
    await expect(connect(scram)).rejects.toThrow(/SASL|sasl/);
  });
});
