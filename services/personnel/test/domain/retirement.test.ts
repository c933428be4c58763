// DOMAIN.md: one direct supervisor each, driving planning and rating; out-of-sync supervisor data
// blocks SKPs ("Systems around it"), so a retiring supervisor's active subordinates move up at once.
import { describe, expect, it } from 'vitest';
import { reassignmentOnRetirement, type ChainMember, type SubordinateRow } from '../../src/domain/retirement.ts';

const active = (id: string) => ({ id, status: 'ACTIVE' as const });
const retired = (id: string) => ({ id, status: 'RETIRED' as const });

describe('reassignmentOnRetirement', () => {
  it.each<[string, ChainMember[], SubordinateRow[], string | null, string[]]>([
    ['middle manager: subordinates go to the atasan of the atasan', [active('g'), active('top')], [active('s1'), active('s2')], 'g', ['s1', 's2']],
    ['top of the chain: subordinates are left without a supervisor', [], [active('s1')], null, ['s1']],
    ['no subordinates: nothing to move', [active('g')], [], 'g', []],
    ['retired subordinates stay where they are', [active('g')], [retired('old'), active('s1')], 'g', ['s1']],
    ['a retired supervisor above (older data) is skipped for the next active one', [retired('g'), active('top')], [active('s1')], 'top', ['s1']],
    ['only retired people above: no supervisor', [retired('g')], [active('s1')], null, ['s1']],
  ])('%s', (_, chain, subordinates, newSupervisorId, subordinateIds) => {
    expect(reassignmentOnRetirement('r', chain, subordinates)).toEqual({ newSupervisorId, subordinateIds });
  });
});
