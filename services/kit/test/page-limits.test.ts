// pageLimitsIn: what the services' page-limit tests compare their constants with.
import { describe, expect, it } from 'vitest';
import { pageLimitsIn } from '../src/page-limits.ts';

const sdl = `
directive @pageLimit(max: Int!) on FIELD_DEFINITION
type Query {
  employees(first: Int = 20, after: String): [String!]! @pageLimit(max: 100)
  units(first: Int): [String!]! @pageLimit(max: 50)
  regions: [String!]!
}
extend type Query { needs(first: Int = 50): [String!]! @pageLimit(max: 500) }
`;

describe('pageLimitsIn', () => {
  it('reads every @pageLimit with its field and the first default', () => {
    expect(pageLimitsIn(sdl)).toEqual(
      new Map([
        ['Query.employees', { max: 100, defaultFirst: 20 }],
        ['Query.units', { max: 50, defaultFirst: null }],
        ['Query.needs', { max: 500, defaultFirst: 50 }],
      ]),
    );
  });

  it('refuses a @pageLimit without an integer max', () => {
    expect(() => pageLimitsIn('type Query { a(first: Int): [Int] @pageLimit(max: "x") }')).toThrow('Query.a: @pageLimit without an integer max');
  });
});
