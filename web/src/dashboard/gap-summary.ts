// Figures the dashboard derives from `Region.competencyGaps` (one summary per competency).
export interface GapSummaryInput {
  readonly competency: { readonly code: string; readonly name: string };
  readonly assessedEmployees: number;
  readonly employeesBelowStandard: number;
  readonly averageGap: number | null;
}

export interface RegionGapHighlight {
  /** People with a finalised assessment: every competency is assessed together, so the largest count. */
  readonly assessedEmployees: number;
  /** The competency with the most negative average gap (the first development priority), if any. */
  readonly largest: GapSummaryInput | null;
}

export function regionGapHighlight(gaps: readonly GapSummaryInput[] | null | undefined): RegionGapHighlight {
  let assessedEmployees = 0;
  let largest: GapSummaryInput | null = null;
  for (const gap of gaps ?? []) {
    assessedEmployees = Math.max(assessedEmployees, gap.assessedEmployees);
    if (gap.averageGap !== null && gap.averageGap < 0 && (largest === null || gap.averageGap < (largest.averageGap ?? 0))) {
      largest = gap;
    }
  }
  return { assessedEmployees, largest };
}

/**
 * Combines child regions' summaries into their parent's (national viewers have no national region
 * row): counts add up and the average gap is weighted by the number of assessed employees.
 */
export function combineGapSummaries(regions: readonly (readonly GapSummaryInput[] | null | undefined)[]): GapSummaryInput[] {
  const byCode = new Map<string, { competency: GapSummaryInput['competency']; assessed: number; below: number; gapTotal: number; weighted: number }>();
  for (const gaps of regions) {
    for (const gap of gaps ?? []) {
      const entry = byCode.get(gap.competency.code) ?? { competency: gap.competency, assessed: 0, below: 0, gapTotal: 0, weighted: 0 };
      entry.assessed += gap.assessedEmployees;
      entry.below += gap.employeesBelowStandard;
      if (gap.averageGap !== null && gap.assessedEmployees > 0) {
        entry.gapTotal += gap.averageGap * gap.assessedEmployees;
        entry.weighted += gap.assessedEmployees;
      }
      byCode.set(gap.competency.code, entry);
    }
  }
  return [...byCode.values()]
    .map((entry) => ({
      competency: entry.competency,
      assessedEmployees: entry.assessed,
      employeesBelowStandard: entry.below,
      averageGap: entry.weighted > 0 ? entry.gapTotal / entry.weighted : null,
    }))
    .sort((a, b) => a.competency.code.localeCompare(b.competency.code, 'id', { numeric: true }));
}
