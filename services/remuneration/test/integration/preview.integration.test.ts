// tppPreview, the "simulasi TPP" (issue 12 "API"): DOMAIN.md's worked examples and further cases through
// GraphQL with the same pure rules as the monthly run; the instansi's rule in force for the month, else
// the seeded default; bad inputs refused with a reason. Nothing is stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TPP_RULE } from '../../src/domain/default-rules.ts';
import { startHarness, type Harness } from '../support/harness.ts';
import { ruleInput } from '../support/rule-input.ts';

let harness: Harness;
let pegawai: string;
const INSTANSI = 'instansi-karawang-preview';

const PREVIEW = `query($input: TppPreviewInput!) { tppPreview(input: $input) {
  month base gross deductions tax net taxRateBasisPoints ruleVersion version locked
  lines { kind label amount source code count rateBasisPoints days inGross } cuts { cause amount } } }`;

interface Statement {
  base: number;
  gross: number;
  deductions: number;
  tax: number;
  net: number;
  ruleVersion: string;
  version: number | null;
  locked: boolean;
  lines: { kind: string; code: string | null; amount: number; label: string; inGross: boolean }[];
  cuts: { cause: string; amount: number }[];
}

async function preview(input: Record<string, unknown>) {
  const result = await harness.gql(pegawai, PREVIEW, { input });
  return { statement: result.data?.['tppPreview'] as Statement | undefined, errors: result.errors };
}

beforeAll(async () => {
  harness = await startHarness('remuneration_preview');
  pegawai = await harness.token('karawang.pegawai');
  await harness.sql(`insert into "instansi_scope" ("instansi_id", "region_code") values (?, '32.15')`, [INSTANSI]);
});

afterAll(async () => {
  await harness?.stop();
});

describe('tppPreview with the seeded default rule', () => {
  it('DOMAIN.md worked example: Seruyan kelas 15, Baik, TL1 × 2, TK × 1, golongan IV/a', async () => {
    const { statement, errors } = await preview({ month: '2026-08', kelasJabatan: 15, predikat: 'BAIK', golongan: 'IV/a', occurrences: [{ code: 'TL1', count: 2 }, { code: 'TK', count: 1 }] });
    expect(errors).toBeUndefined();
    expect(statement).toMatchObject({ base: 17_019_369, gross: 16_610_904, deductions: 408_464, tax: 2_491_636, net: 14_119_268, version: null, locked: false });
    expect(statement!.lines.map((l) => [l.kind, l.code, l.amount])).toEqual([
      ['BASE', null, 17_019_369],
      ['PERFORMANCE', 'BAIK', 10_211_621],
      ['DISCIPLINE', null, 6_807_748],
      ['DEDUCTION', 'TL1', -68_077],
      ['DEDUCTION', 'TK', -340_387],
      ['ROUNDING', null, -1],
      ['TAX', 'PPH21', -2_491_636],
    ]);
    expect(statement!.lines[3]!.label).toBe('Potongan TL1: 2 × 0,5% porsi disiplin');
  });

  it('DOMAIN.md worked example: Seruyan kelas 1, Butuh Perbaikan, TL4 × 3, PSW2 × 1, golongan II/b', async () => {
    const { statement } = await preview({ month: '2026-08', kelasJabatan: 1, predikat: 'BUTUH_PERBAIKAN', golongan: 'II/b', occurrences: [{ code: 'TL4', count: 3 }, { code: 'PSW2', count: 1 }] });
    expect(statement).toMatchObject({ base: 894_961, gross: 741_028, deductions: 19_689, tax: 0, net: 741_028 });
  });

  it.each([
    ['the cap (TK × 25)', { occurrences: [{ code: 'TK', count: 25 }] }, 6_000_000, 0],
    ['cuti besar', { exceptions: [{ kind: 'CUTI_BESAR', days: 5 }] }, 0, 0],
    ['a Plt of kelas 15 (20%)', { exceptions: [{ kind: 'PLT', pltKelasJabatan: 15 }] }, 13_403_874, 0],
    ['a light sanction this month (20%)', { exceptions: [{ kind: 'SANCTION', sanctionCode: 'RINGAN_1', sanctionFromMonth: '2026-08' }] }, 8_000_000, 0],
    ['no predikat (50% of the whole TPP)', { predikat: null }, 5_000_000, 0],
    ['golongan III/c (5%)', { golongan: 'III/c' }, 10_000_000, 500_000],
  ])('%s', async (_name, extra, gross, tax) => {
    const { statement, errors } = await preview({ month: '2026-08', baseAmount: 10_000_000, predikat: 'BAIK', ...extra });
    expect(errors).toBeUndefined();
    expect([statement!.gross, statement!.tax]).toEqual([gross, tax]);
  });
});

