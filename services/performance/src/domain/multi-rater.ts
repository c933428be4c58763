// Multi-rater (360°) feedback (DOMAIN.md "Performance": optional input from peers, subordinates and service
// users that the supervisor sees only as aggregates of at least 3 responses): scores 1–5 on each of the seven
// BerAKHLAK behaviours (SE MenPANRB 20/2021) with an optional comment. The anonymity threshold is
// configurable data per instansi with an effective date; no response is ever tied back to its rater.
import type { Versioned } from './configuration-in-force.ts';
import { berakhlakBehaviours, type BerakhlakBehaviour, type Problem } from './skp-plan.ts';

export const raterRelations = ['PEER', 'SUBORDINATE', 'SERVICE_USER'] as const;
export type RaterRelation = (typeof raterRelations)[number];

export interface MultiRaterRule extends Versioned {
  /** Responses needed before anyone sees an aggregate (anonymity). */
  readonly minResponses: number;
}

export const defaultMultiRaterRule: MultiRaterRule = { instansiId: null, effectiveFrom: '2022-01-01', minResponses: 3 };

/** DOMAIN.md: aggregates of at least 3 responses; an instansi may ask for more, never fewer. */
export const MIN_ANONYMITY_THRESHOLD = 3;

export function multiRaterRuleProblems(rule: { minResponses: number }): Problem[] {
  if (!Number.isInteger(rule.minResponses) || rule.minResponses < MIN_ANONYMITY_THRESHOLD || rule.minResponses > 20) {
    return [{ reason: 'invalid_min_responses', message: `Ambang anonimitas harus bilangan bulat ${MIN_ANONYMITY_THRESHOLD}–20 tanggapan` }];
  }
  return [];
}

/** A round names a handful of colleagues; the cap bounds every read of a round. */
export const MAX_RATERS = 20;
export const MAX_FEEDBACK_COMMENT = 1000;
export const MIN_SCORE = 1;
export const MAX_SCORE = 5;

export interface RaterCandidate {
  employeeId: string;
  relation: RaterRelation;
  /** The rater in the read model, or null when unknown. */
  person: { employeeId: string; supervisorId: string | null; unitId: string | null; status: string } | null;
}

export interface RoundOwner {
  employeeId: string;
  supervisorId: string | null;
  unitId: string | null;
}

/**
 * Whether the named raters make a valid round: enough to reach the threshold, no duplicates, never the
 * employee or the direct supervisor (who rates in their own right), each active and in the relation named
 * (a peer shares the supervisor or the unit without reporting to the employee; a subordinate reports to the employee; a service user is any
 * active colleague served by the employee).
 */
export function raterProblems(owner: RoundOwner, raters: readonly RaterCandidate[], minResponses: number): Problem[] {
  const problems: Problem[] = [];
  if (raters.length < minResponses) problems.push({ reason: 'too_few_raters', message: `Umpan balik 360° memerlukan paling sedikit ${minResponses} penilai agar tetap anonim` });
  if (raters.length > MAX_RATERS) problems.push({ reason: 'too_many_raters', message: `Paling banyak ${MAX_RATERS} penilai dalam satu putaran` });
  const seen = new Set<string>();
  for (const rater of raters) {
    if (seen.has(rater.employeeId)) problems.push({ reason: 'duplicate_rater', message: `Penilai ${rater.employeeId} disebut lebih dari sekali` });
    seen.add(rater.employeeId);
    const person = rater.person;
    if (person === null) {
      problems.push({ reason: 'rater_not_found', message: `Pegawai ${rater.employeeId} tidak ditemukan` });
      continue;
    }
    if (person.employeeId === owner.employeeId || person.employeeId === owner.supervisorId) {
      problems.push({ reason: 'rater_not_allowed', message: 'Pegawai yang dinilai dan atasan langsungnya tidak menjadi penilai 360°' });
      continue;
    }
    if (person.status !== 'ACTIVE') problems.push({ reason: 'rater_not_active', message: `Pegawai ${rater.employeeId} sudah tidak aktif` });
    const subordinate = person.supervisorId === owner.employeeId;
    const peer = !subordinate && ((owner.supervisorId !== null && person.supervisorId === owner.supervisorId) || (owner.unitId !== null && person.unitId === owner.unitId));
    if ((rater.relation === 'PEER' && !peer) || (rater.relation === 'SUBORDINATE' && !subordinate)) {
      problems.push({ reason: 'rater_relation_mismatch', message: `Pegawai ${rater.employeeId} bukan ${rater.relation === 'PEER' ? 'rekan kerja' : 'bawahan'} pegawai yang dinilai` });
    }
  }
  return problems;
}

/** A response scores each of the seven behaviours once, with a whole number 1–5. */
export function scoreProblems(scores: readonly { behaviour: string; score: number }[], comment: string | null): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const { behaviour, score } of scores) {
    if (!(berakhlakBehaviours as readonly string[]).includes(behaviour)) problems.push({ reason: 'unknown_behaviour', message: `Perilaku ${behaviour} bukan nilai BerAKHLAK` });
    else if (seen.has(behaviour)) problems.push({ reason: 'duplicate_behaviour', message: `Perilaku ${behaviour} dinilai lebih dari sekali` });
    seen.add(behaviour);
    if (!Number.isInteger(score) || score < MIN_SCORE || score > MAX_SCORE) problems.push({ reason: 'invalid_score', message: `Nilai perilaku ${behaviour} harus bilangan bulat ${MIN_SCORE}–${MAX_SCORE}` });
  }
  const missing = berakhlakBehaviours.filter((b) => !seen.has(b));
  if (missing.length > 0) problems.push({ reason: 'missing_behaviour_score', message: `Perilaku belum dinilai: ${missing.join(', ')}` });
  if (comment !== null && comment.length > MAX_FEEDBACK_COMMENT) problems.push({ reason: 'comment_too_long', message: `Komentar paling banyak ${MAX_FEEDBACK_COMMENT} karakter` });
  return problems;
}

export interface BehaviourAggregate {
  behaviour: BerakhlakBehaviour;
  mean: number;
  count: number;
}

/**
 * The aggregates anyone may see: nothing below the threshold; from it on, the mean (two decimals) and count
 * per behaviour, in BerAKHLAK order, and the comments in alphabetical order (never in the order given).
 */
export function aggregateResponses(
  responses: readonly { scores: readonly { behaviour: BerakhlakBehaviour; score: number }[]; comment: string | null }[],
  minResponses: number,
): { visible: boolean; behaviours: BehaviourAggregate[]; comments: string[] } {
  if (responses.length < minResponses) return { visible: false, behaviours: [], comments: [] };
  const behaviours = berakhlakBehaviours.map((behaviour) => {
    const scores = responses.flatMap((r) => r.scores.filter((s) => s.behaviour === behaviour).map((s) => s.score));
    const mean = scores.length === 0 ? 0 : Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 100) / 100;
    return { behaviour, mean, count: scores.length };
  });
  const comments = responses.flatMap((r) => (r.comment === null ? [] : [r.comment])).sort((a, b) => a.localeCompare(b, 'id'));
  return { visible: true, behaviours, comments };
}
