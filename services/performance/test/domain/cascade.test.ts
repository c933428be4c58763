// The cascade (SAKIP: Renstra → Perjanjian Kinerja → sasaran; PermenPANRB 6/2022 intervensi; DOMAIN.md
// "Performance"): goals at the top, every RHK reachable from them, and the share of employees aligned.
import { describe, expect, it } from 'vitest';
import { cascadeTree, coverage, goalLinkProblem, goalProblems } from '../../src/domain/cascade.ts';

describe('organisation goals', () => {
  it.each([
    [{ text: 'Meningkatnya kualitas ASN', indicator: 'Indeks profesionalitas ASN', target: 80, unit: 'indeks' }, []],
    [{ text: 'Meningkatnya kualitas ASN', indicator: 'Indeks profesionalitas ASN', target: null, unit: null }, []],
    [{ text: 'ab', indicator: 'Indeks', target: null, unit: null }, ['invalid_goal_text']],
    [{ text: 'Meningkatnya kualitas ASN', indicator: 'Indeks', target: 0, unit: 'indeks' }, ['invalid_goal_target']],
    [{ text: 'Meningkatnya kualitas ASN', indicator: 'Indeks', target: 80, unit: null }, ['invalid_goal_unit']],
  ] as const)('%o → %o', (input, reasons) => {
    expect(goalProblems(input).map((p) => p.reason)).toEqual(reasons);
  });

  it('links an RHK only to a goal of the owner\'s unit or a unit above, of the same year', () => {
    const owner = { unitPath: ['inst', 'badan', 'bidang'], unitId: 'bidang', year: 2026 };
    expect(goalLinkProblem(owner, { unitId: 'badan', year: 2026 })).toBeNull();
    expect(goalLinkProblem(owner, { unitId: 'bidang', year: 2026 })).toBeNull();
    expect(goalLinkProblem(owner, { unitId: 'lain', year: 2026 })?.reason).toBe('goal_outside_unit');
    expect(goalLinkProblem(owner, { unitId: 'badan', year: 2025 })?.reason).toBe('goal_other_year');
  });
});

describe('cascade tree and coverage', () => {
  const rhk = [
    { id: 'r-kepala', employeeId: 'kepala', supportsRhkId: null, goalId: 'g1' },
    { id: 'r-atasan', employeeId: 'atasan', supportsRhkId: 'r-kepala', goalId: null },
    { id: 'r-pegawai', employeeId: 'pegawai', supportsRhkId: 'r-atasan', goalId: null },
    { id: 'r-lepas', employeeId: 'rekan', supportsRhkId: null, goalId: null },
  ];
  it('walks from the goals down the supports links with the depth of each RHK', () => {
    expect(cascadeTree(['g1'], rhk).map((n) => `${n.rhkId}:${n.parentRhkId ?? '-'}:${n.depth}`)).toEqual(['r-kepala:-:1', 'r-atasan:r-kepala:2', 'r-pegawai:r-atasan:3']);
  });
  it('terminates on a cycle in bad data', () => {
    const cyclic = [...rhk, { id: 'r-x', employeeId: 'x', supportsRhkId: 'r-y', goalId: null }, { id: 'r-y', employeeId: 'y', supportsRhkId: 'r-x', goalId: null }];
    expect(cascadeTree(['g1'], cyclic)).toHaveLength(3);
  });
  it('reports who is not yet aligned', () => {
    expect(coverage(['kepala', 'atasan', 'pegawai', 'rekan'], cascadeTree(['g1'], rhk))).toEqual({ employees: 4, aligned: 3, share: 0.75, notAligned: ['rekan'] });
  });
});
