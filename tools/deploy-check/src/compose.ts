// docker-compose.yml read into plain values: environment as a map, published ports, bind mounts and
// dependencies, whichever of Compose's short or long syntaxes the file uses. Variable interpolation
// takes each `${NAME:-default}`'s default, which is what `docker compose up` uses on a clean machine.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

export interface ComposeBuild {
  context: string;
  dockerfile: string;
  target?: string;
  args: Record<string, string>;
}

export interface ComposeService {
  name: string;
  image?: string;
  build?: ComposeBuild;
  environment: Record<string, string>;
  ports: { host: number; container: number }[];
  /** Host paths mounted into the container (bind mounts), as written. */
  bindMounts: { source: string; target: string }[];
  dependsOn: { service: string; condition: string }[];
  healthcheck?: { test: string[]; disable: boolean };
  profiles: string[];
  command?: string[];
}

export interface ComposeFile {
  services: ComposeService[];
  volumes: string[];
}

/** `${NAME:-default}` and `${NAME-default}` become the default, `${NAME}` becomes '', `$$` becomes `$`. */
export function interpolate(value: string): string {
  return value
    // ${X:-default} and ${X-default} give the default; ${X:?message} (required from the host) gives ''.
    .replace(
      /\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}/g,
      (_whole, _name: string, operator: string | undefined, operand: string | undefined) =>
        operator?.endsWith('-') ? (operand ?? '') : '',
    )
    .replace(/\$\$/g, '$');
}

type Raw = Record<string, unknown>;

const asRecord = (value: unknown): Raw =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Raw) : {};
const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const scalar = (value: unknown): string =>
  value === null || value === undefined ? '' : interpolate(String(value));

function keyValues(value: unknown): Record<string, string> {
  if (Array.isArray(value)) {
    return Object.fromEntries(
      value.map((entry) => {
        const text = String(entry);
        const equals = text.indexOf('=');
        return equals < 0 ? [text, ''] : [text.slice(0, equals), interpolate(text.slice(equals + 1))];
      }),
    );
  }
  return Object.fromEntries(Object.entries(asRecord(value)).map(([key, entry]) => [key, scalar(entry)]));
}

function parsePort(entry: unknown): { host: number; container: number }[] {
  if (entry && typeof entry === 'object') {
    const port = asRecord(entry);
    if (port.published === undefined) return [];
    return [{ host: Number(scalar(port.published)), container: Number(scalar(port.target)) }];
  }
  // [ip:]host:container[/protocol]; a bare container port publishes on a random host port.
  const parts = scalar(entry)
    .replace(/\/(tcp|udp)$/, '')
    .split(':');
  if (parts.length < 2) return [];
  return [{ host: Number(parts[parts.length - 2]), container: Number(parts[parts.length - 1]) }];
}

function parseVolume(entry: unknown): { source: string; target: string }[] {
  if (entry && typeof entry === 'object') {
    const volume = asRecord(entry);
    return volume.type === 'bind' ? [{ source: scalar(volume.source), target: scalar(volume.target) }] : [];
  }
  const [source = '', target = ''] = scalar(entry).split(':');
  // Named volumes have no slash or dot in front; host paths do.
  return /^(\.|\/|~)/.test(source) ? [{ source, target }] : [];
}

function parseDependsOn(value: unknown): { service: string; condition: string }[] {
  if (Array.isArray(value))
    return value.map((service) => ({ service: String(service), condition: 'service_started' }));
  return Object.entries(asRecord(value)).map(([service, options]) => ({
    service,
    condition: scalar(asRecord(options).condition) || 'service_started',
  }));
}

function parseBuild(value: unknown): ComposeBuild | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return { context: interpolate(value), dockerfile: 'Dockerfile', args: {} };
  const build = asRecord(value);
  return {
    context: scalar(build.context) || '.',
    dockerfile: scalar(build.dockerfile) || 'Dockerfile',
    target: build.target === undefined ? undefined : scalar(build.target),
    args: keyValues(build.args),
  };
}

const commandList = (value: unknown): string[] | undefined =>
  value === undefined ? undefined : Array.isArray(value) ? value.map(scalar) : scalar(value).split(/\s+/);

export function parseCompose(yamlText: string): ComposeFile {
  const document = asRecord(parse(yamlText));
  const services = Object.entries(asRecord(document.services)).map(([name, raw]): ComposeService => {
    const service = asRecord(raw);
    const healthcheck = service.healthcheck === undefined ? undefined : asRecord(service.healthcheck);
    return {
      name,
      image: service.image === undefined ? undefined : scalar(service.image),
      build: parseBuild(service.build),
      environment: keyValues(service.environment),
      ports: asList(service.ports).flatMap(parsePort),
      bindMounts: asList(service.volumes).flatMap(parseVolume),
      dependsOn: parseDependsOn(service.depends_on),
      healthcheck: healthcheck && {
        test: commandList(healthcheck.test) ?? [],
        disable: healthcheck.disable === true,
      },
      profiles: asList(service.profiles).map(scalar),
      command: commandList(service.command),
    };
  });
  return { services, volumes: Object.keys(asRecord(document.volumes)) };
}

export function readCompose(path: string): ComposeFile {
  return parseCompose(readFileSync(path, 'utf8'));
}
