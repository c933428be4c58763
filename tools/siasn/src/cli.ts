// npm run siasn -- import FILE… | diff FILE… | generate | export   (npm run siasn -- --help lists the options)
import { basename } from 'node:path';
import { pino } from 'pino';
import { integerOption, readCommandLine, UsageError } from '@kinerja/cli';
import { openPersonnelOrm } from '@kinerja/personnel/bulk';
import { serviceDatabaseUrl } from '@kinerja/seed/load';
import { isRegionCode } from '@kinerja/kit/scoping';
import { diffSiasn } from '@kinerja/personnel/repositories/siasn-diff';
import { readSiasnFiles, writeCsvTable, writeSiasnCsv, writeSiasnWorkbook } from './files/siasn-files.ts';
import { generateSiasnExports } from './generate.ts';
import { importSiasn } from '@kinerja/personnel/commands/siasn-import';
import { exportSkpResults } from './export/export-skp.ts';
import { serviceAccountToken } from './export/performance-source.ts';
import { loadSiasnConfig } from './export/siasn-config.ts';

const launcherServerUrl = 'postgres://postgres:postgres@127.0.0.1:54329/postgres';
const commands = ['import', 'diff', 'generate', 'export'] as const;
const defaultGraphqlUrl = 'http://localhost:4000/graphql';

const siasnCommandLine = {
  name: 'siasn',
  helpCommand: 'npm run siasn -- --help',
  usage: `usage: npm run siasn -- <import|diff|generate|export> [FILE…] [options]
BKN SIASN sync. FILE is an XLSX export (sheets of employees and of the unor tree, told apart by their
headers) or CSV files (one of employees with nipBaru, one of units with DiatasanId).

  import FILE…             create or update instansi, units, positions and employees through personnel's
                           commands; a report line per row (created, updated, unchanged, refused + reason)
    --instansi <id>        only this SIASN instansi (instansiIndukId), default every instansi in the file
    --region <code>        Kemendagri region of an instansi the import creates (e.g. 32.15)
    --dry-run              check and run everything, then roll it all back
    --report <file.csv>    where the per-row report goes, default <first FILE>.report.csv
  diff FILE…               what disagrees (supervisor, unit, position, golongan, status, missing people)
                           between personnel and the file, per instansi, as CSV
    --instansi <id>        only this SIASN instansi
    --report <file.csv>    default <first FILE>.diff.csv
  generate                 SIASN-shaped files of the seed's dataset (npm run seed's generator)
    --employees <n>        default 5000      --seed <text>  default kinerja
    --provinces <32,…>     default all       --regions <32.15,…>  only these instansi
    --format <xlsx|csv>    default xlsx      --out <path>   file (xlsx) or base name (csv), default siasn
  export                   an instansi's finalised SKP results of a year in the shape of SIASN's /skp22/save
                           (annual) and /kinerjaperiodik/save (periodic), read from performance through the
                           gateway as the tool's Keycloak service account (SIASN_SYNC_CLIENT_ID, default
                           kinerja-siasn-sync, and SIASN_SYNC_CLIENT_SECRET; KEYCLOAK_URL, KEYCLOAK_REALM)
    --instansi <id>        our instansi (personnel's org unit id)          --year <YYYY>
    --period <code>        only Q1…Q4, M01…M12, FINAL or ANNUAL, default every period
    --out <file.json>      the SIASN bodies, default siasn-skp-<year>.json; report beside it (.report.csv)
    --graphql-url <url>    default KINERJA_GRAPHQL_URL or ${defaultGraphqlUrl}
    --send                 send them to SIASN too (SIASN_BASE_URL, SIASN_TOKEN_URL, SIASN_CLIENT_ID,
                           SIASN_CLIENT_SECRET, SIASN_SSO_URL, SIASN_SSO_CLIENT_ID, SIASN_SSO_USERNAME,
                           SIASN_SSO_PASSWORD; SIASN_MAX_ATTEMPTS, SIASN_RETRY_BASE_MS, SIASN_RETRY_MAX_MS)
    --ledger <file.jsonl>  what SIASN accepted (a re-run sends only the rest), default <out>.ledger.jsonl
  --database-url <url>     the PostgreSQL server (personnel's database is kinerja_personnel on it) or,
                           with another path than /postgres, personnel's database itself; default
                           DATABASE_URL (npm start's server: ${launcherServerUrl})
  --actor <name>           recorded as the actor of the events, default siasn-import
  -h, --help               this text

Exit 0 when every row was imported or unchanged, 1 when some were refused or the run failed.`,
  positionals: true,
  options: {
    instansi: { type: 'string' },
    region: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    report: { type: 'string' },
    employees: { type: 'string', default: '5000' },
    seed: { type: 'string', default: 'kinerja' },
    provinces: { type: 'string' },
    regions: { type: 'string' },
    format: { type: 'string', default: 'xlsx' },
    out: { type: 'string' },
    year: { type: 'string' },
    period: { type: 'string' },
    'graphql-url': { type: 'string' },
    send: { type: 'boolean', default: false },
    ledger: { type: 'string' },
    'database-url': { type: 'string' },
    actor: { type: 'string', default: 'siasn-import' },
  },
} as const;

