// The competency subgraph against real PostgreSQL (fresh database), real Kafka (personnel.employee.v1
// events on a suite topic) and real Keycloak tokens of the demo users (docs/conventions.md).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmployeeChange, topics } from '@kinerja/proto';
import { startHarness, type GraphQLResult, type Harness, type TestEmployee } from '../support/harness.ts';

const CODES = ['M.1', 'M.2', 'M.3', 'M.4', 'M.5', 'M.6', 'M.7', 'M.8', 'SK.1'];
/** DOMAIN.md worked example: nine competencies required at 3, assessed Σ 26.66 → JPM 98.74. */
const workedExample = CODES.map((competency) => ({ competency, score: competency === 'SK.1' ? 2.66 : 3, evidence: `Bukti ${competency}` }));

// karawang.pegawai and karawang.atasan carry these NIPs in the realm.
const pegawai: TestEmployee = { employeeId: 'emp-krw-pegawai', nip: '199001152015032001', regionCode: '32.15', unitId: 'unit-krw-bkpsdm', instansiId: 'inst-krw', jenisJabatan: 'ADMINISTRATOR', positionId: 'pos-krw-kabid', supervisorId: 'emp-krw-atasan' };
const atasan: TestEmployee = { employeeId: 'emp-krw-atasan', nip: '197805122003121003', regionCode: '32.15', unitId: 'unit-krw-bkpsdm', instansiId: 'inst-krw', jenisJabatan: 'JPT_PRATAMA', positionId: 'pos-krw-kaban' };
const krwStaff: TestEmployee = { employeeId: 'emp-krw-staff', nip: '199502102020121002', regionCode: '32.15', unitId: 'unit-krw-seksi', instansiId: 'inst-krw', jenisJabatan: 'PELAKSANA', positionId: 'pos-krw-staff', supervisorId: 'emp-krw-pegawai' };
const bekasi: TestEmployee = { employeeId: 'emp-bks-1', nip: '198803032010011001', regionCode: '32.16', unitId: 'unit-bks-1', instansiId: 'inst-bks', jenisJabatan: 'ADMINISTRATOR', positionId: 'pos-bks-kabid' };
const banten: TestEmployee = { employeeId: 'emp-btn-1', nip: '198704042011012002', regionCode: '36.03', unitId: 'unit-btn-1', instansiId: 'inst-btn', jenisJabatan: 'ADMINISTRATOR', positionId: 'pos-btn-kabid' };

const ASSESSMENT_FIELDS = 'id assessmentId version status jpm category missingCompetencies scores { competency { code } score evidence }';

let h: Harness;

function errorOf(result: GraphQLResult): { code: unknown; reason: unknown } {
  const error = result.errors?.[0];
  return { code: error?.extensions?.['code'], reason: error?.extensions?.['reason'] };
}

async function counts(): Promise<Record<string, number>> {
  const [row] = await h.sql<Record<string, number>>(`select
    (select count(*)::int from assessment) as assessments,
    (select count(*)::int from assessment_score) as scores,
    (select count(*)::int from outbox_event) as outbox,
    (select count(*)::int from employee_gap) as gaps,
    (select coalesce(sum(assessed_employees), 0)::int from competency_gap_summary) as summary,
    (select count(*)::int from competency_standard) as standards,
    (select count(*)::int from training_programme) as programmes`);
  return row as Record<string, number>;
}

async function scoresSnapshot(): Promise<string> {
  const rows = await h.sql<{ s: string | null }>(`select string_agg(a.id::text || ':' || a.status || ':' || coalesce(s.competency_code, '') || '=' || coalesce(s.score::text, ''), ',' order by a.id, s.competency_code) as s
    from assessment a left join assessment_score s on s.assessment_id = a.id`);
  return rows[0]?.s ?? '';
}

async function createAssessment(username: string, employeeId: string, scores: unknown[] | null, assessedOn = '2025-03-10'): Promise<GraphQLResult> {
  return h.gql(await h.token(username), `mutation ($input: CreateAssessmentInput!) { createAssessment(input: $input) { ${ASSESSMENT_FIELDS} } }`, {
    input: { employeeId, method: 'ASSESSMENT_CENTER', assessedOn, scores },
  });
}

