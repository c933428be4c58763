import { describe, expect, it } from 'vitest';
import { gapHeatmapOption, headcountChartOption, needLevelChartOption } from '../src/charts/options.ts';
import { dashboardHref, dashboardRegionCode } from '../src/dashboard/scope.ts';

const gaps = (averageGap: number | null, assessedEmployees = 10) => [
  { competency: { code: 'M.1', name: 'Integritas' }, averageGap, assessedEmployees },
  { competency: { code: 'M.2', name: 'Kerja Sama' }, averageGap: 0.5, assessedEmployees },
];

describe('dashboard charts', () => {
  it('draws headcounts largest at the top (ECharts draws categories bottom-up) with Indonesian numbers', () => {
    const option = headcountChartOption([
      { code: '32', name: 'Jawa Barat', headcount: 1234567 },
      { code: '36', name: 'Banten', headcount: 221 },
    ]);
    expect(option.yAxis.data).toEqual(['Banten', 'Jawa Barat']);
    expect(option.series[0]?.data.map((bar) => bar.code)).toEqual(['36', '32']);
    expect(option.series[0]?.label.formatter({ value: 1234567 })).toBe('1.234.567');
  });

  it('puts regions × competencies into the heatmap, leaving out regions nobody in was assessed', () => {
    const option = gapHeatmapOption([
      { code: '32', name: 'Jawa Barat', competencyGaps: gaps(-0.25) },
      { code: '11', name: 'Aceh', competencyGaps: gaps(null, 0) },
    ]);
    expect(option.yAxis.data).toEqual(['Jawa Barat']);
    expect(option.xAxis.data).toEqual(['M.1', 'M.2']);
    expect(option.series[0]?.data).toEqual([
      { value: [0, 0, -0.25], code: '32' },
      { value: [1, 0, 0.5], code: '32' },
    ]);
    expect(option.visualMap.formatter(-0.25)).toBe('-0,25');
  });

  it('stacks people per competency by the level they must reach', () => {
    const option = needLevelChartOption(
      [
        { competency: { code: 'M.1', name: 'Integritas' }, byNeedLevel: [{ level: 2, employees: 4 }, { level: 3, employees: 1 }] },
        { competency: { code: 'M.2', name: 'Kerja Sama' }, byNeedLevel: [{ level: 3, employees: 2 }] },
      ],
      (level) => `Level ${level}`,
    );
    expect(option.series.map((series) => [series.name, series.data])).toEqual([
      ['Level 2', [4, 0]],
      ['Level 3', [1, 2]],
    ]);
  });
});

describe('dashboard drill-down', () => {
  it.each([
    ['ID', '32', '32'],
    ['ID', null, 'ID'],
    ['32', '32.15', '32.15'],
    ['32', '36', '32'],
    ['32', '3215', '32'],
    ['32.15', '32', '32.15'],
  ])('viewer %s asking for %s sees %s', (viewer, drill, shown) => {
    expect(dashboardRegionCode(viewer, drill)).toBe(shown);
  });

  it('links to a region or back to the viewer’s own view', () => {
    expect(dashboardHref('32.15')).toBe('#/dasbor?wilayah=32.15');
    expect(dashboardHref(null)).toBe('#/dasbor');
  });
});
