// Where the PostgreSQL server of the running system is, for tools started beside it (bench, seed) that
// are given no URL: the one `npm start` / `npm run infra` of this checkout started (its run record),
// else the embedded server on its port (54329 or KINERJA_POSTGRES_PORT), which `npm start` also reuses
// when another checkout started it.
import { infraPorts } from './infra.ts';
import { localPaths } from './paths.ts';
import { embeddedDatabaseUrl } from './postgres.ts';
import { postgresAnswers } from './readiness.ts';
import { isRecordedProcessRunning, readRecords } from './state.ts';

export interface FoundPostgres {
  /** Server URL, database `postgres`. */
  url: string;
  /** How it was found, for the tool's log: "DATABASE_URL", "started by the launcher (pid 42)", … */
  source: string;
}

/** The URL to try first, then the others, each with how it was found (no connection is made). */
export function postgresCandidates(env: NodeJS.ProcessEnv = process.env): FoundPostgres[] {
  const fromEnv = env['DATABASE_URL'];
  if (fromEnv) return [{ url: fromEnv, source: 'DATABASE_URL' }];
  const port = infraPorts(env).postgres;
  const embedded = embeddedDatabaseUrl(port);
  const started = readRecords(localPaths(env).run)
    .filter((record) => record.component === 'postgres' && isRecordedProcessRunning(record))
    // The set on the port asked for first (a private set of this checkout has its own record).
    .sort((a, b) => Number(b.address === embedded) - Number(a.address === embedded))
    .map((record) => ({ url: record.address, source: `started by the launcher (pid ${record.pid})` }));
  const candidates = [...started, { url: embedded, source: `the embedded server on 127.0.0.1:${port}` }];
  return candidates.filter((candidate, index) => candidates.findIndex((other) => other.url === candidate.url) === index);
}

/** The first candidate that answers, or undefined when none does (DATABASE_URL is returned as given). */
export async function findLauncherPostgres(env: NodeJS.ProcessEnv = process.env): Promise<FoundPostgres | undefined> {
  const candidates = postgresCandidates(env);
  if (env['DATABASE_URL']) return candidates[0];
  for (const candidate of candidates) {
    if (await postgresAnswers(candidate.url)) return candidate;
  }
  return undefined;
}
