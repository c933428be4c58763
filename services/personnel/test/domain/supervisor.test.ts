// DOMAIN.md: one direct supervisor each; the supervisor chain drives planning and rating, so no cycles.
import { describe, expect, it } from 'vitest';
import { supervisorProblem } from '../../src/domain/supervisor.ts';

describe('supervisorProblem', () => {
  it.each([
    ['a', ['b'], null],
    ['a', ['b', 'c', 'd'], null],
    ['a', [], null],
    ['a', ['a'], 'self_supervisor'],
    ['a', ['b', 'a'], 'supervisor_cycle'],
    ['a', ['b', 'c', 'a', 'b'], 'supervisor_cycle'],
  ] as const)('%s under chain %j → %s', (employee, chain, problem) => {
    expect(supervisorProblem(employee, chain)).toBe(problem);
  });
});
