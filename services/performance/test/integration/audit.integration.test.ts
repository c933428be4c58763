// Every mutation of schema.graphql leaves an audit entry (issue 14 item 5): the table below has one
// successful call per Mutation field, in order (one SKP from draft to rating with public satisfaction and a
// 360° round on the way, then the period, unit, goal and configuration mutations); a mutation added without a
// row here fails the suite. The two anonymous public feedback mutations go without a token: their entries
// name the anonymous actor.
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { describeAuditCoverage } from '@kinerja/kit/audit-coverage';
import type { GraphQLResult } from '@kinerja/kit/testing';
import { defaultDistributionLimits, unitPredikatValues } from '../../src/domain/distribution-limits.ts';
import { todayWib } from '../../src/domain/periods.ts';
import { defaultPredikatCells } from '../../src/domain/predikat-matrix.ts';
import { monthWib } from '../../src/domain/public-feedback.ts';
import { berakhlakBehaviours } from '../../src/domain/skp-plan.ts';
import { startHarness, type Harness } from '../support/harness.ts';
import { atasan, bekasi, kepala, pegawai, rekan } from '../support/people.ts';
import { approvedSkpFixture, berakhlak } from '../support/skp-fixtures.ts';

const sdl = readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8');
const YEAR = Number(todayWib().slice(0, 4));
const indicator = { text: 'Jumlah berkas kenaikan pangkat terverifikasi', aspect: 'KUANTITAS', target: 120, unit: 'berkas', quarterlyTargets: [30, 30, 30, 30] };
// Configuration versions start next year, so nothing the SKP calls above rate or finalise changes.
const NEXT = `${YEAR + 1}-01-01`;
const flatLimits = unitPredikatValues.flatMap((unitPredikat) => defaultDistributionLimits.limits[unitPredikat].map((l) => ({ unitPredikat, predikat: [...l.predikat], bound: l.bound, value: l.value })));
const ids = { skp: '', rhk: '', indicator: '', atasanRhk: '', atasanSkp: '', round: '', feedbackCode: '', feedbackToken: '' };
const field = <T>(result: GraphQLResult, name: string): T => result.data?.[name] as T;

