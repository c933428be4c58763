// Every employee has one direct supervisor (atasan langsung) and the chain drives who plans and rates
// whom (DOMAIN.md), so the chain must never loop back to the employee.

/**
 * `supervisorChain` is the proposed supervisor followed by that person's supervisors, upward.
 * Returns the problem, or null when the assignment keeps the chain a tree.
 */
export function supervisorProblem(employeeId: string, supervisorChain: readonly string[]): 'self_supervisor' | 'supervisor_cycle' | null {
  if (supervisorChain[0] === employeeId) return 'self_supervisor';
  return supervisorChain.includes(employeeId) ? 'supervisor_cycle' : null;
}
