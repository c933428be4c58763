import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError, loadServiceConfig } from '../src/config.ts';

const minimal = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/kinerja_personnel' };

describe('loadServiceConfig', () => {
  it('applies the documented defaults (docs/conventions.md "Environment variables")', () => {
    const config = loadServiceConfig('personnel', minimal);
    expect(config).toMatchObject({
      serviceName: 'personnel',
      port: 4001,
      kafkaBrokers: ['localhost:9092'],
      keycloakUrl: 'http://localhost:8180',
      keycloakRealm: 'asn',
      authIssuer: 'http://localhost:8180/realms/asn',
      authAudience: 'kinerja-api',
      jwksUrl: 'http://localhost:8180/realms/asn/protocol/openid-connect/certs',
      logLevel: 'info',
      opsPort: 5001,
      metricsOperations: [],
      metricsMaxOperations: 100,
    });
  });

  it('puts the ops port 1000 above PORT unless OPS_PORT says otherwise, and never on PORT', () => {
    expect(loadServiceConfig('competency', minimal).opsPort).toBe(5002);
    expect(loadServiceConfig('competency', { ...minimal, PORT: '0' }).opsPort).toBe(0);
    expect(loadServiceConfig('competency', { ...minimal, OPS_PORT: '9464' }).opsPort).toBe(9464);
    expect(() => loadServiceConfig('competency', { ...minimal, PORT: '4002', OPS_PORT: '4002' })).toThrow(
      /OPS_PORT: must differ from PORT/,
    );
  });

  it('reads the known operation names for metric labels as a list', () => {
    const config = loadServiceConfig('personnel', { ...minimal, METRICS_OPERATIONS: 'Dasbor, DaftarPegawai,', METRICS_MAX_OPERATIONS: '20' });
    expect(config.metricsOperations).toEqual(['Dasbor', 'DaftarPegawai']);
    expect(config.metricsMaxOperations).toBe(20);
  });

  it('reads every variable and keeps AUTH_ISSUER separate from the JWKS host', () => {
    const config = loadServiceConfig('competency', {
      ...minimal,
      PORT: '5002',
      KAFKA_BROKERS: 'k1:9092, k2:9093',
      KEYCLOAK_URL: 'http://keycloak:8080/',
      KEYCLOAK_REALM: 'other',
      AUTH_ISSUER: 'https://sso.example.go.id/realms/other',
      AUTH_AUDIENCE: 'api',
      LOG_LEVEL: 'debug',
    });
    expect(config.port).toBe(5002);
    expect(config.kafkaBrokers).toEqual(['k1:9092', 'k2:9093']);
    expect(config.authIssuer).toBe('https://sso.example.go.id/realms/other');
    expect(config.jwksUrl).toBe('http://keycloak:8080/realms/other/protocol/openid-connect/certs');
    expect(config.logLevel).toBe('debug');
  });

  it.each([
    [{}, /DATABASE_URL/],
    [{ ...minimal, DATABASE_URL: 'mysql://x/y' }, /DATABASE_URL: must be a postgres/],
    [{ ...minimal, PORT: 'abc' }, /PORT/],
    [{ ...minimal, PORT: '70000' }, /PORT/],
    [{ ...minimal, KAFKA_BROKERS: 'nohostport' }, /KAFKA_BROKERS/],
    [{ ...minimal, LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
    [{ ...minimal, KEYCLOAK_URL: 'not a url' }, /KEYCLOAK_URL/],
    [{ ...minimal, OPS_PORT: '-1' }, /OPS_PORT/],
    [{ ...minimal, METRICS_MAX_OPERATIONS: '0' }, /METRICS_MAX_OPERATIONS/],
  ])('fails fast with one line naming the bad variable: %j', (env, pattern) => {
    expect(() => loadServiceConfig('personnel', env)).toThrow(ConfigError);
    expect(() => loadServiceConfig('personnel', env)).toThrow(pattern);
    try {
      loadServiceConfig('personnel', env);
    } catch (error) {
      expect((error as Error).message).not.toContain('\n');
      expect((error as Error).message).toMatch(/^personnel: invalid configuration: /);
    }
  });

  it('requires PORT for a service without a conventional port', () => {
    expect(() => loadServiceConfig('mystery', minimal)).toThrow(/PORT: required/);
  });

  it('validates a service-specific extension shape', () => {
    const shape = { TPP_ROUNDING: z.enum(['half_up', 'down']).default('half_up') };
    expect(loadServiceConfig('remuneration', minimal, shape).extra.TPP_ROUNDING).toBe('half_up');
    expect(() => loadServiceConfig('remuneration', { ...minimal, TPP_ROUNDING: 'x' }, shape)).toThrow(/TPP_ROUNDING/);
  });
});
