// Issue "Competency subgraph": region and unit summaries maintained so their cost does not grow with the
// number of employees; DOMAIN.md "People and organisation": region scoping is a prefix match.
import { describe, expect, it } from 'vitest';
import { summaryDeltas } from '../../src/domain/gap-summary.ts';
import type { CompetencyGap } from '../../src/domain/gap.ts';

describe('summaryDeltas', () => {
  const gap = (competencyCode: string, required: number, assessed: number): CompetencyGap => ({
    competencyCode,
    required,
    assessed,
    gap: Math.round((assessed - required) * 100) / 100,
  });
  const karawang = { regionCode: '32.15', unitId: 'u-1', instansiId: 'krw' };

  it('a first finalised assessment adds one employee at every level for each competency', () => {
    const deltas = summaryDeltas(null, { placement: karawang, gaps: [gap('M.1', 3, 2.5)] });
    expect(deltas.map((d) => `${d.scope}:${d.scopeKey}`)).toEqual(['REGION:ID', 'REGION:32', 'REGION:32.15', 'UNIT:u-1', 'UNIT:krw']);
    for (const delta of deltas) {
      expect(delta).toMatchObject({ assessedEmployees: 1, belowStandard: 1, gapSumHundredths: -50, shortfallSumHundredths: 50, needByLevel: [0, 0, 1, 0, 0] });
    }
  });

  it('a promotion within the unit moves the need to the new level and leaves no zero rows', () => {
    const before = { placement: karawang, gaps: [gap('M.1', 2, 2.5), gap('M.2', 2, 3)] };
    const after = { placement: karawang, gaps: [gap('M.1', 3, 2.5), gap('M.2', 3, 3)] };
    const deltas = summaryDeltas(before, after);
    // M.2 went from +1 to 0: gap sum changes, nobody falls below standard.
    expect(deltas.filter((d) => d.scopeKey === '32.15').map((d) => [d.competencyCode, d.assessedEmployees, d.belowStandard, d.gapSumHundredths, d.needByLevel])).toEqual([
      ['M.1', 0, 1, -100, [0, 0, 1, 0, 0]],
      ['M.2', 0, 0, -100, [0, 0, 0, 0, 0]],
    ]);
  });

  it('a transfer to another regency moves the employee but leaves the province and national rows alone', () => {
    const gaps = [gap('M.1', 3, 2)];
    const deltas = summaryDeltas({ placement: karawang, gaps }, { placement: { regionCode: '32.16', unitId: 'u-9', instansiId: 'bks' }, gaps });
    expect(deltas.map((d) => `${d.scope}:${d.scopeKey}:${d.assessedEmployees}`).sort()).toEqual([
      'REGION:32.15:-1',
      'REGION:32.16:1',
      'UNIT:bks:1',
      'UNIT:krw:-1',
      'UNIT:u-1:-1',
      'UNIT:u-9:1',
    ]);
  });

  // DOMAIN.md "People and organisation": an instansi has a tree of units (OPD, bidang, seksi); with the
  // unit path from personnel, every ancestor unit gets the employee, each once.
  it('counts the employee at every unit of the path from the instansi down, each once', () => {
    const placement = { ...karawang, unitId: 'seksi-1', unitPath: ['krw', 'opd-1', 'bidang-1', 'seksi-1'] };
    const deltas = summaryDeltas(null, { placement, gaps: [gap('M.1', 3, 2)] });
    expect(deltas.filter((d) => d.scope === 'UNIT').map((d) => `${d.scopeKey}:${d.assessedEmployees}`)).toEqual(['seksi-1:1', 'krw:1', 'opd-1:1', 'bidang-1:1']);
  });

  it('a move to a sibling bidang leaves the shared ancestors alone', () => {
    const gaps = [gap('M.1', 3, 2)];
    const from = { ...karawang, unitId: 'seksi-1', unitPath: ['krw', 'opd-1', 'bidang-1', 'seksi-1'] };
    const to = { ...karawang, unitId: 'seksi-2', unitPath: ['krw', 'opd-1', 'bidang-2', 'seksi-2'] };
    expect(summaryDeltas({ placement: from, gaps }, { placement: to, gaps }).map((d) => `${d.scope}:${d.scopeKey}:${d.assessedEmployees}`).sort()).toEqual([
      'UNIT:bidang-1:-1',
      'UNIT:bidang-2:1',
      'UNIT:seksi-1:-1',
      'UNIT:seksi-2:1',
    ]);
  });

  it('without a path (an older producer) counts at the unit and the instansi only', () => {
    const deltas = summaryDeltas(null, { placement: { ...karawang, unitPath: [] }, gaps: [gap('M.1', 3, 2)] });
    expect(deltas.filter((d) => d.scope === 'UNIT').map((d) => d.scopeKey)).toEqual(['u-1', 'krw']);
  });

  it('an unchanged employee writes nothing', () => {
    const side = { placement: karawang, gaps: [gap('M.1', 3, 2)] };
    expect(summaryDeltas(side, side)).toEqual([]);
  });

  it('retirement removes the employee everywhere', () => {
    const deltas = summaryDeltas({ placement: karawang, gaps: [gap('M.1', 3, 3.5)] }, null);
    expect(deltas).toHaveLength(5);
    for (const delta of deltas) expect(delta).toMatchObject({ assessedEmployees: -1, belowStandard: 0, gapSumHundredths: -50 });
  });
});
