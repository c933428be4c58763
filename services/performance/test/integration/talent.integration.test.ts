// Talent 9-box (PermenPANRB 3/2020): the annual predikat (performance axis) and competency's latest
// finalised assessment from competency.assessment.v1 (potential axis), per employee and counted per box.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayWib } from '../../src/domain/periods.ts';
import { startHarness, type Harness } from '../support/harness.ts';
import { atasan, bekasi, kepala, pegawai, rekan } from '../support/people.ts';
import { approvedSkpFixture, call, errorOf } from '../support/skp-fixtures.ts';

const YEAR = Number(todayWib().slice(0, 4));
let h: Harness;

const boxOf = async (user: string) => {
  const result = await call(h, user, `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Employee { talentBox(year: ${YEAR}) { box performance potential predikat jpm category followUp { kind } } } } }`, {
    reps: [{ __typename: 'Employee', id: pegawai.employeeId }],
  });
  expect(result.errors).toBeUndefined();
  return (result.data?.['_entities'] as { talentBox: Record<string, unknown> | null }[])[0]!.talentBox;
};

beforeAll(async () => {
  h = await startHarness('talent');
  const events: string[] = [];
  for (const employee of [kepala, atasan, pegawai, rekan, bekasi]) events.push(await h.publishEmployee(employee));
  for (const id of events) await h.processed(id);
  for (const employee of [pegawai, rekan]) {
    const { skpId } = await approvedSkpFixture(h, employee.employeeId, YEAR, employee.positionId);
    const rated = await call(h, 'karawang.atasan', 'mutation ($s: ID!, $h: RatingLevel!) { rateEvaluation(skpId: $s, period: "ANNUAL", hasilKerja: $h, perilakuKerja: DI_ATAS_EKSPEKTASI) { predikat } }', {
      s: skpId,
      h: employee === pegawai ? 'DI_ATAS_EKSPEKTASI' : 'SESUAI_EKSPEKTASI',
    });
    expect(rated.errors).toBeUndefined();
  }
}, 120_000);

afterAll(async () => {
  await h?.stop();
});

describe('talent 9-box', () => {
  it('is null until a competency assessment is known, then box 9 for Sangat Baik with an Optimal category', async () => {
    expect(await boxOf('karawang.pegawai')).toBeNull();
    await h.processed(await h.publishAssessment({ assessmentId: 'asm-1', employeeId: pegawai.employeeId, version: 1, assessedOn: `${YEAR}-03-10`, jpm: 92.5, category: 'OPTIMAL' }));
    expect(await boxOf('karawang.atasan')).toEqual({ box: 9, performance: 'DI_ATAS', potential: 'HIGH', predikat: 'SANGAT_BAIK', jpm: 92.5, category: 'OPTIMAL', followUp: { kind: 'PROMOSI' } });
  });

  it('keeps the latest assessment: an older one is ignored, a correction of the same one applies', async () => {
    await h.processed(await h.publishAssessment({ assessmentId: 'asm-0', employeeId: pegawai.employeeId, version: 1, assessedOn: `${YEAR - 2}-05-01`, jpm: 60, category: 'KURANG_OPTIMAL' }));
    expect(await boxOf('karawang.pegawai')).toMatchObject({ box: 9 });
    await h.processed(await h.publishAssessment({ assessmentId: 'asm-1', employeeId: pegawai.employeeId, version: 2, assessedOn: `${YEAR}-03-10`, jpm: 85, category: 'CUKUP_OPTIMAL' }));
    expect(await boxOf('karawang.pegawai')).toMatchObject({ box: 7, potential: 'MEDIUM', followUp: { kind: 'ROTASI' } });
  });

  it('counts a unit\'s and a region\'s employees per box, those without an assessment apart', async () => {
    const fields = `talentMatrix(year: ${YEAR}) { boxes { box employees followUp { kind } } withoutPotential }`;
    const unit = await call(h, 'karawang.admin', `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on OrgUnit { ${fields} } } }`, { reps: [{ __typename: 'OrgUnit', id: pegawai.unitId }] });
    const region = await call(h, 'jabar.analis', `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Region { ${fields} } } }`, { reps: [{ __typename: 'Region', code: '32' }] });
    for (const result of [unit, region]) {
      expect(result.errors).toBeUndefined();
      const matrix = (result.data?.['_entities'] as { talentMatrix: { boxes: { box: number; employees: number }[]; withoutPotential: number } }[])[0]!.talentMatrix;
      expect(matrix.boxes.map((b) => b.box)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
      expect(matrix.boxes.filter((b) => b.employees > 0)).toEqual([{ box: 7, employees: 1, followUp: { kind: 'ROTASI' } }]);
      expect(matrix.withoutPotential).toBe(1);
    }
    expect(errorOf(await call(h, 'banten.analis', `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Region { ${fields} } } }`, { reps: [{ __typename: 'Region', code: '32' }] }))).toEqual({
      code: 'FORBIDDEN',
      reason: 'region_out_of_scope',
    });
  });
});