describeAuditCoverage({
  service: 'performance',
  sdl,
  start: () => startHarness('performance_audit'),
  prepare: async (h) => {
    const harness = h as Harness;
    for (const employee of [kepala, atasan, pegawai, rekan, bekasi]) await harness.processed(await harness.publishEmployee(employee));
    const atasanSkp = await approvedSkpFixture(harness, atasan.employeeId, YEAR);
    ids.atasanRhk = atasanSkp.rhkId;
    ids.atasanSkp = atasanSkp.skpId;
  },
  refused: (h) => async () => h.gql(await h.token('karawang.pegawai'), 'mutation { createSkp(year: 2021) { id } }'),
  calls: (h) => {
    const as = async (user: string, query: string, variables: Record<string, unknown> = {}) => h.gql(await h.token(user), query, variables);
    const submit = () => as('karawang.pegawai', 'mutation ($s: ID!) { submitSkp(skpId: $s) { status } }', { s: ids.skp });
    const approve = () => as('karawang.atasan', 'mutation ($s: ID!, $e: [BehaviourExpectationInput!]!) { approveSkp(skpId: $s, expectations: $e, note: "Disetujui") { status } }', { s: ids.skp, e: berakhlak });
    return {
      createSkp: async () => {
        const result = await as('karawang.pegawai', 'mutation ($y: Int!) { createSkp(year: $y) { id } }', { y: YEAR });
        ids.skp = field<{ id: string }>(result, 'createSkp')?.id ?? '';
        return result;
      },
      addRhk: async () => {
        const result = await as('karawang.pegawai', 'mutation ($s: ID!, $i: RhkInput!) { addRhk(skpId: $s, input: $i) { id } }', {
          s: ids.skp,
          i: { kind: 'UTAMA', text: 'Terverifikasinya berkas kenaikan pangkat', supportsRhkId: ids.atasanRhk },
        });
        ids.rhk = field<{ id: string }>(result, 'addRhk')?.id ?? '';
        return result;
      },
      updateRhk: async () =>
        as('karawang.pegawai', 'mutation ($r: ID!, $i: RhkInput!) { updateRhk(rhkId: $r, input: $i) { id } }', {
          r: ids.rhk,
          i: { kind: 'UTAMA', text: 'Terverifikasinya seluruh berkas kenaikan pangkat', supportsRhkId: ids.atasanRhk },
        }),
      setIndicators: async () => {
        const result = await as('karawang.pegawai', 'mutation ($r: ID!, $i: [IndicatorInput!]!) { setIndicators(rhkId: $r, indicators: $i) { indicators { id } } }', { r: ids.rhk, i: [indicator] });
        ids.indicator = field<{ indicators: { id: string }[] }>(result, 'setIndicators')?.indicators[0]?.id ?? '';
        return result;
      },
      removeRhk: async () => {
        const extra = await as('karawang.pegawai', 'mutation ($s: ID!) { addRhk(skpId: $s, input: { kind: TAMBAHAN, text: "Membantu penyusunan laporan tahunan" }) { id } }', { s: ids.skp });
        return as('karawang.pegawai', 'mutation ($r: ID!) { removeRhk(rhkId: $r) { id } }', { r: field<{ id: string }>(extra, 'addRhk')?.id });
      },
      submitSkp: submit,
      rejectSkp: () => as('karawang.atasan', 'mutation ($s: ID!) { rejectSkp(skpId: $s, note: "Target kualitas belum terukur") { status } }', { s: ids.skp }),
      approveSkp: async () => {
        await submit();
        return approve();
      },
      requestSkpRevision: () => as('karawang.pegawai', 'mutation ($s: ID!) { requestSkpRevision(skpId: $s, note: "Ada tugas tambahan dari pimpinan") { status } }', { s: ids.skp }),
      decideSkpRevision: async () => {
        const decided = await as('karawang.atasan', 'mutation ($s: ID!) { decideSkpRevision(skpId: $s, grant: true, note: "Silakan") { status } }', { s: ids.skp });
        // Back to approved, so realisations and ratings below apply.
        await submit();
        await approve();
        return decided;
      },
      recordRealisation: () =>
        as('karawang.pegawai', 'mutation ($i: ID!) { recordRealisation(indicatorId: $i, period: "ANNUAL", value: 40, evidenceUrl: "https://drive.example.go.id/laporan-1", note: "Rekap") { id } }', { i: ids.indicator }),
      // A citizen rates the pegawai's unit (no token), and the pegawai takes the month's average as a realisation.
      createPublicFeedbackCode: async () => {
        const result = await as('karawang.admin', 'mutation ($u: ID!) { createPublicFeedbackCode(unitId: $u, serviceName: "Layanan kenaikan pangkat") { code } }', { u: pegawai.unitId });
        ids.feedbackCode = field<{ code: string }>(result, 'createPublicFeedbackCode')?.code ?? '';
        return result;
      },
      startPublicFeedback: async () => {
        const result = await h.gql(null, 'mutation ($c: String!) { startPublicFeedback(code: $c) { token } }', { c: ids.feedbackCode });
        ids.feedbackToken = field<{ token: string }>(result, 'startPublicFeedback')?.token ?? '';
        return result;
      },
      submitPublicFeedback: async () => {
        const result = await h.gql(null, 'mutation ($t: String!) { submitPublicFeedback(token: $t, rating: 4, comment: "Petugas ramah") { message } }', { t: ids.feedbackToken });
        // The citizen's writes are audited too, naming the anonymous actor (no roles, no region of its own).
        const actors = await h.sql<{ actor: string }>(
          `select distinct actor_subject || ':' || actor_username || ':' || actor_roles::text as actor from audit_entry where operation in ('startPublicFeedback', 'submitPublicFeedback')`,
        );
        expect(actors).toEqual([{ actor: 'anonymous:anonymous:[]' }]);
        return result;
      },
      useSatisfactionAsRealisation: () =>
        as('karawang.pegawai', 'mutation ($i: ID!, $u: ID!, $m: String!) { useSatisfactionAsRealisation(indicatorId: $i, period: "ANNUAL", unitId: $u, month: $m) { id } }', {
          i: ids.indicator,
          u: pegawai.unitId,
          m: monthWib(new Date()),
        }),
      // A 360° round on the atasan's SKP: two subordinates and a service user (the default threshold is 3).
      openFeedbackRound: async () => {
        const raters = [
          { employeeId: pegawai.employeeId, relation: 'SUBORDINATE' },
          { employeeId: rekan.employeeId, relation: 'SUBORDINATE' },
          { employeeId: bekasi.employeeId, relation: 'SERVICE_USER' },
        ];
        const result = await as('karawang.atasan', 'mutation ($s: ID!, $r: [FeedbackRaterInput!]!) { openFeedbackRound(skpId: $s, period: "ANNUAL", raters: $r) { id } }', { s: ids.atasanSkp, r: raters });
        ids.round = field<{ id: string }>(result, 'openFeedbackRound')?.id ?? '';
        return result;
      },
      submitFeedbackResponse: () =>
        as('karawang.pegawai', 'mutation ($r: ID!, $s: [BehaviourScoreInput!]!) { submitFeedbackResponse(roundId: $r, scores: $s, comment: "Selalu siap membantu") { responded } }', {
          r: ids.round,
          s: berakhlakBehaviours.map((behaviour) => ({ behaviour, score: 4 })),
        }),
      closeFeedbackRound: () => as('karawang.atasan', 'mutation ($r: ID!) { closeFeedbackRound(roundId: $r) { status } }', { r: ids.round }),
      giveFeedback: () => as('karawang.atasan', 'mutation ($s: ID!) { giveFeedback(skpId: $s, period: "ANNUAL", text: "Pertahankan ketepatan waktu layanan") { id } }', { s: ids.skp }),
      rateEvaluation: () =>
        as('karawang.atasan', 'mutation ($s: ID!) { rateEvaluation(skpId: $s, period: "ANNUAL", hasilKerja: SESUAI_EKSPEKTASI, perilakuKerja: SESUAI_EKSPEKTASI, note: "Penilaian uji") { predikat } }', { s: ids.skp }),
      unlockPeriod: () =>
        as('karawang.admin', 'mutation ($y: Int!, $u: String!) { unlockPeriod(instansiId: "inst-krw", year: $y, period: "Q1", until: $u, reason: "Keterlambatan input karena gangguan jaringan") { code } }', { y: YEAR - 1, u: todayWib() }),
      finaliseEvaluations: () =>
        as('karawang.admin', 'mutation ($y: Int!) { finaliseEvaluations(unitId: "unit-krw-bidang", year: $y, period: "ANNUAL", override: true, reason: "Hasil rapat kalibrasi") { finalised } }', { y: YEAR }),
      recordOrgGoal: () =>
        as('karawang.admin', 'mutation ($y: Int!) { recordOrgGoal(unitId: "unit-krw-bkpsdm", year: $y, input: { text: "Meningkatnya profesionalitas ASN", indicator: "Indeks profesionalitas ASN", target: 75, unit: "indeks" }) { id } }', { y: YEAR }),
      setPredikatMatrix: () =>
        as('karawang.admin', 'mutation ($f: String!, $c: [PredikatCellInput!]!) { setPredikatMatrix(instansiId: "inst-krw", effectiveFrom: $f, cells: $c) { id } }', { f: NEXT, c: defaultPredikatCells }),
      setDistributionLimits: () =>
        as('karawang.admin', 'mutation ($f: String!, $l: [DistributionLimitInput!]!) { setDistributionLimits(instansiId: "inst-krw", effectiveFrom: $f, limits: $l) { id } }', { f: NEXT, l: flatLimits }),
      setPeriodScheme: () =>
        as('karawang.admin', 'mutation ($f: String!) { setPeriodScheme(instansiId: "inst-krw", effectiveFrom: $f, scheme: { kind: MONTHLY, deadlineDays: 10, annualDeadlineDays: 31 }) { id } }', { f: NEXT }),
      setMultiRaterRule: () => as('karawang.admin', 'mutation ($f: String!) { setMultiRaterRule(instansiId: "inst-krw", effectiveFrom: $f, minResponses: 5) { id } }', { f: NEXT }),
      setPublicFeedbackRule: () =>
        as('karawang.admin', 'mutation ($f: String!) { setPublicFeedbackRule(instansiId: "inst-krw", effectiveFrom: $f, tokenTtlMinutes: 15, perClientPerHour: 10, perCodePerHour: 200) { id } }', { f: NEXT }),
    };
  },
});
