// DOMAIN.md: every employee has one direct supervisor (atasan langsung) who drives planning and rating,
// and out-of-sync supervisor data blocks SKPs ("Systems around it"). So when a supervisor retires, their
// active direct subordinates move up to the retiree's own supervisor in the same change, instead of
// reporting to a retired person.

export interface ChainMember {
  id: string;
  status: 'ACTIVE' | 'RETIRED';
}

export interface SubordinateRow {
  id: string;
  status: 'ACTIVE' | 'RETIRED';
}

export interface SubordinateReassignment {
  /** The supervisor the subordinates move to; null at the top of the chain. */
  newSupervisorId: string | null;
  /** Active direct subordinates to move, in the given order. */
  subordinateIds: string[];
}

/**
 * `supervisorChain` is the retiree's supervisor followed by that person's supervisors, upward.
 * The first ACTIVE person in it takes over (normally the retiree's own supervisor; older data may
 * still hold retired supervisors, who must not receive anyone). Retired subordinates stay as they are.
 */
export function reassignmentOnRetirement(
  retireeId: string,
  supervisorChain: readonly ChainMember[],
  directSubordinates: readonly SubordinateRow[],
): SubordinateReassignment {
  const successor = supervisorChain.find((member) => member.status === 'ACTIVE' && member.id !== retireeId);
  return {
    newSupervisorId: successor?.id ?? null,
    subordinateIds: directSubordinates.filter((row) => row.status === 'ACTIVE' && row.id !== retireeId).map((row) => row.id),
  };
}
