import { buildSchema, parse, specifiedRules, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { defaultQueryLimits, queryLimitOptions } from '../src/limits/armor.ts';
import { aliasedQuery, nestedNodeQuery } from './support/queries.ts';

const schema = buildSchema(`
  type Query { node: Node }
  type Node { id: ID! name: String child: Node }
`);

function reasonsFor(query: string, limits = defaultQueryLimits): string[] {
  const { validationRules } = queryLimitOptions(limits);
  return validate(schema, parse(query), [...specifiedRules, ...validationRules]).map((error) =>
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

  it('rejects a query over the cost limit', () => {
    const reasons = reasonsFor(nestedNodeQuery(6), { ...defaultQueryLimits, maxCost: 10 });
    expect(reasons).toEqual(['query_too_costly']);
  });

  it('rejects too many directives', () => {
    const query = '{ node @include(if: true) @skip(if: false) { id @include(if: true) @skip(if: false) } }';
    expect(reasonsFor(query, { ...defaultQueryLimits, maxDirectives: 3 })).toEqual(['too_many_directives']);
  });

  it('gives rejections a Bahasa Indonesia message that names the limit', () => {
    const { validationRules } = queryLimitOptions();
    const [error] = validate(schema, parse(nestedNodeQuery(14)), validationRules);
    expect(error?.message).toBe('Kueri terlalu dalam; batasnya 12 tingkat');
  });

  it('limits tokens at parse time', () => {
    const { parseOptions } = queryLimitOptions({ ...defaultQueryLimits, maxTokens: 10 });
    expect(() => parse(`{ node { ${'id '.repeat(20)} } }`, parseOptions)).toThrow(/more tha[nt] 10 tokens/);
  });
});
