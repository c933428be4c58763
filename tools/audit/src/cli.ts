// npm run audit -- verify [--service <name>] [--database-url <url>]   (npm run audit -- --help)
import { fileURLToPath } from 'node:url';
import { readCommandLine, UsageError } from '@kinerja/cli';
import { serviceDatabaseUrl, subgraphNames, verifyDatabase } from './verify.ts';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const services = subgraphNames(repoRoot);
const launcherServerUrl = 'postgres://postgres:postgres@127.0.0.1:54329/postgres';

const auditCommandLine = {
  name: 'audit',
  helpCommand: 'npm run audit -- --help',
  usage: `usage: npm run audit -- verify [--service <name>] [--database-url <url>]
Recomputes the hash chains of each subgraph's audit trail (table audit_entry) and prints one JSON line per
service: the entries and chains checked and the first broken link (its seq, its chain and why: an entry
edited, missing or out of order), or null.

  --service <name>        only this subgraph (${services.join(', ')}); default every one
  --database-url <url>    the PostgreSQL server (each service's database is kinerja_<service> on it) or,
                          with --service and another path than /postgres, that service's database itself;
                          default DATABASE_URL (npm start's server: ${launcherServerUrl})
  -h, --help              this text

Exit 0 when every chain verifies, 1 when one is broken or a database cannot be read.`,
  positionals: true,
  options: {
    service: { type: 'string' },
    'database-url': { type: 'string' },
  },
} as const;

const settings = readCommandLine(auditCommandLine, ({ values, positionals }) => {
  const [command, ...rest] = positionals;
  if (command !== 'verify') throw new UsageError(command === undefined ? 'name a command: verify' : `unknown command '${command}' (choose from verify)`);
  if (rest.length > 0) throw new UsageError(`unexpected argument '${rest[0]}'`);
  if (values.service !== undefined && !services.includes(values.service)) throw new UsageError(`--service: unknown '${values.service}' (choose from ${services.join(', ')})`);
  const serverUrl = values['database-url'] ?? process.env['DATABASE_URL'] ?? '';
  if (serverUrl === '') throw new UsageError(`no PostgreSQL server: pass --database-url or set DATABASE_URL (npm start's is ${launcherServerUrl})`);
  if (!URL.canParse(serverUrl)) throw new UsageError('--database-url is not a URL');
  return { targets: values.service === undefined ? services : [values.service], serverUrl };
});

const path = new URL(settings.serverUrl).pathname;
const isServer = path === '' || path === '/' || path === '/postgres';
let failed = false;
for (const service of settings.targets) {
  const databaseUrl = isServer ? serviceDatabaseUrl(settings.serverUrl, service) : settings.serverUrl;
  try {
    const report = await verifyDatabase(service, databaseUrl);
    process.stdout.write(`${JSON.stringify(report)}\n`);
    if (report.firstBroken !== null) {
      failed = true;
      const { seq, chain, problem } = report.firstBroken;
      process.stderr.write(`audit ${service}: rantai ${chain ?? '(tanpa rantai)'} rusak pada entri ${seq}: ${problem}\n`);
    }
  } catch (error) {
    failed = true;
    process.stderr.write(`audit ${service}: ${(error as Error).message}\n`);
  }
}
process.exitCode = failed ? 1 : 0;
