// Where a new subgraph must be named besides its own folder, as pure edits of each file's text (the
// generator reads, edits and writes; the tests run the edits on copies). Every edit is idempotent: a
// file that already names the service comes back unchanged, so `--into-existing` can run them again.
// The launcher, the gateway's composition and tools/deploy-check need no edit: they read the port from
// the service's package.json ("kinerja": { "subgraph": { "port" } }).
import { parseDocument } from 'yaml';
import { pascalCase, render, type ServiceNames } from './service-names.ts';

export class RegistrationError extends Error {}

function lines(text: string): string[] {
  return text.split('\n');
}

/** The lines of the top-level block `  <key>:` of a compose `services:` map: [start, end). */
function composeServiceBlock(all: readonly string[], key: string): [number, number] | undefined {
  const start = all.findIndex((line) => line === `  ${key}:`);
  if (start < 0) return undefined;
  let end = start + 1;
  while (end < all.length && !/^ {0,2}\S/.test(all[end] ?? '')) end++;
  return [start, end];
}

/** docker-compose.yml: the service (from registrations/compose-service.yaml.tmpl), and the gateway's route and dependency. */
export function registerInCompose(text: string, names: ServiceNames, serviceTemplate: string): string {
  const all = lines(text);
  if (composeServiceBlock(all, names.name)) return text;
  const gateway = composeServiceBlock(all, 'gateway');
  if (!gateway) throw new RegistrationError('docker-compose.yml has no gateway service to route the new subgraph');
  // The new service goes before the anchor comment, else right before the gateway.
  const anchor = all.findIndex((line) => line.startsWith('  # A new subgraph gets its entry here'));
  const at = anchor >= 0 ? anchor : gateway[0];
  const block = lines(render(serviceTemplate, names).replace(/\n+$/, '')).concat(['']);
  all.splice(at, 0, ...block);
  // The gateway moved down by the block's length.
  const [start, end] = composeServiceBlock(all, 'gateway') ?? gateway;
  const gatewayLines = all.slice(start, end);
  const routes = gatewayLines.map((line, index) => (/^ {6}SUBGRAPH_\w+_URL:/.test(line) ? index : -1)).filter((i) => i >= 0);
  const lastRoute = routes.at(-1) ?? gatewayLines.findIndex((line) => line === '    environment:');
  if (lastRoute < 0) throw new RegistrationError('docker-compose.yml: the gateway service has no environment');
  gatewayLines.splice(lastRoute + 1, 0, `      SUBGRAPH_${names.NAME}_URL: http://${names.name}:${names.port}/graphql`);
  const dependsOn = gatewayLines.findIndex((line) => line === '    depends_on:');
  if (dependsOn < 0) throw new RegistrationError('docker-compose.yml: the gateway service has no depends_on');
  let afterDependencies = dependsOn + 1;
  while (afterDependencies < gatewayLines.length && /^ {6}/.test(gatewayLines[afterDependencies] ?? '')) afterDependencies++;
  gatewayLines.splice(afterDependencies, 0, `      ${names.name}:`, '        condition: service_healthy');
  all.splice(start, end - start, ...gatewayLines);
  const result = all.join('\n');
  assertYaml(result, 'docker-compose.yml');
  return result;
}

function assertYaml(text: string, file: string): void {
  const document = parseDocument(text);
  if (document.errors.length > 0) throw new RegistrationError(`${file} would not parse: ${document.errors[0]?.message}`);
}

/** deploy/docker/postgres-init/01-databases.sql: the service's own database. */
export function registerDatabase(text: string, names: ServiceNames): string {
  const statement = `CREATE DATABASE kinerja_${names.name};`;
  if (text.includes(statement)) return text;
  const keycloak = text.indexOf('CREATE DATABASE keycloak;');
  return keycloak >= 0 ? `${text.slice(0, keycloak)}${statement}\n${text.slice(keycloak)}` : `${text.replace(/\n*$/, '\n')}${statement}\n`;
}

/** deploy/k8s/kustomization.yaml: the manifest among the resources, before the gateway's. */
export function registerInKustomization(text: string, names: ServiceNames): string {
  const entry = `  - ${names.name}.yaml`;
  if (lines(text).includes(entry)) return text;
  const all = lines(text);
  const gateway = all.indexOf('  - gateway.yaml');
  if (gateway < 0) throw new RegistrationError('deploy/k8s/kustomization.yaml lists no gateway.yaml');
  all.splice(gateway, 0, entry);
  return all.join('\n');
}

function insertAfterLast(text: string, pattern: RegExp, inserted: string[], file: string): string {
  const all = lines(text);
  const last = all.map((line, index) => (pattern.test(line) ? index : -1)).filter((i) => i >= 0).at(-1);
  if (last === undefined) throw new RegistrationError(`${file}: found no line like ${pattern.source} to add to`);
  all.splice(last + 1, 0, ...inserted);
  return all.join('\n');
}

