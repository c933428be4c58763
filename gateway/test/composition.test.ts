import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  composeSupergraph,
  readSubgraphSources,
  type SubgraphSource,
} from '../src/supergraph/composition.ts';
import { resolveRoutingUrl, routingUrlEnvName } from '../src/supergraph/routing.ts';

const fed =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable"])';
const source = (name: string, sdl: string): SubgraphSource => ({
  name,
  sdl: `${fed}\n${sdl}`,
  url: `http://${name}/graphql`,
  origin: `${name}.graphql`,
});

describe('supergraph composition', () => {
  it('fails with every error when subgraphs disagree', () => {
    const outcome = composeSupergraph([
      source(
        'personnel',
        'type Query { employee(id: ID!): Employee } type Employee @key(fields: "id") { id: ID! nip: String! @shareable name: String! @shareable }',
      ),
      source(
        'performance',
        'type Query { best: Employee } type Employee @key(fields: "id") { id: ID! nip: Int! @shareable name: Int! @shareable }',
      ),
    ]);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.errors).toEqual([
      expect.stringMatching(/^\[FIELD_TYPE_MISMATCH\] Type of field "Employee.nip"/),
      expect.stringMatching(/^\[FIELD_TYPE_MISMATCH\] Type of field "Employee.name"/),
    ]);
  });

  it('fails on a key that names a missing field', () => {
    const outcome = composeSupergraph([
      source(
        'personnel',
        'type Query { employee(id: ID!): Employee } type Employee @key(fields: "id") { id: ID! }',
      ),
      source('performance', 'type Employee @key(fields: "unknownField") { id: ID! }'),
    ]);
    expect(outcome).toEqual({
      ok: false,
      errors: [expect.stringMatching(/^\[KEY_INVALID_FIELDS\] \[performance\].*unknownField/)],
    });
  });

  it('reports an SDL that does not parse, naming its file', () => {
    const outcome = composeSupergraph([source('personnel', 'type Query { broken(: String }')]);
    expect(outcome).toMatchObject({ ok: false, errors: [expect.stringContaining('personnel.graphql')] });
  });

  it('composes a consistent pair', () => {
    const outcome = composeSupergraph([
      source(
        'personnel',
        'type Query { employee(id: ID!): Employee } type Employee @key(fields: "id") { id: ID! nip: String! }',
      ),
      source('performance', 'type Employee @key(fields: "id") { id: ID! skpScore: Float }'),
    ]);
    expect(outcome.ok).toBe(true);
    if (outcome.ok) expect(outcome.supergraphSdl).toContain('join__Graph');
  });

  const servicesDir = fileURLToPath(new URL('../../services', import.meta.url));
  const realSources = readSubgraphSources(servicesDir);
  it.skipIf(realSources.length === 0)('composes the real services/*/schema.graphql', () => {
    const outcome = composeSupergraph(realSources);
    expect(outcome.ok ? [] : outcome.errors).toEqual([]);
  });
});

describe('the subgraphs composed', () => {
  function servicesWith(manifests: Record<string, object>): string {
    const dir = mkdtempSync(join(tmpdir(), 'kinerja-services-'));
    for (const [name, manifest] of Object.entries(manifests)) {
      mkdirSync(join(dir, name));
      writeFileSync(join(dir, name, 'package.json'), JSON.stringify(manifest));
      writeFileSync(join(dir, name, 'schema.graphql'), 'type Query { ping: String }');
    }
    return dir;
  }

  it('are the services with a schema.graphql, routed to the port their package.json declares', () => {
    const dir = servicesWith({ performance: { kinerja: { subgraph: { port: 4003 } } }, kit: {} });
    try {
      expect(readSubgraphSources(dir).map(({ name, url }) => ({ name, url }))).toEqual([
        { name: 'performance', url: 'http://localhost:4003/graphql' },
      ]);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  it('refuses a subgraph whose package.json declares no port, naming the file', () => {
    const dir = servicesWith({ attendance: { name: '@kinerja/attendance' } });
    try {
      expect(() => readSubgraphSources(dir)).toThrow(/attendance\/package\.json: declares no "kinerja"/);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
});

describe('routing URLs', () => {
  it('uses SUBGRAPH_<NAME>_URL over the composed URL', () => {
    expect(routingUrlEnvName('personnel')).toBe('SUBGRAPH_PERSONNEL_URL');
    expect(
      resolveRoutingUrl('personnel', 'http://localhost:4001/graphql', {
        SUBGRAPH_PERSONNEL_URL: 'http://p:8080/graphql',
      }),
    ).toBe('http://p:8080/graphql');
    expect(resolveRoutingUrl('personnel', 'http://localhost:4001/graphql', {})).toBe(
      'http://localhost:4001/graphql',
    );
  });
});