async function act(username: string, mutation: 'submitAssessment' | 'finaliseAssessment', id: string): Promise<GraphQLResult> {
  return h.gql(await h.token(username), `mutation ($id: ID!) { ${mutation}(id: $id) { ${ASSESSMENT_FIELDS} } }`, { id });
}

async function regionGaps(username: string, code: string, competency?: string): Promise<GraphQLResult> {
  return h.gql(
    await h.token(username),
    `query ($reps: [_Any!]!, $competency: String) { _entities(representations: $reps) { ... on Region { code competencyGaps(competency: $competency) {
      competency { code } assessedEmployees employeesBelowStandard averageGap averageShortfall byNeedLevel { level employees } } } } }`,
    { reps: [{ __typename: 'Region', code }], competency },
  );
}

type GapRow = { competency: { code: string }; assessedEmployees: number; employeesBelowStandard: number; averageGap: number | null; byNeedLevel: { level: number; employees: number }[] };

function gapsOf(result: GraphQLResult): GapRow[] {
  const entities = (result.data?.['_entities'] ?? []) as { competencyGaps: GapRow[] }[];
  return entities[0]?.competencyGaps ?? [];
}

let finalisedId = '';

beforeAll(async () => {
  h = await startHarness('competency');
  const events: string[] = [];
  for (const employee of [atasan, pegawai, krwStaff, bekasi, banten]) events.push(await h.publishEmployee(employee, EmployeeChange.HIRED));
  for (const id of events) await h.processed(id);
}, 120_000);

afterAll(async () => {
  await h?.stop();
});

describe('read model from personnel.employee.v1', () => {
  it('holds each published employee with position type, unit and region', async () => {
    const rows = await h.sql<{ employee_id: string; jenis_jabatan: string; region_code: string }>('select employee_id, jenis_jabatan, region_code from employee');
    expect(rows.map((r) => `${r.employee_id}:${r.jenis_jabatan}:${r.region_code}`).sort()).toEqual([
      'emp-bks-1:ADMINISTRATOR:32.16',
      'emp-btn-1:ADMINISTRATOR:36.03',
      'emp-krw-atasan:JPT_PRATAMA:32.15',
      'emp-krw-pegawai:ADMINISTRATOR:32.15',
      'emp-krw-staff:PELAKSANA:32.15',
    ]);
  });
});

describe('an employee with no finalised assessment yet', () => {
  it('has a profile with the standard and no assessment, not an error', async () => {
    const result = await h.gql(
      await h.token('karawang.admin'),
      `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Employee { competencyProfile { jpm latestAssessment { id } gaps { gap } } } } }`,
      { reps: [{ __typename: 'Employee', id: krwStaff.employeeId }] },
    );
    expect(result.errors).toBeUndefined();
    const profile = (result.data?.['_entities'] as { competencyProfile: Record<string, unknown> | null }[])[0]?.competencyProfile;
    expect(profile?.['jpm'] ?? null).toBeNull();
    expect(profile?.['latestAssessment'] ?? null).toBeNull();
  });
});

describe('dictionary', () => {
  it('serves M.1–M.8 and SK.1 with five levels of indicators to any signed-in user', async () => {
    const result = await h.gql(await h.token('karawang.pegawai'), '{ competencies { code name levels { level indicators } } }');
    const list = result.data?.['competencies'] as { code: string; name: string; levels: { level: number; indicators: string[] }[] }[];
    expect(list.map((c) => c.code)).toEqual(CODES);
    expect(list[0]?.name).toBe('Integritas');
    expect(list.every((c) => c.levels.length === 5 && c.levels.every((l) => l.indicators.length > 0))).toBe(true);
  });

  it('refuses a request without a token with 401', async () => {
    const result = await h.gql(null, '{ competencies { code } }');
    expect(result.status).toBe(401);
  });
});

