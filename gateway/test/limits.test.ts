import { fileURLToPath } from 'node:url';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import type { GraphQLObjectType, GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scenarios } from '../../tools/bench/src/scenarios.ts';
import { maskError } from '../src/errors/masking.ts';
import {
  defaultQueryLimits,
  queryLimitOptions,
  queryLimitsFromEnv,
  type QueryLimits,
} from '@kinerja/kit/limits/armor';
import { checkCost } from '@kinerja/kit/limits/cost';
import { graphql } from '@kinerja/kit/limits/graphql-runtime';
import { listSizesFromSupergraph, type ListSizes } from '@kinerja/kit/limits/list-sizes';
import { composeSupergraph, readSubgraphSources } from '../src/supergraph/composition.ts';
import { aliasedQuery, nestedNodeQuery } from './support/queries.ts';

// The graphql build Apollo and the cost check use (services/kit/src/limits/graphql-runtime.ts explains why).
const {
  buildSchema,
  getNamedType,
  getNullableType,
  isInterfaceType,
  isListType,
  isObjectType,
  parse,
  specifiedRules,
  validate,
} = graphql;

const schema = buildSchema(`
  type Query { node: Node }
  type Node { id: ID! name: String child: Node }
`);

/** The limits' verdict in the server's order: armor's validation rules, then the cost check with the variables. */
function reasonsFor(
  query: string,
  limits: QueryLimits = defaultQueryLimits,
  against: GraphQLSchema = schema,
  variables?: Record<string, unknown>,
): string[] {
  const { validationRules } = queryLimitOptions(limits);
  const document = parse(query);
  const invalid = validate(against, document, [...specifiedRules, ...validationRules]);
  if (invalid.length > 0) return invalid.map((error) => String(error.extensions['reason'] ?? error.message));
  const outcome = checkCost({ schema: against, document, variables, listSizes: sizesOf(against) }, limits.maxCost);
  return outcome.ok ? [] : [String(outcome.error.extensions['reason'])];
}

function costOf(query: string, against: GraphQLSchema, variables?: Record<string, unknown>): number {
  const outcome = checkCost(
    { schema: against, document: parse(query), variables, listSizes: sizesOf(against) },
    Number.POSITIVE_INFINITY,
  );
  if (!outcome.ok) throw outcome.error;
  return outcome.cost;
}

describe('query limits', () => {
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
    // 1 per field: node + 4 × child + id = 6.
    expect(reasonsFor(nestedNodeQuery(6), { ...defaultQueryLimits, maxCost: 5 })).toEqual([
      'query_too_costly',
    ]);
    expect(reasonsFor(nestedNodeQuery(6), { ...defaultQueryLimits, maxCost: 6 })).toEqual([]);
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
    // The query costs 6 (node, id, name, child, id, name).
    const limits = queryLimitsFromEnv({ GATEWAY_MAX_COST: '5' });
    expect(limits).toEqual({ ...defaultQueryLimits, maxCost: 5 });
    expect(reasonsFor('{ node { id name child { id name } } }', limits)).toEqual(['query_too_costly']);
    expect(reasonsFor('{ node { id name child { id name } } }', queryLimitsFromEnv({}))).toEqual([]);
  });

  it.each(['0', '-5', 'lots', '1.5'])('refuses %j with a message naming the variable', (value) => {
    expect(() => queryLimitsFromEnv({ GATEWAY_MAX_COST: value })).toThrow(/GATEWAY_MAX_COST/);
  });
});

// Priced against the real supergraph: composed from services/*/schema.graphql exactly as the build
// writes gateway/supergraph.graphql, and turned into the API schema by ApolloGateway itself (the schema
// the server hands the cost plugin).
const composed = composeSupergraph(
  readSubgraphSources(fileURLToPath(new URL('../../services', import.meta.url))),
);
if (!composed.ok) throw new Error(`supergraph does not compose: ${composed.errors.join('; ')}`);
const supergraphSdl = composed.supergraphSdl;
const loader = new ApolloGateway({ supergraphSdl });
let supergraph: GraphQLSchema;
// What the subgraphs declared with @listSize, @pageLimit and @listSizeWhen, as the gateway reads it.
const supergraphListSizes = listSizesFromSupergraph(supergraphSdl);
/** The real supergraph is priced with its declared list sizes; the small test schemas have none. */
function sizesOf(schema: GraphQLSchema): ListSizes | undefined {
  return schema === supergraph ? supergraphListSizes : undefined;
}

