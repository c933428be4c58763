// Every mutation of schema.graphql leaves an audit entry (issue 14 item 5): the table below has one
// successful call per Mutation field, in order; a mutation added without a row here fails the suite.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describeAuditCoverage } from '@kinerja/kit/audit-coverage';
import { DEFAULT_TPP_RULE } from '../../src/domain/default-rules.ts';
import { publishEmployee, publishPredikat, publishRecap, type TestEmployee } from '../support/events.ts';
import { startHarness, type Harness } from '../support/harness.ts';
import { ruleInput } from '../support/rule-input.ts';
import { until } from '../support/until.ts';

const sdl = readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8');
const run = randomUUID().slice(0, 8);
const INSTANSI = `inst-audit-${run}`;
const MONTH = '2026-08';
const employee: TestEmployee = { employeeId: `emp-audit-${run}`, nip: '199001152015032001', regionCode: '32.15', instansiId: INSTANSI, unitId: `unit-audit-${run}`, golongan: 'III/a', kelasJabatan: 9 };
const month = { i: INSTANSI, m: MONTH };

describeAuditCoverage({
  service: 'remuneration',
  sdl,
  start: () => startHarness('remuneration_audit', { consume: true }),
  prepare: async (h) => {
    const harness = h as Harness;
    await harness.processed(await publishEmployee(harness.producer, employee));
    await harness.processed(await publishPredikat(harness.producer, { employeeId: employee.employeeId, year: 2026, period: 'Q3', periodStart: '2026-07-01', periodEnd: '2026-09-30', predikat: 'BAIK' }));
    await harness.processed(await publishRecap(harness.producer, { employeeId: employee.employeeId, month: MONTH, counts: [{ code: 'HADIR', count: 21 }] }));
  },
  refused: (h) => async () => h.gql(await h.token('karawang.admin'), 'mutation($i: ID!) { lockTppMonth(instansiId: $i, month: "2026-8") { locked } }', { i: INSTANSI }),
  calls: (h) => ({
    setTppRule: async () =>
      h.gql(await h.token('karawang.admin'), 'mutation($input: SetTppRuleInput!) { setTppRule(input: $input) { id } }', {
        input: { instansiId: INSTANSI, effectiveFrom: '2026-01', legalBasis: 'Perbup uji', rule: ruleInput({ ...DEFAULT_TPP_RULE, baseAmounts: [...DEFAULT_TPP_RULE.baseAmounts, { kelasJabatan: 9, amount: 6_000_000 }] }) },
      }),
    computeTpp: async () => {
      const admin = await h.token('karawang.admin');
      const started = await h.gql(admin, 'mutation($i: ID!, $m: String!) { computeTpp(instansiId: $i, month: $m, reason: "Perhitungan Agustus") { id } }', month);
      const id = (started.data?.['computeTpp'] as { id: string } | undefined)?.id;
      // The lock below is refused while the run is in progress.
      await until('the TPP run', async () => {
        const polled = await h.gql(admin, 'query($id: ID!) { tppRun(id: $id) { status } }', { id });
        return (polled.data?.['tppRun'] as { status: string } | undefined)?.status === 'RUNNING' ? undefined : true;
      });
      return started;
    },
    lockTppMonth: async () => h.gql(await h.token('karawang.admin'), 'mutation($i: ID!, $m: String!) { lockTppMonth(instansiId: $i, month: $m) { locked } }', month),
    reopenTppMonth: async () =>
      h.gql(await h.token('karawang.admin'), 'mutation($i: ID!, $m: String!) { reopenTppMonth(instansiId: $i, month: $m, reason: "Koreksi TK setelah banding") { locked } }', month),
    // After the reopening: a Plt or a sanction is refused in a locked month of its range.
    recordPltAssignment: async () =>
      h.gql(await h.token('karawang.admin'), 'mutation($input: PltAssignmentInput!) { recordPltAssignment(input: $input) { id } }', {
        input: {
          employeeId: employee.employeeId, positionTitle: 'Plt. Kepala Bidang Anggaran', kelasJabatan: 12, jenisJabatan: 'ADMINISTRATOR',
          startDate: '2026-08-01', endDate: '2026-09-30', decisionReference: 'SPT 800/112/BKPSDM/2026',
        },
      }),
    recordDisciplinarySanction: async () =>
      h.gql(await h.token('karawang.admin'), 'mutation($input: DisciplinarySanctionInput!) { recordDisciplinarySanction(input: $input) { id } }', {
        input: { employeeId: employee.employeeId, code: 'RINGAN_1', fromMonth: MONTH, decisionReference: 'SK 862/45/BKPSDM/2026' },
      }),
  }),
});
