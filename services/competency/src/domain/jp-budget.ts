// The JP budget a set of training needs implies: one suggested programme per need (DOMAIN.md "Competency":
// training units want how many people need which competency, the programmes and the JP it implies).

export interface PlannedNeed {
  readonly employeeId: string;
  readonly competencyCode: string;
  /** Hours of the suggested programme; null when the catalogue has no programme closing the gap. */
  readonly suggestedHoursJp: number | null;
}

export interface CompetencyBudget {
  readonly competencyCode: string;
  readonly people: number;
  readonly totalJp: number;
}

export interface JpBudget {
  /** Distinct employees with at least one need. */
  readonly people: number;
  readonly needs: number;
  readonly totalJp: number;
  /** Needs with no programme in the catalogue: a gap the training unit must still fill. */
  readonly needsWithoutProgramme: number;
  readonly byCompetency: readonly CompetencyBudget[];
}

export function totalJpBudget(needs: readonly PlannedNeed[]): JpBudget {
  const people = new Set<string>();
  const byCompetency = new Map<string, { people: Set<string>; totalJp: number }>();
  let totalJp = 0;
  let needsWithoutProgramme = 0;
  for (const need of needs) {
    people.add(need.employeeId);
    const entry = byCompetency.get(need.competencyCode) ?? { people: new Set<string>(), totalJp: 0 };
    entry.people.add(need.employeeId);
    if (need.suggestedHoursJp === null) {
      needsWithoutProgramme += 1;
    } else {
      entry.totalJp += need.suggestedHoursJp;
      totalJp += need.suggestedHoursJp;
    }
    byCompetency.set(need.competencyCode, entry);
  }
  return {
    people: people.size,
    needs: needs.length,
    totalJp,
    needsWithoutProgramme,
    byCompetency: [...byCompetency.entries()].map(([competencyCode, entry]) => ({
      competencyCode,
      people: entry.people.size,
      totalJp: entry.totalJp,
    })),
  };
}
