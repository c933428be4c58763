// The gateway's cost check trusts schema.graphql's @pageLimit; the resolver refuses pages above
// MAX_PAGE_SIZE. They must be the same number (and the `first` default the resolver's default), or the
// gateway would admit queries the service refuses, or price them wrongly.
import { readFileSync } from 'node:fs';
import { AUDIT_DEFAULT_PAGE_SIZE, AUDIT_MAX_PAGE_SIZE } from '@kinerja/kit/audit-log';
import { pageLimitsIn } from '@kinerja/kit/page-limits';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../src/resolvers/query.ts';
import { DEFAULT_SIASN_ROWS_PAGE, MAX_SIASN_ROWS_PAGE } from '../../src/resolvers/siasn.ts';

const sdl = readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8');

describe('page limits in schema.graphql', () => {
  it('equal the page size constants the resolvers enforce', () => {
    expect(pageLimitsIn(sdl)).toEqual(
      new Map([
        ['Query.employees', { max: MAX_PAGE_SIZE, defaultFirst: DEFAULT_PAGE_SIZE }],
        ['SiasnImportJob.rows', { max: MAX_SIASN_ROWS_PAGE, defaultFirst: DEFAULT_SIASN_ROWS_PAGE }],
        ['Query.personnelAuditLog', { max: AUDIT_MAX_PAGE_SIZE, defaultFirst: AUDIT_DEFAULT_PAGE_SIZE }],
      ]),
    );
  });
});