const list = (raw: string | undefined) => raw?.split(',').map((item) => item.trim()).filter(Boolean);

const settings = readCommandLine(siasnCommandLine, ({ values, positionals }) => {
  const [command, ...files] = positionals;
  if (!command) throw new UsageError(`name a command: ${commands.join(', ')}`);
  if (!(commands as readonly string[]).includes(command)) throw new UsageError(`unknown command '${command}' (choose from ${commands.join(', ')})`);
  if ((command === 'generate' || command === 'export') && files.length > 0) throw new UsageError(`unexpected argument '${files[0]}'`);
  if (command === 'export') {
    if (!values.instansi) throw new UsageError('export needs --instansi <id>');
    if (values.year === undefined) throw new UsageError('export needs --year <YYYY>');
    const year = integerOption('year', values.year, { min: 2000, max: 2100 });
    if (values.period !== undefined && !/^(Q[1-4]|M(0[1-9]|1[0-2])|FINAL|ANNUAL)$/.test(values.period)) throw new UsageError(`--period must be Q1…Q4, M01…M12, FINAL or ANNUAL, not '${values.period}'`);
    return { command, files, values, employees: 0, serverUrl: '', year };
  }
  if (command !== 'generate' && files.length === 0) throw new UsageError(`${command} needs a FILE`);
  const bad = files.find((file) => !/\.(xlsx|csv)$/i.test(file));
  if (bad) throw new UsageError(`'${bad}' is not an .xlsx or .csv file`);
  if (values.region !== undefined && !isRegionCode(values.region)) throw new UsageError(`--region must be a region code such as 32.15, not '${values.region}'`);
  if (values.format !== 'xlsx' && values.format !== 'csv') throw new UsageError(`--format must be xlsx or csv, not '${values.format}'`);
  const employees = integerOption('employees', values.employees, { min: 2 });
  const serverUrl = values['database-url'] ?? process.env['DATABASE_URL'] ?? '';
  if (command !== 'generate' && serverUrl === '') throw new UsageError(`no PostgreSQL server: pass --database-url or set DATABASE_URL (npm start's is ${launcherServerUrl})`);
  return { command: command as (typeof commands)[number], files, values, employees, serverUrl, year: 0 };
});

const logger = pino({ level: process.env['LOG_LEVEL'] ?? 'warn' }, pino.destination(2));
const { command, files, values } = settings;

async function withOrm<T>(work: (orm: Awaited<ReturnType<typeof openPersonnelOrm>>) => Promise<T>): Promise<T> {
  // A server URL (path /postgres or none) means personnel's database on it; any other path is that database.
  const path = new URL(settings.serverUrl).pathname;
  const databaseUrl = path === '' || path === '/' || path === '/postgres' ? serviceDatabaseUrl(settings.serverUrl, 'personnel') : settings.serverUrl;
  const orm = await openPersonnelOrm(databaseUrl, logger);
  try {
    return await work(orm);
  } finally {
    await orm.close(true);
  }
}