/** deploy/k8s/configmap.yaml: the gateway's SUBGRAPH_<NAME>_URL to the in-cluster Service. */
export function registerInConfigMap(text: string, names: ServiceNames): string {
  if (text.includes(`SUBGRAPH_${names.NAME}_URL:`)) return text;
  return insertAfterLast(
    text,
    /^ {2}SUBGRAPH_\w+_URL:/,
    [`  SUBGRAPH_${names.NAME}_URL: http://${names.name}:${names.port}/graphql`],
    'deploy/k8s/configmap.yaml',
  );
}

/** deploy/k8s/gateway.yaml: the gateway container reads SUBGRAPH_<NAME>_URL from the ConfigMap. */
export function registerInGatewayDeployment(text: string, names: ServiceNames): string {
  const variable = `SUBGRAPH_${names.NAME}_URL`;
  if (text.includes(`- name: ${variable}`)) return text;
  const all = lines(text);
  const starts = all.map((line, index) => (/^ {12}- name: SUBGRAPH_\w+_URL$/.test(line) ? index : -1)).filter((i) => i >= 0);
  const last = starts.at(-1);
  if (last === undefined) throw new RegistrationError('deploy/k8s/gateway.yaml: found no SUBGRAPH_<NAME>_URL variable to add to');
  let end = last + 1;
  while (end < all.length && /^ {14}/.test(all[end] ?? '')) end++;
  all.splice(
    end,
    0,
    `            - name: ${variable}`,
    '              valueFrom:',
    '                configMapKeyRef:',
    '                  name: kinerja-config',
    `                  key: ${variable}`,
  );
  return all.join('\n');
}

/** deploy/k8s/secret.example.yaml: a placeholder <NAME>_DATABASE_URL and the service's Kafka user. */
export function registerInSecretExample(text: string, names: ServiceNames): string {
  const withKafkaUser = text.includes(`${names.NAME}_KAFKA_USERNAME:`)
    ? text
    : insertAfterLast(
        text,
        /^ {2}\w+_KAFKA_PASSWORD:/,
        [`  ${names.NAME}_KAFKA_USERNAME: ${names.name}`, `  ${names.NAME}_KAFKA_PASSWORD: CHANGE_ME`],
        'deploy/k8s/secret.example.yaml',
      );
  return registerDatabaseUrlInSecretExample(withKafkaUser, names);
}

function registerDatabaseUrlInSecretExample(text: string, names: ServiceNames): string {
  if (text.includes(`${names.NAME}_DATABASE_URL:`)) return text;
  return insertAfterLast(
    text,
    /^ {2}\w+_DATABASE_URL:/,
    [
      `  ${names.NAME}_DATABASE_URL: postgres://kinerja_${names.name}:CHANGE_ME@postgres.example.internal:5432/kinerja_${names.name}`,
    ],
    'deploy/k8s/secret.example.yaml',
  );
}

/** deploy/k8s/README.md: the subgraph and its port in the list of Deployments. */
export function registerInK8sReadme(text: string, names: ServiceNames): string {
  const list = /\(personnel 4001[^)]*\)/.exec(text);
  if (!list || new RegExp(`\\b${names.name} \\d+`).test(list[0])) return text;
  return text.replace(list[0], `${list[0].slice(0, -1)}, ${names.name} ${names.port})`);
}

/** The topic name `<service>.<aggregate>.v1`. */
export function topicName(names: ServiceNames, aggregate: string): string {
  return `${names.name}.${aggregate}.v1`;
}

/** deploy/kafka/topics.yaml: the topic (its .dlq follows from the plan's dlq section). */
export function registerTopicInPlan(text: string, names: ServiceNames, aggregate: string): string {
  const topic = topicName(names, aggregate);
  if (new RegExp(`^ {2}- name: ${topic.replaceAll('.', '\\.')}$`, 'm').test(text)) return text;
  const entry = [
    `  - name: ${topic}`,
    `    description: published by ${names.name} (generated; name the protobuf message and what it carries)`,
  ];
  const result = `${text.replace(/\n*$/, '')}\n${entry.join('\n')}\n`;
  assertYaml(result, 'deploy/kafka/topics.yaml');
  return result;
}

/**
 * deploy/kafka/acls.yaml: the service's Kafka principal, and with a topic that only the service writes it
 * (readers are added by hand when a consumer appears; deploy-check names a consumer that lacks one).
 */
export function registerInAcls(text: string, names: ServiceNames, aggregate: string | undefined): string {
  let result = text;
  if (!new RegExp(`^ {2}${names.name}: User:`, 'm').test(result))
    result = insertAfterLast(result, /^ {2}[a-z]+: User:/, [`  ${names.name}: User:${names.name}`], 'deploy/kafka/acls.yaml');
  if (aggregate !== undefined) {
    const topic = topicName(names, aggregate);
    if (!new RegExp(`^ {2}${topic.replaceAll('.', '\\.')}:$`, 'm').test(result))
      result = `${result.replace(/\n*$/, '')}\n  ${topic}:\n    writers: [${names.name}]\n    readers: []\n`;
  }
  assertYaml(result, 'deploy/kafka/acls.yaml');
  return result;
}

