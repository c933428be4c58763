import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SetupError } from '../../src/errors.ts';
import { ensureInfra } from '../../src/infra.ts';
import { silentProgress } from '../../src/progress.ts';
import { kafkaAnswers, keycloakAnswers, postgresAnswers } from '../../src/readiness.ts';

describe('ensureInfra', () => {
  it('reuses the servers named by DATABASE_URL, KAFKA_BROKERS and KEYCLOAK_URL and leaves them running on stop()', async () => {
    const infra = await ensureInfra({ progress: silentProgress });
    expect(infra.sources).toEqual({ postgres: 'env', kafka: 'env', keycloak: 'env' });
    expect(infra.env).toMatchObject({
      DATABASE_URL: process.env['DATABASE_URL'],
      KAFKA_BROKERS: process.env['KAFKA_BROKERS'],
      KEYCLOAK_URL: process.env['KEYCLOAK_URL'],
      KEYCLOAK_REALM: 'asn',
    });
    await infra.stop();
    expect(await postgresAnswers(infra.databaseUrl)).toBe(true);
    expect(await kafkaAnswers(infra.kafkaBrokers)).toBe(true);
    expect(await keycloakAnswers(infra.keycloakUrl, 'asn')).toBe(true);
  });

  it('fails with one line when the Keycloak port is taken by a program that is not Keycloak', async () => {
    const impostor = createServer((_request, response) => response.writeHead(404).end());
    await new Promise<void>((resolve) => impostor.listen(0, '127.0.0.1', resolve));
    const { port } = impostor.address() as AddressInfo;
    const local = await mkdtemp(join(tmpdir(), 'infra-local-'));
    try {
      const attempt = ensureInfra({
        env: { PATH: process.env['PATH'], HOME: process.env['HOME'], KINERJA_LOCAL_DIR: local, KINERJA_KEYCLOAK_PORT: String(port) },
        components: ['keycloak'],
        progress: silentProgress,
      });
      await expect(attempt).rejects.toBeInstanceOf(SetupError);
      await expect(attempt).rejects.toThrow(`port ${port} is already in use by another program, so Keycloak cannot start there`);
    } finally {
      await new Promise((resolve) => impostor.close(resolve));
      await rm(local, { recursive: true, force: true });
    }
  });
});