describe('assessment lifecycle (karawang.asesor)', () => {
  it('creates, submits and finalises: JPM 98.74 (DOMAIN.md worked example), gaps, summaries and one outbox event', async () => {
    const created = await createAssessment('karawang.asesor', pegawai.employeeId, workedExample);
    expect(created.errors).toBeUndefined();
    const draft = created.data?.['createAssessment'] as { id: string; status: string; missingCompetencies: string[] };
    expect(draft).toMatchObject({ status: 'DRAFT', missingCompetencies: [] });
    expect((await act('karawang.asesor', 'submitAssessment', draft.id)).data?.['submitAssessment']).toMatchObject({ status: 'SUBMITTED' });
    const finalised = await act('karawang.asesor', 'finaliseAssessment', draft.id);
    expect(finalised.errors).toBeUndefined();
    expect(finalised.data?.['finaliseAssessment']).toMatchObject({ status: 'FINALISED', jpm: 98.74, category: 'OPTIMAL', version: 1 });
    finalisedId = draft.id;

    const outbox = await h.sql<{ topic: string; key: string; type: string }>('select topic, key, type from outbox_event');
    expect(outbox).toEqual([{ topic: topics.competencyAssessment, key: pegawai.employeeId, type: 'AssessmentFinalised' }]);

    const gaps = gapsOf(await regionGaps('karawang.diklat', '32.15'));
    expect(gaps).toHaveLength(9);
    expect(gaps.find((g) => g.competency.code === 'SK.1')).toMatchObject({ assessedEmployees: 1, employeesBelowStandard: 1, averageGap: -0.34 });
    expect(gaps.find((g) => g.competency.code === 'SK.1')?.byNeedLevel.find((l) => l.level === 3)?.employees).toBe(1);
    expect(gaps.find((g) => g.competency.code === 'M.1')).toMatchObject({ assessedEmployees: 1, employeesBelowStandard: 0, averageGap: 0 });
    // The same counts roll up to the province and the nation.
    expect(gapsOf(await regionGaps('jabar.analis', '32', 'SK.1'))).toEqual([expect.objectContaining({ assessedEmployees: 1, employeesBelowStandard: 1 })]);
    expect(gapsOf(await regionGaps('nasional.analis', 'ID', 'SK.1'))).toEqual([expect.objectContaining({ assessedEmployees: 1 })]);
  });

  it('shows the profile to the employee herself, with the training need and its programme', async () => {
    const result = await h.gql(
      await h.token('karawang.pegawai'),
      `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Employee { competencyProfile {
        jenisJabatan jpm category categoryLabel talentPotential standard { source levels { competency { code } level } }
        latestAssessment { id } gaps { competency { code } required assessed gap }
        trainingNeeds { competency { code } gap programme { code targetLevel hours } hours } } } } }`,
      { reps: [{ __typename: 'Employee', id: pegawai.employeeId }] },
    );
    expect(result.errors).toBeUndefined();
    const profile = (result.data?.['_entities'] as { competencyProfile: Record<string, unknown> }[])[0]?.competencyProfile;
    expect(profile).toMatchObject({ jenisJabatan: 'ADMINISTRATOR', jpm: 98.74, category: 'OPTIMAL', categoryLabel: 'Optimal', talentPotential: 'HIGH', latestAssessment: { id: finalisedId } });
    expect((profile?.['standard'] as { source: string }).source).toBe('NATIONAL');
    expect(profile?.['gaps']).toContainEqual({ competency: { code: 'SK.1' }, required: 3, assessed: 2.66, gap: -0.34 });
    expect(profile?.['trainingNeeds']).toEqual([{ competency: { code: 'SK.1' }, gap: -0.34, programme: { code: 'NAS-SK1-L3', targetLevel: 3, hours: 24 }, hours: 24 }]);
  });

  it('hides the profile from a viewer outside the region', async () => {
    const result = await h.gql(await h.token('banten.analis'), `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Employee { competencyProfile { jpm } } } }`, {
      reps: [{ __typename: 'Employee', id: pegawai.employeeId }],
    });
    expect(errorOf(result)).toEqual({ code: 'FORBIDDEN', reason: 'employee_out_of_scope' });
  });

  it('keeps a finalised assessment immutable and corrects it as a new version that supersedes it', async () => {
    const before = await counts();
    const update = await h.gql(await h.token('karawang.asesor'), 'mutation ($id: ID!, $s: [CompetencyScoreInput!]!) { updateAssessmentScores(id: $id, scores: $s) { id } }', {
      id: finalisedId,
      s: [{ competency: 'SK.1', score: 3 }],
    });
    expect(errorOf(update)).toEqual({ code: 'CONFLICT', reason: 'assessment_finalised' });
    expect(await counts()).toEqual(before);

    const correction = await h.gql(await h.token('karawang.asesor'), `mutation ($id: ID!) { correctAssessment(id: $id, reason: "Salah input SK.1") { ${ASSESSMENT_FIELDS} corrects { id } } }`, { id: finalisedId });
    const corrected = correction.data?.['correctAssessment'] as { id: string; version: number; status: string; assessmentId: string; corrects: { id: string } };
    expect(corrected).toMatchObject({ version: 2, status: 'DRAFT', assessmentId: finalisedId, corrects: { id: finalisedId } });
    const again = await h.gql(await h.token('karawang.asesor'), 'mutation ($id: ID!) { correctAssessment(id: $id, reason: "lagi") { id } }', { id: finalisedId });
    expect(errorOf(again)).toEqual({ code: 'CONFLICT', reason: 'correction_exists' });

    await h.gql(await h.token('karawang.asesor'), 'mutation ($id: ID!, $s: [CompetencyScoreInput!]!) { updateAssessmentScores(id: $id, scores: $s) { id } }', {
      id: corrected.id,
      s: [{ competency: 'SK.1', score: 2.5 }],
    });
    await act('karawang.asesor', 'submitAssessment', corrected.id);
    const finalised = await act('karawang.asesor', 'finaliseAssessment', corrected.id);
    expect(finalised.data?.['finaliseAssessment']).toMatchObject({ status: 'FINALISED', version: 2, jpm: 98.15 });

    const history = await h.gql(await h.token('karawang.asesor'), `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Employee { competencyAssessments { id version status } } } }`, {
      reps: [{ __typename: 'Employee', id: pegawai.employeeId }],
    });
    const versions = (history.data?.['_entities'] as { competencyAssessments: { version: number; status: string }[] }[])[0]?.competencyAssessments;
    expect(versions?.map((v) => `${v.version}:${v.status}`).sort()).toEqual(['1:FINALISED', '2:FINALISED']);
    // Summaries replaced the employee's contribution instead of adding a second one.
    expect(gapsOf(await regionGaps('karawang.diklat', '32.15', 'SK.1'))).toEqual([expect.objectContaining({ assessedEmployees: 1, employeesBelowStandard: 1, averageGap: -0.5 })]);
  });
});

