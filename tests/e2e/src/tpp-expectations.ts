/**
 * What the TPP pages must show for `npm start`'s demo seed (5000 employees, seed 1), derived rather than
 * copied: the seed's own generator gives the demo pegawai's closed month (tools/seed outcomes), the
 * seed's mapping gives what remuneration's read models hold, and remuneration's pure rules give the
 * amounts. The month moves with the calendar, so fixed strings would be wrong next month.
 */
import { createDataset } from '@kinerja/seed/dataset';
import { loadRegions } from '@kinerja/seed/regions';
import { remunerationBatchOf } from '@kinerja/seed/remuneration-rows';
import { demoTppRule } from '@kinerja/remuneration/bulk';
import { monthlyInputs } from '@kinerja/remuneration/domain/monthly-inputs';
import { computeStatement, type StatementInputs, type TppStatement } from '@kinerja/remuneration/domain/tpp-statement';
import type { TppRuleData } from '@kinerja/remuneration/domain/tpp-rule';

const idInteger = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 });
const idDate = new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const idMonth = new Intl.DateTimeFormat('id-ID', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** As the web app shows rupiah: `Rp 1.234.567`, `-Rp 12.345`. */
export const rupiah = (value: number): string => `${value < 0 ? '-' : ''}Rp ${idInteger.format(Math.abs(value))}`;
export const indonesianDate = (day: string): string => idDate.format(new Date(`${day}T00:00:00Z`));
export const indonesianMonth = (month: string): string => idMonth.format(new Date(`${month}-01T00:00:00Z`));

/** A rule version as the pure function takes it (the id only names it on the statement). */
export const ruleVersion = (data: TppRuleData) => ({ id: 'expected', effectiveFrom: '2019-01', effectiveUntil: null, legalBasis: '', data });

export function computed(data: TppRuleData, inputs: StatementInputs): TppStatement {
  const result = computeStatement(ruleVersion(data), inputs);
  if (!result.ok) throw new Error(result.message);
  return result.statement;
}

interface SeededStatement {
  nip: string;
  name: string;
  instansiId: string;
  instansiName: string;
  /** The instansi's region (a regency, or a province for the provincial government). */
  instansiRegion: string;
  regionCode: string;
  month: string;
  statement: TppStatement;
  tl1Days: string[];
}

/** Every generated employee's statement for the closed month, as the seed computes it (one pass). */
function seededStatements(): SeededStatement[] {
  const rule = demoTppRule();
  const all: SeededStatement[] = [];
  for (const batch of createDataset(loadRegions(), { employees: 5000, seed: '1' }).batches()) {
    const rows = remunerationBatchOf([batch]);
    const recaps = new Map(rows.recaps.map((r) => [r.employeeId, r]));
    for (const employee of batch.employees) {
      const recap = recaps.get(employee.id)!;
      const ratings = rows.ratings
        .filter((r) => r.employeeId === employee.id)
        .map((r) => ({ predikat: r.predikat, year: r.year, period: r.period, periodStart: r.periodStart, periodEnd: r.periodEnd, version: 1 }));
      const inputs = monthlyInputs(ruleVersion(rule), recap.month, { employeeId: employee.id, kelasJabatan: employee.kelasJabatan, jenisJabatan: employee.jenisJabatan, golongan: employee.golongan }, ratings, { version: 1, counts: recap.counts, days: recap.days });
      all.push({
        nip: employee.nip, name: employee.name, instansiId: batch.instansi.id, instansiName: batch.instansi.name, instansiRegion: batch.instansi.regionCode,
        regionCode: employee.regionCode, month: recap.month, statement: computed(rule, inputs), tl1Days: recap.days.filter((d) => d.code === 'TL1').map((d) => d.date),
      });
    }
  }
  return all;
}

const statements = seededStatements();
/** The seeded (previous, closed) month. */
export const seededMonth = statements[0]!.month;
const seededMonthName = indonesianMonth(seededMonth);

/** Texts of an employee's own slip on `#/tpp`: heading with the name, each TL1 day, base and net. */
export function slipTexts(nip: string): string[] {
  const own = statements.find((s) => s.nip === nip);
  if (!own) throw new Error(`no generated employee with NIP ${nip}`);
  const tl1 = own.statement.lines.find((line) => line.code === 'TL1');
  return [
    `Slip TPP ${seededMonthName} · ${own.name}`,
    ...(tl1 ? [tl1.label, own.tl1Days.map(indonesianDate).join(', '), rupiah(tl1.amount)] : []),
    rupiah(own.statement.base),
    rupiah(own.statement.net),
  ];
}

const paidIn = (selected: SeededStatement[]) => {
  const paid = selected.filter((s) => s.statement.gross > 0);
  return { headcountPaid: paid.length, net: paid.reduce((sum, s) => sum + s.statement.net, 0) };
};

/** The TPP card on a region's dashboard: the month's title, paid headcount and net total. */
export function dashboardTppTexts(regionCode: string): string[] {
  const inRegion = statements.filter((s) => regionCode === 'ID' || s.regionCode === regionCode || s.regionCode.startsWith(`${regionCode}.`));
  const totals = paidIn(inRegion);
  return [`TPP ${seededMonthName}`, rupiah(totals.net)];
}

/** The compute page of the instansi whose region is `instansiRegion` (the first instansi offered). */
export function computePageTexts(instansiRegion: string): string[] {
  const own = statements.filter((s) => s.instansiRegion === instansiRegion);
  if (own.length === 0) throw new Error(`no generated instansi in ${instansiRegion}`);
  const totals = paidIn(own);
  return [`Hitung TPP: ${own[0]!.instansiName}, ${seededMonthName}`, `Ringkasan TPP ${seededMonthName}`, idInteger.format(totals.headcountPaid), rupiah(totals.net)];
}

/** The simulation's first result: kelas 9, predikat Baik, nothing else, under the given rule (this month). */
export function simulationTexts(rule: TppRuleData, input: { kelasJabatan?: number; baseAmount?: number }): string[] {
  const month = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 7);
  const statement = computed(rule, {
    month,
    position: { kelasJabatan: input.kelasJabatan ?? 0, jenisJabatan: null },
    golongan: null,
    baseAmount: input.baseAmount ?? null,
    predikat: { predikat: 'BAIK', year: Number(month.slice(0, 4)), period: 'SIMULASI', periodStart: `${month}-01`, periodEnd: `${month}-28`, version: 0 },
    attendance: { version: null, counts: {}, days: [] },
    plt: null,
    sanctions: [],
  });
  return ['Hasil simulasi', rupiah(statement.net)];
}
