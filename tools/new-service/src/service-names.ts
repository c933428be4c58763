// The names one subgraph goes by, derived from its one name (docs/conventions.md): the folder and
// package, the database, the variables, the Kubernetes and compose service.

export interface ServiceNames {
  /** performance: folder services/performance, compose and k8s service, GraphQL field prefix. */
  name: string;
  /** Performance: type and function names (startPerformanceSubgraph). */
  Name: string;
  /** PERFORMANCE: SUBGRAPH_PERFORMANCE_URL, PERFORMANCE_DATABASE_URL. */
  NAME: string;
  port: number;
}

/** Lower-case letters only: the name is a topic segment (<service>.<aggregate>.v1), a database suffix and a variable part. */
export const serviceNamePattern = /^[a-z]{3,30}$/;

/** Ports the platform already uses (docs/conventions.md "Ports"): gateway, web, Keycloak, Kafka, PostgreSQL. */
export const reservedPorts: ReadonlyMap<number, string> = new Map([
  [4000, 'the gateway'],
  [5173, 'the web app'],
  [8180, 'Keycloak'],
  [9092, 'the Kafka broker'],
  [9093, 'the KRaft controller'],
  [5432, 'PostgreSQL'],
  [54329, 'the embedded PostgreSQL'],
]);

/** Folders under services/ that are not subgraphs. */
export const notServiceNames: ReadonlySet<string> = new Set(['kit', 'shared', 'generated']);

export function serviceNames(name: string, port: number): ServiceNames {
  return { name, Name: `${name[0]?.toUpperCase() ?? ''}${name.slice(1)}`, NAME: name.toUpperCase(), port };
}

/** `__name__`, `__Name__`, `__NAME__`, `__port__`, `__opsPort__` (PORT + 1000, the kit's default OPS_PORT) replaced. */
export function render(template: string, names: ServiceNames): string {
  return template
    .replaceAll('__NAME__', names.NAME)
    .replaceAll('__Name__', names.Name)
    .replaceAll('__name__', names.name)
    .replaceAll('__opsPort__', String(names.port + 1000))
    .replaceAll('__port__', String(names.port));
}

/** `check-in` → `CheckIn`, for the topics module's keys (`attendanceCheckIn`). */
export function pascalCase(words: string): string {
  return words
    .split('-')
    .map((word) => `${word[0]?.toUpperCase() ?? ''}${word.slice(1)}`)
    .join('');
}