describe('bad inputs change nothing and publish nothing', () => {
  const cases: { name: string; user: string; employeeId: string; scores: unknown[] | null; assessedOn?: string; code: string; reason: string }[] = [
    { name: 'score above 5', user: 'karawang.asesor', employeeId: krwStaff.employeeId, scores: [{ competency: 'M.1', score: 5.5 }], code: 'BAD_USER_INPUT', reason: 'score_out_of_range' },
    { name: 'score below 1', user: 'karawang.asesor', employeeId: krwStaff.employeeId, scores: [{ competency: 'M.1', score: 0.5 }], code: 'BAD_USER_INPUT', reason: 'score_out_of_range' },
    { name: 'three decimals', user: 'karawang.asesor', employeeId: krwStaff.employeeId, scores: [{ competency: 'M.1', score: 2.125 }], code: 'BAD_USER_INPUT', reason: 'score_precision' },
    { name: 'unknown competency', user: 'karawang.asesor', employeeId: krwStaff.employeeId, scores: [{ competency: 'M.9', score: 3 }], code: 'BAD_USER_INPUT', reason: 'unknown_competency' },
    { name: 'employee in another regency', user: 'karawang.asesor', employeeId: bekasi.employeeId, scores: null, code: 'FORBIDDEN', reason: 'employee_out_of_scope' },
    { name: 'employee in another province', user: 'jabar.admin', employeeId: banten.employeeId, scores: null, code: 'FORBIDDEN', reason: 'employee_out_of_scope' },
    { name: 'unknown employee', user: 'karawang.asesor', employeeId: 'emp-unknown', scores: null, code: 'NOT_FOUND', reason: 'employee_not_found' },
    { name: 'a role that may not assess', user: 'karawang.diklat', employeeId: krwStaff.employeeId, scores: null, code: 'FORBIDDEN', reason: 'missing_role' },
    { name: 'a date in the future', user: 'karawang.asesor', employeeId: krwStaff.employeeId, scores: null, assessedOn: '2999-01-01', code: 'BAD_USER_INPUT', reason: 'date_in_future' },
    { name: 'not a date', user: 'karawang.asesor', employeeId: krwStaff.employeeId, scores: null, assessedOn: '2025-02-30', code: 'BAD_USER_INPUT', reason: 'invalid_date' },
  ];
  it.each(cases)('createAssessment: $name', async ({ user, employeeId, scores, assessedOn, code, reason }) => {
    const before = await counts();
    const result = await createAssessment(user, employeeId, scores, assessedOn);
    expect(errorOf(result)).toEqual({ code, reason });
    expect(result.errors?.[0]?.message).toMatch(/\S/);
    expect(await counts()).toEqual(before);
  });

  it('updateAssessmentScores with a bad score leaves the draft as it was', async () => {
    const draft = (await createAssessment('karawang.asesor', krwStaff.employeeId, [{ competency: 'M.1', score: 2 }])).data?.['createAssessment'] as { id: string };
    const before = await scoresSnapshot();
    for (const [scores, reason] of [
      [[{ competency: 'M.1', score: 4 }, { competency: 'M.2', score: 6 }], 'score_out_of_range'],
      [[{ competency: 'X.1', score: 3 }], 'unknown_competency'],
    ] as const) {
      const result = await h.gql(await h.token('karawang.asesor'), 'mutation ($id: ID!, $s: [CompetencyScoreInput!]!) { updateAssessmentScores(id: $id, scores: $s) { id } }', { id: draft.id, s: scores });
      expect(errorOf(result)).toEqual({ code: 'BAD_USER_INPUT', reason });
    }
    const outside = await h.gql(await h.token('banten.analis'), 'mutation ($id: ID!, $s: [CompetencyScoreInput!]!) { updateAssessmentScores(id: $id, scores: $s) { id } }', { id: draft.id, s: [{ competency: 'M.1', score: 4 }] });
    expect(errorOf(outside)).toEqual({ code: 'FORBIDDEN', reason: 'missing_role' });
    const otherRegionAdmin = await h.gql(await h.token('jabar.admin'), 'mutation ($id: ID!) { submitAssessment(id: $id) { id } }', { id: '00000000-0000-4000-8000-000000000000' });
    expect(errorOf(otherRegionAdmin)).toEqual({ code: 'NOT_FOUND', reason: 'assessment_not_found' });
    expect(await scoresSnapshot()).toBe(before);
  });

  it('finalising or submitting an incomplete assessment names what is missing and changes nothing', async () => {
    const draft = (await createAssessment('karawang.asesor', krwStaff.employeeId, [{ competency: 'M.1', score: 2 }, { competency: 'M.2', score: 2 }])).data?.['createAssessment'] as { id: string };
    const before = await counts();
    for (const mutation of ['finaliseAssessment', 'submitAssessment'] as const) {
      const result = await act('karawang.asesor', mutation, draft.id);
      expect(errorOf(result)).toEqual({ code: 'BAD_USER_INPUT', reason: 'incomplete_assessment' });
      expect(result.errors?.[0]?.extensions?.['missingCompetencies']).toEqual(CODES.slice(2));
    }
    expect(await counts()).toEqual(before);
    const [row] = await h.sql<{ status: string }>('select status from assessment where id = ?', [draft.id]);
    expect(row?.status).toBe('DRAFT');
  });

  it('a complete draft cannot skip submission', async () => {
    const draft = (await createAssessment('karawang.asesor', krwStaff.employeeId, workedExample)).data?.['createAssessment'] as { id: string };
    const before = await counts();
    expect(errorOf(await act('karawang.asesor', 'finaliseAssessment', draft.id))).toEqual({ code: 'CONFLICT', reason: 'assessment_not_submitted' });
    expect(await counts()).toEqual(before);
  });

  it('setCompetencyStandard refuses bad levels, foreign instansi and a regional admin changing the national default', async () => {
    const levels = (level: number) => CODES.map((competency) => ({ competency, level }));
    const before = await counts();
    const attempts: [string, Record<string, unknown>, string, string][] = [
      ['karawang.admin', { instansiId: 'inst-krw', jenisJabatan: 'ADMINISTRATOR', effectiveFrom: '2025-01-01', levels: levels(6) }, 'BAD_USER_INPUT', 'level_out_of_range'],
      ['karawang.admin', { instansiId: 'inst-krw', jenisJabatan: 'ADMINISTRATOR', effectiveFrom: '2025-01-01', levels: levels(3).slice(1) }, 'BAD_USER_INPUT', 'incomplete_standard'],
      ['karawang.admin', { instansiId: 'inst-bks', jenisJabatan: 'ADMINISTRATOR', effectiveFrom: '2025-01-01', levels: levels(3) }, 'FORBIDDEN', 'region_out_of_scope'],
      ['jabar.admin', { jenisJabatan: 'ADMINISTRATOR', effectiveFrom: '2025-01-01', levels: levels(3) }, 'FORBIDDEN', 'national_scope_required'],
      ['karawang.asesor', { instansiId: 'inst-krw', jenisJabatan: 'ADMINISTRATOR', effectiveFrom: '2025-01-01', levels: levels(3) }, 'FORBIDDEN', 'missing_role'],
      ['karawang.admin', { instansiId: 'inst-krw', effectiveFrom: '2025-01-01', levels: levels(3) }, 'BAD_USER_INPUT', 'standard_target_missing'],
    ];
    for (const [user, input, code, reason] of attempts) {
      const result = await h.gql(await h.token(user), 'mutation ($input: SetCompetencyStandardInput!) { setCompetencyStandard(input: $input) { id } }', { input });
      expect(errorOf(result)).toEqual({ code, reason });
    }
    expect(await counts()).toEqual(before);
  });

  it('training programmes: bad fields and wrong roles are refused', async () => {
    const before = await counts();
    const attempts: [string, Record<string, unknown>, string, string][] = [
      ['karawang.diklat', { code: 'KRW-X', name: 'Pelatihan X', competency: 'M.10', targetLevel: 3, hours: 24, deliveryMode: 'KLASIKAL' }, 'BAD_USER_INPUT', 'unknown_competency'],
      ['karawang.diklat', { code: 'KRW-X', name: 'Pelatihan X', competency: 'M.1', targetLevel: 7, hours: 24, deliveryMode: 'KLASIKAL' }, 'BAD_USER_INPUT', 'level_out_of_range'],
      ['karawang.diklat', { code: 'KRW-X', name: 'Pelatihan X', competency: 'M.1', targetLevel: 3, hours: 0, deliveryMode: 'KLASIKAL' }, 'BAD_USER_INPUT', 'invalid_hours'],
      ['karawang.diklat', { code: 'NAS-M1-L3', name: 'Duplikat', competency: 'M.1', targetLevel: 3, hours: 24, deliveryMode: 'KLASIKAL' }, 'CONFLICT', 'programme_code_taken'],
      ['karawang.pegawai', { code: 'KRW-X', name: 'Pelatihan X', competency: 'M.1', targetLevel: 3, hours: 24, deliveryMode: 'KLASIKAL' }, 'FORBIDDEN', 'missing_role'],
    ];
    for (const [user, input, code, reason] of attempts) {
      const result = await h.gql(await h.token(user), 'mutation ($input: CreateTrainingProgrammeInput!) { createTrainingProgramme(input: $input) { id } }', { input });
      expect(errorOf(result)).toEqual({ code, reason });
    }
    const [national] = await h.sql<{ id: string }>("select id from training_programme where code = 'NAS-M1-L3'");
    const update = await h.gql(await h.token('karawang.diklat'), 'mutation ($id: ID!) { updateTrainingProgramme(id: $id, input: { hours: 10 }) { id } }', { id: national?.id });
    expect(errorOf(update)).toEqual({ code: 'FORBIDDEN', reason: 'programme_out_of_scope' });
    expect(await counts()).toEqual(before);
  });
});

