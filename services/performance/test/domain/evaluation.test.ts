// PermenPANRB 6/2022 (continuous documentation with evidence, periodic evaluation) and DOMAIN.md
// "Periods": entries only on an approved SKP in an open period; the maintained distribution counts.
import { describe, expect, it } from 'vitest';
import { entryRefusal, realisationProblems, summaryDeltas } from '../../src/domain/evaluation.ts';

describe('realisation with evidence (bukti dukung)', () => {
  it.each([
    { input: { value: 30, evidenceUrl: 'https://drive.example.go.id/berkas/123', note: null }, reasons: [] },
    { input: { value: 0, evidenceUrl: null, note: 'Rekap terlampir di aplikasi SIMPEG' }, reasons: [] },
    { input: { value: 30, evidenceUrl: null, note: '  ' }, reasons: ['evidence_required'] },
    { input: { value: -1, evidenceUrl: 'https://x.go.id', note: null }, reasons: ['invalid_realisation_value'] },
    { input: { value: Number.POSITIVE_INFINITY, evidenceUrl: 'https://x.go.id', note: null }, reasons: ['invalid_realisation_value'] },
    { input: { value: 1, evidenceUrl: 'javascript:alert(1)', note: null }, reasons: ['invalid_evidence_url'] },
    { input: { value: 1, evidenceUrl: 'bukan tautan', note: 'ada' }, reasons: ['invalid_evidence_url'] },
    { input: { value: 1, evidenceUrl: null, note: 'x'.repeat(2001) }, reasons: ['note_too_long'] },
  ])('$input → $reasons', ({ input, reasons }) => {
    expect(realisationProblems(input).map((p) => p.reason)).toEqual(reasons);
  });
});

describe('when a realisation or rating may be entered', () => {
  it.each([
    [{ skpStatus: 'APPROVED', periodState: 'OPEN', evaluationStatus: null }, null],
    [{ skpStatus: 'APPROVED', periodState: 'OPEN', evaluationStatus: 'DRAFT' }, null],
    [{ skpStatus: 'SUBMITTED', periodState: 'OPEN', evaluationStatus: null }, 'skp_not_approved'],
    [{ skpStatus: 'REVISION_REQUESTED', periodState: 'OPEN', evaluationStatus: null }, 'skp_not_approved'],
    [{ skpStatus: 'APPROVED', periodState: 'LOCKED', evaluationStatus: null }, 'period_locked'],
    [{ skpStatus: 'APPROVED', periodState: 'NOT_STARTED', evaluationStatus: null }, 'period_not_started'],
    [{ skpStatus: 'APPROVED', periodState: 'OPEN', evaluationStatus: 'FINAL' }, 'evaluation_finalised'],
  ] as const)('%o → %s', (context, reason) => {
    expect(entryRefusal(context)?.reason ?? null).toBe(reason);
  });
});

describe('maintained distribution counts (national read O(regions))', () => {
  const scopes = { regionCode: '32.15', unitIds: ['inst-krw', 'unit-a', 'unit-b'] };
  it('counts a first rating once in every region prefix and unit on the path', () => {
    expect(summaryDeltas(null, { predikat: 'BAIK', scopes }).map((d) => `${d.scope}:${d.scopeKey}:${d.predikat}:${d.delta}`)).toEqual([
      'REGION:ID:BAIK:1',
      'REGION:32:BAIK:1',
      'REGION:32.15:BAIK:1',
      'UNIT:inst-krw:BAIK:1',
      'UNIT:unit-a:BAIK:1',
      'UNIT:unit-b:BAIK:1',
    ]);
  });
  it('moves a re-rating from the old predikat to the new, and changes nothing for the same predikat', () => {
    const moved = summaryDeltas({ predikat: 'BAIK', scopes }, { predikat: 'SANGAT_BAIK', scopes });
    expect(moved.filter((d) => d.scopeKey === 'ID').map((d) => `${d.predikat}:${d.delta}`)).toEqual(['BAIK:-1', 'SANGAT_BAIK:1']);
    expect(summaryDeltas({ predikat: 'BAIK', scopes }, { predikat: 'BAIK', scopes })).toEqual([]);
  });
});
