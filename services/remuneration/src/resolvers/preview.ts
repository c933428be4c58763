// tppPreview ("simulasi TPP"): the simulation's input checked and turned into the same StatementInputs the
// monthly run builds from its read models, then the same pure computeStatement. Nothing is stored.
import { badUserInput } from '@kinerja/kit/errors';
import type { EntityManager } from '@kinerja/kit/db';
import { isMonth, monthEnd, monthStart } from '../domain/month.ts';
import { computeStatement, type StatementInputs } from '../domain/tpp-statement.ts';
import type { TppPreviewInput } from '../generated/resolvers-types.ts';
import { ruleFor } from '../repositories/rule-rows.ts';
import { statementShape } from './statement-shape.ts';

const STATUS_CODE = /^[A-Z][A-Z0-9_]{0,39}$/;
const daysKinds = { CUTI_BESAR: 'CUTI_BESAR', CLTN: 'CLTN', SAKIT: 'SAKIT', TUGAS_BELAJAR: 'TUGAS_BELAJAR' } as const;

function count(value: number | null | undefined, what: string): number {
  if (value == null || !Number.isInteger(value) || value < 0 || value > 31) throw badUserInput(`${what} harus bilangan bulat 0–31`, 'invalid_count');
  return value;
}

export function previewInputs(input: TppPreviewInput, month: string): StatementInputs {
  if (input.baseAmount != null && input.baseAmount < 0) throw badUserInput('Besaran dasar TPP tidak boleh negatif', 'negative_amount');
  if (input.baseAmount == null && input.kelasJabatan == null) throw badUserInput('Isi kelas jabatan atau besaran dasar TPP', 'missing_base');
  if (input.kelasJabatan != null && (input.kelasJabatan < 1 || input.kelasJabatan > 17)) throw badUserInput('Kelas jabatan harus 1–17', 'invalid_kelas_jabatan');
  const counts: Record<string, number> = {};
  const add = (code: string, n: number) => (counts[code] = (counts[code] ?? 0) + n);
  for (const occurrence of input.occurrences ?? []) {
    if (!STATUS_CODE.test(occurrence.code)) throw badUserInput(`Kode kejadian ${occurrence.code} tidak valid (contoh: TL1, PSW2, TK)`, 'invalid_code');
    if (occurrence.code in counts) throw badUserInput(`Kode kejadian ${occurrence.code} tercantum dua kali`, 'duplicate_entry');
    add(occurrence.code, count(occurrence.count, `Jumlah ${occurrence.code}`));
  }
  let plt: StatementInputs['plt'] = null;
  const sanctions: { code: string; fromMonth: string }[] = [];
  for (const exception of input.exceptions ?? []) {
    if (exception.kind === 'PLT') {
      if (exception.pltKelasJabatan == null && exception.pltBaseAmount == null) throw badUserInput('Plt: isi kelas jabatan atau besaran dasar jabatan Plt', 'missing_plt_position');
      if (exception.pltBaseAmount != null && exception.pltBaseAmount < 0) throw badUserInput('Besaran dasar jabatan Plt tidak boleh negatif', 'negative_amount');
      plt = { kelasJabatan: exception.pltKelasJabatan ?? 0, baseAmount: exception.pltBaseAmount ?? null };
    } else if (exception.kind === 'SANCTION') {
      if (!exception.sanctionCode || !exception.sanctionFromMonth || !isMonth(exception.sanctionFromMonth)) {
        throw badUserInput('Sanksi: isi kode sanksi dan bulan mulai (YYYY-MM)', 'invalid_sanction');
      }
      sanctions.push({ code: exception.sanctionCode, fromMonth: exception.sanctionFromMonth });
    } else {
      add(daysKinds[exception.kind], count(exception.days, `Jumlah hari ${exception.kind}`));
    }
  }
  return {
    month,
    position: { kelasJabatan: input.kelasJabatan ?? 0, jenisJabatan: input.jenisJabatan ?? null },
    golongan: input.golongan ?? null,
    baseAmount: input.baseAmount ?? null,
    predikat: input.predikat ? { predikat: input.predikat, year: Number(month.slice(0, 4)), period: 'SIMULASI', periodStart: monthStart(month), periodEnd: monthEnd(month), version: 0 } : null,
    attendance: { version: null, counts, days: [] },
    plt,
    sanctions,
  };
}

export async function previewStatement(em: EntityManager, input: TppPreviewInput, currentMonth: string) {
  const month = input.month ?? currentMonth;
  if (!isMonth(month)) throw badUserInput(`Bulan ${month} tidak valid; gunakan YYYY-MM`, 'invalid_month');
  const statementInputs = previewInputs(input, month);
  const rule = await ruleFor(em, input.instansiId ?? null, month);
  if (!rule) throw badUserInput(`Tidak ada aturan TPP yang berlaku untuk ${month}`, 'no_rule_in_force');
  const result = computeStatement(rule, statementInputs);
  if (!result.ok) throw badUserInput(result.message, result.reason);
  return statementShape(result.statement, { version: null, locked: false });
}
