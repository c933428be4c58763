// An employee's contribution to the per-region and per-unit gap summaries (issue "Competency subgraph":
// Region/OrgUnit.competencyGaps per competency: assessed employees, employees below standard, average gap,
// counts by level of need). The summaries change by the difference between an employee's old and new
// contribution, so a position change or a finalised assessment touches O(competencies) rows.
import { toHundredths } from './decimal.ts';
import type { CompetencyGap } from './gap.ts';
import { regionAncestors } from '@kinerja/kit/scoping';

export type SummaryScope = 'REGION' | 'UNIT';

export interface SummaryKey {
  readonly scope: SummaryScope;
  /** Region code (`ID`, `32`, `32.15`) or org-unit id. */
  readonly scopeKey: string;
  readonly competencyCode: string;
}

export interface SummaryCounters {
  readonly assessedEmployees: number;
  readonly belowStandard: number;
  /** Σ gap in hundredths (average gap = gapSum / assessedEmployees). */
  readonly gapSumHundredths: number;
  /** Σ |gap| over negative gaps, in hundredths. */
  readonly shortfallSumHundredths: number;
  /** Employees below standard, by the level they must reach (index 0 = level 1). */
  readonly needByLevel: readonly [number, number, number, number, number];
}

export interface SummaryDelta extends SummaryKey, SummaryCounters {}

export interface EmployeePlacement {
  readonly regionCode: string;
  readonly unitId: string | null;
  /** The instansi is the root of its unit tree, so its OrgUnit gets instansi-wide totals. */
  readonly instansiId: string | null;
  /** Unit ids from the instansi down to the unit (EmployeeChanged.unit_path); every one gets a row. */
  readonly unitPath?: readonly string[];
}

function countersFor(gap: CompetencyGap, sign: 1 | -1): SummaryCounters {
  const gapH = toHundredths(gap.gap);
  const below = gapH < 0;
  const needByLevel: [number, number, number, number, number] = [0, 0, 0, 0, 0];
  if (below && gap.required >= 1 && gap.required <= 5) needByLevel[gap.required - 1] = sign;
  return {
    assessedEmployees: sign,
    belowStandard: below ? sign : 0,
    gapSumHundredths: sign * gapH,
    shortfallSumHundredths: below ? sign * -gapH : 0,
    needByLevel,
  };
}

export function summaryScopesOf(placement: EmployeePlacement): { scope: SummaryScope; scopeKey: string }[] {
  const scopes: { scope: SummaryScope; scopeKey: string }[] = regionAncestors(placement.regionCode).map((code) => ({
    scope: 'REGION',
    scopeKey: code,
  }));
  const units = new Set([placement.unitId, placement.instansiId, ...(placement.unitPath ?? [])].filter((id): id is string => id !== null && id !== ''));
  for (const unit of units) scopes.push({ scope: 'UNIT', scopeKey: unit });
  return scopes;
}

function keyOf(key: SummaryKey): string {
  return `${key.scope}\u0000${key.scopeKey}\u0000${key.competencyCode}`;
}

function add(a: SummaryCounters, b: SummaryCounters): SummaryCounters {
  return {
    assessedEmployees: a.assessedEmployees + b.assessedEmployees,
    belowStandard: a.belowStandard + b.belowStandard,
    gapSumHundredths: a.gapSumHundredths + b.gapSumHundredths,
    shortfallSumHundredths: a.shortfallSumHundredths + b.shortfallSumHundredths,
    needByLevel: [0, 1, 2, 3, 4].map((i) => (a.needByLevel[i] ?? 0) + (b.needByLevel[i] ?? 0)) as unknown as SummaryCounters['needByLevel'],
  };
}

function isZero(counters: SummaryCounters): boolean {
  return (
    counters.assessedEmployees === 0 &&
    counters.belowStandard === 0 &&
    counters.gapSumHundredths === 0 &&
    counters.shortfallSumHundredths === 0 &&
    counters.needByLevel.every((count) => count === 0)
  );
}

/**
 * Net change to the summary rows when an employee's derived gaps go from `before` to `after` (either may
 * be absent: first assessment, retirement). Rows whose net change is zero are left out, so re-deriving
 * an unchanged employee writes nothing.
 */
export function summaryDeltas(
  before: { placement: EmployeePlacement; gaps: readonly CompetencyGap[] } | null,
  after: { placement: EmployeePlacement; gaps: readonly CompetencyGap[] } | null,
): SummaryDelta[] {
  const changes: SummaryDelta[] = [];
  const apply = (side: { placement: EmployeePlacement; gaps: readonly CompetencyGap[] } | null, sign: 1 | -1): void => {
    if (side === null) return;
    for (const { scope, scopeKey } of summaryScopesOf(side.placement)) {
      for (const gap of side.gaps) changes.push({ scope, scopeKey, competencyCode: gap.competencyCode, ...countersFor(gap, sign) });
    }
  };
  apply(before, -1);
  apply(after, 1);
  return sumSummaryDeltas(changes).filter((delta) => !isZero(delta));
}

/** One delta per summary row: the deltas for the same scope, key and competency added up, in first-seen order. */
export function sumSummaryDeltas(deltas: Iterable<SummaryDelta>): SummaryDelta[] {
  const totals = new Map<string, SummaryDelta>();
  for (const delta of deltas) {
    const id = keyOf(delta);
    const existing = totals.get(id);
    totals.set(id, existing === undefined ? delta : { ...existing, ...add(existing, delta) });
  }
  return [...totals.values()];
}
