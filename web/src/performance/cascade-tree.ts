// The cascade (goals → RHK of the heads → RHK of their staff …) as rows in tree order, so the page draws
// an indented tree without recursion: each row knows its depth (1 = a goal) and what it hangs from.
export interface CascadeTreeGoal {
  readonly id: string;
  readonly text: string;
}

export interface CascadeTreeNode {
  readonly rhk: { readonly id: string; readonly text: string };
  readonly employee: { readonly id: string; readonly name?: string | undefined };
  readonly goal: { readonly id: string };
  readonly parent: { readonly id: string } | null;
}

export interface CascadeTreeRow {
  readonly key: string;
  /** 1 for a goal, 2 for an RHK supporting it directly, and so on. */
  readonly level: number;
  readonly kind: 'GOAL' | 'RHK';
  readonly text: string;
  readonly employeeId: string | null;
  /** Null for a goal, and for an RHK whose owner the viewer may not see by name. */
  readonly employeeName: string | null;
}

export function cascadeRows(goals: readonly CascadeTreeGoal[], nodes: readonly CascadeTreeNode[]): CascadeTreeRow[] {
  const children = new Map<string, CascadeTreeNode[]>();
  for (const node of nodes) {
    const key = node.parent === null ? `goal:${node.goal.id}` : `rhk:${node.parent.id}`;
    children.set(key, [...(children.get(key) ?? []), node]);
  }
  const rows: CascadeTreeRow[] = [];
  const seen = new Set<string>();
  const visit = (key: string, level: number) => {
    for (const node of children.get(key) ?? []) {
      if (seen.has(node.rhk.id)) continue;
      seen.add(node.rhk.id);
      rows.push({ key: `rhk:${node.rhk.id}`, level, kind: 'RHK', text: node.rhk.text, employeeId: node.employee.id, employeeName: node.employee.name ?? null });
      visit(`rhk:${node.rhk.id}`, level + 1);
    }
  };
  for (const goal of goals) {
    rows.push({ key: `goal:${goal.id}`, level: 1, kind: 'GOAL', text: goal.text, employeeId: null, employeeName: null });
    visit(`goal:${goal.id}`, 2);
  }
  return rows;
}