/** proto/src/topics.ts: the topic constant (`performanceRating: 'performance.rating.v1'`). */
export function registerTopicInModule(text: string, names: ServiceNames, aggregate: string): string {
  const topic = topicName(names, aggregate);
  if (text.includes(`'${topic}'`)) return text;
  const end = text.indexOf('} as const;');
  if (end < 0) throw new RegistrationError('proto/src/topics.ts has no `topics = { … } as const` to add to');
  const entry = `  /** Published by ${names.name} (generated; name the protobuf message). */\n  ${names.name}${pascalCase(aggregate)}: '${topic}',\n`;
  return `${text.slice(0, end)}${entry}${text.slice(end)}`;
}

/** docs/conventions.md "Ports": the subgraph's port; refuses a port the table gives the service differently. */
export function registerInConventionsPorts(text: string, names: ServiceNames): string {
  const all = lines(text);
  const row = all.findIndex((line) => /^\| *personnel\b.*\|.*4001.*\|$/.test(line));
  if (row < 0) throw new RegistrationError('docs/conventions.md "Ports" has no row of subgraph ports (personnel, …)');
  const [, namesCell = '', portsCell = ''] = (all[row] ?? '').split('|').map((cell) => cell.trim());
  const listed = namesCell.split(',').map((cell) => cell.trim());
  const ports = portsCell.split(',').map((cell) => Number(cell.trim()));
  const index = listed.indexOf(names.name);
  if (index >= 0) {
    if (ports[index] !== names.port)
      throw new RegistrationError(`docs/conventions.md gives ${names.name} port ${ports[index]}, not ${names.port}`);
    return text;
  }
  const taken = listed[ports.indexOf(names.port)];
  if (taken) throw new RegistrationError(`port ${names.port} belongs to ${taken} (docs/conventions.md "Ports")`);
  all[row] = `| ${[...listed, names.name].join(', ')} | ${[...ports, names.port].join(', ')} |`;
  return all.join('\n');
}

/** A markdown table re-padded the way prettier writes it (left-aligned columns). */
function padTable(rows: readonly string[][]): string[] {
  const widths = rows[0]?.map((_, column) => Math.max(3, ...rows.map((row) => (row[column] ?? '').length))) ?? [];
  return rows.map((row, index) =>
    index === 1
      ? `| ${widths.map((width) => '-'.repeat(width)).join(' | ')} |`
      : `| ${row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`,
  );
}

/** README.md: the subgraph's URL in "Where things are" (out of the planned row), and its folder in the layout. */
export function registerInReadme(text: string, names: ServiceNames): string {
  const all = lines(text);
  const header = all.findIndex((line) => /^\| *what *\| *URL \/ port *\|$/.test(line));
  if (header >= 0) {
    let end = header;
    while (end < all.length && all[end]?.startsWith('|')) end++;
    const rows = all.slice(header, end).map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim()));
    const live = rows.find((row) => /^[a-z, ]+ subgraphs$/.test(row[0] ?? ''));
    if (live && !(live[0] ?? '').split(/,\s*| /).includes(names.name)) {
      live[0] = (live[0] ?? '').replace(/ subgraphs$/, `, ${names.name} subgraphs`);
      live[1] = `${live[1]}, http://localhost:${names.port}/graphql`;
      const planned = rows.findIndex((row) => / \(planned\)$/.test(row[0] ?? ''));
      const plannedRow = rows[planned];
      if (plannedRow) {
        const plannedNames = (plannedRow[0] ?? '').replace(/ \(planned\)$/, '').split(',').map((s) => s.trim());
        const plannedPorts = (plannedRow[1] ?? '').split(',').map((s) => s.trim());
        const at = plannedNames.indexOf(names.name);
        if (at >= 0) {
          plannedNames.splice(at, 1);
          plannedPorts.splice(at, 1);
          if (plannedNames.length === 0) rows.splice(planned, 1);
          else rows[planned] = [`${plannedNames.join(', ')} (planned)`, plannedPorts.join(', ')];
        }
      }
      all.splice(header, end - header, ...padTable(rows));
    }
  }
  const layoutLine = all.findIndex((line) => line.startsWith(`  ${names.name}/ `));
  if (layoutLine >= 0) all[layoutLine] = (all[layoutLine] ?? '').replace(/ \(planned\)$/, '');
  else {
    const servicesLine = all.indexOf('services/');
    if (servicesLine >= 0) {
      let last = servicesLine + 1;
      while (/^ {2}[\w-]+\/ /.test(all[last] ?? '')) last++;
      all.splice(last, 0, `  ${`${names.name}/`.padEnd(23)}the ${names.name} subgraph (describe its domain here)`);
    }
  }
  return all.join('\n');
}
