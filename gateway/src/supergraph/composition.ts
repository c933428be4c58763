// The supergraph is composed at build time from the subgraphs' schema files (DESIGN.md "Federation"):
// the gateway never introspects running services, so a schema that does not compose fails the build.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { localRoutingUrl } from './routing.ts';

export interface SubgraphSource {
  name: string;
  /** The SDL text of the subgraph's schema.graphql. */
  sdl: string;
  url: string;
  /** Where the SDL came from, for error messages. */
  origin: string;
}

export type CompositionOutcome =
  { ok: true; supergraphSdl: string; hints: string[] } | { ok: false; errors: string[] };

/** Directories under services/ that are libraries, not subgraphs. */
const notSubgraphs = new Set(['kit']);

/**
 * The port a subgraph declares in its package.json (`"kinerja": { "subgraph": { "port": 4001 } }`), the
 * one registry of subgraphs the launcher, the gateway and tools/deploy-check read, so a new subgraph
 * (npm run new-service) needs no edit here.
 */
function declaredPort(serviceDir: string): number {
  const manifestPath = join(serviceDir, 'package.json');
  const manifest = existsSync(manifestPath)
    ? (JSON.parse(readFileSync(manifestPath, 'utf8')) as { kinerja?: { subgraph?: { port?: unknown } } })
    : {};
  const port = manifest.kinerja?.subgraph?.port;
  if (typeof port !== 'number' || !Number.isInteger(port))
    throw new Error(`${manifestPath}: declares no "kinerja": { "subgraph": { "port": <number> } }`);
  return port;
}

/** Every services/<name>/schema.graphql that exists, in name order so the output is stable. */
export function readSubgraphSources(servicesDir: string): SubgraphSource[] {
  if (!existsSync(servicesDir)) return [];
  return readdirSync(servicesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !notSubgraphs.has(entry.name))
    .map((entry) => ({ name: entry.name, origin: join(servicesDir, entry.name, 'schema.graphql') }))
    .filter(({ origin }) => existsSync(origin))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map(({ name, origin }) => ({
      name,
      origin,
      url: localRoutingUrl(declaredPort(join(servicesDir, name))),
      sdl: readFileSync(origin, 'utf8'),
    }));
}

function describeError(error: { message: string; extensions?: Record<string, unknown> }): string {
  const code = error.extensions?.['code'];
  return typeof code === 'string' ? `[${code}] ${error.message}` : error.message;
}

export function composeSupergraph(sources: readonly SubgraphSource[]): CompositionOutcome {
  if (sources.length === 0)
    return { ok: false, errors: ['no subgraph schema found (services/*/schema.graphql)'] };
  const parseErrors: string[] = [];
  const services = [];
  for (const source of sources) {
    try {
      services.push({ name: source.name, url: source.url, typeDefs: parse(source.sdl) });
    } catch (error) {
      parseErrors.push(`${source.origin}: ${(error as Error).message}`);
    }
  }
  if (parseErrors.length > 0) return { ok: false, errors: parseErrors };

  const result = composeServices(services);
  if (result.errors) return { ok: false, errors: result.errors.map(describeError) };
  return {
    ok: true,
    supergraphSdl: result.supergraphSdl,
    hints: result.hints.map((hint) => hint.toString()),
  };
}
