import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The checkout this launcher lives in (deploy/local/src → three levels up). */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export interface LocalPaths {
  repoRoot: string;
  /** Git-ignored working folder for data, logs and pid files. */
  local: string;
  logs: string;
  run: string;
  /** Downloads shared by every checkout (outside the repo so a clean clone reuses them). */
  cache: string;
  realmFile: string;
  kafkaPom: string;
}

export function localPaths(env: NodeJS.ProcessEnv = process.env): LocalPaths {
  const local = env['KINERJA_LOCAL_DIR'] ?? join(repoRoot, '.local');
  const cacheHome = env['XDG_CACHE_HOME'] ?? join(homedir(), '.cache');
  return {
    repoRoot,
    local,
    logs: join(local, 'logs'),
    run: join(local, 'run'),
    cache: env['KINERJA_CACHE_DIR'] ?? join(cacheHome, 'kinerja-asn'),
    realmFile: join(repoRoot, 'deploy/keycloak/realm-asn.json'),
    kafkaPom: join(repoRoot, 'deploy/local/kafka/pom.xml'),
  };
}