beforeAll(async () => {
  supergraph = (await loader.load()).schema;
});
afterAll(async () => {
  await loader.stop();
});

const benchScenarios = [...scenarios(), scenarios({ employeePageSize: 10 })[4]!];

const pingPong = (rounds: number, leaf = 'name') =>
  'supervisor { subordinates { '.repeat(rounds) + leaf + ' } }'.repeat(rounds);
const upAndTwoDown = 'supervisor { subordinates { subordinates { name competencyProfile { jpm } } } }';
const trainingNeedRow =
  'employee { nip name position { title } unit { name } } competency { code name } required assessed gap hours programme { name hours }';

describe('the list sizes the subgraphs declare', () => {
  const { sizes } = supergraphListSizes;

  it('cover every list field of the supergraph (@listSize in its schema.graphql), and name only its fields', () => {
    const listFields: string[] = [];
    const known = new Set<string>();
    for (const type of Object.values(supergraph.getTypeMap())) {
      if (type.name.startsWith('__') || (!isObjectType(type) && !isInterfaceType(type))) continue;
      for (const field of Object.values(type.getFields())) {
        known.add(`${type.name}.${field.name}`);
        if (type.name !== 'Mutation' && isListType(getNullableType(field.type)))
          listFields.push(`${type.name}.${field.name}`);
      }
    }
    expect(listFields.filter((field) => !sizes.has(field))).toEqual([]);
    expect([...sizes.keys()].filter((field) => !known.has(field))).toEqual([]);
  });

  it('page by an Int argument with a default, capped by @pageLimit: employees 20 of at most 100, trainingNeeds 50 of 500', () => {
    const paged = [...sizes].flatMap(([key, size]) => (size.kind === 'paged' ? [[key, size] as const] : []));
    for (const [key, size] of paged) {
      const [typeName = '', fieldName = ''] = key.split('.');
      const argument = (supergraph.getType(typeName) as GraphQLObjectType).getFields()[fieldName]?.args.find((arg) => arg.name === size.slicingArgument);
      expect([key, argument?.defaultValue]).toEqual([key, size.defaultSize]);
      expect(getNamedType(argument!.type).name).toBe('Int');
      expect(size.maxSize).toBeGreaterThanOrEqual(size.defaultSize);
    }
    expect(Object.fromEntries(paged)).toEqual({
      'Query.employees': { kind: 'paged', slicingArgument: 'first', defaultSize: 20, maxSize: 100 },
      'Query.trainingNeeds': { kind: 'paged', slicingArgument: 'first', defaultSize: 50, maxSize: 500 },
      'Query.finalisedResults': { kind: 'paged', slicingArgument: 'first', defaultSize: 200, maxSize: 500 },
      'SiasnImportJob.rows': { kind: 'paged', slicingArgument: 'first', defaultSize: 100, maxSize: 1000 },
      // Each subgraph's audit trail (kit audit-log.ts: AUDIT_DEFAULT_PAGE_SIZE, AUDIT_MAX_PAGE_SIZE).
      ...Object.fromEntries(
        ['attendance', 'competency', 'performance', 'personnel', 'remuneration'].map((service) => [
          `Query.${service}AuditLog`,
          { kind: 'paged', slicingArgument: 'first', defaultSize: 50, maxSize: 200 },
        ]),
      ),
    });
    expect(sizes.get('EmployeeConnection.nodes')).toEqual({ kind: 'page-elements' });
    expect(sizes.get('TrainingNeedConnection.edges')).toEqual({ kind: 'page-elements' });
  });
});

