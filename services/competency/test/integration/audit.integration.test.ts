// Every mutation of schema.graphql leaves an audit entry (issue 14 item 5): the table below has one
// successful call per Mutation field, in order; a mutation added without a row here fails the suite.
import { readFileSync } from 'node:fs';
import { describeAuditCoverage } from '@kinerja/kit/audit-coverage';
import type { GraphQLResult } from '@kinerja/kit/testing';
import { EmployeeChange } from '@kinerja/proto';
import { startHarness, type Harness, type TestEmployee } from '../support/harness.ts';

const sdl = readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8');
const CODES = ['M.1', 'M.2', 'M.3', 'M.4', 'M.5', 'M.6', 'M.7', 'M.8', 'SK.1'];
const pegawai: TestEmployee = { employeeId: 'emp-krw-pegawai', nip: '199001152015032001', regionCode: '32.15', unitId: 'unit-krw-bkpsdm', instansiId: 'inst-krw', jenisJabatan: 'ADMINISTRATOR', positionId: 'pos-krw-kabid' };
const scores = (score: number) => CODES.map((competency) => ({ competency, score, evidence: `Bukti ${competency}` }));
const idOf = (result: GraphQLResult, field: string): string => (result.data?.[field] as { id: string } | undefined)?.id ?? '';
let assessmentId = '';
let programmeId = '';

describeAuditCoverage({
  service: 'competency',
  sdl,
  start: () => startHarness('competency_audit'),
  prepare: async (h) => {
    const harness = h as Harness;
    await harness.processed(await harness.publishEmployee(pegawai, EmployeeChange.HIRED));
  },
  refused: (h) => async () =>
    h.gql(await h.token('karawang.pegawai'), 'mutation ($input: CreateAssessmentInput!) { createAssessment(input: $input) { id } }', {
      input: { employeeId: pegawai.employeeId, method: 'ASSESSMENT_CENTER', assessedOn: '2025-03-10', scores: scores(3) },
    }),
  calls: (h) => ({
    createAssessment: async () => {
      const result = await h.gql(await h.token('karawang.asesor'), 'mutation ($input: CreateAssessmentInput!) { createAssessment(input: $input) { id } }', {
        input: { employeeId: pegawai.employeeId, method: 'ASSESSMENT_CENTER', assessedOn: '2025-03-10', scores: scores(3) },
      });
      assessmentId = idOf(result, 'createAssessment');
      return result;
    },
    updateAssessmentScores: async () =>
      h.gql(await h.token('karawang.asesor'), 'mutation ($id: ID!) { updateAssessmentScores(id: $id, scores: [{ competency: "SK.1", score: 2.5 }]) { id } }', { id: assessmentId }),
    submitAssessment: async () => h.gql(await h.token('karawang.asesor'), 'mutation ($id: ID!) { submitAssessment(id: $id) { id } }', { id: assessmentId }),
    finaliseAssessment: async () => h.gql(await h.token('karawang.asesor'), 'mutation ($id: ID!) { finaliseAssessment(id: $id) { id } }', { id: assessmentId }),
    correctAssessment: async () =>
      h.gql(await h.token('karawang.asesor'), 'mutation ($id: ID!) { correctAssessment(id: $id, reason: "Salah input SK.1") { id } }', { id: assessmentId }),
    setCompetencyStandard: async () =>
      h.gql(await h.token('karawang.admin'), 'mutation ($input: SetCompetencyStandardInput!) { setCompetencyStandard(input: $input) { id } }', {
        input: { instansiId: 'inst-krw', jenisJabatan: 'PELAKSANA', effectiveFrom: '2024-01-01', levels: CODES.map((competency) => ({ competency, level: 2 })) },
      }),
    setMappingRule: async () =>
      h.gql(await h.token('karawang.admin'), 'mutation ($input: SetMappingRuleInput!) { setMappingRule(input: $input) { instansiId } }', {
        input: {
          instansiId: 'inst-krw',
          effectiveFrom: '2030-01-01',
          capSurplus: false,
          scheme: {
            code: 'ELIGIBILITY',
            name: 'Pengisian jabatan',
            bands: [
              { category: 'KURANG_MEMENUHI_SYARAT', label: 'Kurang Memenuhi Syarat', minJpm: 0, talentPotential: 'LOW' },
              { category: 'MEMENUHI_SYARAT', label: 'Memenuhi Syarat', minJpm: 80, talentPotential: 'HIGH' },
            ],
          },
        },
      }),
    createTrainingProgramme: async () => {
      const result = await h.gql(await h.token('karawang.diklat'), 'mutation ($input: CreateTrainingProgrammeInput!) { createTrainingProgramme(input: $input) { id } }', {
        input: { code: 'PKP-1', name: 'Pelatihan Kepemimpinan Pengawas', competency: 'M.5', targetLevel: 3, hours: 24, deliveryMode: 'KLASIKAL' },
      });
      programmeId = idOf(result, 'createTrainingProgramme');
      return result;
    },
    updateTrainingProgramme: async () =>
      h.gql(await h.token('karawang.diklat'), 'mutation ($id: ID!) { updateTrainingProgramme(id: $id, input: { hours: 10 }) { id } }', { id: programmeId }),
  }),
});
