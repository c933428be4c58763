// npm run new-service -- <name> <port> [--topic <aggregate>]… [--into-existing] [--skip-install]
// Arguments read through @kinerja/cli (docs/conventions.md): --help exits 0; wrong usage, a bad name, port
// or topic, or an existing service is one line on stderr and exit 2.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exitWithUsageError, readCommandLine, UsageError as CommandLineUsageError } from '@kinerja/cli';
import { RegistrationError, UsageError, generate } from './generate.ts';

const usage = `usage: npm run new-service -- <name> <port> [options]

Creates services/<name>, a subgraph laid out as docs/service-template.md says (package.json, tsconfig,
vitest config, codegen.ts, schema.graphql extending Employee/Region/OrgUnit, src/main.ts and app.ts on
the kit, the first migration, entities, an example domain rule with its table test, an integration test
on the harness, test/support/harness.ts and process.ts), and registers it: docker-compose.yml (service,
gateway route and dependency), the PostgreSQL init script, deploy/k8s (Deployment + Service, kustomization,
ConfigMap route, gateway variable, Secret template), docs/conventions.md "Ports", README.md, and with
--topic deploy/kafka/topics.yaml and @kinerja/proto/topics. The launcher, the gateway's composition and
tools/deploy-check find the subgraph through the port in its package.json. Then runs npm install.

  <name>              3–30 lower-case letters, e.g. performance
  <port>              its local port, e.g. 4003 (docs/conventions.md "Ports")

Options:
  --topic <aggregate> a topic it publishes, <name>.<aggregate>.v1 (repeatable)
  --into-existing     services/<name> exists already: add only the missing files (never overwrite one),
                      missing package.json keys, and the registrations; beside a schema.graphql of its
                      own, the template's example (field resolver, rule, tests) is left out
  --skip-install      do not run npm install afterwards (the new workspace is then not yet in package-lock.json)
  --root <dir>        the repository to generate into (default: this checkout)
  -h, --help          this text

Example: npm run new-service -- performance 4003 --into-existing`;

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

const newServiceCommandLine = {
  name: 'new-service',
  helpCommand: 'npm run new-service -- --help',
  usage,
  positionals: true,
  options: {
    topic: { type: 'string', multiple: true },
    'into-existing': { type: 'boolean' },
    'skip-install': { type: 'boolean' },
    root: { type: 'string' },
  },
} as const;

function fail(message: string): never {
  exitWithUsageError(newServiceCommandLine, message);
}

const { values, name, portText } = readCommandLine(newServiceCommandLine, ({ values, positionals }) => {
  if (positionals.length !== 2) throw new CommandLineUsageError('expected <name> <port>, e.g. npm run new-service -- performance 4003');
  const [name = '', portText = ''] = positionals;
  if (!/^\d+$/.test(portText)) throw new CommandLineUsageError(`port "${portText}" must be an integer from 1024 to 65535`);
  return { values, name, portText };
});
const root = resolve(values.root ?? repoRoot);

try {
  const report = generate({
    root,
    name,
    port: Number(portText),
    topics: values.topic ?? [],
    intoExisting: values['into-existing'] ?? false,
  });
  for (const file of report.created) process.stdout.write(`created    ${file}\n`);
  for (const file of report.kept) process.stdout.write(`kept       ${file} (already there)\n`);
  for (const file of report.skipped)
    process.stdout.write(`skipped    ${file} (the template's example; the service has its own schema.graphql)\n`);
  for (const file of report.registered) process.stdout.write(`registered ${file}\n`);
} catch (error) {
  if (error instanceof UsageError || error instanceof RegistrationError) fail(error.message);
  throw error;
}

if (!values['skip-install']) {
  // The new workspace must be in package-lock.json (npm ci) and linked as @kinerja/<name>.
  const install = spawnSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (install.status !== 0) {
    process.stderr.write('new-service: npm install failed; run it yourself, then the steps below\n');
    process.exit(1);
  }
}
process.stdout.write(`
Next: npm run build -w @kinerja/${name}   (resolver types from schema.graphql)
      npm run -s infra -- run -- npx turbo run lint typecheck test --filter=@kinerja/${name}
      replace the example (src/domain/reporting-month.ts, its test, the ${name}ReportingMonth field) with the domain.
`);
