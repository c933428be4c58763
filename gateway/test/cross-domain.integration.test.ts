// Issue 4 "Done means" end to end: through the gateway, with the real personnel and competency subgraph
// processes (each on a fresh database), the real personnel.employee.v1 topic and real Keycloak tokens.
// An HR admin of Karawang (32.15) hires; competency learns the employees from personnel's events; the
// assessor assesses them; the regency's diklat planner reads personnel and competency fields in one
// operation and sees exactly the numbers the assessments imply, and nothing outside 32.15; a promotion
// recorded in personnel changes that employee's gaps in competency, once, even when the event comes twice.
import { fileURLToPath } from 'node:url';
import { keycloakAvailable, keycloakRealmUrl, passwordToken } from '@kinerja/kit/testing';
import { ensureRealmUser, nationalAdmin } from '@kinerja/kit/testing-keycloak';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadGatewayConfig } from '../src/config.ts';
import { createLogger } from '../src/observability/logger.ts';
import { startGateway, type RunningGateway } from '../src/server/gateway-server.ts';
import { composeSupergraph, readSubgraphSources } from '../src/supergraph/composition.ts';
import { startCompetency, type CompetencyProcess } from './support/competency-process.ts';
import { startPersonnel, type PersonnelProcess } from './support/personnel-process.ts';

const servicesDir = fileURLToPath(new URL('../../services', import.meta.url));
const keycloakUp = await keycloakAvailable();
if (!keycloakUp && process.env['CI'])
  throw new Error(`Keycloak is not answering at ${keycloakRealmUrl()}; run \`npm run infra -- up\``);

/** How long an event may take from a personnel mutation to competency's read model before the test fails. */
const PROPAGATION_LIMIT_MS = 20_000;

const CODES = ['M.1', 'M.2', 'M.3', 'M.4', 'M.5', 'M.6', 'M.7', 'M.8', 'SK.1'] as const;
type Code = (typeof CODES)[number];

interface GraphQLBody<T> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

type PositionKey = 'kabid' | 'kasubbid' | 'analisMuda';

// Required levels are the national defaults (DOMAIN.md "Competency"): Administrator 3, Pengawas 2, Ahli Muda 2.
const positions: Record<PositionKey, { title: string; jenisJabatan: string; kelasJabatan: number }> = {
  kabid: { title: 'Kepala Bidang Pengembangan Kompetensi', jenisJabatan: 'ADMINISTRATOR', kelasJabatan: 11 },
  kasubbid: { title: 'Kepala Subbidang Pendidikan dan Pelatihan', jenisJabatan: 'PENGAWAS', kelasJabatan: 9 },
  analisMuda: { title: 'Analis SDM Aparatur Ahli Muda', jenisJabatan: 'AHLI_MUDA', kelasJabatan: 9 },
};

type PersonKey = 'ayu' | 'bayu' | 'citra' | 'dodi';

interface Person {
  nip: string;
  name: string;
  gender: 'MALE' | 'FEMALE';
  birthDate: string;
  golongan: string;
  position: PositionKey;
  /** Every competency scores `base` unless named in `except`. */
  scores: { base: number; except: Partial<Record<Code, number>> };
}

