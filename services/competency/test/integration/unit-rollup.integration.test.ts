// OrgUnit summaries at every ancestor unit: personnel's EmployeeChanged carries unit_path (instansi down
// to the unit), and competency keeps a summary row for each unit on it. Real Kafka events on a suite
// topic, real PostgreSQL, real Keycloak tokens.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmployeeChange } from '@kinerja/proto';
import { startHarness, type GraphQLResult, type Harness, type TestEmployee } from '../support/harness.ts';
import { recount, summaryRows } from '../support/summaries.ts';

const CODES = ['M.1', 'M.2', 'M.3', 'M.4', 'M.5', 'M.6', 'M.7', 'M.8', 'SK.1'];
const scores = CODES.map((competency) => ({ competency, score: competency === 'SK.1' ? 2.5 : 3, evidence: `Bukti ${competency}` }));

const seksi: TestEmployee = {
  employeeId: 'emp-path-1',
  nip: '198506062010011006',
  regionCode: '32.15',
  unitId: 'seksi-1',
  instansiId: 'inst-krw',
  unitPath: ['inst-krw', 'opd-1', 'bidang-1', 'seksi-1'],
  jenisJabatan: 'ADMINISTRATOR',
  positionId: 'pos-path-1',
};
// Published as an older producer would: no unit_path.
const legacy: TestEmployee = { employeeId: 'emp-path-2', nip: '198607072011012007', regionCode: '32.15', unitId: 'unit-legacy', instansiId: 'inst-krw', jenisJabatan: 'ADMINISTRATOR', positionId: 'pos-path-2' };

let h: Harness;

function data<T>(result: GraphQLResult, field: string): T {
  expect(result.errors).toBeUndefined();
  return result.data?.[field] as T;
}

async function finalise(employeeId: string): Promise<void> {
  const token = await h.token('karawang.asesor');
  const draft = data<{ id: string }>(
    await h.gql(token, 'mutation ($input: CreateAssessmentInput!) { createAssessment(input: $input) { id } }', {
      input: { employeeId, method: 'ASSESSMENT_CENTER', assessedOn: '2025-03-10', scores },
    }),
    'createAssessment',
  );
  data(await h.gql(token, 'mutation ($id: ID!) { submitAssessment(id: $id) { id } }', { id: draft.id }), 'submitAssessment');
  data(await h.gql(token, 'mutation ($id: ID!) { finaliseAssessment(id: $id) { id } }', { id: draft.id }), 'finaliseAssessment');
}

/** OrgUnit.competencyGaps(competency: "SK.1") for each unit, as karawang.diklat reads them: [assessed, below]. */
async function unitGaps(unitIds: string[]): Promise<Record<string, number[]>> {
  const result = await h.gql(
    await h.token('karawang.diklat'),
    'query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on OrgUnit { id competencyGaps(competency: "SK.1") { assessedEmployees employeesBelowStandard } } } }',
    { reps: unitIds.map((id) => ({ __typename: 'OrgUnit', id })) },
  );
  const entities = data<{ id: string; competencyGaps: { assessedEmployees: number; employeesBelowStandard: number }[] }[]>(result, '_entities');
  return Object.fromEntries(entities.map((e) => [e.id, e.competencyGaps.map((g) => [g.assessedEmployees, g.employeesBelowStandard]).flat()]));
}

beforeAll(async () => {
  h = await startHarness('unit-rollup');
  const events = [await h.publishEmployee(seksi, EmployeeChange.HIRED), await h.publishEmployee(legacy, EmployeeChange.HIRED)];
  for (const id of events) await h.processed(id);
  await finalise(seksi.employeeId);
  await finalise(legacy.employeeId);
}, 180_000);

afterAll(async () => {
  await h?.stop();
});

describe('summaries at every ancestor unit (EmployeeChanged.unit_path)', () => {
  it('counts an employee at each unit from the instansi down; one without a path at its unit and instansi only', async () => {
    expect(await unitGaps(['inst-krw', 'opd-1', 'bidang-1', 'seksi-1', 'unit-legacy'])).toEqual({
      'inst-krw': [2, 2],
      'opd-1': [1, 1],
      'bidang-1': [1, 1],
      'seksi-1': [1, 1],
      'unit-legacy': [1, 1],
    });
    expect(await summaryRows(h.sql)).toEqual(await recount(h.sql));
  });

  it('a transfer to another bidang moves the counts off the old branch and leaves the shared ancestors alone, once', async () => {
    const moved: TestEmployee = { ...seksi, unitId: 'seksi-2', unitPath: ['inst-krw', 'opd-1', 'bidang-2', 'seksi-2'] };
    const eventId = await h.publishEmployee(moved, EmployeeChange.TRANSFERRED);
    await h.processed(eventId);
    const expected = { 'inst-krw': [2, 2], 'opd-1': [1, 1], 'bidang-1': [0, 0], 'seksi-1': [0, 0], 'bidang-2': [1, 1], 'seksi-2': [1, 1] };
    expect(await unitGaps(Object.keys(expected))).toEqual(expected);
    expect(await summaryRows(h.sql)).toEqual(await recount(h.sql));

    // Redelivered, then a marker on the same key: the counts stay.
    await h.publishEmployee(moved, EmployeeChange.TRANSFERRED, eventId);
    await h.processed(await h.publishEmployee(moved, EmployeeChange.SUPERVISOR_SET));
    expect(await unitGaps(Object.keys(expected))).toEqual(expected);
    expect(await summaryRows(h.sql)).toEqual(await recount(h.sql));
  });
});
