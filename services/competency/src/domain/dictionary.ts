// The managerial (M.1–M.8) and socio-cultural (SK.1) competency dictionary of PermenPANRB 38/2017,
// kept as data (competency-dictionary.json) so wording fixes never touch code (DOMAIN.md "Competency").
import dictionary from './competency-dictionary.json' with { type: 'json' };

export type CompetencyGroup = 'MANAJERIAL' | 'SOSIAL_KULTURAL';

export interface CompetencyLevelDescription {
  readonly level: number;
  readonly description: string;
  readonly indicators: readonly string[];
}

export interface Competency {
  readonly code: string;
  readonly group: CompetencyGroup;
  readonly name: string;
  readonly definition: string;
  readonly levels: readonly CompetencyLevelDescription[];
}

export const MIN_LEVEL = 1;
export const MAX_LEVEL = 5;

export const competencies: readonly Competency[] = dictionary.competencies as readonly Competency[];

export const competencyCodes: readonly string[] = competencies.map((competency) => competency.code);

const competencyByCode = new Map(competencies.map((competency) => [competency.code, competency]));

export function findCompetency(code: string): Competency | undefined {
  return competencyByCode.get(code);
}

export function isKnownCompetencyCode(code: string): boolean {
  return competencyByCode.has(code);
}

/** Dictionary order (M.1 … M.8, SK.1), used to list gaps and scores the way the regulation does. */
export function compareCompetencyCodes(a: string, b: string): number {
  return competencyCodes.indexOf(a) - competencyCodes.indexOf(b);
}

export const dictionarySource: string = dictionary.source;