const people: Record<PersonKey, Person> = {
  // Administrator (3): M.3 −0.50 and M.6 −1.00.
  ayu: {
    nip: '198204122006042003',
    name: 'Ayu Lestari',
    gender: 'FEMALE',
    birthDate: '1982-04-12',
    golongan: 'III/d',
    position: 'kabid',
    scores: { base: 3, except: { 'M.3': 2.5, 'M.6': 2 } },
  },
  // Pengawas (2): SK.1 −0.25.
  bayu: {
    nip: '198709232011011001',
    name: 'Bayu Nugraha',
    gender: 'MALE',
    birthDate: '1987-09-23',
    golongan: 'III/c',
    position: 'kasubbid',
    scores: { base: 2.5, except: { 'SK.1': 1.75 } },
  },
  // Ahli Muda (2): above standard everywhere.
  citra: {
    nip: '199103052015032002',
    name: 'Citra Maharani',
    gender: 'FEMALE',
    birthDate: '1991-03-05',
    golongan: 'III/b',
    position: 'analisMuda',
    scores: { base: 3, except: { 'SK.1': 3.25 } },
  },
  // Pengawas (2): M.6 −0.50; promoted to Administrator (3) at the end: every competency below standard.
  dodi: {
    nip: '198511302010121004',
    name: 'Dodi Kurniawan',
    gender: 'MALE',
    birthDate: '1985-11-30',
    golongan: 'III/c',
    position: 'kasubbid',
    scores: { base: 2, except: { 'M.6': 1.5 } },
  },
};
const personKeys = Object.keys(people) as PersonKey[];

const scoreOf = (person: PersonKey, code: Code): number =>
  people[person].scores.except[code] ?? people[person].scores.base;

const planningQuery = `query PerencanaanDiklat($regionCode: String!) {
  region(code: $regionCode) {
    code
    name
    headcount
    competencyGaps {
      competency { code name }
      assessedEmployees
      employeesBelowStandard
      averageGap
      byNeedLevel { level employees }
    }
  }
  trainingNeeds(regionCode: $regionCode, first: 20) {
    edges {
      node {
        employee { id nip name position { title jenisJabatan } unit { name } }
        competency { code }
        required
        assessed
        gap
        programme { code targetLevel hours }
        hours
      }
    }
    pageInfo { hasNextPage }
  }
  trainingNeedsSummary(regionCode: $regionCode) {
    people
    needs
    hours
    needsWithoutProgramme
    byCompetency { competency { code } people needs hours }
  }
}`;

interface GapSummary {
  competency: { code: Code; name: string };
  assessedEmployees: number;
  employeesBelowStandard: number;
  averageGap: number | null;
  byNeedLevel: { level: number; employees: number }[];
}

interface TrainingNeedNode {
  employee: {
    id: string;
    nip: string;
    name: string;
    position: { title: string; jenisJabatan: string };
    unit: { name: string };
  };
  competency: { code: Code };
  required: number;
  assessed: number;
  gap: number;
  programme: { code: string; targetLevel: number; hours: number } | null;
  hours: number;
}

interface Planning {
  region: { code: string; name: string; headcount: number; competencyGaps: GapSummary[] | null } | null;
  trainingNeeds: { edges: { node: TrainingNeedNode }[]; pageInfo: { hasNextPage: boolean } } | null;
  trainingNeedsSummary: {
    people: number;
    needs: number;
    hours: number;
    needsWithoutProgramme: number;
    byCompetency: { competency: { code: Code }; people: number; needs: number; hours: number }[];
  } | null;
}

const profileQuery = `query ProfilKompetensi($id: ID!) {
  employee(id: $id) {
    nip
    position { title jenisJabatan }
    competencyProfile {
      jenisJabatan
      jpm
      category
      gaps { competency { code } required assessed gap }
      trainingNeeds { competency { code } gap programme { code } hours }
    }
  }
}`;

interface Profile {
  employee: {
    nip: string;
    position: { title: string; jenisJabatan: string };
    competencyProfile: {
      jenisJabatan: string | null;
      jpm: number | null;
      category: string | null;
      gaps: { competency: { code: Code }; required: number; assessed: number | null; gap: number | null }[];
      trainingNeeds: {
        competency: { code: Code };
        gap: number;
        programme: { code: string } | null;
        hours: number;
      }[];
    } | null;
  } | null;
}

/**
 * One gap-summary row as the planner should see it: [assessedEmployees, employeesBelowStandard,
 * averageGap, employees below standard by the level they need]. A mean of ±x.xx5 is compared to one
 * decimal, since the subgraph may round it either way.
 */
type ExpectedGap = [number, number, number, Record<number, number>];

