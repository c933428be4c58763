// Limits at every door (issue 14 item 2): a caller who goes around the gateway to the subgraph meets the
// same depth, alias, token and cost limits (the kit's server uses the gateway's graphql-armor settings and
// prices lists with this subgraph's own @listSize/@pageLimit); each refusal is BAD_USER_INPUT with the
// limit's reason and runs no SQL.
import { defaultQueryLimits, limitReasons } from '@kinerja/kit/limits/armor';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFixtures } from '../support/fixtures.ts';
import { startHarness, type Harness } from '../support/harness.ts';

let h: Harness;
let token: string;

beforeAll(async () => {
  h = await startHarness('personnel_limits');
  await loadFixtures(h);
  token = await h.token('nasional.analis');
}, 60_000);
afterAll(() => h?.stop());

const nested = (levels: number): string => {
  let selection = 'id';
  for (let i = 0; i < levels; i += 1) selection = `subordinates { ${selection} }`;
  return `{ employees(first: 1) { nodes { ${selection} } } }`;
};

describe('a direct call to the subgraph', () => {
  it.each([
    { name: `nested subordinates ${defaultQueryLimits.maxDepth + 2} deep`, query: nested(defaultQueryLimits.maxDepth + 2), reason: limitReasons.depth },
    {
      name: `${defaultQueryLimits.maxAliases + 5} aliased lists`,
      query: `{ ${Array.from({ length: defaultQueryLimits.maxAliases + 5 }, (_, i) => `a${i}: employees(first: 1) { totalCount }`).join(' ')} }`,
      reason: limitReasons.aliases,
    },
    { name: `more than ${defaultQueryLimits.maxTokens} tokens`, query: `{ ${Array.from({ length: defaultQueryLimits.maxTokens }, () => '__typename').join(' ')} }`, reason: limitReasons.tokens },
    { name: 'a page of 100 employees with two levels of subordinates each', query: '{ employees(first: 100) { nodes { id name nip subordinates { id name nip subordinates { id name nip golongan } } } } }', reason: limitReasons.cost },
  ])('refuses $name with BAD_USER_INPUT and the limit reason, reading nothing', async ({ query, reason }) => {
    h.statements.length = 0;
    const result = await h.gql(token, query);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason });
    expect(result.errors?.[0]?.message).toMatch(/Kueri/);
    expect(result.data ?? null).toBeNull();
    expect(h.statements).toEqual([]);
  });

  it('refuses an entity fetch of more representations than the cost allows', async () => {
    const representations = Array.from({ length: 5000 }, (_, i) => ({ __typename: 'Employee', id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}` }));
    const result = await h.gql(token, 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Employee { id name nip golongan subordinates { id name nip } } } }', { r: representations });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: limitReasons.cost });
  });

  it('answers a query within every limit', async () => {
    const result = await h.gql(token, nested(3));
    expect(result.errors).toBeUndefined();
    expect((result.data?.['employees'] as { nodes: unknown[] }).nodes).toHaveLength(1);
  });
});