try {
  if (command === 'export') {
    const out = values.out ?? `siasn-skp-${settings.year}.json`;
    const env = process.env;
    const secret = env['SIASN_SYNC_CLIENT_SECRET'];
    if (!secret) throw new Error('SIASN_SYNC_CLIENT_SECRET kosong: rahasia klien Keycloak alat ini (kinerja-siasn-sync) diperlukan');
    const token = serviceAccountToken({
      keycloakUrl: env['KEYCLOAK_URL'] ?? 'http://localhost:8180',
      realm: env['KEYCLOAK_REALM'] ?? 'asn',
      clientId: env['SIASN_SYNC_CLIENT_ID'] ?? 'kinerja-siasn-sync',
      clientSecret: secret,
    });
    const result = await exportSkpResults({
      source: { graphqlUrl: values['graphql-url'] ?? env['KINERJA_GRAPHQL_URL'] ?? defaultGraphqlUrl, token },
      instansiId: values.instansi as string,
      year: settings.year,
      period: values.period ?? null,
      out,
      send: values.send ? { config: loadSiasnConfig(env), ledgerPath: values.ledger ?? `${out}.ledger.jsonl` } : null,
    });
    const report = values.report ?? `${out}.report.csv`;
    await writeCsvTable(report, ['nip', 'year', 'period', 'endpoint', 'outcome', 'reason', 'message', 'siasnRecordId'], result.rows);
    process.stdout.write(`${JSON.stringify({ ...result.counts, results: result.rows.length, out, report })}\n`);
    process.stderr.write(`siasn export ${settings.year}: ${result.rows.length} hasil (${Object.entries(result.counts).map(([k, n]) => `${n} ${k}`).join(', ')}) → ${out}, ${report}\n`);
    if (result.rows.some((row) => row.outcome === 'refused' || row.outcome === 'failed' || row.outcome === 'not_exported')) process.exitCode = 1;
  } else if (command === 'generate') {
    const outFile = values.out ?? 'siasn';
    const exports = [...generateSiasnExports({ employees: settings.employees, seed: values.seed, provinces: list(values.provinces), regions: list(values.regions) })];
    const content = { employees: exports.flatMap((e) => e.employees), units: exports.flatMap((e) => e.units) };
    const written = values.format === 'xlsx' ? (await writeSiasnWorkbook(outFile.endsWith('.xlsx') ? outFile : `${outFile}.xlsx`, content), [outFile.endsWith('.xlsx') ? outFile : `${outFile}.xlsx`]) : await writeSiasnCsv(outFile, content);
    process.stdout.write(`${JSON.stringify({ files: written, instansi: exports.map((e) => ({ regionCode: e.regionCode, id: e.instansiSiasnId, employees: e.employees.length, units: e.units.length })) })}\n`);
  } else if (command === 'import') {
    const tables = await readSiasnFiles(files);
    const started = performance.now();
    const result = await withOrm((orm) =>
      importSiasn({ orm, tables, instansi: values.instansi ?? null, regionCode: values.region ?? null, dryRun: values['dry-run'], actor: values.actor }),
    );
    const seconds = (performance.now() - started) / 1000;
    const report = values.report ?? `${files[0]}.report.csv`;
    await writeCsvTable(report, ['table', 'row', 'siasnId', 'nip', 'name', 'outcome', 'reason', 'message'], result.rows);
    const { created, updated, unchanged, refused } = result.counts;
    process.stdout.write(`${JSON.stringify({ ...result.counts, rows: result.rows.length, seconds: Number(seconds.toFixed(1)), dryRun: values['dry-run'], report })}\n`);
    process.stderr.write(
      `siasn import${values['dry-run'] ? ' (dry run, nothing kept)' : ''}: ${result.rows.length} baris dari ${files.map((f) => basename(f)).join(', ')}: ` +
        `${created} dibuat, ${updated} diperbarui, ${unchanged} tidak berubah, ${refused} ditolak (${report})\n`,
    );
    if (refused > 0) process.exitCode = 1;
  } else {
    const tables = await readSiasnFiles(files);
    const differences = await withOrm((orm) => diffSiasn(orm, tables, { instansi: values.instansi ?? null }));
    const report = values.report ?? `${files[0]}.diff.csv`;
    await writeCsvTable(report, ['instansiSiasnId', 'instansiName', 'nip', 'siasnId', 'name', 'field', 'ours', 'siasn'], differences);
    process.stderr.write(`siasn diff: ${differences.length} perbedaan (${report})\n`);
  }
} catch (error) {
  process.stderr.write(`siasn: gagal: ${(error as Error).message}\n`);
  process.exitCode = 1;
}