describe('a position change published by personnel', () => {
  it('changes that employee’s gaps exactly once, even when the event is delivered twice', async () => {
    // Before: Administrator (level 3), SK.1 assessed 2.50 → one employee below standard in 32.15.
    expect(gapsOf(await regionGaps('karawang.diklat', '32.15', 'SK.1'))).toEqual([expect.objectContaining({ assessedEmployees: 1, employeesBelowStandard: 1 })]);
    const demoted: TestEmployee = { ...pegawai, jenisJabatan: 'PENGAWAS', positionId: 'pos-krw-kasubbid' };
    const eventId = await h.publishEmployee(demoted, EmployeeChange.POSITION_CHANGED);
    await h.processed(eventId);
    const afterFirst = await h.sql<{ competency_code: string; required: number; gap: string }>("select competency_code, required, gap from employee_gap where employee_id = ? and competency_code = 'SK.1'", [pegawai.employeeId]);
    expect(afterFirst).toEqual([{ competency_code: 'SK.1', required: 2, gap: '0.50' }]);
    const summaryAfterFirst = await h.sql('select scope, scope_key, competency_code, assessed_employees, below_standard, gap_sum from competency_gap_summary order by 1, 2, 3');

    // Redeliver the same event, then a marker on the same key (same partition, so it is consumed after it).
    await h.publishEmployee(demoted, EmployeeChange.POSITION_CHANGED, eventId);
    await h.processed(await h.publishEmployee(demoted, EmployeeChange.SUPERVISOR_SET));

    expect(await h.sql('select scope, scope_key, competency_code, assessed_employees, below_standard, gap_sum from competency_gap_summary order by 1, 2, 3')).toEqual(summaryAfterFirst);
    const [processedRows] = await h.sql<{ n: number }>('select count(*)::int as n from processed_event where event_id = ?', [eventId]);
    expect(processedRows?.n).toBe(1);
    expect(gapsOf(await regionGaps('karawang.diklat', '32.15', 'SK.1'))).toEqual([
      expect.objectContaining({ assessedEmployees: 1, employeesBelowStandard: 0, averageGap: 0.5 }),
    ]);
    expect(gapsOf(await regionGaps('nasional.analis', 'ID', 'SK.1'))).toEqual([expect.objectContaining({ assessedEmployees: 1, employeesBelowStandard: 0 })]);
  });
});