function expectedGapRows(special: Partial<Record<Code, ExpectedGap>>, others: ExpectedGap) {
  return CODES.map((code) => {
    const [assessed, below, averageGap, byLevel] = special[code] ?? others;
    const roundsEitherWay = Math.round(averageGap * 1000) % 10 === 5;
    return {
      code,
      assessedEmployees: assessed,
      employeesBelowStandard: below,
      averageGap: roundsEitherWay ? expect.closeTo(averageGap, 1) : averageGap,
      byNeedLevel: Object.fromEntries([1, 2, 3, 4, 5].map((level) => [level, byLevel[level] ?? 0])),
    };
  });
}

function gapRows(gaps: GapSummary[] | null | undefined) {
  return (gaps ?? []).map((row) => ({
    code: row.competency.code,
    assessedEmployees: row.assessedEmployees,
    employeesBelowStandard: row.employeesBelowStandard,
    averageGap: row.averageGap,
    byNeedLevel: Object.fromEntries(row.byNeedLevel.map(({ level, employees }) => [level, employees])),
  }));
}

/** Polls `probe` until it returns a value; on timeout fails with `what`, the last thing seen and the logs. */
async function eventually<T>(
  what: string,
  probe: () => Promise<{ done: true; value: T } | { done: false; seen: unknown }>,
  logs: () => string,
  timeoutMs = PROPAGATION_LIMIT_MS,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const outcome = await probe();
    if (outcome.done) return outcome.value;
    if (Date.now() > deadline) {
      throw new Error(
        `${what}: not seen within ${timeoutMs} ms.\nLast seen: ${JSON.stringify(outcome.seen)}\n${logs()}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe.skipIf(!keycloakUp)('personnel + competency through the gateway (Kafka, Keycloak)', () => {
  let personnel: PersonnelProcess | undefined;
  let competency: CompetencyProcess | undefined;
  let gateway: RunningGateway | undefined;
  let personnelDb: pg.Client | undefined;
  let competencyDb: pg.Client | undefined;
  const tokens = new Map<string, Promise<string>>();
  const ids = {} as Record<PersonKey, string>;
  const positionIds = {} as Record<PositionKey, string>;
  let unitId = '';
  let unitName = '';

  const logs = () =>
    `--- personnel output ---\n${personnel?.output() ?? ''}\n--- competency output ---\n${competency?.output() ?? ''}`;

  async function gql<T>(username: string, query: string, variables?: Record<string, unknown>) {
    let token = tokens.get(username);
    if (!token) {
      token = passwordToken(username);
      tokens.set(username, token);
    }
    const response = await fetch(gateway!.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await token}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLBody<T>;
  }

  /** A call that must succeed: returns its data or fails with the errors and the subgraphs' logs. */
  async function ok<T>(username: string, query: string, variables?: Record<string, unknown>): Promise<T> {
    const body = await gql<T>(username, query, variables);
    if (body.errors || !body.data) {
      throw new Error(`${username}: ${JSON.stringify(body.errors)}\n${logs()}`);
    }
    return body.data;
  }

  beforeAll(async () => {
    await ensureRealmUser(nationalAdmin);
    const started = await Promise.allSettled([startPersonnel(), startCompetency()]);
    if (started[0].status === 'fulfilled') personnel = started[0].value;
    if (started[1].status === 'fulfilled') competency = started[1].value;
    const failure = started.find((outcome) => outcome.status === 'rejected');
    if (failure) throw failure.reason;
    const outcome = composeSupergraph(
      readSubgraphSources(servicesDir).filter((source) => ['personnel', 'competency'].includes(source.name)),
    );
    if (!outcome.ok) throw new Error(outcome.errors.join('\n'));
    const config = loadGatewayConfig({
      PORT: '0',
      KEYCLOAK_URL: process.env['KEYCLOAK_URL'],
      KEYCLOAK_REALM: process.env['KEYCLOAK_REALM'],
      SUBGRAPH_PERSONNEL_URL: personnel!.url,
      SUBGRAPH_COMPETENCY_URL: competency!.url,
    });
    gateway = await startGateway(config, {
      supergraphSdl: outcome.supergraphSdl,
      logger: createLogger('silent'),
    });
    personnelDb = new pg.Client({ connectionString: personnel!.database.url });
    competencyDb = new pg.Client({ connectionString: competency!.database.url });
    await Promise.all([personnelDb.connect(), competencyDb.connect()]);
  }, 120_000);

  afterAll(async () => {
    // Every step runs whatever failed before it, so no process or database is left behind.
    const steps = [
      () => personnelDb?.end(),
      () => competencyDb?.end(),
      () => gateway?.stop(),
      () => personnel?.stop(),
      () => competency?.stop(),
    ];
    const failures: unknown[] = [];
    for (const step of steps) await Promise.resolve(step()).catch((error: unknown) => failures.push(error));
    if (failures.length > 0) throw new AggregateError(failures, 'cleanup failed');
  }, 60_000);

  /** The personnel outbox event the latest mutation of `employeeId` wrote (its id is the Kafka event-id). */
  async function latestPersonnelEvent(employeeId: string): Promise<string> {
    const { rows } = await personnelDb!.query<{ id: string }>(
      'select id from outbox_event where key = $1 order by seq desc limit 1',
      [employeeId],
    );
    if (!rows[0]) throw new Error(`personnel wrote no outbox event for ${employeeId}`);
    return rows[0].id;
  }

  async function timesProcessed(eventId: string): Promise<number> {
    const { rows } = await competencyDb!.query<{ n: number }>(
      'select count(*)::int as n from processed_event where consumer_group = $1 and event_id = $2',
      [competency!.groupId, eventId],
    );
    return rows[0]?.n ?? 0;
  }

  async function waitUntilProcessed(what: string, eventId: string): Promise<void> {
    await eventually(
      `competency processing ${what} (event ${eventId}) from personnel.employee.v1`,
      async () => {
        const times = await timesProcessed(eventId);
        return times > 0
          ? { done: true, value: undefined }
          : { done: false, seen: { timesProcessed: times } };
      },
      logs,
    );
  }

  it('karawang.admin hires four people into a 32.15 unit; competency learns them from personnel.employee.v1', async () => {
    const instansi = await ok<{ createOrgUnit: { id: string } }>(
      'karawang.admin',
      'mutation ($input: CreateOrgUnitInput!) { createOrgUnit(input: $input) { id } }',
      { input: { name: 'Pemerintah Kabupaten Karawang', regionCode: '32.15' } },
    );
    const unit = await ok<{ createOrgUnit: { id: string; name: string; region: { code: string } } }>(
      'karawang.admin',
      'mutation ($input: CreateOrgUnitInput!) { createOrgUnit(input: $input) { id name region { code } } }',
      {
        input: {
          name: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia',
          regionCode: '32.15',
          parentId: instansi.createOrgUnit.id,
        },
      },
    );
    expect(unit.createOrgUnit.region.code).toBe('32.15');
    unitId = unit.createOrgUnit.id;
    unitName = unit.createOrgUnit.name;
    for (const key of Object.keys(positions) as PositionKey[]) {
      // The position catalogue is national (issue 9): a national admin adds to it.
      const created = await ok<{ createPosition: { id: string } }>(
        'nasional.admin',
        'mutation ($input: CreatePositionInput!) { createPosition(input: $input) { id } }',
        { input: positions[key] },
      );
      positionIds[key] = created.createPosition.id;
    }
    for (const key of personKeys) {
      const { position, scores: _scores, ...person } = people[key];
      const hired = await ok<{ hireEmployee: { id: string; region: { code: string } } }>(
        'karawang.admin',
        'mutation ($input: HireEmployeeInput!) { hireEmployee(input: $input) { id region { code } } }',
        { input: { ...person, employmentType: 'PNS', positionId: positionIds[position], unitId } },
      );
      expect(hired.hireEmployee.region.code).toBe('32.15');
      ids[key] = hired.hireEmployee.id;
    }

    // Competency learns the hires only from personnel.employee.v1: poll its read model.
    const learned = await eventually(
      'competency’s read model holding the four hires from personnel.employee.v1',
      async () => {
        const { rows } = await competencyDb!.query<{
          employee_id: string;
          nip: string;
          region_code: string;
          unit_id: string;
          jenis_jabatan: string;
          position_id: string;
        }>(
          'select employee_id, nip, region_code, unit_id, jenis_jabatan, position_id from employee where employee_id = any($1)',
          [Object.values(ids)],
        );
        return rows.length === personKeys.length ? { done: true, value: rows } : { done: false, seen: rows };
      },
      logs,
    );
    expect(learned.map((row) => ({ ...row })).sort((a, b) => a.nip.localeCompare(b.nip))).toEqual(
      personKeys
        .map((key) => ({
          employee_id: ids[key],
          nip: people[key].nip,
          region_code: '32.15',
          unit_id: unitId,
          jenis_jabatan: positions[people[key].position].jenisJabatan,
          position_id: positionIds[people[key].position],
        }))
        .sort((a, b) => a.nip.localeCompare(b.nip)),
    );
  }, 60_000);

  it('karawang.asesor creates, scores, submits and finalises an assessment of each', async () => {
    const fields = 'id status jpm category missingCompetencies';
    const expectedJpm: Record<PersonKey, [number, string]> = {
      ayu: [94.44, 'OPTIMAL'], // (7 × 3 + 2.5 + 2) / 27
      bayu: [98.61, 'OPTIMAL'], // (8 × 2 + 1.75) / 18
      citra: [100, 'OPTIMAL'], // capped at the standard
      dodi: [97.22, 'OPTIMAL'], // (8 × 2 + 1.5) / 18
    };
    for (const key of personKeys) {
      type Assessment = {
        id: string;
        status: string;
        jpm: number | null;
        category: string | null;
        missingCompetencies: string[];
      };
      const created = await ok<{ createAssessment: Assessment }>(
        'karawang.asesor',
        `mutation ($input: CreateAssessmentInput!) { createAssessment(input: $input) { ${fields} } }`,
        { input: { employeeId: ids[key], method: 'ASSESSMENT_CENTER', assessedOn: '2025-03-10' } },
      );
      expect(created.createAssessment).toMatchObject({ status: 'DRAFT', missingCompetencies: [...CODES] });
      const id = created.createAssessment.id;
      const scored = await ok<{ updateAssessmentScores: Assessment }>(
        'karawang.asesor',
        `mutation ($id: ID!, $scores: [CompetencyScoreInput!]!) { updateAssessmentScores(id: $id, scores: $scores) { ${fields} } }`,
        {
          id,
          scores: CODES.map((code) => ({
            competency: code,
            score: scoreOf(key, code),
            evidence: `Observasi ${code}`,
          })),
        },
      );
      expect(scored.updateAssessmentScores.missingCompetencies).toEqual([]);
      const submitted = await ok<{ submitAssessment: Assessment }>(
        'karawang.asesor',
        `mutation ($id: ID!) { submitAssessment(id: $id) { ${fields} } }`,
        { id },
      );
      expect(submitted.submitAssessment.status).toBe('SUBMITTED');
      const finalised = await ok<{ finaliseAssessment: Assessment }>(
        'karawang.asesor',
        `mutation ($id: ID!) { finaliseAssessment(id: $id) { ${fields} } }`,
        { id },
      );
      const [jpm, category] = expectedJpm[key];
      expect(finalised.finaliseAssessment).toMatchObject({ status: 'FINALISED', jpm, category });
    }
  }, 60_000);

  it('karawang.diklat reads headcount, gap summaries and training needs of 32.15 in one operation', async () => {
    const data = await ok<Planning>('karawang.diklat', planningQuery, { regionCode: '32.15' });
    expect(data.region).toMatchObject({ code: '32.15', name: 'Kabupaten Karawang', headcount: 4 });
    // Gaps (assessed − required): ayu M.3 −0.5, M.6 −1; bayu SK.1 −0.25; dodi M.6 −0.5; the rest ≥ 0.
    expect(gapRows(data.region?.competencyGaps)).toEqual(
      expectedGapRows(
        {
          'M.3': [4, 1, 0.25, { 3: 1 }], // ayu −0.5, bayu +0.5, citra +1, dodi 0
          'M.6': [4, 2, 0, { 2: 1, 3: 1 }], // −1, +0.5, +1, −0.5
          'SK.1': [4, 1, 0.25, { 2: 1 }], // 0, −0.25, +1.25, 0
        },
        [4, 0, 0.375, {}], // 0, +0.5, +1, 0
      ),
    );

    const needs = data.trainingNeeds!.edges.map(({ node }) => node);
    expect(data.trainingNeeds!.pageInfo.hasNextPage).toBe(false);
    const byPerson = (id: string) => personKeys.find((key) => ids[key] === id);
    expect(
      needs.map((need) => ({
        who: byPerson(need.employee.id),
        code: need.competency.code,
        required: need.required,
        assessed: need.assessed,
        gap: need.gap,
        programme: need.programme,
        hours: need.hours,
      })),
    ).toEqual(
      expect.arrayContaining([
        {
          who: 'ayu',
          code: 'M.6',
          required: 3,
          assessed: 2,
          gap: -1,
          programme: { code: 'NAS-M6-L3', targetLevel: 3, hours: 24 },
          hours: 24,
        },
        {
          who: 'ayu',
          code: 'M.3',
          required: 3,
          assessed: 2.5,
          gap: -0.5,
          programme: { code: 'NAS-M3-L3', targetLevel: 3, hours: 24 },
          hours: 24,
        },
        {
          who: 'dodi',
          code: 'M.6',
          required: 2,
          assessed: 1.5,
          gap: -0.5,
          programme: { code: 'NAS-M6-L2', targetLevel: 2, hours: 20 },
          hours: 20,
        },
        {
          who: 'bayu',
          code: 'SK.1',
          required: 2,
          assessed: 1.75,
          gap: -0.25,
          programme: { code: 'NAS-SK1-L2', targetLevel: 2, hours: 20 },
          hours: 20,
        },
      ]),
    );
    expect(needs).toHaveLength(4);
    expect(needs.map((need) => need.gap)).toEqual([-1, -0.5, -0.5, -0.25]);
    // The personnel half of each row, resolved through the gateway from the competency half's employee id.
    for (const need of needs) {
      const key = byPerson(need.employee.id)!;
      expect(need.employee).toEqual({
        id: ids[key],
        nip: people[key].nip,
        name: people[key].name,
        position: {
          title: positions[people[key].position].title,
          jenisJabatan: positions[people[key].position].jenisJabatan,
        },
        unit: { name: unitName },
      });
    }

    expect(data.trainingNeedsSummary).toEqual({
      people: 3,
      needs: 4,
      hours: 88, // 24 + 24 + 20 + 20
      needsWithoutProgramme: 0,
      byCompetency: expect.any(Array),
    });
    expect(
      Object.fromEntries(
        data.trainingNeedsSummary!.byCompetency.map((row) => [
          row.competency.code,
          [row.people, row.needs, row.hours],
        ]),
      ),
    ).toEqual({ 'M.3': [1, 1, 24], 'M.6': [2, 2, 44], 'SK.1': [1, 1, 20] });
  }, 30_000);

  it.each(['32', '36'])('gives karawang.diklat nothing, or FORBIDDEN, for region %s', async (regionCode) => {
    const body = await gql<Planning>('karawang.diklat', planningQuery, { regionCode });
    for (const error of body.errors ?? []) expect(error.extensions?.['code']).toBe('FORBIDDEN');
    const data = body.data;
    // Competency numbers: refused or empty, never the Karawang figures rolled up into the province.
    expect(data?.region?.competencyGaps ?? null).toBeNull();
    expect(data?.trainingNeeds?.edges ?? []).toEqual([]);
    expect(data?.trainingNeedsSummary?.needs ?? 0).toBe(0);
    for (const key of personKeys) expect(JSON.stringify(body)).not.toContain(people[key].nip);
    // The planner must have been refused something: a silent full answer would mean no scoping at all.
    expect(body.errors?.length ?? 0).toBeGreaterThan(0);
  });

  it('a promotion recorded by karawang.admin changes dodi’s gaps in competency once, even when the event is redelivered', async () => {
    const changed = await ok<{ changePosition: { position: { jenisJabatan: string } } }>(
      'karawang.admin',
      'mutation ($employeeId: ID!, $positionId: ID!) { changePosition(employeeId: $employeeId, positionId: $positionId, golongan: "III/d") { position { jenisJabatan } } }',
      { employeeId: ids.dodi, positionId: positionIds.kabid },
    );
    expect(changed.changePosition.position.jenisJabatan).toBe('ADMINISTRATOR');
    const positionEvent = await latestPersonnelEvent(ids.dodi);

    // Bounded wait, no timing assertion: the profile follows personnel's event.
    const profile = await eventually(
      'dodi’s competency profile following the promotion',
      async () => {
        const data = await ok<Profile>('karawang.diklat', profileQuery, { id: ids.dodi });
        return data.employee?.competencyProfile?.jenisJabatan === 'ADMINISTRATOR'
          ? { done: true, value: data.employee }
          : { done: false, seen: data.employee };
      },
      logs,
    );
    expect(profile.position).toEqual({ title: positions.kabid.title, jenisJabatan: 'ADMINISTRATOR' });
    expect(profile.competencyProfile).toMatchObject({ jpm: 64.81, category: 'KURANG_OPTIMAL' }); // 17.5 / 27
    expect(
      profile.competencyProfile?.gaps.map((gap) => [
        gap.competency.code,
        gap.required,
        gap.assessed,
        gap.gap,
      ]),
    ).toEqual(CODES.map((code) => [code, 3, scoreOf('dodi', code), scoreOf('dodi', code) - 3]));
    const needs = profile.competencyProfile?.trainingNeeds ?? [];
    expect(needs).toHaveLength(9);
    expect(needs.map((need) => [need.competency.code, need.gap, need.programme?.code, need.hours])).toEqual(
      expect.arrayContaining(
        CODES.map((code) => [code, scoreOf('dodi', code) - 3, `NAS-${code.replace('.', '')}-L3`, 24]),
      ),
    );
    expect(await timesProcessed(positionEvent)).toBe(1);

    const planningAfterPromotion = async () => {
      const data = await ok<Planning>('karawang.diklat', planningQuery, { regionCode: '32.15' });
      // dodi now needs level 3 everywhere: −1 on eight competencies, −1.5 on M.6.
      expect(gapRows(data.region?.competencyGaps)).toEqual(
        expectedGapRows(
          {
            'M.3': [4, 2, 0, { 3: 2 }], // ayu −0.5, bayu +0.5, citra +1, dodi −1
            'M.6': [4, 2, -0.25, { 3: 2 }], // −1, +0.5, +1, −1.5
            'SK.1': [4, 2, 0, { 2: 1, 3: 1 }], // 0, −0.25, +1.25, −1
          },
          [4, 1, 0.125, { 3: 1 }], // 0, +0.5, +1, −1
        ),
      );
      expect(data.trainingNeeds!.edges).toHaveLength(12); // ayu 2, bayu 1, dodi 9
      expect(data.trainingNeedsSummary).toMatchObject({ people: 3, needs: 12, hours: 284 }); // 48 + 20 + 9 × 24
      return data;
    };
    const afterPromotion = await planningAfterPromotion();

    // At-least-once delivery: the relay sends the same outbox row again, as after a crash between Kafka's
    // ack and its commit. A later event on the same key (same partition, so consumed after it) shows when
    // competency has been past the duplicate.
    await personnelDb!.query('update outbox_event set published_at = null where id = $1', [positionEvent]);
    await eventually(
      'personnel’s relay publishing the position change again',
      async () => {
        const { rows } = await personnelDb!.query<{ published_at: Date | null }>(
          'select published_at from outbox_event where id = $1',
          [positionEvent],
        );
        return rows[0]?.published_at ? { done: true, value: undefined } : { done: false, seen: rows };
      },
      logs,
    );
    await ok(
      'karawang.admin',
      'mutation ($employeeId: ID!, $supervisorId: ID) { setSupervisor(employeeId: $employeeId, supervisorId: $supervisorId) { id } }',
      {
        employeeId: ids.dodi,
        supervisorId: ids.ayu,
      },
    );
    await waitUntilProcessed(
      'the supervisor change after the redelivered promotion',
      await latestPersonnelEvent(ids.dodi),
    );

    expect(await timesProcessed(positionEvent)).toBe(1);
    expect(await planningAfterPromotion()).toEqual(afterPromotion);
  }, 90_000);

  // Issue 9: one rule for what an atasan sees, in every service: the whole chain below them.
  it('karawang.atasan sees the same people in personnel and in competency: self and everyone below, direct and indirect', async () => {
    const hired = await ok<{ hireEmployee: { id: string } }>(
      'karawang.admin',
      'mutation ($input: HireEmployeeInput!) { hireEmployee(input: $input) { id } }',
      {
        input: {
          nip: '197805122003121003',
          name: 'Agus Santoso',
          gender: 'MALE',
          birthDate: '1978-05-12',
          golongan: 'IV/a',
          employmentType: 'PNS',
          positionId: positionIds.kabid,
          unitId,
        },
      },
    );
    const atasanId = hired.hireEmployee.id;
    // ayu reports to the atasan; dodi already reports to ayu (indirect); bayu and citra report to nobody here.
    await ok(
      'karawang.admin',
      'mutation ($employeeId: ID!, $supervisorId: ID) { setSupervisor(employeeId: $employeeId, supervisorId: $supervisorId) { id } }',
      { employeeId: ids.ayu, supervisorId: atasanId },
    );
    await waitUntilProcessed('ayu reporting to the atasan', await latestPersonnelEvent(ids.ayu));

    const seen = await ok<{ employees: { nodes: { id: string; competencyAssessments: { id: string }[] }[] } }>(
      'karawang.atasan',
      '{ employees(first: 50) { nodes { id competencyAssessments { id } } } }',
    );
    const inPersonnel = seen.employees.nodes.map((node) => node.id).sort();
    expect(inPersonnel).toEqual([atasanId, ids.ayu, ids.dodi].sort());
    expect(seen.employees.nodes.find((node) => node.id === ids.dodi)?.competencyAssessments.length).toBeGreaterThan(0);

    // Competency asked directly about everyone: it grants exactly the people personnel lists.
    const everyone = [atasanId, ...personKeys.map((key) => ids[key])];
    const response = await fetch(competency!.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await passwordToken('karawang.atasan')}` },
      body: JSON.stringify({
        query: 'query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Employee { competencyAssessments { id } } } }',
        variables: { reps: everyone.map((id) => ({ __typename: 'Employee', id })) },
      }),
    });
    const body = (await response.json()) as GraphQLBody<{ _entities: unknown[] }>;
    const refused = new Set((body.errors ?? []).map((error) => error.path?.[1]));
    expect((body.errors ?? []).every((error) => error.extensions?.['reason'] === 'employee_out_of_scope')).toBe(true);
    const inCompetency = everyone.filter((_, index) => !refused.has(index)).sort();
    expect(inCompetency).toEqual(inPersonnel);
  }, 90_000);
});
