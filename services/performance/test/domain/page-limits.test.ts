// The gateway's cost check trusts schema.graphql's @pageLimit; the resolver refuses pages above
// MAX_FINALISED_PAGE. They must be the same number (and the `first` default the resolver's default).
import { readFileSync } from 'node:fs';
import { AUDIT_DEFAULT_PAGE_SIZE, AUDIT_MAX_PAGE_SIZE } from '@kinerja/kit/audit-log';
import { pageLimitsIn } from '@kinerja/kit/page-limits';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FINALISED_PAGE, MAX_FINALISED_PAGE } from '../../src/resolvers/query.ts';

const sdl = readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8');

describe('page limits in schema.graphql', () => {
  it('equal the page size constants the resolvers enforce', () => {
    expect(pageLimitsIn(sdl)).toEqual(
      new Map([
        ['Query.finalisedResults', { max: MAX_FINALISED_PAGE, defaultFirst: DEFAULT_FINALISED_PAGE }],
        ['Query.performanceAuditLog', { max: AUDIT_MAX_PAGE_SIZE, defaultFirst: AUDIT_DEFAULT_PAGE_SIZE }],
      ]),
    );
  });
});
