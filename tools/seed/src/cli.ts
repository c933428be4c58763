// npm run seed -- --employees N --seed S [--provinces 32,36] [--database-url postgres://…/postgres]
//   [--services personnel,competency] [--batch-size 5000] [--assessment-share 0.3] [--if-empty] [--dry-run]
// --database-url (or DATABASE_URL) is the PostgreSQL *server*; each service's database is
// kinerja_<service> on it, as the launcher gives them (docs/conventions.md).
import { parseArgs } from 'node:util';
import ProgressBar from 'progress';
import { pino } from 'pino';
import { SEEDED_SERVICES, type SeededService } from './load.ts';
import { runSeed } from './seed.ts';

const usage = `npm run seed -- --employees N --seed S [--provinces 32,36] [--database-url URL] [--services personnel,competency]
                 [--batch-size 5000] [--assessment-share 0.3] [--if-empty] [--dry-run]`;

function fail(message: string): never {
  process.stderr.write(`seed: ${message}\n${usage}\n`);
  process.exit(2);
}

const { values } = parseArgs({
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
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  process.stdout.write(`${usage}\n`);
  process.exit(0);
}

const employees = Number(values.employees);
if (!Number.isInteger(employees) || employees < 2) fail('--employees harus bilangan bulat ≥ 2');
const batchSize = Number(values['batch-size']);
if (!Number.isInteger(batchSize) || batchSize < 1) fail('--batch-size harus bilangan bulat ≥ 1');
const assessmentShare = Number(values['assessment-share']);
if (!(assessmentShare >= 0 && assessmentShare <= 1)) fail('--assessment-share harus antara 0 dan 1');
const services = values.services.split(',').map((s) => s.trim()).filter(Boolean);
const unknown = services.filter((s) => !(SEEDED_SERVICES as readonly string[]).includes(s));
if (unknown.length) fail(`layanan tidak dikenal: ${unknown.join(', ')}`);
const provinces = values.provinces?.split(',').map((p) => p.trim()).filter(Boolean);
const serverUrl = values['database-url'] ?? process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const logger = pino({ level: process.env['LOG_LEVEL'] ?? 'warn' }, pino.destination(2));
const bar = new ProgressBar('seed [:bar] :current/:total pegawai  :rate/s  :elapseds', {
  total: 1,
  width: 30,
  stream: process.stderr,
});
let lastLine = 0;

try {
  const report = await runSeed({
    employees,
    seed: values.seed,
    provinces,
    assessmentShare,
    serverUrl,
    services: services as SeededService[],
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
