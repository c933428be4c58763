// Multi-rater (360°) feedback (DOMAIN.md "Performance": peers, subordinates and service users; the supervisor
// sees only aggregates of at least 3 responses; SE MenPANRB 20/2021 for the seven BerAKHLAK behaviours).
import { describe, expect, it } from 'vitest';
import { aggregateResponses, multiRaterRuleProblems, raterProblems, scoreProblems, type RaterCandidate } from '../../src/domain/multi-rater.ts';
import { berakhlakBehaviours } from '../../src/domain/skp-plan.ts';

const owner = { employeeId: 'pegawai', supervisorId: 'atasan', unitId: 'unit-a' };
const person = (employeeId: string, supervisorId: string | null, unitId: string | null = 'unit-x', status = 'ACTIVE') => ({ employeeId, supervisorId, unitId, status });
const peer = (id: string): RaterCandidate => ({ employeeId: id, relation: 'PEER', person: person(id, 'atasan') });

describe('naming raters', () => {
  const three = [peer('r1'), peer('r2'), { employeeId: 'b1', relation: 'SUBORDINATE', person: person('b1', 'pegawai') }] as RaterCandidate[];
  const cases: { name: string; raters: RaterCandidate[]; reasons: string[] }[] = [
    { name: 'two peers and a subordinate', raters: three, reasons: [] },
    { name: 'a service user from another unit', raters: [...three, { employeeId: 's1', relation: 'SERVICE_USER', person: person('s1', 'lain') }], reasons: [] },
    { name: 'a peer by unit only', raters: [...three, { employeeId: 'u1', relation: 'PEER', person: person('u1', 'lain', 'unit-a') }], reasons: [] },
    { name: 'fewer than the threshold', raters: three.slice(0, 2), reasons: ['too_few_raters'] },
    { name: 'a duplicate', raters: [...three, peer('r1')], reasons: ['duplicate_rater'] },
    { name: 'the employee', raters: [...three, { employeeId: 'pegawai', relation: 'PEER', person: person('pegawai', 'atasan') }], reasons: ['rater_not_allowed'] },
    { name: 'the supervisor', raters: [...three, { employeeId: 'atasan', relation: 'SERVICE_USER', person: person('atasan', 'kepala') }], reasons: ['rater_not_allowed'] },
    { name: 'an unknown employee', raters: [...three, { employeeId: 'x', relation: 'PEER', person: null }], reasons: ['rater_not_found'] },
    { name: 'a retired employee', raters: [...three, { employeeId: 'p', relation: 'SERVICE_USER', person: person('p', 'lain', 'unit-x', 'RETIRED') }], reasons: ['rater_not_active'] },
    { name: 'a "peer" from elsewhere', raters: [...three, { employeeId: 'q', relation: 'PEER', person: person('q', 'lain') }], reasons: ['rater_relation_mismatch'] },
    { name: 'a subordinate in the same unit named as a peer', raters: [...three, { employeeId: 'b2', relation: 'PEER', person: person('b2', 'pegawai', 'unit-a') }], reasons: ['rater_relation_mismatch'] },
    { name: 'a "subordinate" who is not', raters: [...three, { employeeId: 'q', relation: 'SUBORDINATE', person: person('q', 'atasan') }], reasons: ['rater_relation_mismatch'] },
    { name: 'more than twenty', raters: Array.from({ length: 21 }, (_, i) => peer(`r${i}`)), reasons: ['too_many_raters'] },
  ];
  it.each(cases)('$name → $reasons', ({ raters, reasons }) => {
    expect(raterProblems(owner, raters, 3).map((p) => p.reason)).toEqual(reasons);
  });
  it('follows the configured threshold', () => {
    expect(raterProblems(owner, three, 5).map((p) => p.reason)).toEqual(['too_few_raters']);
  });
});

describe('scores', () => {
  const all = berakhlakBehaviours.map((behaviour) => ({ behaviour, score: 4 }));
  it.each([
    { name: 'all seven, 1–5', scores: all, comment: null, reasons: [] },
    { name: 'a 0', scores: [{ behaviour: 'BERORIENTASI_PELAYANAN', score: 0 }, ...all.slice(1)], comment: null, reasons: ['invalid_score'] },
    { name: 'a 6', scores: [...all.slice(0, 6), { behaviour: 'KOLABORATIF', score: 6 }], comment: null, reasons: ['invalid_score'] },
    { name: 'a fraction', scores: [...all.slice(0, 6), { behaviour: 'KOLABORATIF', score: 3.5 }], comment: null, reasons: ['invalid_score'] },
    { name: 'one missing', scores: all.slice(1), comment: null, reasons: ['missing_behaviour_score'] },
    { name: 'one twice', scores: [...all, all[0]!], comment: null, reasons: ['duplicate_behaviour'] },
    { name: 'an unknown behaviour', scores: [...all, { behaviour: 'JUJUR', score: 3 }], comment: null, reasons: ['unknown_behaviour'] },
    { name: 'a long comment', scores: all, comment: 'x'.repeat(1001), reasons: ['comment_too_long'] },
  ])('$name → $reasons', ({ scores, comment, reasons }) => {
    expect(scoreProblems(scores, comment).map((p) => p.reason)).toEqual(reasons);
  });
});

describe('aggregates and the anonymity threshold', () => {
  const response = (score: number, comment: string | null = null) => ({ scores: berakhlakBehaviours.map((behaviour) => ({ behaviour, score })), comment });
  it('shows nothing below the threshold', () => {
    expect(aggregateResponses([response(5, 'bagus'), response(1)], 3)).toEqual({ visible: false, behaviours: [], comments: [] });
  });
  it('shows the mean and count per behaviour and sorted comments from the threshold on', () => {
    const result = aggregateResponses([response(5, 'tepat waktu'), response(4), response(2, 'perlu lebih komunikatif')], 3);
    expect(result.visible).toBe(true);
    expect(result.behaviours).toHaveLength(7);
    expect(result.behaviours[0]).toEqual({ behaviour: 'BERORIENTASI_PELAYANAN', mean: 3.67, count: 3 });
    expect(result.comments).toEqual(['perlu lebih komunikatif', 'tepat waktu']);
  });
  it('follows the configured threshold', () => {
    expect(aggregateResponses([response(5), response(4), response(2)], 4).visible).toBe(false);
  });
});

describe('the configured threshold (never below the 3 of DOMAIN.md)', () => {
  it.each([
    { minResponses: 3, reasons: [] },
    { minResponses: 20, reasons: [] },
    { minResponses: 2, reasons: ['invalid_min_responses'] },
    { minResponses: 21, reasons: ['invalid_min_responses'] },
    { minResponses: 3.5, reasons: ['invalid_min_responses'] },
  ])('$minResponses → $reasons', ({ minResponses, reasons }) => {
    expect(multiRaterRuleProblems({ minResponses }).map((p) => p.reason)).toEqual(reasons);
  });
});