describe('cost limits against the real supergraph', () => {
  it.each(benchScenarios.map((scenario) => [scenario.name, scenario] as const))(
    'admits the benchmark scenario %s (tools/bench) under every limit',
    (_name, scenario) => {
      expect(reasonsFor(scenario.query, defaultQueryLimits, supergraph, scenario.variables)).toEqual([]);
    },
  );

  it('admits every scenario with a 25% margin (they still pass at maxCost / 1.25)', () => {
    const tighter = { ...defaultQueryLimits, maxCost: Math.floor(defaultQueryLimits.maxCost / 1.25) };
    expect(
      benchScenarios.flatMap((scenario) =>
        reasonsFor(scenario.query, tighter, supergraph, scenario.variables),
      ),
    ).toEqual([]);
    for (const scenario of benchScenarios) {
      expect(costOf(scenario.query, supergraph, scenario.variables) * 1.25).toBeLessThanOrEqual(
        defaultQueryLimits.maxCost,
      );
    }
  });

  it('admits a training-needs page at the subgraph maximum (500 rows) with the bench fields', () => {
    const query = `{ trainingNeeds(regionCode: "32.15", first: 500) { edges { node { ${trainingNeedRow} } } } }`;
    expect(reasonsFor(query, defaultQueryLimits, supergraph)).toEqual([]);
  });

  it('admits the full introspection query (tools and codegen): its lists are bounded by the schema', () => {
    const introspection = graphql.getIntrospectionQuery();
    expect(costOf(introspection, supergraph)).toBeLessThan(1000);
    expect(reasonsFor(introspection, defaultQueryLimits, supergraph)).not.toContain('query_too_costly');
  });

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
      `{ employees(first: 100) { nodes { ${upAndTwoDown} } } }`,
    ],
    [
      'the same reaching up and down with `first` omitted but a 5-deep team chain',
      '{ employees { nodes { supervisor { subordinates { subordinates { subordinates { name } } } } } } }',
    ],
  ])('rejects %s as query_too_costly', (_name, query) => {
    expect(reasonsFor(query, defaultQueryLimits, supergraph)).toEqual(['query_too_costly']);
  });

  it('rejects nested paginated lists of 100 × 100 × 100 (fields missing from the table are paged by `first`)', () => {
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

describe('the cost of a list follows its effective size', () => {
  const expensive = `query Expensive($n: Int) { employees(first: $n) { nodes { ${upAndTwoDown} } } }`;
  const literal = (first: number) => `{ employees(first: ${first}) { nodes { ${upAndTwoDown} } } }`;

  it('prices `first: $n` like the literal it stands for, and refuses it alike', () => {
    expect(costOf(expensive, supergraph, { n: 100 })).toBe(costOf(literal(100), supergraph));
    expect(costOf(expensive, supergraph, { n: 7 })).toBe(costOf(literal(7), supergraph));
    expect(reasonsFor(expensive, defaultQueryLimits, supergraph, { n: 100 })).toEqual(['query_too_costly']);
    expect(reasonsFor(literal(100), defaultQueryLimits, supergraph)).toEqual(['query_too_costly']);
  });

  it('prices an omitted `first` (or an unset variable) at the default page size: employees 20, trainingNeeds 50', () => {
    const employees = (args: string) => `{ employees${args} { nodes { name subordinates { name } } } }`;
    expect(costOf(employees(''), supergraph)).toBe(costOf(employees('(first: 20)'), supergraph));
    expect(costOf(expensive, supergraph, {})).toBe(costOf(literal(20), supergraph));
    expect(costOf(employees(''), supergraph)).toBeLessThan(costOf(employees('(first: 21)'), supergraph));
    const needs = (args: string) => `{ trainingNeeds${args} { edges { node { ${trainingNeedRow} } } } }`;
    expect(costOf(needs(''), supergraph)).toBe(costOf(needs('(first: 50)'), supergraph));
  });

  it('caps `first` at the subgraph maximum (the subgraph refuses more): employees 100, trainingNeeds 500', () => {
    expect(costOf(literal(1000), supergraph)).toBe(costOf(literal(100), supergraph));
    const needs = (first: number) => `{ trainingNeeds(first: ${first}) { edges { node { gap } } } }`;
    expect(costOf(needs(10_000), supergraph)).toBe(costOf(needs(500), supergraph));
  });

  it('multiplies list fields only: a supervisor is one row, subordinates a team', () => {
    const one = costOf('{ employee(nip: "1") { supervisor { name nip } } }', supergraph);
    const team = costOf('{ employee(nip: "1") { subordinates { name nip } } }', supergraph);
    expect(one).toBe(4); // employee, supervisor, name, nip
    expect(team).toBe(2 + 10 * 2); // employee, subordinates, then 10 × (name, nip)
  });

  it('narrows a list by its argument (regions of one level, the gaps of one competency)', () => {
    const regions = (level: string) => `{ regions(level: ${level}) { code competencyGaps { averageGap } } }`;
    expect(costOf(regions('PROVINCE'), supergraph)).toBe(1 + 38 * (1 + 1 + 9));
    expect(costOf(regions('REGENCY'), supergraph)).toBe(1 + 514 * (1 + 1 + 9));
    expect(
      costOf('{ region(code: "32") { competencyGaps(competency: "M.1") { averageGap } } }', supergraph),
    ).toBe(3);
  });

  it('prices only the operation that runs', () => {
    const document = `query Cheap { employee(nip: "1") { name } } query Costly { employees(first: 100) { nodes { ${pingPong(3)} } } }`;
    expect(
      checkCost(
        { schema: supergraph, document: parse(document), operationName: 'Cheap', listSizes: supergraphListSizes },
        21_000,
      ),
    ).toEqual({
      ok: true,
      cost: 2,
    });
  });

  it('refuses variables that do not fit their types instead of pricing them as 1', () => {
    expect(reasonsFor(expensive, defaultQueryLimits, supergraph, { n: 'seratus' })).toEqual([
      'invalid_variables',
    ]);
  });
});

describe('the cost check in Apollo Server', () => {
  let server: ApolloServer;
  beforeAll(async () => {
    const limits = queryLimitOptions(defaultQueryLimits, supergraphListSizes);
    server = new ApolloServer({
      schema: supergraph,
      validationRules: limits.validationRules,
      parseOptions: limits.parseOptions,
      plugins: limits.plugins,
      formatError: maskError,
    });
    await server.start();
  });
  afterAll(async () => {
    await server.stop();
  });

  const expensive = `query Expensive($n: Int) { employees(first: $n) { nodes { ${upAndTwoDown} } } }`;

  async function send(query: string, variables?: Record<string, unknown>) {
    const response = await server.executeOperation({ query, ...(variables ? { variables } : {}) });
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    return { status: response.http.status, result: response.body.singleResult };
  }

  it('refuses `first: $n` exactly like the literal: HTTP 400, BAD_USER_INPUT, query_too_costly, cost and limit in Bahasa Indonesia', async () => {
    const cost = costOf(expensive, supergraph, { n: 100 });
    const byVariable = await send(expensive, { n: 100 });
    const byLiteral = await send(`{ employees(first: 100) { nodes { ${upAndTwoDown} } } }`);
    const expected = {
      status: 400,
      result: {
        errors: [
          {
            message: `Kueri terlalu mahal: biayanya ${cost}, batasnya 21000; kecilkan first atau kurangi daftar bersarang`,
            extensions: { code: 'BAD_USER_INPUT', reason: 'query_too_costly' },
          },
        ],
      },
    };
    expect(byVariable).toEqual(expected);
    expect(byLiteral).toEqual(expected);
  });

  it('lets the same operation with a small page through to execution', async () => {
    const { result } = await send(expensive, { n: 5 });
    expect(result.errors?.map((error) => error.extensions?.['reason'])).not.toContain('query_too_costly');
  });
});
