// The statement table's pure parts: which paths a schema gives, the requests they send, the verdict and
// its rendering (the live run is statement-table-live.test.ts).
import { buildSchema, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { renderStatementTable } from '../src/report.ts';
import { spread, statementPaths, verdict, type StatementTable } from '../src/statement-table.ts';

const schema = buildSchema(`
  type Query { _entities(representations: [String!]!): [_Entity]! units(first: Int, regionCode: String): UnitPage! regions: [Region!]! finalised(instansiId: ID!, year: Int!, first: Int): UnitPage! }
  union _Entity = Employee | Region
  type UnitPage { nodes: [Unit!]! total: Int! }
  type Unit { id: ID! name: String! parent: Unit }
  type Employee { id: ID! name: String! tpp(month: String!): Tpp skps: [Skp!]! note(code: String!): String }
  type Tpp { net: Int! lines: [Line!]! }
  type Line { code: String! amount: Int! }
  type Skp { id: ID! rhk: [Rhk!]! }
  type Rhk { id: ID! indicators: [Indicator!]! }
  type Indicator { id: ID! }
  type Region { code: String! headcount: Int! }
`);
const inputs = {
  keys: { Employee: Array.from({ length: 100 }, (_, i) => `e${i}`), Region: ['32', '36'] },
  argumentValues: { year: 2025, month: '2025-10', instansiId: 'i1' },
};

describe('statementPaths', () => {
  const paths = statementPaths('personnel', schema, inputs);

  it('gives every entity type a row for its reference and one per object field, and every paged root list a row', () => {
    expect(paths.map((p) => p.path)).toEqual(['_entities Employee', '_entities Employee.tpp', '_entities Employee.skps', '_entities Region', 'Query.units', 'Query.finalised']);
  });

  it('asks _entities for evenly spread keys, with required arguments filled and fields without a value left out', () => {
    const tpp = paths.find((p) => p.path === '_entities Employee.tpp')!.request(10);
    expect(() => parse(tpp.query)).not.toThrow();
    expect(tpp.query).toContain('tpp(month: "2025-10") { net lines { code amount } }');
    expect(tpp.variables).toEqual({ representations: ['e0', 'e10', 'e20', 'e30', 'e40', 'e50', 'e60', 'e70', 'e80', 'e90'].map((id) => ({ __typename: 'Employee', id })) });
    const reference = paths.find((p) => p.path === '_entities Employee')!.request(100);
    expect(reference.query).toContain('... on Employee { id name }');
    expect((reference.variables?.['representations'] as unknown[]).length).toBe(100);
    // Two levels below the field: deeper lists are not selected.
    expect(paths.find((p) => p.path === '_entities Employee.skps')!.request(10).query).toContain('skps { id rhk { id } }');
  });

  it('pages root lists with first and fills their required arguments', () => {
    expect(paths.find((p) => p.path === 'Query.units')!.request(100).query).toBe('{ units(first: 100) { nodes { id name parent { id name parent { id name } } } total } }');
    expect(paths.find((p) => p.path === 'Query.finalised')!.request(10).query).toMatch(/^\{ finalised\(instansiId: "i1", year: 2025, first: 10\)/);
    expect(paths.find((p) => p.path === 'Query.units')!.answered({ units: { nodes: [{}, {}, {}], total: 3 } })).toBe(3);
    expect(paths.find((p) => p.path === '_entities Region')!.answered({ _entities: [{}, null] })).toBe(1);
  });
});

describe('verdict and rendering', () => {
  it('calls a growing count an N+1, a flat one O(1) only when more rows were answered', () => {
    expect(verdict([3, 3], [10, 100], null)).toBe('yes');
    expect(verdict([3, 30], [10, 100], null)).toBe('no');
    expect(verdict([9, 8], [10, 100], null)).toBe('yes');
    expect(verdict([1, 1], [0, 0], null)).toBe('unproven');
    expect(verdict([null, null], [null, null], 'FORBIDDEN')).toBe('unproven');
  });

  it('spreads keys evenly and never repeats one', () => {
    expect(spread(['a', 'b', 'c', 'd'], 2)).toEqual(['a', 'c']);
    expect(spread(['a', 'b'], 10)).toEqual(['a', 'b']);
  });

  it('renders one line per path', () => {
    const table: StatementTable = {
      sizes: [10, 100],
      method: 'pg_stat_statements',
      employees: 400,
      rows: [
        { subgraph: 'remuneration', path: '_entities Employee.tpp', user: 'nasional.analis', statements: [3, 3], rows: [10, 100], constant: 'yes', error: null },
        { subgraph: 'performance', path: '_entities Employee.feedbackRequests', user: null, statements: [null, null], rows: [null, null], constant: 'unproven', error: 'nasional.analis: no | way' },
      ],
    };
    const lines = renderStatementTable(table);
    expect(lines).toContain('| remuneration | _entities Employee.tpp | 3 | 3 | yes | 10 / 100 | nasional.analis |');
    expect(lines).toContain('| performance | _entities Employee.feedbackRequests | – | – | unproven: nasional.analis: no \\| way | – / – | – |');
  });
});