describe('tppPreview with an instansi rule', () => {
  it('uses the instansi\'s rule in force for the month and the default before it', async () => {
    const admin = await harness.token('karawang.admin');
    const set = await harness.gql(admin, `mutation($input: SetTppRuleInput!) { setTppRule(input: $input) { id } }`, {
      input: { instansiId: INSTANSI, effectiveFrom: '2026-01', legalBasis: 'Perbup 70/30 (uji)', rule: ruleInput({ ...DEFAULT_TPP_RULE, shares: { performanceBp: 7_000, disciplineBp: 3_000 } }) },
    });
    const ruleId = (set.data?.['setTppRule'] as { id: string }).id;
    const input = { instansiId: INSTANSI, baseAmount: 10_000_000, predikat: 'KURANG', occurrences: [{ code: 'TK', count: 2 }] };
    const inForce = await preview({ ...input, month: '2026-08' });
    // 7,000,000 × 50% + 3,000,000 × 90% = 6,200,000.
    expect([inForce.statement!.gross, inForce.statement!.ruleVersion]).toEqual([6_200_000, ruleId]);
    const before = await preview({ ...input, month: '2025-12' });
    // Default 60/40: 3,000,000 + 4,000,000 × 90% = 6,600,000.
    expect(before.statement!.gross).toBe(6_600_000);
    expect(before.statement!.ruleVersion).not.toBe(ruleId);
  });
});

describe('tppPreview refuses bad input', () => {
  it.each([
    ['a negative count', { kelasJabatan: 1, occurrences: [{ code: 'TL1', count: -1 }] }, 'invalid_count'],
    ['a count above 31', { kelasJabatan: 1, occurrences: [{ code: 'TK', count: 32 }] }, 'invalid_count'],
    ['a code twice', { kelasJabatan: 1, occurrences: [{ code: 'TK', count: 1 }, { code: 'TK', count: 1 }] }, 'duplicate_entry'],
    ['a lower-case code', { kelasJabatan: 1, occurrences: [{ code: 'tl1', count: 1 }] }, 'invalid_code'],
    ['neither kelas nor base', {}, 'missing_base'],
    ['a negative base', { baseAmount: -1 }, 'negative_amount'],
    ['kelas 18', { kelasJabatan: 18 }, 'invalid_kelas_jabatan'],
    ['a kelas the default has no base for', { kelasJabatan: 7 }, 'no_base_for_kelas'],
    ['a malformed month', { kelasJabatan: 1, month: '2026-8' }, 'invalid_month'],
    ['an unknown golongan', { kelasJabatan: 1, golongan: 'V/a' }, 'unknown_golongan'],
    ['an unknown sanction', { kelasJabatan: 1, exceptions: [{ kind: 'SANCTION', sanctionCode: 'ENTAH', sanctionFromMonth: '2026-01' }] }, 'unknown_sanction'],
    ['a sanction without month', { kelasJabatan: 1, exceptions: [{ kind: 'SANCTION', sanctionCode: 'RINGAN_1' }] }, 'invalid_sanction'],
    ['sick days without a number', { kelasJabatan: 1, exceptions: [{ kind: 'SAKIT' }] }, 'invalid_count'],
  ])('%s', async (_name, input, reason) => {
    const { errors } = await preview(input);
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason });
  });
});
