// The competency subgraph extends personnel's types; when it is down the gateway answers HTTP 500
// with a masked error and no data (checked against the real gateway with competency unreachable).
// Pages then ask once more without the competency fields, so personnel data still shows with a notice.
export interface GraphQLErrorLike {
  readonly message: string;
  readonly path?: readonly (string | number)[] | undefined;
  readonly extensions?: Readonly<Record<string, unknown>> | undefined;
}

export const competencyFields: readonly string[] = ['competencyGaps', 'competencyProfile', 'competencyAssessments'];

function touchesCompetency(error: GraphQLErrorLike): boolean {
  if (error.extensions?.['serviceName'] === 'competency') return true;
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
