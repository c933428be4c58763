import { describe, expect, it } from 'vitest';
import { formatInstant } from '../src/format/date.ts';
import { formatBasisPoints, formatRupiah } from '../src/format/number.ts';
import { addMonths, currentMonth, formatMonth, isMonth, previousMonth, recentMonths } from '../src/tpp/month.ts';
import { payrollFileName, payrollUrl } from '../src/tpp/payroll-export.ts';
import { previewInput, type SimulationForm } from '../src/tpp/simulation.ts';
import { runPercent, summaryDifferences } from '../src/tpp/summary-diff.ts';

describe('TPP months (YYYY-MM, WIB)', () => {
  it.each([
    ['2026-01', -1, '2025-12'],
    ['2025-12', 1, '2026-01'],
    ['2026-10', -13, '2025-09'],
    ['2026-10', 0, '2026-10'],
  ])('%s %+d → %s', (month, count, expected) => {
    expect(addMonths(month, count)).toBe(expected);
  });

  it('takes the month in Western Indonesia Time: 31 October 20:00 UTC is already November in Jakarta', () => {
    expect(currentMonth(new Date('2026-10-31T20:00:00Z'))).toBe('2026-11');
    expect(previousMonth(new Date('2026-10-31T20:00:00Z'))).toBe('2026-10');
    expect(previousMonth(new Date('2026-01-15T00:00:00Z'))).toBe('2025-12');
  });

  it('names months in Bahasa Indonesia and lists the switcher newest first', () => {
    expect(formatMonth('2026-10')).toBe('Oktober 2026');
    expect(formatMonth('2026-13')).toBe('2026-13');
    expect(recentMonths('2026-02', 3)).toEqual(['2026-02', '2026-01', '2025-12']);
    expect([isMonth('2026-10'), isMonth('2026-00'), isMonth(null), isMonth('26-10')]).toEqual([true, false, false, false]);
  });
});

describe('rupiah and rates the Indonesian way', () => {
  it.each([
    [1234567, 'Rp 1.234.567'],
    [-12345, '-Rp 12.345'],
    [0, 'Rp 0'],
    [null, '–'],
  ])('%s → %s', (value, expected) => {
    expect(formatRupiah(value)).toBe(expected);
  });

  it('shows a moment in Western Indonesia Time, and nothing for a missing one', () => {
    expect(formatInstant('2026-11-29T10:30:00Z')).toBe('29 November 2026 pukul 17.30');
    expect([formatInstant(null), formatInstant('kemarin')]).toEqual(['–', 'kemarin']);
  });

  it.each([
    [50, '0,5%'],
    [125, '1,25%'],
    [1500, '15%'],
  ])('%d bp → %s', (bp, expected) => {
    expect(formatBasisPoints(bp)).toBe(expected);
  });
});

describe('simulation form → tppPreview input', () => {
  const form = (changes: Partial<SimulationForm>): SimulationForm => ({
    mode: 'kelas',
    kelasJabatan: 9,
    baseAmount: 5_000_000,
    predikat: 'BAIK',
    golongan: '',
    occurrences: { TL1: 2, TK: 0, PSW1: null },
    ...changes,
  });

  it('sends the kelas or the base amount, only non-zero occurrences, and leaves out an empty predikat or golongan', () => {
    expect(previewInput(form({}))).toEqual({ kelasJabatan: 9, predikat: 'BAIK', occurrences: [{ code: 'TL1', count: 2 }] });
    expect(previewInput(form({ mode: 'amount', predikat: '', golongan: 'III/c' }))).toEqual({ baseAmount: 5_000_000, golongan: 'III/c', occurrences: [{ code: 'TL1', count: 2 }] });
  });

  it.each([
    ['a fractional count', { occurrences: { TL1: 1.5 } }],
    ['a negative count', { occurrences: { TK: -1 } }],
    ['more days than a month has', { occurrences: { TK: 32 } }],
    ['kelas 18', { kelasJabatan: 18 }],
    ['an empty base amount', { mode: 'amount' as const, baseAmount: null }],
  ])('holds back %s', (_name, changes) => {
    expect(previewInput(form(changes))).toBeNull();
  });
});

describe('compute page', () => {
  it('shows each summary figure before, after and the difference', () => {
    const before = { headcountPaid: 68, gross: 1000, deductions: 50, tax: 10, net: 990 };
    const after = { headcountPaid: 68, gross: 900, deductions: 150, tax: 9, net: 891 };
    expect(summaryDifferences(before, after).map((d) => [d.key, d.difference])).toEqual([
      ['headcountPaid', 0],
      ['gross', -100],
      ['deductions', 100],
      ['tax', -1],
      ['net', -99],
    ]);
  });

  it.each([
    [{ processed: 0, total: 68, status: 'RUNNING' }, 0],
    [{ processed: 34, total: 68, status: 'RUNNING' }, 50],
    [{ processed: 67, total: 68, status: 'RUNNING' }, 98],
    [{ processed: 68, total: 68, status: 'DONE' }, 100],
    [{ processed: 0, total: 0, status: 'DONE' }, 100],
  ])('progress of %o is %d %%', (run, percent) => {
    expect(runPercent(run)).toBe(percent);
  });

  it('builds the payroll export URL and a file name from the instansi name', () => {
    expect(payrollUrl('', 'abc', '2026-10', 'csv')).toBe('/exports/tpp-payroll.csv?instansiId=abc&month=2026-10');
    expect(payrollUrl('http://localhost:4005/', 'a b', '2026-10', 'xlsx')).toBe('http://localhost:4005/exports/tpp-payroll.xlsx?instansiId=a+b&month=2026-10');
    expect(payrollFileName('Pemerintah Kabupaten Karawang', '2026-10', 'xlsx')).toBe('tpp-pemerintah-kabupaten-karawang-2026-10.xlsx');
  });
});
