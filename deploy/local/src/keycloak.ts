import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SetupError } from './errors.ts';
import { selectJava } from './java.ts';
import type { JavaRuntime } from './java.ts';
import { runMaven } from './maven.ts';
import { localPaths } from './paths.ts';
import { assertPortFree } from './ports.ts';
import { spawnManaged } from './process.ts';
import type { ManagedProcess } from './process.ts';
import type { Progress } from './progress.ts';
import { createProgress, timed } from './progress.ts';
import { keycloakAnswers, waitUntilReady } from './readiness.ts';

export const KEYCLOAK_VERSION = '26.5.2';
export const KEYCLOAK_PORT = 8180;
export const KEYCLOAK_REALM = 'asn';

export interface KeycloakDistributionOptions {
  cacheDir?: string;
  java: JavaRuntime;
  progress: Progress;
  logDir: string;
}

/** The Keycloak server unpacked from `org.keycloak:keycloak-quarkus-dist:<version>:zip` into the cache. */
export async function ensureKeycloakHome(options: KeycloakDistributionOptions): Promise<string> {
  const cache = options.cacheDir ?? localPaths().cache;
  const home = join(cache, `keycloak-${KEYCLOAK_VERSION}`);
  if (existsSync(join(home, '.complete'))) return home;
  options.progress.info('keycloak', `fetching org.keycloak:keycloak-quarkus-dist:${KEYCLOAK_VERSION}:zip with mvn and unpacking into ${home}`);
  const staging = join(cache, `keycloak-${KEYCLOAK_VERSION}.${process.pid}.tmp`);
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  await runMaven({
    component: 'keycloak',
    args: ['dependency:unpack', `-Dartifact=org.keycloak:keycloak-quarkus-dist:${KEYCLOAK_VERSION}:zip`, `-DoutputDirectory=${staging}`],
    // A folder without pom.xml, so mvn runs the goal standalone.
    cwd: staging,
    java: options.java,
    logFile: join(options.logDir, 'mvn-keycloak.log'),
    progress: options.progress,
  });
  const unpacked = join(staging, `keycloak-${KEYCLOAK_VERSION}`);
  if (!existsSync(join(unpacked, 'bin', 'kc.sh'))) {
    throw new SetupError(`download failed for keycloak: the unpacked distribution has no bin/kc.sh (found ${(await readdir(staging)).join(', ')})`);
  }
  await rm(home, { recursive: true, force: true });
  await rename(unpacked, home);
  await rm(staging, { recursive: true, force: true });
  await writeFile(join(home, '.complete'), `${new Date().toISOString()}\n`);
  return home;
}

export interface KeycloakOptions {
  port?: number;
  realmFile?: string;
  logDir?: string;
  background?: boolean;
  progress?: Progress;
  readyTimeoutMs?: number;
  adminUsername?: string;
  adminPassword?: string;
}

export interface KeycloakServer {
  url: string;
  realm: string;
  pid: number;
  process: ManagedProcess;
  stop(): Promise<void>;
}

/**
 * Runs `kc.sh start-dev` with an in-memory database, importing the realm on every start: the realm file
 * in the repo stays the single source of truth and a restart always begins from it.
 */
export async function startKeycloak(options: KeycloakOptions = {}): Promise<KeycloakServer> {
  const port = options.port ?? KEYCLOAK_PORT;
  const progress = options.progress ?? createProgress();
  const paths = localPaths();
  const logDir = options.logDir ?? paths.logs;
  const url = `http://localhost:${port}`;
  await assertPortFree(port, 'Keycloak', 'stop that program, or set KEYCLOAK_URL to use a Keycloak that serves realm asn');
  const java = await selectJava({ purpose: 'Keycloak 26', minimum: 17, recommended: 21, progress });
  const home = await ensureKeycloakHome({ java, progress, logDir });
  const importDir = join(home, 'data', 'import');
  await rm(importDir, { recursive: true, force: true });
  await mkdir(importDir, { recursive: true });
  await copyFile(options.realmFile ?? paths.realmFile, join(importDir, 'realm-asn.json'));

  const logFile = join(logDir, 'keycloak.log');
  progress.info('keycloak', `starting ${KEYCLOAK_VERSION} on ${url} (Java ${java.major}), log ${logFile}`);
  const { value: child, took } = await timed(async () => {
    const managed = spawnManaged({
      name: 'keycloak',
      command: 'bash',
      args: [
        join(home, 'bin', 'kc.sh'),
        'start-dev',
        `--http-port=${port}`,
        // Pins the issuer to one URL whatever host name a client uses (localhost vs 127.0.0.1).
        `--hostname=${url}`,
        '--db=dev-mem',
        '--import-realm',
      ],
      logFile,
      cwd: home,
      env: {
        ...process.env,
        JAVA_HOME: java.home,
        PATH: `${join(java.home, 'bin')}:${process.env['PATH'] ?? ''}`,
        KC_BOOTSTRAP_ADMIN_USERNAME: options.adminUsername ?? 'admin',
        KC_BOOTSTRAP_ADMIN_PASSWORD: options.adminPassword ?? 'admin',
      },
      background: options.background ?? false,
      stopTimeoutMs: 20_000,
    });
    try {
      await waitUntilReady(() => keycloakAnswers(url, KEYCLOAK_REALM), {
        what: `Keycloak on ${url}`,
        timeoutMs: options.readyTimeoutMs ?? 240_000,
        intervalMs: 1000,
        exited: managed.exited,
        logFile,
      });
    } catch (error) {
      await managed.stop();
      throw error;
    }
    return managed;
  });
  progress.info('keycloak', `ready on ${url} (realm ${KEYCLOAK_REALM}) in ${took}`);
  return { url, realm: KEYCLOAK_REALM, pid: child.pid, process: child, stop: () => child.stop() };
}