describe('training needs for a planner of regency 32.15 (karawang.diklat)', () => {
  beforeAll(async () => {
    // One need in Karawang (the staff member, Pelaksana level 1 is always met, so an instansi standard
    // raises it to 2) and one in Bekasi, assessed by the province's admin.
    const levels = CODES.map((competency) => ({ competency, level: 2 }));
    const standard = await h.gql(await h.token('karawang.admin'), 'mutation ($input: SetCompetencyStandardInput!) { setCompetencyStandard(input: $input) { id source } }', {
      input: { instansiId: 'inst-krw', jenisJabatan: 'PELAKSANA', effectiveFrom: '2024-01-01', levels },
    });
    expect(standard.errors).toBeUndefined();
    for (const employee of [krwStaff, bekasi]) {
      const created = await createAssessment('jabar.admin', employee.employeeId, CODES.map((competency) => ({ competency, score: competency === 'M.3' ? 1.5 : 2 })));
      const id = (created.data?.['createAssessment'] as { id: string }).id;
      await act('jabar.admin', 'submitAssessment', id);
      expect((await act('jabar.admin', 'finaliseAssessment', id)).errors).toBeUndefined();
    }
  });

  it('lists only the regency’s needs, with the suggested programme, and refuses wider or other regions', async () => {
    const token = await h.token('karawang.diklat');
    const query = `query ($regionCode: String, $first: Int, $after: String) {
      trainingNeeds(regionCode: $regionCode, first: $first, after: $after) { edges { cursor node { employee { id } competency { code } required assessed gap programme { code } hours } } pageInfo { hasNextPage endCursor } }
      trainingNeedsSummary(regionCode: $regionCode) { people needs hours needsWithoutProgramme byCompetency { competency { code } people hours } } }`;
    const result = await h.gql(token, query, {});
    expect(result.errors).toBeUndefined();
    const edges = (result.data?.['trainingNeeds'] as { edges: { node: { employee: { id: string }; competency: { code: string }; gap: number; programme: { code: string } | null; hours: number } }[] }).edges;
    expect(edges.map((e) => `${e.node.employee.id}:${e.node.competency.code}:${e.node.gap}:${e.node.programme?.code}:${e.node.hours}`)).toEqual([
      'emp-krw-staff:M.3:-0.5:NAS-M3-L2:20',
    ]);
    expect(result.data?.['trainingNeedsSummary']).toEqual({ people: 1, needs: 1, hours: 20, needsWithoutProgramme: 0, byCompetency: [{ competency: { code: 'M.3' }, people: 1, hours: 20 }] });

    for (const regionCode of ['32', '36', '32.16']) {
      expect(errorOf(await h.gql(token, query, { regionCode }))).toEqual({ code: 'FORBIDDEN', reason: 'region_out_of_scope' });
    }
    // The province sees both regencies (Bekasi's Administrator is below level 3 on all nine), page by page.
    const province = await h.token('jabar.analis');
    const seen: { employee: string; code: string; gap: number }[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 10; pages += 1) {
      const page = (await h.gql(province, query, { regionCode: '32', first: 4, after })).data?.['trainingNeeds'] as {
        edges: { node: { employee: { id: string }; competency: { code: string }; gap: number } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
      seen.push(...page.edges.map((e) => ({ employee: e.node.employee.id, code: e.node.competency.code, gap: e.node.gap })));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(10);
    expect(new Set(seen.map((row) => `${row.employee}:${row.code}`)).size).toBe(10);
    expect(seen[0]).toEqual({ employee: 'emp-bks-1', code: 'M.3', gap: -1.5 });
    expect(seen.at(-1)).toEqual({ employee: 'emp-krw-staff', code: 'M.3', gap: -0.5 });
    expect(seen.map((row) => row.gap)).toEqual([...seen.map((row) => row.gap)].sort((a, b) => a - b));
    expect(errorOf(await h.gql(province, query, { after: 'not-a-cursor' }))).toEqual({ code: 'BAD_USER_INPUT', reason: 'invalid_cursor' });
  });

  it('exports the same rows as CSV with the same token and scoping', async () => {
    const base = h.server.url.replace(/\/graphql$/, '');
    const token = await h.token('karawang.diklat');
    const response = await fetch(`${base}/exports/training-needs.csv`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await response.text()).trim().split('\r\n');
    expect(lines[0]).toBe('nip,employee_id,region_code,unit_id,competency_code,competency_name,required,assessed,gap,programme_code,programme_name,hours_jp');
    expect(lines.slice(1)).toEqual([`${krwStaff.nip},emp-krw-staff,32.15,unit-krw-seksi,M.3,Komunikasi,2,1.50,-0.50,NAS-M3-L2,Pelatihan Komunikasi Level 2,20`]);
    expect((await fetch(`${base}/exports/training-needs.csv`)).status).toBe(401);
    expect((await fetch(`${base}/exports/training-needs.csv?regionCode=36`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(403);
    expect((await fetch(`${base}/exports/training-needs.csv`, { headers: { authorization: `Bearer ${await h.token('karawang.pegawai')}` } })).status).toBe(403);
  });

  it('summaries of a unit are scoped by where its employees work', async () => {
    const query = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on OrgUnit { id competencyGaps(competency: "M.3") { assessedEmployees employeesBelowStandard } } } }`;
    const own = await h.gql(await h.token('karawang.diklat'), query, { reps: [{ __typename: 'OrgUnit', id: 'inst-krw' }] });
    expect((own.data?.['_entities'] as { competencyGaps: unknown[] }[])[0]?.competencyGaps).toEqual([{ assessedEmployees: 2, employeesBelowStandard: 1 }]);
    const other = await h.gql(await h.token('karawang.diklat'), query, { reps: [{ __typename: 'OrgUnit', id: 'unit-bks-1' }] });
    expect(errorOf(other)).toEqual({ code: 'FORBIDDEN', reason: 'region_out_of_scope' });
  });

  it('resolving many employees’ profiles costs a constant number of SQL statements', async () => {
    const query = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Employee { competencyProfile { jpm gaps { gap } trainingNeeds { programme { code } } } } } }`;
    const token = await h.token('jabar.analis');
    const measure = async (ids: string[]): Promise<number> => {
      h.statements.length = 0;
      const result = await h.gql(token, query, { reps: ids.map((id) => ({ __typename: 'Employee', id })) });
      expect(result.errors).toBeUndefined();
      return h.statements.length;
    };
    const one = await measure([krwStaff.employeeId]);
    const four = await measure([krwStaff.employeeId, bekasi.employeeId, pegawai.employeeId, atasan.employeeId]);
    expect(four).toBe(one);
  });
});
