// npm run bench -- [options]   (npm run bench -- --help lists them)
// Needs the running system (npm start): gateway, subgraphs, Keycloak with the demo users, and seeded data.
// With --tpp-run only PostgreSQL and Keycloak: the monthly TPP run on a database of its own (tpp-run.ts);
// with --siasn-import only PostgreSQL: the SIASN import of N employees (siasn-import.ts).
import { readFileSync } from 'node:fs';
import { readCommandLine } from '@kinerja/cli';
import { INGEST_SCENARIO } from './attendance-ingest.ts';
import { gatewayAnswers, runBench } from './bench.ts';
import { passwordToken } from './graphql-client.ts';
import { pointSupergraphAt, startHiveGateway } from './hive-gateway.ts';
import { renderMarkdown } from './report.ts';
import { writeReportFiles, writeSiasnImportReportFiles, writeTppRunReportFiles } from './report-files.ts';
import { benchArguments, benchCommandLine, benchOptions } from './settings.ts';
import { renderSiasnImportMarkdown } from './siasn-import-report.ts';
import { runSiasnImportBench } from './siasn-import.ts';
import { runTppBench } from './tpp-run.ts';
import { renderTppRunMarkdown } from './tpp-run-report.ts';

const command = readCommandLine(benchCommandLine, benchArguments);
const log = (line: string) => process.stderr.write(`bench: ${line}\n`);

try {
  const options = await benchOptions(command, process.env, log);
  if (command.tppRun) {
    const report = await runTppBench({ ...options, employees: command.employees, batchSize: command.batchSize, keepDatabase: command.keepDatabase });
    const files = writeTppRunReportFiles(report, command.out);
    log(`report ${files.json} and ${files.markdown}`);
    process.stdout.write(renderTppRunMarkdown(report));
  } else if (command.siasnImport) {
    const report = await runSiasnImportBench({
      databaseServerUrl: options.databaseServerUrl,
      employees: command.employees,
      provinces: command.provinces,
      keepDatabase: command.keepDatabase,
      log,
    });
    const files = writeSiasnImportReportFiles(report, command.out);
    log(`report ${files.json} and ${files.markdown}`);
    process.stdout.write(renderSiasnImportMarkdown(report));
  } else {
    // The ingest scenario runs its own attendance process; the others need the running system.
    const needsGateway = !options.only?.length || options.only.some((name) => name !== INGEST_SCENARIO);
    const token = await passwordToken(options.keycloakUrl, options.realm, 'nasional.pimpinan', options.password);
    if (needsGateway && !(await gatewayAnswers(options.gatewayUrl, token))) throw new Error(`gateway ${options.gatewayUrl} tidak menjawab; jalankan sistem dulu (npm start)`);
    const hive = command.hive ? await startHiveGateway({ supergraphSdl: pointSupergraphAt(readFileSync(command.supergraph, 'utf8'), options.subgraphUrls) }) : null;
    if (hive) log(`Hive Gateway ${hive.version} on ${hive.url} (supergraph ${command.supergraph})`);
    let report;
    try {
      report = await runBench({ ...options, hive });
    } finally {
      await hive?.stop();
    }
    const files = writeReportFiles(report, command.out);
    log(`report ${files.json} and ${files.markdown}`);
    process.stdout.write(renderMarkdown(report));
  }
} catch (error) {
  log(`gagal: ${(error as Error).message}`);
  process.exit(1);
}
