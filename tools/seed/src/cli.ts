// npm run seed -- --employees N --seed S [options]   (npm run seed -- --help lists them)
// --database-url (or DATABASE_URL) is the PostgreSQL *server*; each service's database is
// kinerja_<service> on it, as the launcher gives them (docs/conventions.md).
import ProgressBar from 'progress';
import { pino } from 'pino';
import { integerOption, listOption, readCommandLine, UsageError } from '@kinerja/cli';
import { SEEDED_SERVICES } from './seeded-services.ts';

// The embedded server of docs/conventions.md, named in the usage. The seed does not look for it itself:
// its container image has no launcher, and there DATABASE_URL is always set.
const launcherServerUrl = 'postgres://postgres:postgres@127.0.0.1:54329/postgres';

const seedCommandLine = {
  name: 'seed',
  helpCommand: 'npm run seed -- --help',
  usage: `usage: npm run seed -- [options]
Generates demo employees (with NIPs, units, positions, supervisors) and competency assessments and loads
them into each service's database kinerja_<service>. The same --seed gives the same data, and running
it again writes only what is missing (a load cut short is completed). Another --seed on top adds its
employees beside those already there (NIPs of its own; the demo users stay with the first dataset).

  --employees <n>            how many employees, default 5000 (at least 2)
  --seed <text>              seed of the generator, default kinerja
  --provinces <32,36,…>      only these provinces (region codes), default all
  --database-url <url>       the PostgreSQL server, default DATABASE_URL; one of them is needed to
                             write (the one npm start runs: ${launcherServerUrl})
  --services <a,b>           ${SEEDED_SERVICES.join(', ')} (default all)
  --batch-size <n>           rows per insert statement, default 5000
  --assessment-share <0..1>  share of employees with a finalised assessment, default 0.3
  --if-empty                 do nothing when employees already exist (npm start uses this)
  --dry-run                  generate and count, write nothing
  -h, --help                 this text

Environment: DATABASE_URL, LOG_LEVEL (default warn).`,
  options: {
    employees: { type: 'string', default: '5000' },
    seed: { type: 'string', default: 'kinerja' },
    provinces: { type: 'string' },
    'database-url': { type: 'string' },
    services: { type: 'string', default: SEEDED_SERVICES.join(',') },
    'batch-size': { type: 'string', default: '5000' },
    'assessment-share': { type: 'string', default: '0.3' },
    'if-empty': { type: 'boolean', default: false },
    'dry-run': { type: 'boolean', default: false },
  },
} as const;

const { values, serverUrl, employees, batchSize, assessmentShare, services } = readCommandLine(seedCommandLine, ({ values }) => {
  const share = Number(values['assessment-share']);
  if (values['assessment-share'].trim() === '' || !(share >= 0 && share <= 1)) {
    throw new UsageError(`--assessment-share must be a number from 0 to 1, not '${values['assessment-share']}'`);
  }
  const checked = {
    values,
    employees: integerOption('employees', values.employees, { min: 2 }),
    batchSize: integerOption('batch-size', values['batch-size'], { min: 1 }),
    assessmentShare: share,
    services: listOption('services', values.services, SEEDED_SERVICES),
  };
  const serverUrl = values['database-url'] ?? process.env['DATABASE_URL'] ?? '';
  if (serverUrl === '' && !values['dry-run']) {
    throw new UsageError(`no PostgreSQL server: pass --database-url or set DATABASE_URL (npm start's is ${launcherServerUrl})`);
  }
  return { ...checked, serverUrl };
});
const provinces = values.provinces?.split(',').map((p) => p.trim()).filter(Boolean);

const logger = pino({ level: process.env['LOG_LEVEL'] ?? 'warn' }, pino.destination(2));
const bar = new ProgressBar('seed [:bar] :current/:total pegawai  :rate/s  :elapseds', {
  total: 1,
  width: 30,
  stream: process.stderr,
});
let lastLine = 0;

try {
  // Imported only now: the bulk loaders pull in every seeded service, which --help need not wait for.
  const { runSeed } = await import('./seed.ts');
  const report = await runSeed({
    employees,
    seed: values.seed,
    provinces,
    assessmentShare,
    // A dry run writes nothing and needs no server.
    serverUrl,
    services,
    batchSize,
    ifEmpty: values['if-empty'],
    dryRun: values['dry-run'],
    logger,
    onProgress: (done, total) => {
      bar.total = total;
      if (process.stderr.isTTY) bar.tick(done - bar.curr);
      else if (done - lastLine >= total / 10 || done === total) {
        lastLine = done;
        process.stderr.write(`seed: ${done}/${total} pegawai\n`);
      }
    },
  });
  if (report.skipped) {
    process.stderr.write('seed: data pegawai sudah ada, dilewati (--if-empty)\n');
  } else {
    process.stdout.write(
      `${JSON.stringify({ ...report, seed: values.seed, provinces: provinces ?? 'all', services, dryRun: values['dry-run'] })}\n`,
    );
    process.stderr.write(
      `seed: ${report.employees} pegawai, ${report.units} unit, ${report.assessments} asesmen dalam ${report.seconds.toFixed(1)} s ` +
        `(${report.employeesPerSecond} pegawai/s, ${report.rowsPerSecond} baris/s; generator ${report.generationSeconds.toFixed(1)} s)\n`,
    );
  }
} catch (error) {
  process.stderr.write(`seed: gagal: ${(error as Error).message}\n`);
  process.exit(1);
}
