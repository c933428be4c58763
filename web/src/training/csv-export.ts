// The competency subgraph serves the training-needs rows as CSV at GET /exports/training-needs.csv with
// the same filter and bearer token (services/competency/schema.graphql, Query.trainingNeeds). In
// development vite proxies /exports to it, so the default base is the web app's own origin.
export const competencyExportBase: string = import.meta.env.VITE_COMPETENCY_EXPORT_URL ?? '';

export interface TrainingNeedsFilter {
  readonly regionCode: string | null;
  readonly unitId?: string | null;
  readonly competency: string | null;
}

export function trainingNeedsCsvUrl(base: string, filter: TrainingNeedsFilter): string {
  const params = new URLSearchParams();
  for (const [name, value] of [
    ['regionCode', filter.regionCode],
    ['unitId', filter.unitId],
    ['competency', filter.competency],
  ] as const) {
    if (value) params.set(name, value);
  }
  const query = params.toString();
  return `${base.replace(/\/+$/, '')}/exports/training-needs.csv${query ? `?${query}` : ''}`;
}

/** e.g. `kebutuhan-diklat-32.15-M.4.csv`; `nasional` when no region is chosen. */
export function trainingNeedsCsvFileName(filter: TrainingNeedsFilter): string {
  const parts = ['kebutuhan-diklat', filter.regionCode ?? 'nasional', filter.competency].filter(Boolean);
  return `${parts.join('-')}.csv`;
}
