// npm run bench -- [--duration 10] [--connections 10] [--scenarios national-dashboard,employee-list]
//   [--repetitions 5] [--out bench/results]
// Needs the running system (npm start): gateway, subgraphs, Keycloak with the demo users, and seeded data.
// Reads GATEWAY_URL (default http://localhost:4000/graphql), SUBGRAPH_<NAME>_URL (defaults per
// docs/conventions.md ports), KEYCLOAK_URL, KEYCLOAK_REALM, DATABASE_URL (the PostgreSQL server; each
// subgraph's database is kinerja_<name>), KINERJA_DEMO_PASSWORD (default kinerja-demo).
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gatewayAnswers, runBench } from './bench.ts';
import { passwordToken } from './graphql-client.ts';
import { renderMarkdown } from './report.ts';
import { writeReportFiles } from './report-files.ts';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    scenarios: { type: 'string' },
    repetitions: { type: 'string', default: '5' },
    out: { type: 'string', default: resolve(import.meta.dirname, '../../../bench/results') },
    'database-url': { type: 'string' },
  },
});

const env = process.env;
const keycloakUrl = env['KEYCLOAK_URL'] ?? 'http://localhost:8180';
const realm = env['KEYCLOAK_REALM'] ?? 'asn';
const password = env['KINERJA_DEMO_PASSWORD'] ?? 'kinerja-demo';
const gatewayUrl = env['GATEWAY_URL'] ?? 'http://localhost:4000/graphql';
const options = {
  gatewayUrl,
  subgraphUrls: {
    personnel: env['SUBGRAPH_PERSONNEL_URL'] ?? 'http://localhost:4001/graphql',
    competency: env['SUBGRAPH_COMPETENCY_URL'] ?? 'http://localhost:4002/graphql',
  },
  keycloakUrl,
  realm,
  password,
  databaseServerUrl: values['database-url'] ?? env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  connections: Number(values.connections),
  durationSeconds: Number(values.duration),
  sqlProbeRepetitions: Number(values.repetitions),
  only: values.scenarios?.split(',').map((s) => s.trim()).filter(Boolean),
  log: (line: string) => process.stderr.write(`bench: ${line}\n`),
};

try {
  const token = await passwordToken(keycloakUrl, realm, 'nasional.pimpinan', password);
  if (!(await gatewayAnswers(gatewayUrl, token))) throw new Error(`gateway ${gatewayUrl} tidak menjawab; jalankan sistem dulu (npm start)`);
  const report = await runBench(options);
  const files = writeReportFiles(report, values.out);
  process.stderr.write(`bench: report ${files.json} and ${files.markdown}\n`);
  process.stdout.write(renderMarkdown(report));
} catch (error) {
  process.stderr.write(`bench: gagal: ${(error as Error).message}\n`);
  process.exit(1);
}
