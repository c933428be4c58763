// SIASN's unit tree (unor: `Id`, `DiatasanId`, `NamaUnor`, `PemimpinPnsId`) and what follows from it.
// SIASN rows carry no atasan column: the direct supervisor (atasan langsung, DOMAIN.md "People and
// organisation") is the leader of the person's unit, or for the leader themself the leader of the
// nearest unit above that someone else leads (a bidang head reports to the OPD head, an OPD head to the
// instansi's leader, the sekda; the top official has none). Pure functions, no I/O.

export interface UnorNode {
  id: string;
  parentId: string | null;
  name: string;
  leaderPnsId: string | null;
}

export class UnorTree {
  readonly byId: ReadonlyMap<string, UnorNode>;

  constructor(nodes: readonly UnorNode[]) {
    this.byId = new Map(nodes.map((node) => [node.id, node]));
  }

  /** The instansi (root) above a unit, or null when the chain breaks or loops. */
  rootOf(unitId: string): string | null {
    let current = this.byId.get(unitId);
    const seen = new Set<string>();
    while (current) {
      if (seen.has(current.id)) return null;
      seen.add(current.id);
      if (!current.parentId) return current.id;
      current = this.byId.get(current.parentId);
    }
    return null;
  }

  /** The supervisor's SIASN person id for a person in `unitId`; null at the top. */
  supervisorOf(personId: string, unitId: string): string | null {
    let current = this.byId.get(unitId);
    const seen = new Set<string>();
    while (current && !seen.has(current.id)) {
      seen.add(current.id);
      if (current.leaderPnsId && current.leaderPnsId !== personId) return current.leaderPnsId;
      current = current.parentId ? this.byId.get(current.parentId) : undefined;
    }
    return null;
  }

  /** Units of the instansi `rootId` (every instansi when null), parents before children; units in loops or under a parent missing from the file are left out. */
  inTreeOrder(rootId: string | null): UnorNode[] {
    const children = new Map<string | null, UnorNode[]>();
    for (const node of this.byId.values()) {
      const key = node.parentId && this.byId.has(node.parentId) ? node.parentId : null;
      if (node.parentId && key === null) continue; // an orphan: reported by the importer, not ordered
      children.set(key, [...(children.get(key) ?? []), node]);
    }
    const ordered: UnorNode[] = [];
    const queue = (children.get(null) ?? []).filter((root) => rootId === null || root.id === rootId);
    while (queue.length > 0) {
      const node = queue.shift() as UnorNode;
      ordered.push(node);
      queue.push(...(children.get(node.id) ?? []));
    }
    return ordered;
  }
}

/** Orders items so that each comes after the item its `parent` names (supervisors before their staff). */
export function parentsFirst<T>(items: readonly T[], key: (item: T) => string, parent: (item: T) => string | null): T[] {
  const byKey = new Map(items.map((item) => [key(item), item]));
  const done = new Set<string>();
  const ordered: T[] = [];
  for (const item of items) {
    const chain: T[] = [];
    let current: T | undefined = item;
    const seen = new Set<string>();
    while (current && !done.has(key(current)) && !seen.has(key(current))) {
      seen.add(key(current));
      chain.push(current);
      const up = parent(current);
      current = up ? byKey.get(up) : undefined;
    }
    for (const entry of chain.reverse()) {
      done.add(key(entry));
      ordered.push(entry);
    }
  }
  return ordered;
}
