import { describe, expect, it } from 'vitest';
import { combineGapSummaries, regionGapHighlight } from '../src/dashboard/gap-summary.ts';
import { shouldRetryWithoutCompetency } from '../src/graphql/optional-competency.ts';

const m1 = { code: 'M.1', name: 'Integritas' };
const m4 = { code: 'M.4', name: 'Orientasi pada Hasil' };
const sk1 = { code: 'SK.1', name: 'Perekat Bangsa' };

describe('region gap highlight', () => {
  it('picks the most negative average gap and the largest assessed count', () => {
    const highlight = regionGapHighlight([
      { competency: m1, assessedEmployees: 40, employeesBelowStandard: 5, averageGap: -0.2 },
      { competency: m4, assessedEmployees: 40, employeesBelowStandard: 12, averageGap: -0.75 },
      { competency: sk1, assessedEmployees: 38, employeesBelowStandard: 0, averageGap: 0.3 },
    ]);
    expect(highlight.assessedEmployees).toBe(40);
    expect(highlight.largest?.competency.code).toBe('M.4');
  });

  it('has no largest gap when everyone meets the standard or nothing is assessed', () => {
    expect(regionGapHighlight([{ competency: m1, assessedEmployees: 3, employeesBelowStandard: 0, averageGap: 0.1 }]).largest).toBeNull();
    expect(regionGapHighlight(undefined)).toEqual({ assessedEmployees: 0, largest: null });
  });
});

describe('combining child regions into the parent summary', () => {
  it('adds counts and weights the average gap by assessed employees', () => {
    const combined = combineGapSummaries([
      [
        { competency: m4, assessedEmployees: 10, employeesBelowStandard: 4, averageGap: -1 },
        { competency: m1, assessedEmployees: 10, employeesBelowStandard: 1, averageGap: 0 },
      ],
      [{ competency: m4, assessedEmployees: 30, employeesBelowStandard: 6, averageGap: 0 }],
      undefined,
      [{ competency: sk1, assessedEmployees: 0, employeesBelowStandard: 0, averageGap: null }],
    ]);
    expect(combined.map((g) => g.competency.code)).toEqual(['M.1', 'M.4', 'SK.1']);
    expect(combined[1]).toEqual({ competency: m4, assessedEmployees: 40, employeesBelowStandard: 10, averageGap: -0.25 });
    expect(combined[2]?.averageGap).toBeNull();
  });
});

describe('falling back when the competency subgraph fails', () => {
  it.each([
    ['no errors', true, [], true, false],
    ['already without competency', false, [{ message: 'x' }], false, false],
    ['whole result lost', true, [{ message: 'Gagal' }], false, true],
    // What the gateway answered (HTTP 500, masked) with the competency subgraph unreachable.
    [
      'gateway masked error, no data',
      true,
      [{ message: 'Terjadi kesalahan internal pada server', extensions: { code: 'INTERNAL_SERVER_ERROR', reason: 'internal_error' } }],
      false,
      true,
    ],
    ['error on a competency field', true, [{ message: 'x', path: ['regions', 0, 'competencyGaps'] }], true, true],
    ['the gateway names the competency subgraph', true, [{ message: 'x', extensions: { code: 'SUBGRAPH_TIMEOUT', subgraph: 'competency' } }], true, true],
    ['the gateway names another subgraph, data kept', true, [{ message: 'x', extensions: { code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'remuneration' } }], true, false],
    ['personnel error with data kept', true, [{ message: 'x', path: ['regions', 0, 'headcount'] }], true, false],
  ])('%s', (_name, withCompetency, errors, hasData, expected) => {
    expect(shouldRetryWithoutCompetency(withCompetency, errors, hasData)).toBe(expected);
  });
});
