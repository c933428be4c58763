// The competency subgraph extends personnel's types; when it is slow or down the gateway answers with
// personnel's data, the competency fields null (they are nullable) and an error whose
// `extensions.subgraph` names the subgraph (gateway/src/subgraphs/resilience.ts: SUBGRAPH_TIMEOUT,
// SUBGRAPH_UNAVAILABLE). Pages then ask once more without the competency fields, so personnel data
// shows with a notice.
export interface GraphQLErrorLike {
  readonly message: string;
  readonly path?: readonly (string | number)[] | undefined;
  readonly extensions?: Readonly<Record<string, unknown>> | undefined;
}

export const competencyFields: readonly string[] = ['competencyGaps', 'competencyProfile', 'competencyAssessments'];

function touchesCompetency(error: GraphQLErrorLike): boolean {
  if (error.extensions?.['subgraph'] === 'competency') return true;
  return (error.path ?? []).some((segment) => typeof segment === 'string' && competencyFields.includes(segment));
}

export function shouldRetryWithoutCompetency(
  withCompetency: boolean,
  errors: readonly GraphQLErrorLike[],
  hasData: boolean,
): boolean {
  if (!withCompetency || errors.length === 0) return false;
  return !hasData || errors.some(touchesCompetency);
}
