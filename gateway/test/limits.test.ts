import { fileURLToPath } from 'node:url';
import { buildSchema, parse, specifiedRules, validate, type GraphQLSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { scenarios } from '../../tools/bench/src/scenarios.ts';
import { defaultQueryLimits, queryLimitOptions, queryLimitsFromEnv } from '../src/limits/armor.ts';
import { composeSupergraph, readSubgraphSources } from '../src/supergraph/composition.ts';
import { aliasedQuery, nestedNodeQuery } from './support/queries.ts';

const schema = buildSchema(`
  type Query { node: Node }
  type Node { id: ID! name: String child: Node }
`);

function reasonsFor(query: string, limits = defaultQueryLimits, against: GraphQLSchema = schema): string[] {
  const { validationRules } = queryLimitOptions(limits);
  return validate(against, parse(query), [...specifiedRules, ...validationRules]).map((error) =>
    String(error.extensions['reason'] ?? error.message),
  );
}

describe('query limits (graphql-armor)', () => {
  it.each([
    ['depth at the limit', nestedNodeQuery(defaultQueryLimits.maxDepth), []],
    ['depth one over the limit', nestedNodeQuery(defaultQueryLimits.maxDepth + 1), ['query_too_deep']],
    ['aliases at the limit', aliasedQuery(defaultQueryLimits.maxAliases), []],
    ['aliases one over the limit', aliasedQuery(defaultQueryLimits.maxAliases + 1), ['too_many_aliases']],
  ])('%s', (_name, query, expected) => {
    expect(reasonsFor(query)).toEqual(expected);
  });

  it('keeps thin queries bound by depth, not cost: 13 levels are refused for depth alone', () => {
    expect(reasonsFor(nestedNodeQuery(defaultQueryLimits.maxDepth + 1))).toEqual(['query_too_deep']);
  });

  it('rejects a query over the cost limit', () => {
    const reasons = reasonsFor(nestedNodeQuery(6), { ...defaultQueryLimits, maxCost: 10 });
    expect(reasons).toEqual(['query_too_costly']);
  });

  it('rejects too many directives', () => {
    const query = '{ node @include(if: true) @skip(if: false) { id @include(if: true) @skip(if: false) } }';
    expect(reasonsFor(query, { ...defaultQueryLimits, maxDirectives: 3 })).toEqual(['too_many_directives']);
  });

  it('gives rejections a Bahasa Indonesia message that names the limit', () => {
    const { validationRules } = queryLimitOptions(defaultQueryLimits);
    const [error] = validate(schema, parse(nestedNodeQuery(13)), validationRules);
    expect(error?.message).toBe('Kueri terlalu dalam; batasnya 12 tingkat');
  });

  it('limits tokens at parse time', () => {
    const { parseOptions } = queryLimitOptions({ ...defaultQueryLimits, maxTokens: 10 });
    expect(() => parse(`{ node { ${'id '.repeat(20)} } }`, parseOptions)).toThrow(/more tha[nt] 10 tokens/);
  });
});

describe('GATEWAY_MAX_COST', () => {
  it('defaults to the documented limits', () => {
    expect(queryLimitsFromEnv({})).toEqual(defaultQueryLimits);
    expect(queryLimitsFromEnv({ GATEWAY_MAX_COST: '' })).toEqual(defaultQueryLimits);
  });

  it('overrides maxCost, and the override is what the cost rule enforces', () => {
    const limits = queryLimitsFromEnv({ GATEWAY_MAX_COST: '10' });
    expect(limits).toEqual({ ...defaultQueryLimits, maxCost: 10 });
    expect(reasonsFor('{ node { id name child { id name } } }', limits)).toEqual(['query_too_costly']);
    expect(reasonsFor('{ node { id name child { id name } } }', queryLimitsFromEnv({}))).toEqual([]);
  });

  it.each(['0', '-5', 'lots', '1.5'])('refuses %j with a message naming the variable', (value) => {
    expect(() => queryLimitsFromEnv({ GATEWAY_MAX_COST: value })).toThrow(/GATEWAY_MAX_COST/);
  });
});

// Priced against the real supergraph, composed from services/*/schema.graphql as the build does.
const composed = composeSupergraph(
  readSubgraphSources(fileURLToPath(new URL('../../services', import.meta.url))),
);
if (!composed.ok) throw new Error(`supergraph does not compose: ${composed.errors.join('; ')}`);
const supergraph = buildSchema(composed.supergraphSdl, { assumeValidSDL: true });

describe('cost limits against the real supergraph', () => {
  const benchScenarios = [...scenarios(), scenarios({ employeePageSize: 10 })[4]!];

  it.each(benchScenarios.map((scenario) => [scenario.name, scenario] as const))(
    'admits the benchmark scenario %s (tools/bench) under every limit',
    (_name, scenario) => {
      expect(reasonsFor(scenario.query, defaultQueryLimits, supergraph)).toEqual([]);
    },
  );

  it('admits every scenario with a 25% margin (they still pass at maxCost / 1.25)', () => {
    const tighter = { ...defaultQueryLimits, maxCost: Math.floor(defaultQueryLimits.maxCost / 1.25) };
    expect(benchScenarios.flatMap((scenario) => reasonsFor(scenario.query, tighter, supergraph))).toEqual([]);
  });

  it('the old maxCost of 5,000 refuses the employee list and the training-needs page (why it was raised)', () => {
    const oldLimit = { ...defaultQueryLimits, maxCost: 5000 };
    const refused = benchScenarios.filter(
      (scenario) => reasonsFor(scenario.query, oldLimit, supergraph).length > 0,
    );
    expect(new Set(refused.map((scenario) => scenario.name))).toEqual(
      new Set(['training-needs', 'employee-list']),
    );
  });

  const pingPong = (rounds: number, leaf = 'name') =>
    'supervisor { subordinates { '.repeat(rounds) + leaf + ' } }'.repeat(rounds);

  it.each([
    [
      'a page of 100 with three supervisor/subordinates round trips',
      `{ employees(first: 100) { nodes { ${pingPong(3)} } } }`,
    ],
    [
      'a page of 100 with two round trips selecting a row of fields',
      `{ employees(first: 100) { nodes { ${pingPong(2, 'id nip name golongan employmentType position { title } unit { name }')} } } }`,
    ],
    [
      'a page of 100 reaching up and two levels down with competency fields',
      '{ employees(first: 100) { nodes { supervisor { subordinates { subordinates { name competencyProfile { jpm } } } } } } }',
    ],
  ])('rejects %s as query_too_costly', (_name, query) => {
    expect(reasonsFor(query, defaultQueryLimits, supergraph)).toEqual(['query_too_costly']);
  });

  it('rejects nested paginated lists of 100 × 100 × 100', () => {
    const paged = buildSchema(`
      type Query { units(first: Int): [Unit!]! }
      type Unit { name: String members(first: Int): [Person!]! }
      type Person { name: String teams(first: Int): [Team!]! }
      type Team { name: String }
    `);
    const query = '{ units(first: 100) { name members(first: 100) { name teams(first: 100) { name } } } }';
    expect(reasonsFor(query, defaultQueryLimits, paged)).toEqual(['query_too_costly']);
    expect(
      reasonsFor('{ units(first: 100) { name members(first: 10) { name } } }', defaultQueryLimits, paged),
    ).toEqual([]);
  });
});
