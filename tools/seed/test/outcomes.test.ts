import { defaultPredikatCells, predikatOf } from '@kinerja/performance/domain/predikat-matrix';
import { describe, expect, it } from 'vitest';
import { DEMO_PEGAWAI, createDataset } from '../src/dataset.ts';
import { countDayCodes, outcomesFor, seedWorkingDays } from '../src/outcomes.ts';
import { loadRegions } from '../src/regions.ts';

const today = '2026-11-29';
const batches = [...createDataset(loadRegions(), { employees: 3000, seed: 11, provinces: ['32'], today }).batches()];
const employees = batches.flatMap((b) => b.employees);
const outcomes = batches.flatMap((b) => b.outcomes);

describe('seed outcomes (ratings and day statuses shared by performance, attendance and remuneration)', () => {
  it('gives every employee, in order, one outcome; the same seed and day give the same outcome', () => {
    expect(outcomes.map((o) => o.employeeId)).toEqual(employees.map((e) => e.id));
    const first = employees[0]!;
    expect(outcomesFor(first, { seed: 11, today })).toEqual(outcomesFor(first, { seed: 11, today }));
    expect(outcomesFor(first, { seed: 12, today })).not.toEqual(outcomesFor(first, { seed: 11, today }));
  });

  it('rates the previous year (four quarters and the annual evaluation) and the quarters of this year that have ended', () => {
    const rated = outcomes.find((o) => o.ratings.length > 0)!;
    expect(rated.ratings.map((r) => `${r.year}/${r.period}`)).toEqual(['2025/Q1', '2025/Q2', '2025/Q3', '2025/Q4', '2025/ANNUAL', '2026/Q1', '2026/Q2', '2026/Q3']);
    for (const r of outcomes.flatMap((o) => o.ratings)) expect(r.predikat).toBe(predikatOf(defaultPredikatCells, r.hasilKerja, r.perilakuKerja));
  });

  it('has a realistic spread: about nine in ten with an SKP, mostly BAIK, every predikat present', () => {
    const withSkp = outcomes.filter((o) => o.ratings.length > 0).length / outcomes.length;
    expect(withSkp).toBeGreaterThan(0.85);
    expect(withSkp).toBeLessThan(0.95);
    const annual = outcomes.flatMap((o) => o.ratings.filter((r) => r.period === 'ANNUAL').map((r) => r.predikat));
    const share = (p: string) => annual.filter((x) => x === p).length / annual.length;
    expect(share('BAIK')).toBeGreaterThan(0.5);
    for (const p of ['SANGAT_BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG']) expect(share(p)).toBeGreaterThan(0);
  });

  it('gives each working day of the previous month and of this month before today one status, HADIR for most', () => {
    expect(seedWorkingDays(2026, 10)).toHaveLength(22);
    expect(seedWorkingDays(2026, 11, today)).toHaveLength(20);
    expect(seedWorkingDays(2026, 8)).not.toContain('2026-08-17');
    for (const o of outcomes.slice(0, 200)) {
      expect(o.months.map((m) => [m.month, m.closed, m.days.length])).toEqual([['2026-10', true, 22], ['2026-11', false, 20]]);
    }
    const days = outcomes.flatMap((o) => o.months.flatMap((m) => m.days));
    const counts = new Map(countDayCodes(days).map((c) => [c.code, c.count]));
    expect((counts.get('HADIR') ?? 0) / days.length).toBeGreaterThan(0.8);
    for (const code of ['TL1', 'TL4', 'PSW1', 'TK', 'CUTI', 'SAKIT', 'DINAS_LUAR'] as const) expect(counts.get(code) ?? 0).toBeGreaterThan(0);
  });

  it('keeps late and early minutes inside the bands of their codes (DOMAIN.md: 1–30, 31–60, 61–90, > 90 or missing)', () => {
    const bands: Record<string, [number, number]> = { 1: [1, 30], 2: [31, 60], 3: [61, 90], 4: [91, 10_000] };
    for (const day of outcomes.flatMap((o) => o.months.flatMap((m) => m.days))) {
      for (const code of day.codes) {
        const band = /^(TL|PSW)(\d)$/.exec(code);
        if (!band) continue;
        const [min, max] = bands[band[2]!]!;
        const missing = band[1] === 'TL' ? day.missingIn : day.missingOut;
        const minutes = band[1] === 'TL' ? day.lateMinutes : day.earlyMinutes;
        if (missing) expect(band[2]).toBe('4');
        else expect([minutes >= min, minutes <= max]).toEqual([true, true]);
      }
      if (day.codes.some((c) => ['CUTI', 'SAKIT', 'IZIN', 'DINAS_LUAR', 'TK'].includes(c))) expect(day.codes).toHaveLength(1);
    }
  });

  it('always rates the demo pegawai and gives her previous month a late day, an early leave and a day of cuti', () => {
    const demo = employees.findIndex((e) => e.nip === DEMO_PEGAWAI.nip);
    const previous = outcomes[demo]!.months[0]!;
    expect(outcomes[demo]!.ratings.length).toBeGreaterThan(0);
    const codes = countDayCodes(previous.days).map((c) => c.code);
    expect(codes).toEqual(expect.arrayContaining(['TL1', 'PSW1', 'CUTI']));
  });
});
