/**
 * Vitest globalSetup that makes PostgreSQL, Kafka and Keycloak available once per test run.
 *
 *   // vitest.config.ts of any workspace
 *   test: { globalSetup: ['@kinerja/local-infra/vitest-global-setup'] }
 *
 * It reuses DATABASE_URL / KAFKA_BROKERS / KEYCLOAK_URL when set (as `npm test` does) or servers already
 * answering on the default ports, else starts them and stops them after the run. Tests read the
 * addresses from process.env (DATABASE_URL, KAFKA_BROKERS, KEYCLOAK_URL, KEYCLOAK_REALM: set here before
 * the workers start) or with `inject('kinerjaInfra')` from vitest.
 */
import type { TestProject } from 'vitest/node';
import { ensureInfra } from './infra.ts';
import type { Component } from './infra.ts';
import { createProgress } from './progress.ts';

export interface ProvidedInfra {
  databaseUrl: string;
  kafkaBrokers: string[];
  keycloakUrl: string;
  keycloakRealm: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    kinerjaInfra: ProvidedInfra;
  }
}

/** A globalSetup for a workspace that needs only some servers: `export default createGlobalSetup(['postgres'])`. */
export function createGlobalSetup(components?: readonly Component[]) {
  return async function setup(project: TestProject): Promise<() => Promise<void>> {
    const infra = await ensureInfra({ progress: createProgress(), ...(components ? { components } : {}) });
    Object.assign(process.env, infra.env);
    project.provide('kinerjaInfra', {
      databaseUrl: infra.databaseUrl,
      kafkaBrokers: infra.kafkaBrokers,
      keycloakUrl: infra.keycloakUrl,
      keycloakRealm: infra.keycloakRealm,
    });
    return () => infra.stop();
  };
}

export default createGlobalSetup();
