// Reading list sizes and costs from a composed supergraph: what a subgraph writes in its schema.graphql
// (@listSize, @cost, @pageLimit, @listSizeWhen) is what the gateway's cost check uses, whatever names the
// subgraph imports the directives under.
import { describe, expect, it } from 'vitest';
import { checkCost } from '@kinerja/kit/limits/cost';
import { graphql } from '@kinerja/kit/limits/graphql-runtime';
import { boundedSizeFor, listSizesFromSupergraph } from '@kinerja/kit/limits/list-sizes';
import { composeSupergraph } from '../src/supergraph/composition.ts';

function supergraphOf(sdl: string): string {
  const outcome = composeSupergraph([{ name: 'example', url: 'http://example/graphql', origin: 'example.graphql', sdl }]);
  if (!outcome.ok) throw new Error(outcome.errors.join('; '));
  return outcome.supergraphSdl;
}

const limitsDirectives = `
directive @pageLimit(max: Int!) on FIELD_DEFINITION
directive @listSizeWhen(argument: String!, equals: String, size: Int!) repeatable on FIELD_DEFINITION`;

describe('listSizesFromSupergraph', () => {
  it('reads pages, bounded lists with their narrowing arguments, page elements and weights', () => {
    const { sizes, weights } = listSizesFromSupergraph(
      supergraphOf(`
        extend schema
          @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@listSize", "@cost", "@composeDirective"])
          @link(url: "https://specs.kinerja.go.id/limits/v1.0", import: ["@pageLimit", "@listSizeWhen"])
          @composeDirective(name: "@pageLimit") @composeDirective(name: "@listSizeWhen")
        ${limitsDirectives}
        type Query {
          ratings(first: Int = 25): RatingConnection! @listSize(slicingArguments: ["first"], sizedFields: ["nodes"], requireOneSlicingArgument: false) @pageLimit(max: 200)
          periods(year: Int, quarter: Int): [String!]! @listSize(assumedSize: 12) @listSizeWhen(argument: "quarter", size: 3) @listSizeWhen(argument: "year", equals: "2026", size: 6)
          recap: String @cost(weight: 40)
        }
        type RatingConnection { nodes: [String!]! }
      `),
    );
    expect(Object.fromEntries(sizes)).toEqual({
      'Query.ratings': { kind: 'paged', slicingArgument: 'first', defaultSize: 25, maxSize: 200 },
      'RatingConnection.nodes': { kind: 'page-elements' },
      'Query.periods': {
        kind: 'bounded',
        assumedSize: 12,
        when: [
          { argument: 'quarter', size: 3 },
          { argument: 'year', equals: '2026', size: 6 },
        ],
      },
    });
    expect(Object.fromEntries(weights)).toEqual({ 'Query.recap': 40 });
  });

  it('finds the directives under the name the subgraph imported them as', () => {
    const { sizes } = listSizesFromSupergraph(
      supergraphOf(`
        extend schema
          @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", { name: "@listSize", as: "@size" }, "@composeDirective"])
          @link(url: "https://specs.kinerja.go.id/limits/v1.0", import: [{ name: "@pageLimit", as: "@maxPage" }])
          @composeDirective(name: "@maxPage")
        directive @maxPage(max: Int!) on FIELD_DEFINITION
        type Query { items(first: Int = 5): [String!]! @size(slicingArguments: ["first"]) @maxPage(max: 50) }
      `),
    );
    expect(sizes.get('Query.items')).toEqual({ kind: 'paged', slicingArgument: 'first', defaultSize: 5, maxSize: 50 });
  });

  it('narrows a bounded list by the first matching argument, else assumes its size', () => {
    const size = {
      kind: 'bounded' as const,
      assumedSize: 514,
      when: [
        { argument: 'level', equals: 'PROVINCE', size: 38 },
        { argument: 'parentCode', size: 38 },
      ],
    };
    expect(boundedSizeFor(size, { level: 'PROVINCE' })).toBe(38);
    expect(boundedSizeFor(size, { level: 'REGENCY' })).toBe(514);
    expect(boundedSizeFor(size, { level: 'REGENCY', parentCode: '32' })).toBe(38);
    expect(boundedSizeFor(size, { parentCode: null })).toBe(514);
  });

  it('prices a field by its @cost weight instead of 1', () => {
    const schema = graphql.buildSchema('type Query { recap: Recap ping: String } type Recap { days: Int }');
    const listSizes = { sizes: new Map(), weights: new Map([['Query.recap', 40]]) };
    const outcome = checkCost({ schema, document: graphql.parse('{ recap { days } ping }'), listSizes }, 1000);
    expect(outcome).toEqual({ ok: true, cost: 40 + 1 + 1 });
  });
});
