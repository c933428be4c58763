// Issue "Competency subgraph" and DOMAIN.md "Competency": draft → submitted → finalised; a finalised
// assessment is immutable, a correction is a new version that keeps the old one.
import { describe, expect, it } from 'vitest';
import { checkCorrection, checkTransition, selectEffectiveAssessment } from '../../src/domain/assessment-lifecycle.ts';
import type { AssessmentAction, AssessmentStatus, AssessmentVersion } from '../../src/domain/assessment-lifecycle.ts';

describe('checkTransition', () => {
  const cases: [AssessmentStatus, AssessmentAction, AssessmentStatus | string][] = [
    ['DRAFT', 'UPDATE_SCORES', 'DRAFT'],
    ['DRAFT', 'SUBMIT', 'SUBMITTED'],
    ['DRAFT', 'FINALISE', 'assessment_not_submitted'],
    ['DRAFT', 'CORRECT', 'assessment_not_finalised'],
    ['SUBMITTED', 'UPDATE_SCORES', 'assessment_not_draft'],
    ['SUBMITTED', 'SUBMIT', 'assessment_not_draft'],
    ['SUBMITTED', 'FINALISE', 'FINALISED'],
    ['FINALISED', 'UPDATE_SCORES', 'assessment_finalised'],
    ['FINALISED', 'SUBMIT', 'assessment_finalised'],
    ['FINALISED', 'FINALISE', 'assessment_finalised'],
    ['FINALISED', 'CORRECT', 'FINALISED'],
  ];
  it.each(cases)('%s + %s → %s', (status, action, expected) => {
    const result = checkTransition(status, action);
    expect(result.ok ? result.next : result.reason).toBe(expected);
  });
});

const version = (id: string, seriesId: string, v: number, status: AssessmentStatus, assessedOn: string, finalisedAt: string | null): AssessmentVersion => ({
  id,
  seriesId,
  version: v,
  status,
  assessedOn,
  finalisedAt: finalisedAt === null ? null : new Date(finalisedAt),
});

describe('checkCorrection', () => {
  const v1 = version('a1', 'a', 1, 'FINALISED', '2025-03-01', '2025-03-02T00:00:00Z');
  const v2draft = version('a2', 'a', 2, 'DRAFT', '2025-03-01', null);
  const cases: { name: string; target: AssessmentVersion; series: AssessmentVersion[]; expected: number | string }[] = [
    { name: 'correcting the latest finalised version gives version 2', target: v1, series: [v1], expected: 2 },
    { name: 'an open correction blocks another', target: v1, series: [v1, v2draft], expected: 'correction_exists' },
    { name: 'a draft cannot be corrected', target: v2draft, series: [v1, v2draft], expected: 'assessment_not_finalised' },
  ];
  it.each(cases)('$name', ({ target, series, expected }) => {
    const result = checkCorrection(target, series);
    expect(result.ok ? result.version : result.reason).toBe(expected);
  });
});

describe('selectEffectiveAssessment', () => {
  const a1 = version('a1', 'a', 1, 'FINALISED', '2025-03-01', '2025-03-02T00:00:00Z');
  const a2 = version('a2', 'a', 2, 'FINALISED', '2025-03-01', '2025-04-01T00:00:00Z');
  const a3draft = version('a3', 'a', 3, 'DRAFT', '2025-03-01', null);
  const b1 = version('b1', 'b', 1, 'FINALISED', '2024-01-10', '2025-05-01T00:00:00Z');
  const c1submitted = version('c1', 'c', 1, 'SUBMITTED', '2026-01-10', null);
  const cases: { name: string; versions: AssessmentVersion[]; expected: string | null }[] = [
    { name: 'none finalised', versions: [a3draft, c1submitted], expected: null },
    { name: 'a finalised correction supersedes the version it corrects', versions: [a1, a2], expected: 'a2' },
    { name: 'an open correction does not', versions: [a1, a3draft], expected: 'a1' },
    { name: 'the latest assessment date wins over a later finalisation of an older assessment', versions: [a1, a2, b1], expected: 'a2' },
    { name: 'a submitted newer assessment does not count yet', versions: [b1, c1submitted], expected: 'b1' },
  ];
  it.each(cases)('$name', ({ versions, expected }) => {
    expect(selectEffectiveAssessment(versions)?.id ?? null).toBe(expected);
  });
});
