// The units a calibration or cascade page offers: the viewer's own unit and those above it (an atasan
// heads or works inside them), or the instansi of the region and their OPDs for a region-wide admin.
import type { UnitChoiceData } from '../graphql/documents/unit-choice.ts';

export interface UnitChoice {
  readonly id: string;
  readonly name: string;
}

export function unitChoices(data: UnitChoiceData | undefined): UnitChoice[] {
  const choices: UnitChoice[] = [];
  for (let unit: { id: string; name: string; parent?: unknown } | null | undefined = data?.me?.unit; unit; unit = unit.parent as typeof unit) {
    choices.push({ id: unit.id, name: unit.name });
  }
  for (const root of data?.orgUnits ?? []) {
    choices.push({ id: root.id, name: root.name });
    for (const child of root.children) choices.push({ id: child.id, name: `${root.name} › ${child.name}` });
  }
  return [...new Map(choices.map((c) => [c.id, c])).values()];
}

/**
 * The unit a page opens with: the viewer's own unit ('OWN', the one an atasan heads: calibration), or the
 * OPD on the viewer's path, the unit right below the instansi ('OPD', where goals are recorded: cascade);
 * a viewer without a unit gets the region's first instansi, or its first OPD.
 */
export function defaultUnit(data: UnitChoiceData | undefined, prefer: 'OWN' | 'OPD'): string {
  const path: string[] = [];
  for (let unit: { id: string; parent?: unknown } | null | undefined = data?.me?.unit; unit; unit = unit.parent as typeof unit) path.push(unit.id);
  if (path.length > 0) return prefer === 'OWN' || path.length === 1 ? path[0]! : path[path.length - 2]!;
  const root = data?.orgUnits?.[0];
  return (prefer === 'OPD' ? root?.children[0]?.id : undefined) ?? root?.id ?? '';
}
